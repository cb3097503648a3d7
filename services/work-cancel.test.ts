// Long runbook steps report determinate progress and can be cancelled (issue 14 item 6): work.cancel
// stops the step between two whole commands, so every command that ran is whole in the grid and in
// the journal, and none of the rest ran. A grid file being opened is not cancellable (half a grid).

import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConsoleService, type ConsoleService, type EngineEvent } from './console-service.js';
import type { Reply } from './errors.js';
import { sqliteSessionStore } from './sqlite-session-store.js';
import { Engine } from '../core/engine/engine.js';
import { restoreState, serializeState } from '../core/engine/checkpoint.js';
import { expectSameState, expectStoredAgrees } from '../core/store/agreement.fixture.js';
import { ok } from './reply.fixture.js';

const BIG_PRELOAD = 'PRELOAD 000000-999999 ON CL0 MC MCPROD SIZE 800MB';

/** Runs `line` and cancels it at its first progress report past `after` volumes; what was reported, and the reply. */
async function cancelLine(service: ConsoleService, line: string, after: number) {
  const progress: { label: string; done: number; total: number; cancellable?: boolean | undefined }[] = [];
  let asked: Promise<Reply> | null = null;
  const stop = service.subscribe((e) => {
    if (e.event !== 'engine.progress') return;
    progress.push(e.payload);
    if (!asked && e.payload.done > after) asked = service.handle('work.cancel', {});
  });
  const reply = ok(await service.handle('console.execute', { line }));
  stop();
  if (!asked) throw new Error('the line ended before it reported progress');
  return { progress, reply, cancel: ok(await asked) };
}

function snapshot(engine: Engine): Engine {
  return new Engine(engine.state.seed, restoreState(serializeState(engine.state)));
}

