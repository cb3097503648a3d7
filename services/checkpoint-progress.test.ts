// A checkpoint of the grid written to the database after a command shows in the header as determinate
// progress (MB written of the whole) labelled as a checkpoint, and never offers Cancel: it is one
// transaction, saved whole or not at all (issue 14 item 6). A Cancel asked for while it is written
// stops the run at the next whole command instead, with this command and its checkpoint kept.

import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createConsoleService, type ConsoleService } from './console-service.js';
import type { Reply } from './errors.js';
import { sqliteSessionStore } from './sqlite-session-store.js';
import { expectStoredAgrees } from '../core/store/agreement.fixture.js';
import { ok } from './reply.fixture.js';
import type { EventPayload } from '../contract/api.js';

type Progress = EventPayload<'engine.progress'>;

/** A day of simulated time since the last checkpoint makes the next command take one (core/store/checkpoint-policy.ts). */
const DUE = 'ADVANCE 25h';

function persistentService(): { service: ConsoleService; db: string } {
  const db = join(mkdtempSync(join(tmpdir(), 'tz-checkpoint-progress-')), 'console.db');
  return { service: createConsoleService({ seed: 3, store: sqliteSessionStore(db), progressIntervalMs: 0 }), db };
}

function checkpointCount(db: string): number {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare<[], { n: number }>('SELECT count(*) AS n FROM checkpoints').get()?.n ?? 0;
  } finally {
    raw.close();
  }
}

describe('checkpoint progress', () => {
  it('reports MB written of the whole, rising to the total, labelled as a checkpoint and not cancellable', async () => {
    const { service, db } = persistentService();
    const checkpoints = checkpointCount(db);
    const progress: Progress[] = [];
    service.subscribe((e) => {
      if (e.event === 'engine.progress') progress.push(e.payload);
    });
    ok(await service.handle('console.execute', { line: DUE }));
    const saving = progress.filter((p) => /checkpoint/i.test(p.label));
    expect(saving.length).toBeGreaterThan(2);
    const total = saving[0]?.total ?? 0;
    expect(total).toBeGreaterThan(0);
    for (const [i, p] of saving.entries()) {
      expect(p).toMatchObject({ unit: 'MB', total, cancellable: false });
      expect(p.notCancellable).toMatch(/can't be cancelled: the grid is being saved/i);
      expect(p.done).toBeGreaterThanOrEqual(saving[i - 1]?.done ?? 0);
    }
    expect(saving[0]?.done).toBeLessThan(total);
    expect(saving.at(-1)?.done).toBe(total);
    expect(checkpointCount(db)).toBe(checkpoints + 1);
    service.close();
    expectStoredAgrees(db, undefined, 3);
  });

  it('a Cancel while the checkpoint is written keeps the command and its checkpoint; the run stops at the next command', async () => {
    const { service, db } = persistentService();
    const journal: number = ok(await service.handle('session.info', {})).journalLength;
    const checkpoints = checkpointCount(db);
    let asked: Promise<Reply> | null = null;
    service.subscribe((e) => {
      if (e.event === 'engine.progress' && e.payload.notCancellable && !asked) asked = service.handle('work.cancel', {});
    });
    const text = `${DUE}\nSHOW GRID`;
    const step = ok(await service.handle('runbook.step', { text, from: 0, to: 2 }));
    if (!asked) throw new Error('no checkpoint progress was reported');
    // The runbook step is running, so the Cancel is taken; it lands after the checkpoint commits.
    expect(ok(await asked)).toEqual({ cancelled: true });
    expect(step.cancelled).toBe(true);
    expect(step.records.map((r: { command: string }) => r.command)).toEqual([DUE]);
    expect(ok(await service.handle('session.info', {})).journalLength).toBe(journal + 1);
    expect(checkpointCount(db)).toBe(checkpoints + 1);
    const live = service.session.engine;
    service.close();
    expectStoredAgrees(db, live, 3);
  });
});
