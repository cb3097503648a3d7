// The Copy Export view's data and planner (issue 5 item 4): the overview reads the same state the
// library requests report, and the planner predicts what LIBRARY EXPORT then does — requested and
// exportable volumes, stacked volumes, scratch cartridges, time — without changing anything
// (Redbook §11.6.2: validate drives, scratch and the copy-exported limit before you export).

import { assert, describe, expect, it } from 'vitest';
import { Rig } from '../../runbook/testing.js';
import { serializeState } from '../../engine/checkpoint.js';
import { parseIsoTime } from '../../sim/time.js';
import { exportOverview, planExport } from './overview.js';

const GRID = `SEED 1
GRID GRID01
SITE PROD
CLUSTER CL0 SITE PROD MODEL TAPE DRIVES 6 IOSTATION
CLUSTER CL1 SITE PROD MODEL DISK
HOST PRODHOST SITE PROD ROLE PRODUCTION DEVICES CL0,CL1
MC MCCE COPY RN SECONDARY 8
MC MCDEF COPY DR SECONDARY 8
MC MCLIST COPY RN
POOL CL0 8 MEDIA JJ FORMAT J1A COPYEXPORT SCRATCH 20
PRELOAD A00000-A00029 ON CL0 MC MCCE SIZE 10GB
INSERT EXP000-EXP009 ON CL0 CATEGORY 000F
INSERT S00000-S00099 ON CL0
INSERT T00000-T00099 ON CL1
ADVANCE 1m`;

function sameState(rig: Rig, before: ReturnType<typeof serializeState>): void {
  const after = serializeState(rig.session.engine.state);
  expect(JSON.stringify(after.meta)).toBe(JSON.stringify(before.meta));
  for (const [name, blob] of Object.entries(before.blobs)) expect(Buffer.from(after.blobs[name] ?? []).equals(Buffer.from(blob)), name).toBe(true);
}

describe('planExport (Redbook §11.6.2)', () => {
  it('predicts requested, exportable, stacked volumes, scratch and time, then the export does that', () => {
    const rig = new Rig(GRID);
    // cache-only volumes to copy during the export (E0016/E0017), one mounted, one not valid on CL0 (E0024)
    rig.all(
      'EXPORTLIST EXP000 ON CL0 POOL 8 MC MCLIST\nJOB PRODHOST WRITE 12 SCRATCH ON CL0 MC MCCE SIZE 10GB\nMOUNT A00000 ON CL0 HOST PRODHOST\nJOB PRODHOST WRITE 1 SCRATCH ON CL1 MC MCDEF SIZE 1GB',
    );
    const state = rig.session.engine.state;
    const before = serializeState(state);
    const plan = planExport(state, 'CL0', 8);
    sameState(rig, before);
    expect(plan.planner).toBe('core/rules/copy-export/overview.ts');
    expect(plan.checks.filter((c) => c.level === 'error')).toEqual([]);
    expect(plan.checks.map((c) => c.code).sort()).toEqual(['E0024', 'MOUNTED']);

    const started = rig.ok('LIBRARY EXPORT,EXP000');
    rig.ok('ADVANCE UNTIL IDLE');
    const status = rig.ok('SHOW EXPORTSTATUS EXP000 LIMIT 0');
    expect(plan.requested).toBe(started.requested);
    expect(plan.exportable).toBe(started.exportable);
    expect(plan.invalid).toBe(started.invalid);
    expect(plan.toCopyFromCache).toBe(started.toCopy);
    expect(plan.mounted).toBe(status.mounted);
    expect(plan.stackedVolumes.total).toBe(status.stacked);
    expect(plan.copyExported.after).toBe(status.stacked);
    // 30 preloaded on six cartridges (five 10 GB volumes on a 60 GB JJ); the 12 copied need three more
    expect(plan.stackedVolumes).toEqual({ existing: 6, new: 3, total: 9 });
    expect(plan.scratch).toEqual({ needed: 3, available: 10_020, short: 0 });
    const actualSeconds = ((parseIsoTime(status.ended) ?? NaN) - (parseIsoTime(status.started) ?? NaN)) / 1000;
    expect(Math.abs(plan.seconds.total - actualSeconds)).toBeLessThanOrEqual(Math.max(5, actualSeconds * 0.05));
    // §11.6.5 counts the data on the exported stacked volumes: the mounted volume's copy on one of them too
    expect(plan.mbToExport).toBe(status.mbExported);
  });

  it('lists every refusal LIBRARY EXPORT would give and warns of scratch shortage and the limit', () => {
    const rig = new Rig(`${GRID}\nPOOL CL0 0 SCRATCH 0\nPOOL CL0 8 SCRATCH 0\nDRIVES CL0 AVAILABLE 3\nIOSTATION CL0 FULL`);
    rig.all('JOB PRODHOST WRITE 12 SCRATCH ON CL0 MC MCCE SIZE 10GB\nSETTING CL0 COPYEXPORTLIMIT 4');
    const plan = planExport(rig.session.engine.state, 'CL0', 8);
    const codes = plan.checks.map((c) => `${c.level}:${c.code}`);
    expect(codes).toContain('error:IO_STATION_FULL');
    expect(codes).toContain('error:TOO_FEW_DRIVES');
    expect(codes).toContain('warning:SCRATCH_SHORT');
    expect(codes).toContain('warning:LIMIT_REACHED');
    expect(plan.scratch.short).toBeGreaterThan(0);
    expect(plan.copyExported).toMatchObject({ now: 0, after: 4, limit: 4 });
    expect(planExport(rig.session.engine.state, 'CL0', 7).checks.map((c) => c.code)).toContain('NOT_COPY_EXPORT_POOL');
    expect(planExport(rig.session.engine.state, 'CL1', 8).checks.map((c) => c.code)).toEqual(['NOT_TAPE_ATTACHED']);
  });
});

