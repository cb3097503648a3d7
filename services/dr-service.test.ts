// DR testing through the contract: readiness, a wizard run that survives a restart, the report.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConsoleService, type ConsoleService } from './console-service.js';
import { sqliteSessionStore } from './sqlite-session-store.js';

async function ok<T = any>(promise: Promise<{ ok: boolean }>): Promise<T> {
  const reply = (await promise) as { ok: boolean; result?: T; error?: unknown };
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.result as T;
}

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
    expect(list.map((w) => w.source)).toEqual(['Redbook §11.10.1', 'Redbook §11.10.2', 'Redbook §11.10.3', 'Redbook §11.10.4', 'seed 000 claims 1-20; Redbook §11.4.1']);
    let state = await ok<any>(first.handle('wizard.start', { wizardId: 'swp-two-cluster' }));
    expect(state.next.lines).toEqual(['VARY DRHOST CL1 OFFLINE']); // PRODHOST's CL1 devices are offline in the sample already
    state = await ok<any>(first.handle('wizard.step', { acknowledge: false }));
    expect(state.last).toEqual({ stepId: 'vary-offline', refused: false });
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
});
