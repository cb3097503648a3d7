// Copy Export and Copy Export Recovery through the contract: the planner predicts what LIBRARY EXPORT
// then does (Redbook §11.6.2, §11.6.5), the overview shows pools, stacked volumes, history with the
// status file and the limits, and an offline rehearsal moves the export set as a file from one console
// to another that shares nothing with it (issue 5 items 3–4, Redbook §11.7.2).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConsoleService, type ConsoleService } from './console-service.js';
import { COPY_EXPORT_CL2_POOL8_SETUP } from '../e2e/grids.js';
import { sqliteSessionStore } from './sqlite-session-store.js';
import { okAsync as ok } from './reply.fixture.js';

async function refused(promise: Promise<{ ok: boolean }>): Promise<{ code: string; message: string }> {
  const reply = (await promise) as { ok: boolean; error?: { code: string; message: string } };
  expect(reply.ok).toBe(false);
  return reply.error!;
}

async function exec(service: ConsoleService, line: string) {
  const r = await ok<{ records: { ok: boolean; error: { code: string } | null; result: any; messages: { id: string }[] }[]; errors: unknown[] }>(service.handle('console.execute', { line }));
  expect(r.errors, line).toEqual([]);
  return r.records[0]!;
}

/** The console sample's tape cluster CL2 (Redbook §11.4 Figure 11-15) set up as §11.5.2's example: a Copy Export pool 8. */
async function copyExportGrid(): Promise<ConsoleService> {
  const service = createConsoleService();
  for (const line of COPY_EXPORT_CL2_POOL8_SETUP) {
    const record = await exec(service, line);
    expect(record.ok, line).toBe(true);
  }
  return service;
}

async function exportPool8(service: ConsoleService) {
  expect((await exec(service, 'EXPORTLIST EXP000 ON CL2 POOL 8 EJECT MC MCELFVOL')).ok).toBe(true);
  expect((await exec(service, 'LIBRARY EXPORT,EXP000')).ok).toBe(true);
  return exec(service, 'ADVANCE UNTIL IDLE');
}