describe('cancelling long work', () => {
  it('stops a runbook step between commands: the journal holds exactly the commands that ran', async () => {
    const service = createConsoleService({ seed: 4, progressIntervalMs: 0 });
    const before = ok(await service.handle('session.info', {})).journalLength as number;
    const text = Array.from({ length: 200 }, (_, i) => `INSERT R${String(i).padStart(3, '0')}00-R${String(i).padStart(3, '0')}99 ON CL0`).join('\n');
    const progress: EngineEvent[] = [];
    let asked: Promise<Reply> | null = null;
    service.subscribe((e) => {
      if (e.event !== 'engine.progress') return;
      progress.push(e);
      if (!asked && e.payload.done >= 3) asked = service.handle('work.cancel', {});
    });
    const step = ok(await service.handle('runbook.step', { text, from: 0, to: 200 }));
    expect(ok(await asked!)).toEqual({ cancelled: true });
    expect(step.cancelled).toBe(true);
    expect(step.records.length).toBeGreaterThanOrEqual(3);
    expect(step.records.length).toBeLessThan(200);
    // Progress was determinate (done of total) and offered Cancel.
    expect(progress[0]).toMatchObject({ payload: { label: 'runbook', total: 200, cancellable: true } });
    const after = ok(await service.handle('session.info', {})).journalLength as number;
    expect(after - before).toBe(step.records.length);
    const volumes = ok(await service.handle('grid.show', {})).volumes as number;
    expect(volumes).toBe(31_000 + step.records.length * 100);
    // Nothing is running now: a second cancel has nothing to stop.
    expect(ok(await service.handle('work.cancel', {}))).toEqual({ cancelled: false });
  });

  it('a cancelled 1,000,000-volume PRELOAD leaves the stored grid and the journal as they were', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tz-cancel-'));
    const db = join(dir, 'console.db');
    const service = createConsoleService({ seed: 4, store: sqliteSessionStore(db), progressIntervalMs: 0 });
    const journal: number = ok(await service.handle('session.info', {})).journalLength;
    const before = snapshot(service.session.engine);
    const { progress, reply, cancel } = await cancelLine(service, BIG_PRELOAD, 200_000);
    expect(cancel).toEqual({ cancelled: true });
    expect(reply).toEqual({ records: [], errors: [], cancelled: true });
    // Inside the one command: volumes done of the range, with Cancel offered.
    expect(progress[0]).toMatchObject({ label: BIG_PRELOAD, total: 1_000_000, cancellable: true });
    expect(progress.some((p) => p.done > 200_000 && p.done < 1_000_000)).toBe(true);
    expect(ok(await service.handle('session.info', {})).journalLength).toBe(journal);
    expect(ok(await service.handle('grid.show', {})).volumes).toBe(before.state.volumes.count);
    expectSameState(service.session.engine, before, 'after the cancel vs before the PRELOAD');
    service.close();
    expectStoredAgrees(db, before, 4);
  }, 120_000);

  it('in memory too; the same line run again to its end is whole and journaled', async () => {
    const service = createConsoleService({ seed: 4, progressIntervalMs: 0 });
    const journal: number = ok(await service.handle('session.info', {})).journalLength;
    const before = snapshot(service.session.engine);
    const { reply } = await cancelLine(service, 'PRELOAD P00000-P99999 ON CL0 MC MCPROD SIZE 800MB', 40_000);
    expect(reply.cancelled).toBe(true);
    expectSameState(service.session.engine, before, 'after the cancel vs before the PRELOAD');
    const again = ok(await service.handle('console.execute', { line: 'PRELOAD P00000-P99999 ON CL0 MC MCPROD SIZE 800MB' }));
    expect(again.records[0]).toMatchObject({ ok: true, result: { preloaded: 100_000 } });
    expect(again.cancelled).toBeUndefined();
    expect(ok(await service.handle('session.info', {})).journalLength).toBe(journal + 1);
  }, 120_000);

  it('nothing reads a half-applied grid: a read during the PRELOAD answers after it', async () => {
    const service = createConsoleService({ seed: 4, progressIntervalMs: 0 });
    const count: number = ok(await service.handle('grid.show', {})).volumes;
    const reads: Promise<Reply>[] = [];
    const stop = service.subscribe((e) => {
      if (e.event === 'engine.progress' && e.payload.done > 0 && reads.length === 0) reads.push(service.handle('grid.show', {}));
    });
    await service.handle('console.execute', { line: 'PRELOAD P00000-P99999 ON CL0 MC MCPROD SIZE 800MB' });
    stop();
    const [read] = reads;
    if (!read) throw new Error('no read was made while the PRELOAD worked');
    expect(ok(await read).volumes).toBe(count + 100_000);
  }, 120_000);

  it('ADVANCE UNTIL IDLE after a repair counts the copies made of those pending; Cancel puts the grid back; run again it ends idle', async () => {
    // Redbook: a cluster back from service catches up on the Deferred copies it missed; the operator
    // waits for the copy queue to drain before trusting the DR site again.
    const service = createConsoleService({ seed: 4, progressIntervalMs: 0 });
    for (const line of ['FAIL CLUSTER CL2', 'INSERT T00000-T59999 ON CL0', 'JOB PRODHOST WRITE 60000 SCRATCH ON CL0 MC MCPROD SIZE 1GB', 'REPAIR CLUSTER CL2']) {
      expect(ok(await service.handle('console.execute', { line })).records[0]).toMatchObject({ ok: true });
    }
    const journal: number = ok(await service.handle('session.info', {})).journalLength;
    const before = snapshot(service.session.engine);
    const { progress, reply, cancel } = await cancelLine(service, 'ADVANCE UNTIL IDLE', 0);
    expect(cancel).toEqual({ cancelled: true });
    expect(reply.cancelled).toBe(true);
    expect(progress[0]).toMatchObject({ label: 'ADVANCE UNTIL IDLE', total: 60_000, unit: 'copies', cancellable: true });
    expect(ok(await service.handle('session.info', {})).journalLength).toBe(journal);
    expectSameState(service.session.engine, before, 'after the cancel vs before the ADVANCE');
    const again = ok(await service.handle('console.execute', { line: 'ADVANCE UNTIL IDLE' }));
    expect(again.records[0]).toMatchObject({ ok: true, result: { idle: true, blockedCopies: 0 } });
  }, 120_000);

  it('ADVANCE <duration> counts simulated seconds of the duration', async () => {
    const service = createConsoleService({ seed: 4, progressIntervalMs: 0 });
    for (const line of ['FAIL CLUSTER CL2', 'INSERT T00000-T59999 ON CL0', 'JOB PRODHOST WRITE 60000 SCRATCH ON CL0 MC MCPROD SIZE 1GB', 'REPAIR CLUSTER CL2']) {
      ok(await service.handle('console.execute', { line }));
    }
    const { progress } = await cancelLine(service, 'ADVANCE 7d', 0);
    expect(progress[0]).toMatchObject({ label: 'ADVANCE 7d', total: 7 * 86_400, unit: 'simulated seconds', cancellable: true });
    expect(progress.at(0)?.done).toBeLessThan(7 * 86_400);
  }, 120_000);

  it('a JOB of 60,000 scratch writes counts jobs done; Cancel puts the grid and the journal back', async () => {
    const service = createConsoleService({ seed: 4, progressIntervalMs: 0 });
    ok(await service.handle('console.execute', { line: 'INSERT T00000-T59999 ON CL0' }));
    const journal: number = ok(await service.handle('session.info', {})).journalLength;
    const before = snapshot(service.session.engine);
    const line = 'JOB PRODHOST WRITE 60000 SCRATCH ON CL0 MC MCPROD SIZE 1GB OVER 1d';
    const { progress, reply } = await cancelLine(service, line, 10_000);
    expect(reply.cancelled).toBe(true);
    expect(progress[0]).toMatchObject({ label: expect.stringMatching(/^JOB PRODHOST WRITE 60000/), total: 60_000, unit: 'jobs', cancellable: true });
    expect(ok(await service.handle('session.info', {})).journalLength).toBe(journal);
    expectSameState(service.session.engine, before, 'after the cancel vs before the JOB');
  }, 120_000);
});
