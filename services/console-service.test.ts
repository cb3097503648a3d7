// The console service behind both transports (contract/api.ts): every channel answers through
// handle(), requests and responses are checked against the contract, volumes.page filters the
// columnar store of the built-in sample (core/samples CONSOLE_SAMPLE: three-cluster-ha-dr, Redbook
// §11.4 Figure 11-15), and console commands raise events.

import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, MAX_PAYLOAD_BYTES, type Channel } from '../contract/api.js';
import { createConsoleService, type ConsoleService, type EngineEvent } from './console-service.js';
import { ok } from './reply.fixture.js';

/** One valid request per channel: the round trip must answer each with ok (file.save: UNSUPPORTED in web mode). */
const SAMPLE_REQUESTS: Record<Channel, unknown> = {
  'session.info': {},
  'console.execute': { line: 'SHOW CLUSTER CL1' },
  'command.impact': { text: 'SAMPLE three-cluster-ha-dr' },
  'runbook.validate': { text: 'SHOW GRID\nADVANCE 1m' },
  'runbook.step': { text: 'SHOW GRID\nADVANCE 1m', from: 0, to: 2 },
  'work.cancel': {},
  'grid.show': {},
  'cluster.show': { cluster: 'CL2' },
  'volumes.page': { offset: 0, limit: 10, query: {} },
  'volumes.csv': { offset: 0, limit: 10, query: {}, journalLength: 1 },
  'volume.show': { volser: 'A00042' },
  'queues.show': {},
  'time.advance': { duration: '5m' },
  'journal.list': { from: 0, limit: 10 },
  'file.save': { kind: 'runbook', name: 'a.runbook', text: 'SHOW GRID' },
  'dr.families': {},
  'dr.readiness': { family: 'NOSUCH' },
  'wizard.list': {},
  'wizard.state': {},
  'wizard.start': { wizardId: 'swp-two-cluster' },
  'wizard.step': { acknowledge: true },
  'wizard.pause': {},
  'wizard.resume': {},
  'wizard.abandon': {},
  'report.drTest': { family: 'NOSUCH', drHost: 'DRHOST', format: 'html' },
  'export.overview': {},
  'export.plan': { cluster: 'CL2', pool: 8 },
  'export.status': { volser: 'A00042' },
  'recovery.status': {},
  'exportset.list': {},
  'exportset.read': { name: 'none.tzset' },
  'exportset.upload': { name: 'bad.tzset', text: 'TIMEZERO EXPORTSET 1\n{}\n' },
  'exportset.open': {},
  'backup.list': {},
  'backup.restore': { name: 'console-20260101T000000000Z-000-erase.db' },
  'dasd.overview': {},
  'dasd.journal': { replica: 'NOSUCH' },
  'reports.list': {},
  'reports.get': { id: 'runbook-20260101T000000Z-00000000' },
  'reports.export': { id: 'runbook-20260101T000000Z-00000000', format: 'html' },
  'reports.verify': { id: 'runbook-20260101T000000Z-00000000' },
  'reports.create': { source: 'journal', fromSeq: 1, toSeq: 1, title: 'first entry' },
  'policies.show': {},
  'workload.state': {},
  'workload.start': {
    workload: { host: 'PRODHOST', cluster: 'CL0', mc: 'MCPROD', writesPerHour: 60, sizes: [{ size: '800MB', percent: 100 }], readsPerHour: 0, readRange: null, readCluster: 'CL0', seed: 1 },
  },
  'workload.run': { duration: '1m' },
  'workload.stop': {},
  'gridfile.check': { text: '{}' },
  'gridfile.open': { name: 'bad.json', text: '{}' },
  'inventory.preview': { text: 'VOLSER,COPIES\nZ00001,CL0\n', rows: 8 },
  'inventory.upload': { upload: 'sample', offset: 0, text: 'VOLSER,COPIES\nZ00001,CL0\n' },
  'inventory.check': { upload: 'sample', mapping: { volser: 0, category: null, mc: null, size: null, copies: 1 } },
  'inventory.import': { upload: 'sample', mapping: { volser: 0, category: null, mc: null, size: null, copies: 1 } },
  'language.commands': {},
  'language.volsers': { prefix: 'A' },
};
/** Refusals the fresh sample gives (services/export-service.test.ts covers success). */
const SAMPLE_REFUSALS: Partial<Record<Channel, string>> = {
  'export.status': 'NOT_EXPORT_LIST',
  'exportset.read': 'NO_SUCH_EXPORTSET',
  'exportset.upload': 'BAD_EXPORTSET',
  'exportset.open': 'UNSUPPORTED',
  'backup.restore': 'UNSUPPORTED',
  'dasd.journal': 'NOT_A_REPLICA',
  'reports.get': 'NO_SUCH_REPORT',
  'reports.export': 'NO_SUCH_REPORT',
  'reports.verify': 'NO_SUCH_REPORT',
  'workload.run': 'NO_WORKLOAD',
  'volumes.csv': 'GRID_CHANGED',
};

