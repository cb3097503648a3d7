// One export list volume, several exports: each run keeps the status file it wrote (Redbook §11.5:
// "It is essential that you keep this file"; the export history of issue 5 item 4 shows every run's).
// The logical records come back from the run's columns, the stacked-volume records from what the run
// kept at its end — bounded, and carried through a checkpoint.

import { assert, describe, expect, it } from 'vitest';
import { Rig } from '../../runbook/testing.js';
import { restoreState, serializeState } from '../../engine/checkpoint.js';
import { showExportStatus, STATUS_SNAPSHOT_LIMIT } from './status-file.js';
import { exportRunAt } from '../physical/tape-state.js';

const GRID = `SEED 1
GRID GRID01
SITE PROD
CLUSTER CL0 SITE PROD MODEL TAPE DRIVES 8 IOSTATION
HOST PRODHOST SITE PROD ROLE PRODUCTION DEVICES CL0
MC MCCE COPY R SECONDARY 8
MC MCLIST COPY R
POOL CL0 8 MEDIA JJ FORMAT J1A COPYEXPORT SCRATCH 20
PRELOAD A00000-A00009 ON CL0 MC MCCE SIZE 10GB
INSERT EXP000-EXP009 ON CL0 CATEGORY 000F
ADVANCE 1m
EXPORTLIST EXP000 ON CL0 POOL 8 HOLD MC MCLIST
LIBRARY EXPORT,EXP000
ADVANCE UNTIL IDLE`;

// Redbook §11.5.3: rewritten volumes get new secondary copies, which go out with the next export.
const SECOND = `MOUNT A00000 ON CL0 HOST PRODHOST
WRITE A00000 1GB
DEMOUNT A00000
PRELOAD B00000-B00004 ON CL0 MC MCCE SIZE 10GB
ADVANCE 1m
EXPORTLIST EXP000 ON CL0 POOL 8 HOLD MC MCLIST
LIBRARY EXPORT,EXP000
ADVANCE UNTIL IDLE`;

describe('export status file per run (Redbook §11.5, §11.6.3)', () => {
  it('a list volume reused for a second export still shows the first run its own status file', () => {
    const rig = new Rig(GRID);
    const state = () => rig.session.engine.state;
    const first = showExportStatus(state(), 'EXP000', null);
    expect(first.state).toBe('completed');
    expect(first.statusFile.records.some((r) => r.startsWith('A00005,'))).toBe(true);
    rig.all(SECOND);
    const runs = state().tape.exports.filter((r) => r.listVolser === 'EXP000');
    expect(runs).toHaveLength(2);
    const [firstRun] = runs;
    assert.isDefined(firstRun, 'the first run of EXP000');
    const latest = showExportStatus(state(), 'EXP000', null);
    // The second run exported B00000-B00004 and A00000's new copy; its file lists more stacked volumes.
    expect(latest.statusFile.records.some((r) => r.startsWith('B00000,'))).toBe(true);
    expect(latest.statusFile).not.toEqual(first.statusFile);
    // The first run, asked by its number, reads back exactly the file it wrote.
    const again = showExportStatus(state(), 'EXP000', null, undefined, firstRun.id);
    expect(again.statusFile).toEqual(first.statusFile);
    expect(again.started).toBe(first.started);
    expect(again.statusFile.records.some((r) => r.startsWith('B00000,'))).toBe(false);
    expect(showExportStatus(state(), 'EXP000', null, undefined, runs[1]?.id).statusFile).toEqual(latest.statusFile);
    // A run number of another list volume is refused, not answered with the wrong file.
    expect(() => showExportStatus(state(), 'EXP001', null, undefined, firstRun.id)).toThrow(/holds no export list|did not use list volume/);
  });

  it('the kept file survives a checkpoint and stays bounded', () => {
    const rig = new Rig(GRID);
    rig.all(SECOND);
    const state = rig.session.engine.state;
    const firstId = exportRunAt(state, 0).id;
    const before = showExportStatus(state, 'EXP000', null, undefined, firstId).statusFile;
    const restored = restoreState(serializeState(state));
    expect(showExportStatus(restored, 'EXP000', null, undefined, firstId).statusFile).toEqual(before);
    for (const run of state.tape.exports) {
      expect(run.statusStacked?.records.length).toBeLessThanOrEqual(STATUS_SNAPSHOT_LIMIT);
      expect(run.statusStacked?.records.every((r) => r.length <= 80)).toBe(true);
    }
  });
});
