// Copy Export at volume scale (issue 5; Redbook §11.6.3–§11.6.5): a tape-attached cluster whose Copy
// Export pool holds `volumes` logical volumes (secondary copies on its stacked volumes), exported in
// one LIBRARY EXPORT. The figure is the wall time from LIBRARY EXPORT to the completion message
// CBR3855I (ADVANCE UNTIL IDLE carries the run through its stacked volumes), through the real Session.

import { performance } from 'node:perf_hooks';
import { Session } from '../core/session.js';
import { runText, type Figures } from './figures.js';
import { volserRanges } from './scenarios.js';

// PG0: the volumes are migrated (on tape only), as a pool of a million would be; the export list volume
// has a Management Class of its own (Redbook §11.6.3 Important).
const GRID = `GRID BENCHCE
SITE PROD
CLUSTER CL0 SITE PROD MODEL TAPE DRIVES 16 IOSTATION
HOST PRODHOST SITE PROD ROLE PRODUCTION DEVICES CL0
MC MCCE COPY R SECONDARY 8 PG0
MC MCLIST COPY R
POOL CL0 8 MEDIA JC FORMAT E07 COPYEXPORT SCRATCH 1000`;

interface ExportStatus {
  requested: number;
  exported: number;
  stacked: number;
  mbExported: number;
  completion: string | null;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The pool and its export list volume, ready for LIBRARY EXPORT. */
export function exportGrid(volumes: number): Session {
  const session = new Session(null, 1);
  runText(session, [
    ...GRID.split('\n'),
    ...volserRanges(0, volumes).map((r) => `PRELOAD ${r} ON CL0 MC MCCE SIZE 1GB`),
    'INSERT EXP000 ON CL0 CATEGORY 000F',
    'ADVANCE 1m',
    'EXPORTLIST EXP000 ON CL0 POOL 8 EJECT MC MCLIST',
  ]);
  return session;
}

/** export1M: LIBRARY EXPORT of the pool to CBR3855I, wall seconds; the statistics checked. */
export function exportPool(volumes = 1_000_000): Figures {
  const session = exportGrid(volumes);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const records = runText(session, ['LIBRARY EXPORT,EXP000', 'ADVANCE UNTIL IDLE']);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const completion = records[1]!.messages.find((m) => m.id === 'CBR3855I' || m.id === 'CBR3856I');
  const status = runText(session, ['SHOW EXPORTSTATUS EXP000 LIMIT 0'])[0]!.result as ExportStatus;
  if (completion?.id !== 'CBR3855I' || status.exported !== volumes) {
    throw new Error(`export1M: ${completion?.id ?? 'no completion message'}, ${status.exported} of ${volumes} volumes exported`);
  }
  return {
    export1M: {
      value: round(seconds, 2),
      unit: 's',
      target: '<= 5 s',
      detail: {
        cpuSeconds: round((used.user + used.system) / 1e6, 2),
        volumes,
        requested: status.requested,
        exported: status.exported,
        stackedVolumes: status.stacked,
        mbExported: status.mbExported,
        simulated: `${records[0]!.time} → ${records[1]!.time}`,
      },
    },
  };
}
