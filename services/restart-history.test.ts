// Issue 11 item 4: after a restart the console's history is the whole journal with real times and
// outcomes (not only the entries after the latest checkpoint, renumbered, at 1970 and all "ok"), and
// when the previous run ended abnormally the console says so on open: who was running, how many
// commands the journal kept, and what the restart did — a Copy Export under way is the library's
// power-off, E0022 EXPORT RECOVERY STARTED now and E0023 EXPORT RECOVERY COMPLETED after the recovery
// time (Redbook §11.5.4), both reaching the console.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { round, SETUP } from '../core/store/crash-work.js';
import { createConsoleService, type ConsoleService, type EngineEvent } from './console-service.js';
import { sqliteSessionStore } from './sqlite-session-store.js';
import { ok } from './reply.fixture.js';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tz-restart-history-'));
  db = join(dir, 'console.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type JournalRow = { seq: number; time: string; endTime: string; text: string; ok: boolean };
const journal = async (s: ConsoleService) => ok<JournalRow[]>(await s.handle('journal.list', { from: 0, limit: 1000 }));
const exec = async (s: ConsoleService, line: string) => ok<{ records: { ok: boolean; messages: { text: string }[] }[] }>(await s.handle('console.execute', { line }));

describe('the console after a restart', () => {
  it('lists the whole journal with real times and outcomes, checkpoints or not', async () => {
    const first = createConsoleService({ sample: 'two-cluster-dr', store: sqliteSessionStore(db) });
    await exec(first, 'ADVANCE 2d'); // a checkpoint is taken after a simulated day
    await exec(first, 'DEMOUNT S00000'); // refused by the engine (NOT_MOUNTED): stored with ok = false
    await exec(first, 'FAIL CLUSTER CL1');
    const before = await journal(first);
    expect(before.some((e) => !e.ok)).toBe(true);
    first.close();

    const second = createConsoleService({ sample: 'two-cluster-dr', store: sqliteSessionStore(db) });
    const after = await journal(second);
    expect(after).toEqual(before);
    expect(after[0]!.seq).toBe(0);
    expect(after[0]!.time.startsWith('2026-01-01')).toBe(true); // the grid's first moment, not 1970
    expect(after.at(-1)!.text).toBe('FAIL CLUSTER CL1');
    expect(ok<{ journalLength: number; previousRun: unknown }>(await second.handle('session.info', {}))).toMatchObject({ journalLength: before.length, previousRun: null });
    second.close();
  });

  it('says the previous run ended abnormally, what was kept, and the E0022/E0023 of the library it restarted', async () => {
    const held = sqliteSessionStore(db);
    const first = createConsoleService({ seed: 11, store: held });
    const lines = round(0, false);
    for (const line of [...SETUP, ...lines.slice(0, lines.findIndex((l) => l.startsWith('LIBRARY EXPORT')) + 3)]) {
      const v = ok<{ records: unknown[]; errors: unknown[] }>(await first.handle('console.execute', { line }));
      expect(v.errors).toEqual([]);
    }
    const kept = (await journal(first)).length;
    held.store.close(); // what a SIGKILL leaves: the run never ended cleanly

    const second = createConsoleService({ seed: 11, store: sqliteSessionStore(db) });
    const events: EngineEvent[] = [];
    second.subscribe((e) => events.push(e));
    const info = ok<{ previousRun: { program: string; pid: number; commandsKept: number; lastCommand: { text: string }; restarts: { command: string; messages: { text: string }[] }[] } }>(
      await second.handle('session.info', {}),
    );
    expect(info.previousRun).toMatchObject({ program: 'timezero console', pid: process.pid, commandsKept: kept, lastCommand: { text: expect.any(String) } });
    expect(info.previousRun.restarts.map((r) => r.command)).toEqual(['# power-off restart of CL1: FAIL CLUSTER CL1, REPAIR CLUSTER CL1']);
    expect(info.previousRun.restarts[0]!.messages.some((m) => m.text.includes('E0022 EXPORT RECOVERY STARTED'))).toBe(true);
    // The restart is in the history too, and E0023 reaches the console once the recovery time passes.
    expect((await journal(second)).at(-1)!.text.startsWith('# power-off restart of CL1')).toBe(true);
    const later = await exec(second, 'ADVANCE 5m');
    expect(later.records[0]!.messages.some((m) => m.text.includes('E0023 EXPORT RECOVERY COMPLETED'))).toBe(true);
    expect(events.some((e) => e.event === 'engine.messages' && e.payload.messages.some((m) => m.text.includes('E0023')))).toBe(true);
    second.close();

    // A clean stop in between: the next start has nothing to report.
    const third = createConsoleService({ seed: 11, store: sqliteSessionStore(db) });
    expect(ok<{ previousRun: unknown }>(await third.handle('session.info', {})).previousRun).toBeNull();
    third.close();
  });
});
