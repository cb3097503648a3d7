// Long runbook steps report determinate progress and can be cancelled (issue 14 item 6): work.cancel
// stops the step between two whole commands, so every command that ran is whole in the grid and in
// the journal, and none of the rest ran. A grid file being opened is not cancellable (half a grid).

import { describe, expect, it } from 'vitest';
import { createConsoleService, type EngineEvent } from './console-service.js';
import type { Reply } from './errors.js';

function ok<T = any>(reply: Reply): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.result as T;
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
});
