// The SQLite GridStore: journal and checkpoints round-trip, loadAt finds the right base, old
// checkpoints thin out keeping the first and the latest, and the file stays sound.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Checkpoint } from '../engine/checkpoint.js';
import { restoreState, serializeState } from '../engine/checkpoint.js';
import { Engine } from '../engine/engine.js';
import { isLineError, parseLine, type ClusterRef } from '../runbook/parser.js';
import type { JournalEntry } from './port.js';
import { StoreError } from './port.js';
import { openSqliteStore } from './sqlite-store.js';

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tz-store-'));
  path = join(dir, 'grid.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Command i: ran from sim time 10·(i−1) s to 10·i s. */
function entry(i: number, text = `ADVANCE 10s`): Omit<JournalEntry, 'seq'> {
  return {
    line: i,
    source: 'runbook/test.tz',
    text,
    startedAt: (i - 1) * 10_000,
    endedAt: i * 10_000,
    ok: i % 7 !== 0,
    outcome: JSON.stringify({ ok: i % 7 !== 0, error: null, result: { i }, messages: [] }),
  };
}

function fakeCheckpoint(tag: number): Checkpoint {
  const numbers = new Float64Array([tag, 1.5, -0, NaN, Infinity, 2 ** 53 - 1]);
  return {
    meta: { format: 1, tag, nested: { list: [1, 2, 3] } },
    blobs: { numbers: new Uint8Array(numbers.buffer), bytes: new Uint8Array([tag & 0xff, 0, 255]), empty: new Uint8Array(0) },
  };
}

function pragma(file: string, name: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma(name);
  } finally {
    db.close();
  }
}