describe('console service on the built-in sample', () => {
  let service: ConsoleService;
  beforeAll(() => {
    service = createConsoleService({ seed: 7 });
  });

  it('opens CONSOLE_SAMPLE on first start and says so in session.info', async () => {
    const info = ok(await service.handle('session.info', {}));
    expect(info.grid).toBe('GRID01');
    expect(info.seed).toBe(7);
    expect(info.persistent).toBe(false);
    expect(info.journalLength).toBe(1);
    expect(info.samples.map((s: { name: string }) => s.name)).toContain('three-cluster-ha-dr');
    // The Sample grid selector names the sample actually loaded (issue 14).
    expect(info.sample).toBe('three-cluster-ha-dr');
  });

  it('answers every contract channel through handle(), responses valid against the contract', async () => {
    for (const channel of Object.keys(channels) as Channel[]) {
      const reply = await service.handle(channel, SAMPLE_REQUESTS[channel]);
      if (channel === 'file.save') {
        expect(reply).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
        continue;
      }
      if (channel === 'dr.readiness' || channel === 'report.drTest') {
        // the sample has no DR family yet: a domain refusal naming it (dr-service.test.ts covers success)
        expect(reply).toMatchObject({ ok: false, error: { code: 'NO_SUCH_FAMILY' } });
        continue;
      }
      if (SAMPLE_REFUSALS[channel]) {
        expect(reply).toMatchObject({ ok: false, error: { code: SAMPLE_REFUSALS[channel] } });
        continue;
      }
      expect(reply.ok, `${channel}: ${JSON.stringify(reply).slice(0, 300)}`).toBe(true);
      expect(channels[channel].response.safeParse(ok(reply)).success).toBe(true);
    }
  });

  it('refuses an unknown channel', async () => {
    const reply = await service.handle('engine.eval', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('names the field path of an invalid payload (query.category)', async () => {
    const reply = await service.handle('volumes.page', { offset: 0, limit: 10, query: { category: 'XYZ1' } });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('BAD_REQUEST');
    expect(reply.error.message).toContain('query.category');
  });

  it('refuses an unknown field in a strict request, naming it', async () => {
    const reply = await service.handle('session.info', { admin: true });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toContain('admin');
  });

  it('refuses an oversized payload before parsing it', async () => {
    const parse = vi.spyOn(channels['runbook.validate'].request, 'safeParse');
    const reply = await service.handle('runbook.validate', { text: 'x'.repeat(MAX_PAYLOAD_BYTES + 1) });
    expect(reply).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
  });

  it('refuses a payload just over the limit made of many small parts', async () => {
    const parts = Array.from({ length: 3000 }, () => 'y'.repeat(3000));
    const reply = await service.handle('runbook.validate', { text: parts });
    expect(reply).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });
});

describe('volumes.page', () => {
  let service: ConsoleService;
  beforeAll(() => {
    service = createConsoleService();
  });
  const page = async (query: object, offset = 0, limit = 100) => ok<{ total: number; rows: any[] }>(await service.handle('volumes.page', { offset, limit, query }));

  it('pages through every volume of the sample in order', async () => {
    // three-cluster-ha-dr: A00000-A09999, B00000-B09999 preloaded; S00000-S09999, D00000-D00999 inserted
    const first = await page({}, 0, 500);
    expect(first.total).toBe(31_000);
    expect(first.rows).toHaveLength(500);
    expect(first.rows[0]).toMatchObject({ volser: 'A00000', category: '000F', mc: 'MCPROD', owner: 'CL0', level: 1, sizeMB: 2048, mountedOn: null, consistentOn: ['CL0', 'CL1', 'CL2'] });
    const last = await page({}, 30_990, 500);
    expect(last.rows).toHaveLength(10);
    expect(last.rows.at(-1).volser).toBe('D00999');
  });

  it('filters by volser prefix and by range', async () => {
    expect((await page({ search: 'B0001' })).total).toBe(10);
    expect((await page({ search: 'b' })).total).toBe(10_000);
    const range = await page({ search: 'A00095-A00104' });
    expect(range.total).toBe(10);
    expect(range.rows.map((r) => r.volser)).toEqual(['A00095', 'A00096', 'A00097', 'A00098', 'A00099', 'A00100', 'A00101', 'A00102', 'A00103', 'A00104']);
    expect((await page({ search: 'S05000-S05000' })).rows.map((r) => r.volser)).toEqual(['S05000']);
  });

  it('refuses a malformed range, naming query.search', async () => {
    const reply = await service.handle('volumes.page', { offset: 0, limit: 10, query: { search: 'A00010-A00001' } });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toContain('query.search');
  });

  it('filters by category, Management Class and owner', async () => {
    expect((await page({ category: '0002' })).total).toBe(11_000); // the inserted scratch volumes
    expect((await page({ mc: 'MCPROD' })).total).toBe(20_000);
    expect((await page({ owner: 'CL1' })).total).toBe(15_000); // B… and S05000-S09999
    expect((await page({ owner: 'CL2', category: '0002' })).total).toBe(1_000);
    expect((await page({ owner: 'NOPE' })).total).toBe(0);
  });

  it('filters by copy consistency: copies pending after a write, consistent after the copy', async () => {
    expect((await page({ consistency: 'copies-pending' })).total).toBe(0);
    expect((await page({ consistency: 'consistent-everywhere' })).total).toBe(31_000);
    for (const line of ['MOUNT A00007 ON CL0 HOST PRODHOST', 'WRITE A00007 100MB', 'DEMOUNT A00007']) {
      const result = ok(await service.handle('console.execute', { line }));
      expect(result.errors).toEqual([]);
    }
    // MCPROD is RRD: the deferred copy to CL2 (Redbook §11.1) is still queued right after demount
    const pending = await page({ consistency: 'copies-pending' });
    expect(pending.rows.map((r) => r.volser)).toEqual(['A00007']);
    expect(pending.rows[0].consistentOn).not.toContain('CL2');
    ok(await service.handle('time.advance', { duration: null }));
    expect((await page({ consistency: 'copies-pending' })).total).toBe(0);
  });

  it('pages a filtered list quickly once the filter is cached', async () => {
    await page({ search: 'S' }, 0, 500);
    const started = performance.now();
    for (let offset = 0; offset < 10_000; offset += 500) await page({ search: 'S' }, offset, 500);
    expect((performance.now() - started) / 20).toBeLessThan(20);
  });
});

describe('commands and events', () => {
  it('console.execute FAIL CLUSTER CL0 answers with messages and emits engine.messages and engine.changed', async () => {
    const service = createConsoleService();
    const seen: EngineEvent[] = [];
    service.subscribe((e) => seen.push(e));
    const result = ok(await service.handle('console.execute', { line: 'FAIL CLUSTER CL0' }));
    expect(result.errors).toEqual([]);
    expect(result.records).toHaveLength(1);
    expect(result.records[0].ok).toBe(true);
    expect(result.records[0].messages.length).toBeGreaterThan(0);
    const changed = seen.find((e) => e.event === 'engine.changed');
    expect(changed?.payload).toMatchObject({ journalLength: 2 });
    const messages = seen.find((e) => e.event === 'engine.messages');
    expect(messages?.event === 'engine.messages' && messages.payload.messages).toEqual(result.records[0].messages);
  });

  it('console.execute reports a line error without running anything or emitting events', async () => {
    const service = createConsoleService();
    const seen: EngineEvent[] = [];
    service.subscribe((e) => seen.push(e));
    const result = ok(await service.handle('console.execute', { line: 'FAIL CLUSTER CL9' }));
    expect(result.records).toEqual([]);
    expect(result.errors[0]).toMatchObject({ line: 1, col: 14 });
    expect(seen).toEqual([]);
  });

  it('runbook.step runs the slice asked for, validated once against the grid the run began on', async () => {
    const service = createConsoleService();
    const text = ['GRID G2', 'SITE A', 'CLUSTER X0 SITE A MODEL DISK', 'CLUSTER X1 SITE A MODEL DISK', 'SHOW GRID'].join('\n');
    const first = ok(await service.handle('runbook.step', { text, from: 0, to: 3 }));
    expect(first).toMatchObject({ errors: [], total: 5 });
    expect(first.records).toHaveLength(3);
    // validating again now would say X0 is already defined; stepping on must not
    const rest = ok(await service.handle('runbook.step', { text, from: 3, to: 99 }));
    expect(rest.errors).toEqual([]);
    expect(rest.records.map((r: { command: string }) => r.command)).toEqual(['CLUSTER X1 SITE A MODEL DISK', 'SHOW GRID']);
    expect(Object.keys(rest.records[1].result.clusters)).toEqual(['X0', 'X1']);
  });

  it('a long runbook step reports engine.progress and ends with done = total', async () => {
    const service = createConsoleService({ progressIntervalMs: 0 });
    const seen: EngineEvent[] = [];
    service.subscribe((e) => seen.push(e));
    const text = Array.from({ length: 5 }, () => 'ADVANCE 1m').join('\n');
    ok(await service.handle('runbook.step', { text, from: 0, to: 5 }));
    const progress = seen.filter((e) => e.event === 'engine.progress').map((e) => e.payload);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual({ label: 'runbook', done: 5, total: 5 });
  });

  it('volume.show gives the newest journal entries naming the volser or its range', async () => {
    const service = createConsoleService();
    ok(await service.handle('console.execute', { line: 'MOUNT A00042 ON CL0 HOST PRODHOST' }));
    ok(await service.handle('console.execute', { line: 'DEMOUNT A00042' }));
    ok(await service.handle('console.execute', { line: 'SHOW VOLUME A00043' }));
    const shown = ok(await service.handle('volume.show', { volser: 'A00042' }));
    expect(shown.volume.volser).toBe('A00042');
    const commands = shown.history.filter((h: { kind: string }) => h.kind === 'command');
    expect(commands.map((h: { command: string }) => h.command)).toEqual(['DEMOUNT A00042', 'MOUNT A00042 ON CL0 HOST PRODHOST', 'SAMPLE three-cluster-ha-dr']);
    // The engine's events sit above the command that caused them (services/volume-history.test.ts).
    expect(shown.history.map((h: { kind: string }) => h.kind)).toEqual(['demount', 'command', 'mount', 'command', 'command']);
    const missing = await service.handle('volume.show', { volser: 'ZZZZZZ' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'UNKNOWN_VOLUME' } });
  });

  it('grid.show AT a past time rebuilds the grid as it was; a future time is refused', async () => {
    const service = createConsoleService();
    const before = ok(await service.handle('grid.show', {})).time as string;
    ok(await service.handle('time.advance', { duration: '1h' }));
    ok(await service.handle('console.execute', { line: 'FAIL CLUSTER CL1' }));
    const past = ok(await service.handle('grid.show', { at: before }));
    expect(past.clusters.CL1.status).toBe('online');
    expect(ok(await service.handle('grid.show', {})).clusters.CL1.status).toBe('failed');
    expect(await service.handle('grid.show', { at: '2030-01-01T00:00:00Z' })).toMatchObject({ ok: false, error: { code: 'FUTURE_TIME' } });
  });

  it('journal.list pages the journal with sequence numbers', async () => {
    const service = createConsoleService();
    ok(await service.handle('console.execute', { line: 'ADVANCE 10m' }));
    const list = ok(await service.handle('journal.list', { from: 1, limit: 5 }));
    expect(list).toEqual([{ seq: 1, time: '2026-01-01T00:00:00Z', endTime: '2026-01-01T00:10:00Z', text: 'ADVANCE 10m', ok: true }]);
  });

  it('queues.show at a past moment shows the queues as they were then, not the present (issue 14)', async () => {
    const service = createConsoleService({ seed: 7 });
    const run = async (line: string) => expect(ok(await service.handle('console.execute', { line })).errors).toEqual([]);
    // MCPROD is R-R-D (Redbook §11.4 Figure 11-15): every write queues a Deferred copy for CL2, which
    // cannot drain while CL2 is down.
    await run('FAIL CLUSTER CL2');
    await run('JOB PRODHOST WRITE 20 SCRATCH ON CL0 MC MCPROD SIZE 100MB');
    await run('ADVANCE 10m');
    const during = ok(await service.handle('session.info', {})).time as string;
    await run('REPAIR CLUSTER CL2');
    await run('ADVANCE UNTIL IDLE');
    await run('ADVANCE 1h');
    const cl2 = (qs: { queue: { cluster: string; count: number }; volumes: unknown[]; history: unknown[] }[]) => qs.find((q) => q.queue.cluster === 'CL2')!;
    const present = ok(await service.handle('queues.show', {}));
    expect(cl2(present).queue.count).toBe(0);
    const past = ok(await service.handle('queues.show', { at: during }));
    expect(cl2(past).queue.count).toBe(20);
    expect(cl2(past).volumes).toHaveLength(20);
    // The backlog series stays the whole of it, so the chart can mark the moment viewed.
    expect(cl2(past).history.length).toBe(cl2(present).history.length);
  });

  it('file.save goes to the desktop port when there is one', async () => {
    const saved: unknown[] = [];
    const service = createConsoleService({ desktop: { saveFile: async (kind, name, text) => (saved.push({ kind, name, text }), `/tmp/${name}`) } });
    expect(ok(await service.handle('file.save', { kind: 'report', name: 'r.html', text: '<p>' }))).toEqual({ path: '/tmp/r.html' });
    expect(saved).toEqual([{ kind: 'report', name: 'r.html', text: '<p>' }]);
  });

  it('opens a grid file as the topology lines it stands for', async () => {
    const service = createConsoleService();
    const file = JSON.stringify({ format: 'timezero-grid', version: 1, grid: 'FILEGRID', sites: ['S1'], clusters: [{ name: 'F0', site: 'S1', model: 'DISK' }] });
    const reply = await service.openGridFile('g.json', file);
    expect(reply.ok).toBe(true);
    expect(ok(await service.handle('session.info', {})).grid).toBe('FILEGRID');
    expect(ok(await service.handle('session.info', {})).sample).toBeNull();
    await service.handle('console.execute', { line: 'SAMPLE two-cluster-dr' });
    expect(ok(await service.handle('session.info', {})).sample).toBe('two-cluster-dr');
    const bad = await service.openGridFile('bad.json', '{"format":"timezero-grid","version":1}');
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_GRID_FILE' } });
  });
});
