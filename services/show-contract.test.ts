// The engine's SHOW answers against the contract's strict schemas (contract/show-api.ts, export-api.ts):
// a field the engine adds, drops or retypes fails here, before any view reads it. The grid goes through
// what fills every optional part: a flashed DR family with a DR mount, a copy export, a recovery.
import { describe, expect, it } from 'vitest';
import { clusterDetail, familyView, gridView, queuedVolume, queueView, readinessView, volumeDetail } from '../contract/show-api.js';
import { exportStatus, recoveryView, standaloneView } from '../contract/export-api.js';
import { commandResult, describeIssue, isJson } from '../contract/api.js';
import { Session } from '../core/session.js';
import { queuedVolumes, showCluster, showQueue, showVolume } from '../core/engine/show.js';
import { describeFamily } from '../core/engine/show-family.js';
import { readiness } from '../core/rules/readiness.js';
import { showExportStatus } from '../core/rules/copy-export/status-file.js';
import { showStandalone } from '../core/rules/recovery/standalone.js';
import { showRecovery } from '../core/rules/recovery/recover.js';
import { gridTopology } from './grid-topology.js';
import { COPY_EXPORT_CL2_POOL8 } from '../e2e/grids.js';
import type { z } from 'zod';

function run(session: Session, text: string) {
  const { commands, errors } = session.validate(text);
  expect(errors).toEqual([]);
  return commands.map((c) => session.run(c));
}

function parses(schema: z.ZodType, value: unknown) {
  const parsed = schema.safeParse(value);
  expect(parsed.success ? 'ok' : describeIssue(parsed.error)).toBe('ok');
}

describe('the SHOW answers parse with the contract', () => {
  it('SHOW GRID, CLUSTER, VOLUME, QUEUE, DRFAMILY and readiness on a flashed family during a test', () => {
    const session = new Session();
    const records = run(
      session,
      [
        'SAMPLE flash-dr-family',
        ...['CL2', 'CL3', 'CL4'].map((c) => `LI REQ,GRID01,DRSETUP,F1,ADD,${c}`),
        'LI REQ,GRID01,DRSETUP,F1,FLASH,ENABLE',
        'MOUNT A00001 ON CL2 HOST DRHOST',
        'JOB PRODHOST WRITE 20 SCRATCH ON CL0 MC MCPROD SIZE 100MB',
        'ADVANCE 1s',
      ].join('\n'),
    );
    expect(records.every((r) => r.ok)).toBe(true);
    const state = session.engine.state;
    parses(gridView, { ...session.engine.showGrid(), ...gridTopology(state) });
    for (const c of state.clusters) {
      parses(clusterDetail, showCluster(state, c.index));
      parses(queueView, showQueue(state, c.index));
      for (const q of queuedVolumes(state, c.index)) parses(queuedVolume, q);
    }
    parses(volumeDetail, showVolume(state, state.volumes.find('A00001')));
    const [family] = state.families;
    expect(family).toBeDefined();
    if (!family) return;
    parses(familyView, describeFamily(state, family));
    parses(readinessView, readiness(state, family));
    for (const r of records) expect(isJson(r.result), r.command).toBe(true);
  });

  it('SHOW EXPORTSTATUS, a stand-alone library and its recovery window', () => {
    const session = new Session();
    run(session, ['SAMPLE three-cluster-ha-dr', ...COPY_EXPORT_CL2_POOL8].join('\n'));
    const state = session.engine.state;
    parses(exportStatus, showExportStatus(state, 'EXP000', null));
    expect(showExportStatus(state, 'EXP000', null).exported).toBe(100);
    const recovered = run(session, 'STANDALONE DRLIB MODEL TAPE DRIVES 4 FORMATS E07,E08\nTRANSPORT EXPORTED FROM CL2 TO DRLIB\nRECOVER DRLIB FROM LATEST\nADVANCE UNTIL IDLE');
    expect(recovered.map((r) => r.error?.message ?? 'ok')).toEqual(['ok', 'ok', 'ok', 'ok']);
    const [library] = session.engine.state.tape.standalones;
    expect(library).toBeDefined();
    if (!library) return;
    parses(standaloneView, showStandalone(library));
    const window = showRecovery(session.engine.state, library);
    expect(window.summary).not.toBeNull();
    parses(recoveryView, window);
  });

  it('an extra field or a retyped one fails the strict schemas', () => {
    const session = new Session();
    run(session, 'SAMPLE three-cluster-ha-dr');
    const state = session.engine.state;
    const volume = showVolume(state, 0);
    expect(volumeDetail.safeParse({ ...volume, shelf: 'A1' }).success).toBe(false);
    expect(volumeDetail.safeParse({ ...volume, sizeMB: String(volume.sizeMB) }).success).toBe(false);
    expect(commandResult.safeParse({ rows: new Float64Array(2) }).success).toBe(false);
    expect(isJson({ rate: Infinity })).toBe(false);
  });
});

describe('stand-alone library', () => {
  it('SHOW CLUSTER and SHOW RECOVERY of a library no recovery ran on yet', () => {
    const session = new Session();
    run(session, 'SAMPLE three-cluster-ha-dr\nSTANDALONE DRLIB MODEL TAPE DRIVES 4');
    const [sa] = session.engine.state.tape.standalones;
    expect(sa).toBeDefined();
    if (!sa) return;
    parses(standaloneView, showStandalone(sa));
    parses(recoveryView, showRecovery(session.engine.state, sa));
  });
});