describe('exportOverview', () => {
  it('shows pools, stacked volumes with state and location, exports newest first and the limit', () => {
    const rig = new Rig(GRID);
    rig.all('EXPORTLIST EXP000 ON CL0 POOL 8 HOLD MC MCLIST\nLIBRARY EXPORT,EXP000\nADVANCE UNTIL IDLE\nEXPORTLIST EXP001 ON CL0 POOL 8 MC MCLIST');
    const view = exportOverview(rig.session.engine.state);
    const [lib] = view.libraries;
    assert.isDefined(lib, 'CL0 has a library');
    expect(view.libraries.map((l) => l.cluster)).toEqual(['CL0']);
    expect(lib.copyExported).toBe(6);
    expect(lib.copyExportLimit).toBe(2000);
    const pool8 = lib.pools.find((p) => p.pool === 8);
    const poolcnt = rig.ok('LI REQ,CL0,POOLCNT').pools.find((p: { pool: number }) => p.pool === 8);
    expect(pool8).toMatchObject({ copyExport: true, reclaimPool: 8, scratch: poolcnt.empty, copyExported: poolcnt.copyExported, full: poolcnt.full, logicalVolumes: 30 });
    expect(lib.stackedVolumes[0]).toMatchObject({ pvol: 'SA0001', state: 'copy-exported', location: 'export-hold', dbBackup: true });
    expect(view.exports[0]).toMatchObject({ listVolser: 'EXP000', state: 'completed', completion: 'CBR3855I', exported: 30, stacked: 6, option: 'HOLD' });
    expect(view.exportLists.map((l) => [l.volser, l.runs])).toEqual([
      ['EXP000', 1],
      ['EXP001', 0],
    ]);
    expect(view.activeExport).toBeNull();
    rig.ok('LIBRARY EXPORT,EXP001');
    expect(exportOverview(rig.session.engine.state).activeExport).toBe('EXP001');
  });
});