describe('Copy Export service', () => {
  it('the planner predicts the stacked volumes and statistics the export then reports (Redbook §11.6.2, §11.6.5)', async () => {
    const service = await copyExportGrid();
    const plan = await ok<any>(service.handle('export.plan', { cluster: 'CL2', pool: 8 }));
    expect(plan.checks.filter((c: { level: string }) => c.level === 'error')).toEqual([]);
    expect(plan).toMatchObject({ requested: 100, exportable: 100, mbToExport: 80_000, copyExported: { now: 0, limit: 2000 } });
    expect(plan.stackedVolumes.total).toBeGreaterThan(0);
    expect(plan.seconds.total).toBeGreaterThan(0);

    // §11.5.1: "A minimum of four physical tape drives must be available": the planner says so first.
    await exec(service, 'DRIVES CL2 AVAILABLE 3');
    const short = await ok<any>(service.handle('export.plan', { cluster: 'CL2', pool: 8 }));
    expect(short.checks).toContainEqual(expect.objectContaining({ level: 'error', code: 'TOO_FEW_DRIVES' }));
    await exec(service, 'DRIVES CL2 AVAILABLE 12');
    // §11.5.1: the pool must have been defined as a Copy Export pool.
    const primary = await ok<any>(service.handle('export.plan', { cluster: 'CL2', pool: 1 }));
    expect(primary.checks).toContainEqual(expect.objectContaining({ code: 'NOT_COPY_EXPORT_POOL' }));
    // A disk-only cluster exports nothing (§11.5.2).
    const disk = await ok<any>(service.handle('export.plan', { cluster: 'CL0', pool: 8 }));
    expect(disk.checks).toContainEqual(expect.objectContaining({ code: 'NOT_TAPE_ATTACHED' }));

    const started = Date.parse((await ok<any>(service.handle('export.overview', {}))).time);
    const idle = await exportPool8(service);
    expect(idle.messages.map((m) => m.id)).toContain('CBR3855I');
    const overview = await ok<any>(service.handle('export.overview', {}));
    const run = overview.exports[0];
    expect(run).toMatchObject({ listVolser: 'EXP000', library: 'CL2', state: 'completed', completion: 'CBR3855I', requested: plan.requested, exported: plan.exportable, mbExported: plan.mbToExport });
    expect(run.stacked).toBe(plan.stackedVolumes.total);
    // The planner's time is within a factor of two of what the simulation took.
    const took = (Date.parse(run.ended) - Date.parse(run.started)) / 1000;
    expect(plan.seconds.total).toBeGreaterThan(took / 2);
    expect(plan.seconds.total).toBeLessThan(took * 2 + 60);
    expect(Date.parse(run.started)).toBeGreaterThanOrEqual(started);

    const cl2 = overview.libraries.find((l: { cluster: string }) => l.cluster === 'CL2');
    expect(cl2).toMatchObject({ copyExported: run.stacked, copyExportLimit: 2000, ioStation: { present: true, held: run.stacked }, ejectedCopyExported: run.stacked });
    expect(cl2.pools.find((p: { pool: number }) => p.pool === 8)).toMatchObject({ copyExport: true, reclaimPool: 8, copyExported: run.stacked });
    // §11.6.3: "After a successful completion, all physical tapes related to the export pool are ejected."
    const exported = cl2.stackedVolumes.filter((p: { state: string }) => p.state === 'copy-exported');
    expect(exported).toHaveLength(run.stacked);
    expect(exported[0]).toMatchObject({ pool: 8, location: 'io-station', dbBackup: true });
    expect(overview.activeExport).toBeNull();

    // §11.5: the status file, rewritten from EXPORT STATUS 01 to 02, a record per logical volume.
    const status = await ok<any>(service.handle('export.status', { volser: 'EXP000' }));
    expect(status.statusFile.header).toBe('EXPORT STATUS 02');
    expect(status.statusFile.records).toContain(`E00042,${exported[0].pvol},00, EXPORTED`);
    // The next plan: nothing new or changed since the last export (§11.5.1).
    const again = await ok<any>(service.handle('export.plan', { cluster: 'CL2', pool: 8 }));
    expect(again).toMatchObject({ requested: 0, copyExported: { now: run.stacked } });
    expect(again.checks).toContainEqual(expect.objectContaining({ code: 'NOTHING_NEW' }));
  });

  it('the export history serves each run its own status file when one list volume is reused (Redbook §11.5)', async () => {
    const service = await copyExportGrid();
    await exportPool8(service);
    for (const line of ['PRELOAD F00000-F00009 ON CL0 MC MCCEDATA SIZE 800MB', 'ADVANCE 5m']) expect((await exec(service, line)).ok, line).toBe(true);
    await exportPool8(service);
    const overview = await ok<any>(service.handle('export.overview', {}));
    const runs = overview.exports.filter((r: { listVolser: string }) => r.listVolser === 'EXP000');
    expect(runs).toHaveLength(2);
    const [newest, oldest] = runs as { id: number; requested: number }[];
    expect(newest!.requested).toBe(10);
    expect(oldest!.requested).toBe(100);
    const fileOf = async (run?: number) => (await ok<any>(service.handle('export.status', { volser: 'EXP000', ...(run === undefined ? {} : { run }) }))).statusFile;
    const oldFile = await fileOf(oldest!.id);
    const newFile = await fileOf(newest!.id);
    // The first run's file lists its 100 volumes, not the second run's 10.
    expect(oldFile.records.filter((r: string) => r.startsWith('E000')).length).toBe(100);
    expect(oldFile.records.some((r: string) => r.startsWith('F00000,'))).toBe(false);
    expect(newFile.records.some((r: string) => r.startsWith('F00000,'))).toBe(true);
    expect(newFile.records.some((r: string) => r.startsWith('E00000,'))).toBe(false);
    expect(await fileOf()).toEqual(newFile);
    expect(await refused(service.handle('export.status', { volser: 'EXP000', run: 99 }))).toMatchObject({ code: 'NO_SUCH_EXPORT' });
  });

  it('an offline rehearsal: the export set saved on one console is uploaded to another and recovered there (Redbook §11.7.2)', async () => {
    const source = await copyExportGrid();
    await exportPool8(source);
    const save = await exec(source, 'SAVE EXPORTSET FROM CL2 cl2-pool8.tzset');
    expect(save.ok).toBe(true);
    const [entry] = await ok<any[]>(source.handle('exportset.list', {}));
    expect(entry).toMatchObject({ name: 'cl2-pool8.tzset', library: 'CL2', grid: 'GRID01', origin: 'saved', stackedVolumes: save.result.pvols.length });
    const { text } = await ok<{ text: string }>(source.handle('exportset.read', { name: 'cl2-pool8.tzset' }));
    expect(text.startsWith('TIMEZERO EXPORTSET 1\n')).toBe(true);
    // The same name again with other contents is refused: a journaled LOAD must keep reading what it read.
    await exec(source, 'ADVANCE 1h');
    expect((await exec(source, 'SAVE EXPORTSET FROM CL2 cl2-pool8.tzset')).error?.code).toBe('EXPORTSET_EXISTS');
    source.close();

    const target = createConsoleService({ sample: 'two-cluster-dr' });
    // A corrupt or truncated file is refused with a clear error and nothing is kept (issue 5 item 3).
    const corrupt = await refused(target.handle('exportset.upload', { name: 'cl2-pool8.tzset', text: text.replace('"CL2"', '"CLX"') }));
    expect(corrupt).toMatchObject({ code: 'BAD_EXPORTSET' });
    expect(corrupt.message).toContain('checksum mismatch');
    const truncated = await refused(target.handle('exportset.upload', { name: 'cl2-pool8.tzset', text: text.slice(0, text.length >> 1) }));
    expect(truncated.message).toContain('truncated');
    expect(await ok(target.handle('exportset.list', {}))).toEqual([]);
    // Over the contract's size cap: refused at the boundary with the field path.
    const huge = await refused(target.handle('exportset.upload', { name: 'big.tzset', text: 'x'.repeat(7 * 2 ** 20 + 1) }));
    expect(huge.message).toMatch(/^exportset.upload: text: export set larger than 7 MB/);

    const uploaded = await ok<any>(target.handle('exportset.upload', { name: 'cl2-pool8.tzset', text }));
    expect(uploaded).toMatchObject({ name: 'cl2-pool8.tzset', origin: 'uploaded', sha256: entry.sha256 });
    // The same file again is the same entry; other contents under the name get the next free name.
    expect((await ok<any>(target.handle('exportset.upload', { name: 'cl2-pool8.tzset', text }))).name).toBe('cl2-pool8.tzset');

    // §11.7.2: a stand-alone library, the export set loaded, recovered in DR test mode, the status window.
    expect((await exec(target, 'STANDALONE DRLIB MODEL TAPE DRIVES 4 FORMATS E07,E08')).ok).toBe(true);
    const load = await exec(target, 'LOAD EXPORTSET cl2-pool8.tzset INTO DRLIB');
    expect(load.ok).toBe(true);
    expect(load.result.loaded).toBe(entry.stackedVolumes);
    expect((await exec(target, 'RECOVER DRLIB FROM LATEST')).ok).toBe(true);
    await exec(target, 'ADVANCE 45s');
    let [sa] = await ok<any[]>(target.handle('recovery.status', {}));
    expect(sa.library).toMatchObject({ name: 'DRLIB', standalone: true, copyExportedVolumes: entry.stackedVolumes });
    expect(sa.recovery).toMatchObject({ operation: 'RECOVER', status: 'in progress', totalSteps: 15, currentStep: 2 });
    expect(sa.recovery.steps[0]).toMatchObject({ task: 'The TS7700 is taken offline.', status: 'done' });
    expect(sa.recovery.steps[1].status).toBe('running');
    await exec(target, 'ADVANCE UNTIL IDLE');
    [sa] = await ok<any[]>(target.handle('recovery.status', {}));
    expect(sa.recovery).toMatchObject({
      status: 'completed',
      overallStatus: 'Completed',
      summary: { recovered: 100, testMode: true, sourceLibrary: 'CL2', lost: { incompleteCopy: 0, stackedVolumeNotLoaded: 0, volserConflict: 0 } },
    });
    expect(sa.recovery.checklist.map((c: { source: string }) => c.source)).toContain('§11.7.3 step 1');
    target.close();
  });

  it('an uploaded export set stays with the grid database: the journaled LOAD replays after a restart', async () => {
    const source = await copyExportGrid();
    await exportPool8(source);
    await exec(source, 'SAVE EXPORTSET FROM CL2 set.tzset');
    const { text } = await ok<{ text: string }>(source.handle('exportset.read', { name: 'set.tzset' }));
    source.close();

    const db = join(mkdtempSync(join(tmpdir(), 'tz-exportset-')), 'console.db');
    const first = createConsoleService({ sample: 'two-cluster-dr', store: sqliteSessionStore(db) });
    await ok(first.handle('exportset.upload', { name: 'set.tzset', text }));
    await exec(first, 'STANDALONE DRLIB MODEL TAPE DRIVES 4');
    expect((await exec(first, 'LOAD EXPORTSET set.tzset INTO DRLIB')).ok).toBe(true);
    first.close();

    const second = createConsoleService({ store: sqliteSessionStore(db) });
    expect((await ok<any[]>(second.handle('exportset.list', {}))).map((e) => e.name)).toEqual(['set.tzset']);
    const [sa] = await ok<any[]>(second.handle('recovery.status', {}));
    expect(sa.library.copyExportedVolumes).toBeGreaterThan(0);
    second.close();
  });
});
