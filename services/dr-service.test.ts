// DR testing through the contract: readiness, a wizard run that survives a restart, the report.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConsoleService, type ConsoleService } from './console-service.js';
import { sqliteSessionStore } from './sqlite-session-store.js';
import { okAsync as ok } from './reply.fixture.js';

async function exec(service: ConsoleService, line: string) {
  const r = await ok<{ records: { ok: boolean }[]; errors: unknown[] }>(service.handle('console.execute', { line }));
  expect(r.errors).toEqual([]);
  return r.records[0];
}

describe('DR service', () => {
  it('families with readiness, and the DR test report as HTML and PDF', async () => {
    const service = createConsoleService({ sample: 'flash-dr-family' });
    for (const c of ['CL2', 'CL3', 'CL4']) await exec(service, `LI REQ,GRID01,DRSETUP,F1,ADD,${c}`);
    await exec(service, 'LI REQ,GRID01,DRSETUP,F1,LIVECOPY,FAMILY');
    await exec(service, 'LI REQ,GRID01,DRSETUP,F1,FLASH,ENABLE');
    await exec(service, 'MOUNT A00001 ON CL2 HOST DRHOST');
    const families = await ok<any[]>(service.handle('dr.families', {}));
    expect(families[0].family).toMatchObject({ name: 'F1', flash: 'enabled', clusters: ['CL2', 'CL3', 'CL4'] });
    expect(families[0].readiness).toMatchObject({ lost: 0 });
    const readiness = await ok<any>(service.handle('dr.readiness', { family: 'F1', cluster: 'CL2' }));
    expect(readiness.bySource.snapshot).toMatchObject({ CL2: expect.any(Number), CL3: 1 });
    const html = await ok<any>(service.handle('report.drTest', { family: 'F1', drHost: 'DRHOST', format: 'html' }));
    expect(html.mime).toBe('text/html');
    expect(html.text).toContain('MOUNT A00001 ON CL2 HOST DRHOST');
    const pdf = await ok<any>(service.handle('report.drTest', { family: 'F1', drHost: 'DRHOST', format: 'pdf' }));
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a wizard is paused, the console restarts, and the wizard resumes where it stopped', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'tz-wizard-')), 'console.db');
    const first = createConsoleService({ sample: 'two-cluster-dr', store: sqliteSessionStore(db) });
    const list = await ok<any[]>(first.handle('wizard.list', {}));
    expect(list.map((w) => w.source)).toEqual([
      'Redbook §11.10.1',
      'Redbook §11.10.2',
      'Redbook §11.10.3',
      'Redbook §11.10.4',
      'Flash copy for disaster recovery (DR) testing, claims 1-20; Redbook §11.4.1',
    ]);
    let state = await ok<any>(first.handle('wizard.start', { wizardId: 'swp-two-cluster' }));
    expect(state.next.lines).toEqual(['VARY DRHOST CL1 OFFLINE', 'ADVANCE 1m']); // PRODHOST's CL1 devices are offline in the sample already; varying takes a minute
    state = await ok<any>(first.handle('wizard.step', { acknowledge: false }));
    expect(state.last).toEqual({ stepId: 'vary-offline', refused: false, failed: false });
    state = await ok<any>(first.handle('wizard.pause', {}));
    expect(state.run.status).toBe('paused');
    expect((await first.handle('wizard.step', { acknowledge: true })) as { ok: boolean }).toMatchObject({ ok: false, error: { code: 'WIZARD_NOT_ACTIVE' } });
    first.close();

    const second = createConsoleService({ store: sqliteSessionStore(db) });
    state = await ok<any>(second.handle('wizard.state', {}));
    expect(state.run).toMatchObject({ wizardId: 'swp-two-cluster', status: 'paused', next: 1 });
    expect(state.next.id).toBe('write-protect');
    await ok(second.handle('wizard.resume', {}));
    state = await ok<any>(second.handle('wizard.step', { acknowledge: true }));
    expect(state.run.done.at(-1).records[0]).toMatchObject({ line: 'WRITEPROTECT CL1 ON IGNOREFASTREADY', ok: true });
    const grid = await ok<any>(second.handle('grid.show', {}));
    expect(grid.clusters.CL1.writeProtect).toBe(true);
    second.close();
  });

  it('every wizard change is announced as wizard.changed, so every window shows the same run', async () => {
    const service = createConsoleService({ sample: 'two-cluster-dr' });
    const seen: any[] = [];
    service.subscribe((e) => e.event === 'wizard.changed' && seen.push(e.payload));
    const list = await ok<any[]>(service.handle('wizard.list', {}));
    // The form starts from what the wizard would use on this grid (Redbook §11.10.1: DR cluster CL1).
    expect(list[0].defaults).toMatchObject({ production: ['CL0'], drCluster: 'CL1', productionHost: 'PRODHOST', drHost: 'DRHOST', drRange: 'TST000-TST999' });
    await ok(service.handle('wizard.start', { wizardId: 'swp-two-cluster', params: { drRange: 'QQ0000-QQ0099' } }));
    await ok(service.handle('wizard.step', { acknowledge: false }));
    await ok(service.handle('wizard.pause', {}));
    await ok(service.handle('wizard.resume', {}));
    await ok(service.handle('wizard.abandon', {}));
    expect(seen.map((s) => s.run?.status ?? null)).toEqual(['active', 'active', 'paused', 'active', null]);
    expect(seen[0].run.params.drRange).toBe('QQ0000-QQ0099');
    expect(seen[1]).toMatchObject({ run: { next: 1 }, last: { stepId: 'vary-offline', refused: false } });
  });

  it('the report of a wizard test keeps its time-zero after FLASH DISABLE ended the test', async () => {
    // Seed 000: the snapshot lives only while the test runs; the report must still say what time-zero gave.
    const service = createConsoleService({ sample: 'flash-dr-family' });
    await ok(service.handle('wizard.start', { wizardId: 'flash-dr-family', params: { familyClusters: ['CL2', 'CL3', 'CL4'], drCluster: 'CL2', production: ['CL0', 'CL1'] } }));
    let state = await ok<any>(service.handle('wizard.state', {}));
    const timeZeroAt: string[] = [];
    while (state.next) {
      if (state.next.id === 'vary-online') await exec(service, 'ADVANCE 1h'); // production goes on after time-zero
      state = await ok<any>(service.handle('wizard.step', { acknowledge: true }));
      expect(state.last.refused).toBe(false);
      if (state.last.stepId === 'time-zero') timeZeroAt.push(state.run.done.at(-1).at);
    }
    expect(state.run.status).toBe('finished');
    const families = await ok<any[]>(service.handle('dr.families', {}));
    expect(families[0].family).toMatchObject({ name: 'DRFAM', flash: 'disabled', timeZero: null });
    const html = await ok<any>(service.handle('report.drTest', { family: 'DRFAM', drHost: 'DRHOST', format: 'html' }));
    expect(html.text).toContain(`Time-zero: <strong>${timeZeroAt[0]!.replace(/\.000Z$/, 'Z')}</strong>`);
    expect(html.text).toContain('JOB DRHOST WRITE 10 SCRATCH ON CL2');
    expect(html.text).toContain('10 of 10 jobs succeeded');
    // A later time-zero of the family supersedes the kept report.
    await exec(service, 'LI REQ,GRID01,DRSETUP,DRFAM,FLASH,ENABLE');
    await exec(service, 'LI REQ,GRID01,DRSETUP,DRFAM,FLASH,DISABLE');
    const later = await ok<any>(service.handle('report.drTest', { family: 'DRFAM', drHost: 'DRHOST', format: 'html' }));
    expect(later.text).toContain('Time-zero: <strong>not established</strong>');
  });

  it('file.save hands a base64 PDF to the desktop port with its encoding', async () => {
    const saved: unknown[] = [];
    const service = createConsoleService({ sample: 'flash-dr-family', desktop: { saveFile: async (...args) => (saved.push(args), '/tmp/r.pdf') } });
    await ok(service.handle('file.save', { kind: 'report', name: 'r.pdf', text: 'JVBERi0=', encoding: 'base64' }));
    expect(saved).toEqual([['report', 'r.pdf', 'JVBERi0=', 'base64']]);
    expect(await service.handle('file.save', { kind: 'report', name: 'r.pdf', text: 'x', encoding: 'hex' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('encoding') },
    });
  });

  it('a Redbook §11.10 procedure without a DR family has a report too, kept after the wizard is closed (issue 4 item 4)', async () => {
    const service = createConsoleService({ sample: 'two-cluster-dr' });
    const none = await service.handle('report.drTest', { drHost: 'DRHOST', format: 'html' });
    expect(none).toMatchObject({ ok: false, error: { code: 'NO_DR_TEST' } });
    await ok(service.handle('wizard.start', { wizardId: 'swp-two-cluster', params: {} }));
    let state = await ok<any>(service.handle('wizard.state', {}));
    while (state.next) state = await ok<any>(service.handle('wizard.step', { acknowledge: true }));
    const start = state.run.done.find((d: { stepId: string }) => d.stepId === 'vary-online').at.replace(/\.000Z$/, 'Z');
    await ok(service.handle('wizard.abandon', {}));
    const html = await ok<any>(service.handle('report.drTest', { drHost: 'DRHOST', format: 'html' }));
    expect(html.name).toMatch(/^dr-test-swp-two-cluster-.*\.html$/);
    expect(html.text).toContain(`Test start: <strong>${start}</strong>`);
    expect(html.text).toContain('JOB DRHOST WRITE 10 SCRATCH ON CL1 MC MCDRTEST CATEGORY 0031');
    expect(html.text).toContain('10 of 10 jobs succeeded');
    expect(html.text).toContain('What would have been lost at the test start, per Management Class');
    const pdf = await ok<any>(service.handle('report.drTest', { drHost: 'DRHOST', format: 'pdf' }));
    expect(pdf.mime).toBe('application/pdf');
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // A FlashCopy family's report is still asked for by its family.
    expect(await service.handle('report.drTest', { family: 'NOFAM', drHost: 'DRHOST', format: 'html' })).toMatchObject({ ok: false, error: { code: 'NO_SUCH_FAMILY' } });
  });
});
