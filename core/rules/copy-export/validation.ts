// What the exporting TS7700 checks before it accepts a Copy Export of a pool (Redbook §11.5.1,
// §11.6.2, §11.6.3 step 4): LIBRARY EXPORT refuses on the first error, the planner lists them all.
// The export-list-volume checks (CBR3726I code 32, the list in the exported pool) stay in process.ts:
// they need a list volume, which a plan does not have.

import type { GridState } from '../../world/state.js';
import { copyExportedCount, poolOf } from '../../world/tape/library.js';
import { ioStationFull } from '../physical/io-station.js';
import { libraryOf } from '../physical/tape-state.js';
import { activeRun } from './routing.js';
import { clusterAt } from '../../model/grid-lookup.js';

/** Redbook §11.5.1: "A minimum of four physical tape drives must be available". */
export const MIN_EXPORT_DRIVES = 4;

export interface ExportCheck {
  level: 'error' | 'warning';
  code: string;
  message: string;
  /** the Redbook paragraph the rule comes from */
  source: string;
  /** 'pool': checked before the export list volume's pool; 'resources': after it (LIBRARY EXPORT order) */
  stage: 'pool' | 'resources';
}

/** The refusals LIBRARY EXPORT would give for `pool` on cluster `c` now, in the order it checks them. */
export function exportChecks(state: GridState, c: number, poolNumber: number): ExportCheck[] {
  const out: ExportCheck[] = [];
  const error = (stage: ExportCheck['stage'], code: string, source: string, message: string) => out.push({ level: 'error', code, message, source, stage });
  const cluster = clusterAt(state, c);
  const lib = libraryOf(state, c);
  if (!lib) {
    error('pool', 'NOT_TAPE_ATTACHED', '§11.5.2', `${cluster.name} is disk-only: Copy Export needs a tape-attached cluster`);
    return out;
  }
  if (cluster.status !== 'online') error('pool', 'CLUSTER_UNAVAILABLE', '§11.5.4', `${cluster.name} is ${cluster.status}`);
  const running = activeRun(state);
  if (running) error('pool', 'EXPORT_IN_PROGRESS', '§11.5.1', `export for list volume ${running.listVolser} on ${running.library} is in progress: one Copy Export at a time`);
  if (state.tape.insertUntil > state.now) error('pool', 'INSERT_IN_PROGRESS', '§11.5.1', 'logical volume insert processing is in progress: Copy Export and insert are mutually exclusive');
  const pool = poolOf(lib, poolNumber);
  if (!pool || !pool.copyExport) error('pool', 'NOT_COPY_EXPORT_POOL', '§11.5.1', `pool ${poolNumber} on ${cluster.name} is not defined as a Copy Export pool`);
  if (!lib.ioStation.present) error('resources', 'NO_IO_STATION', '§11.5.1', `${cluster.name}'s library has no I/O station: Copy Export is not accepted`);
  else if (ioStationFull(lib)) error('resources', 'IO_STATION_FULL', '§11.5.1', `${cluster.name}'s I/O station is full: empty it before Copy Export`);
  if (cluster.drivesAvailable < MIN_EXPORT_DRIVES) {
    error('resources', 'TOO_FEW_DRIVES', '§11.5.1, §11.6.2 step 2', `${cluster.name} has ${cluster.drivesAvailable} physical drives available: Copy Export needs at least ${MIN_EXPORT_DRIVES}`);
  }
  const exported = copyExportedCount(lib);
  if (exported >= lib.copyExportLimit) {
    error('resources', 'COPY_EXPORT_LIMIT', '§11.5.1, §11.6.2 step 3', `${cluster.name} has ${exported} copy-exported stacked volumes, its limit is ${lib.copyExportLimit}`);
  }
  return out;
}