describe('SQLite grid store', () => {
  it('appends entries and a checkpoint in order and loads them back exactly', () => {
    const store = openSqliteStore(path);
    expect(store.lastSeq()).toBe(0);
    expect(store.loadLatest()).toEqual({ checkpoint: null, checkpointSeq: 0, entries: [], seed: null });
    store.setSeed(42);
    for (let i = 1; i <= 5; i++) expect(store.append(entry(i), i === 3 ? fakeCheckpoint(3) : undefined)).toBe(i);
    expect(store.lastSeq()).toBe(5);

    const latest = store.loadLatest();
    expect(latest.seed).toBe(42);
    expect(latest.checkpointSeq).toBe(3);
    expect(latest.checkpoint!.meta).toEqual(fakeCheckpoint(3).meta);
    for (const [name, bytes] of Object.entries(fakeCheckpoint(3).blobs)) {
      expect(Buffer.from(latest.checkpoint!.blobs[name]!).equals(Buffer.from(bytes)), name).toBe(true);
    }
    expect(latest.entries.map((e) => e.seq)).toEqual([4, 5]);
    expect(latest.entries[0]).toEqual({ seq: 4, ...entry(4) });

    expect(store.entries(2, 2)).toEqual([
      { seq: 2, ...entry(2) },
      { seq: 3, ...entry(3) },
    ]);
    expect(store.entries(1, 100).map((e) => e.ok)).toEqual([true, true, true, true, true]);
    store.close();
  });

  it('keeps everything across close and reopen', () => {
    const store = openSqliteStore(path);
    store.setSeed(9);
    for (let i = 1; i <= 4; i++) store.append(entry(i), i === 2 ? fakeCheckpoint(2) : undefined);
    store.close();
    expect(() => store.lastSeq()).toThrow(StoreError);

    const again = openSqliteStore(path);
    expect(again.lastSeq()).toBe(4);
    const latest = again.loadLatest();
    expect([latest.seed, latest.checkpointSeq, latest.entries.map((e) => e.seq)]).toEqual([9, 2, [3, 4]]);
    expect(again.append(entry(5))).toBe(5);
    again.close();
  });

  it('loadAt takes the nearest checkpoint at or before the time and replays up to the entry running then', () => {
    const store = openSqliteStore(path);
    // entry i ends at i·10 s; checkpoints after entries 3 and 6
    for (let i = 1; i <= 9; i++) store.append(entry(i), i === 3 || i === 6 ? fakeCheckpoint(i) : undefined);
    const seqs = (t: number) => {
      const at = store.loadAt(t);
      return { base: at.checkpointSeq, tag: at.checkpoint?.meta.tag ?? null, entries: at.entries.map((e) => e.seq) };
    };
    expect(seqs(0)).toEqual({ base: 0, tag: null, entries: [1] }); // before any checkpoint: from the start
    expect(seqs(25_000)).toEqual({ base: 0, tag: null, entries: [1, 2, 3] }); // entry 3 runs at 25 s
    expect(seqs(30_000)).toEqual({ base: 3, tag: 3, entries: [4] }); // checkpoint 3 is at exactly 30 s
    expect(seqs(45_000)).toEqual({ base: 3, tag: 3, entries: [4, 5] });
    expect(seqs(60_000)).toEqual({ base: 6, tag: 6, entries: [7] });
    expect(seqs(90_000)).toEqual({ base: 6, tag: 6, entries: [7, 8, 9] }); // the present: nothing ends later
    expect(seqs(1e15)).toEqual({ base: 6, tag: 6, entries: [7, 8, 9] });
    store.close();
  });

  it('thins checkpoints to the limit, always keeping the first and the latest, and drops their blobs', () => {
    const store = openSqliteStore(path, { maxCheckpoints: 5, synchronous: 'NORMAL' });
    for (let i = 1; i <= 40; i++) store.append(entry(i), fakeCheckpoint(i));
    store.close();
    const db = new Database(path, { readonly: true });
    const kept = (db.prepare('SELECT seq FROM checkpoints ORDER BY seq').all() as { seq: number }[]).map((r) => r.seq);
    const blobSeqs = (db.prepare('SELECT DISTINCT seq FROM checkpoint_blobs ORDER BY seq').all() as { seq: number }[]).map((r) => r.seq);
    db.close();
    expect(kept.length).toBe(5);
    expect(kept[0]).toBe(1);
    expect(kept[4]).toBe(40);
    expect(blobSeqs).toEqual(kept);
    // spread over the history, not bunched at one end
    const gaps = kept.slice(1).map((s, i) => s - kept[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(20);
  });

  it('a real engine checkpoint survives the database and restores to the same state', () => {
    const engine = new Engine(5);
    const lines = [
      'GRID G',
      'SITE A',
      'CLUSTER CL0 SITE A MODEL DISK',
      'CLUSTER CL1 SITE A MODEL TAPE',
      'HOST H SITE A ROLE PRODUCTION DEVICES CL0,CL1',
      'MC M COPY RD',
      'INSERT S00000-S00099 ON CL0',
      'PRELOAD A00000-A00999 ON CL0 MC M SIZE 800MB',
      'JOB H WRITE 50 SCRATCH ON CL0 MC M SIZE 1GB',
    ];
    const store = openSqliteStore(path);
    store.setSeed(5);
    lines.forEach((text, i) => {
      const command = parseLine(text, i + 1);
      if (command === null || isLineError(command)) throw new Error(text);
      for (const ref of Object.values(command.args).flat() as unknown[]) {
        if (ref && typeof ref === 'object' && 'ref' in ref) (ref as ClusterRef).index = engine.state.clusters.findIndex((c) => c.name === (ref as ClusterRef).ref);
      }
      const startedAt = engine.state.now;
      const outcome = engine.execute(command);
      const last = i === lines.length - 1;
      store.append({ line: i + 1, source: 'console', text, startedAt, endedAt: engine.state.now, ok: outcome.ok, outcome: JSON.stringify(outcome) }, last ? serializeState(engine.state) : undefined);
    });
    store.close();

    const loaded = openSqliteStore(path).loadLatest();
    expect(loaded.checkpointSeq).toBe(lines.length);
    const expected = serializeState(engine.state);
    const restored = serializeState(restoreState(loaded.checkpoint!));
    expect(JSON.stringify(restored.meta)).toBe(JSON.stringify(expected.meta));
    for (const name of Object.keys(expected.blobs)) {
      expect(Buffer.from(restored.blobs[name]!).equals(Buffer.from(expected.blobs[name]!)), name).toBe(true);
    }
  });

  it('leaves a sound file: WAL mode, integrity_check ok, no foreign key violations', () => {
    const store = openSqliteStore(path);
    for (let i = 1; i <= 30; i++) store.append(entry(i), i % 4 === 0 ? fakeCheckpoint(i) : undefined);
    store.close();
    expect(pragma(path, 'journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(pragma(path, 'integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(pragma(path, 'foreign_key_check')).toEqual([]);
  });

  it('rejects an entry whose outcome is not JSON, and appends nothing', () => {
    const store = openSqliteStore(path);
    store.append(entry(1));
    expect(() => store.append({ ...entry(2), outcome: '{not json' }, fakeCheckpoint(2))).toThrow(/CHECK constraint/);
    expect(store.lastSeq()).toBe(1);
    expect(store.loadLatest().checkpoint).toBeNull();
    store.close();
  });
});
