// The workload over simulated time on the console sample (Redbook §11.4 Figure 11-15; MCPROD R-R-D):
// an hour of load through the time bar's Advance is real engine work — JOB lines journaled with source
// `workload`, Deferred copies queued for the DR cluster CL2 — seeded (two services with the same seed
// journal the same lines), replayable (the journal replayed from nothing gives the same grid), and a
// stop ends it: the next Advance is plain time.

import { describe, expect, it } from 'vitest';
import { Session } from '../core/session.js';
import { createConsoleService, type ConsoleService } from './console-service.js';
import { ok } from './reply.fixture.js';

const WORKLOAD = {
  host: 'PRODHOST',
  cluster: 'CL0',
  mc: 'MCPROD',
  writesPerHour: 600,
  sizes: [
    { size: '800MB', percent: 70 },
    { size: '4GB', percent: 30 },
  ],
  readsPerHour: 120,
  readRange: 'A00000-A09999',
  readCluster: 'CL1',
  seed: 7,
};

async function hourOfLoad(): Promise<ConsoleService> {
  const service = createConsoleService({ seed: 5 });
  ok(await service.handle('workload.start', { workload: WORKLOAD }));
  ok(await service.handle('time.advance', { duration: '1h' }));
  return service;
}

describe('workload service', () => {
  it('an hour of load: the rates in JOB lines journaled as workload, Deferred copies queued for CL2', async () => {
    const service = await hourOfLoad();
    const state = ok(await service.handle('workload.state', {}));
    expect(state.totals.writes).toBe(600);
    expect(state.totals.reads).toBe(120);
    expect(state.ranUntil).toBe('2026-01-01T01:00:00Z');
    const info = ok(await service.handle('session.info', {}));
    expect(info.time).toBe('2026-01-01T01:00:00Z');
    const journal = service.session.journal.filter((e) => e.source === 'workload');
    expect(journal.some((e) => /^JOB PRODHOST WRITE \d+ SCRATCH ON CL0 MC MCPROD SIZE 4GB OVER \d+s$/.test(e.text))).toBe(true);
    expect(journal.some((e) => /^JOB PRODHOST READ A\d{5}(-A\d{5})? ON CL1$/.test(e.text))).toBe(true);
    // MCPROD is R-R-D: each write leaves a Deferred copy for CL2 over its 1 Gb/s links.
    const queues = ok(await service.handle('queues.show', {}));
    const cl2 = queues.find((q: { queue: { cluster: string } }) => q.queue.cluster === 'CL2');
    expect(cl2.history.length).toBeGreaterThan(1);
    expect(Math.max(...cl2.history.map((h: { count: number }) => h.count))).toBeGreaterThan(0);
  });

  it('is seeded and replayable: the same seed journals the same lines, and replaying them gives the same grid', async () => {
    const a = await hourOfLoad();
    const b = await hourOfLoad();
    const lines = (s: ConsoleService) => s.session.journal.map((e) => e.text);
    expect(lines(b)).toEqual(lines(a));
    const replay = new Session(null, 5);
    for (const entry of a.session.journal) replay.replay(entry.text);
    expect(replay.engine.state.volumes.count).toBe(a.session.engine.state.volumes.count);
    expect(replay.engine.state.now).toBe(a.session.engine.state.now);
    expect(JSON.stringify(replay.engine.showGrid())).toBe(JSON.stringify(a.session.engine.showGrid()));
  });

  it('refuses a workload that names an unknown host or a bad size share, by field; stop ends the load', async () => {
    const service = createConsoleService({ seed: 5 });
    const bad = await service.handle('workload.start', { workload: { ...WORKLOAD, host: 'NOSUCH' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_WORKLOAD' } });
    expect(!bad.ok && bad.error.message).toMatch(/^workload: .*NOSUCH/);
    const shares = await service.handle('workload.start', { workload: { ...WORKLOAD, sizes: [{ size: '800MB', percent: 50 }] } });
    expect(!shares.ok && shares.error.message).toBe('workload.sizes: the shares add up to 50%, not 100%');
    ok(await service.handle('workload.start', { workload: WORKLOAD }));
    ok(await service.handle('workload.stop', {}));
    const before = service.session.journal.length;
    const record = ok(await service.handle('time.advance', { duration: '10m' }));
    expect(record.command).toBe('ADVANCE 10m');
    expect(service.session.journal.length).toBe(before + 1);
  });
});
