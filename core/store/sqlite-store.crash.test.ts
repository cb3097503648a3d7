// Crash safety: a writer killed with SIGKILL in the middle of appending leaves a database that passes
// integrity_check, holds only whole commands (every journal row parses, every checkpoint has all its
// blobs intact), loses no command it had reported committed, and accepts the next append.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BLOB_BYTES, BLOB_NAMES, blobByte } from './crash-writer.fixture.js';
import { openSqliteStore } from './sqlite-store.js';

const FIXTURE = fileURLToPath(new URL('./crash-writer.fixture.ts', import.meta.url));
const RUN_BEFORE_KILL_MS = 200;

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tz-crash-'));
  path = join(dir, 'grid.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the writer, kills it ~200 ms after its first commit; resolves with the seqs it reported. */
function writeUntilKilled(synchronous: 'FULL' | 'NORMAL'): Promise<{ reported: number[]; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, path, synchronous], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    const failsafe = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      timer ??= setTimeout(() => child.kill('SIGKILL'), RUN_BEFORE_KILL_MS);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(failsafe);
      if (timer) clearTimeout(timer);
      resolve({ reported: stdout.split('\n').filter(Boolean).map(Number), signal, stderr });
    });
  });
}

function checkSound(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const rows = db.prepare('SELECT seq, text, outcome FROM journal ORDER BY seq').all() as { seq: number; text: string; outcome: string }[];
    rows.forEach((row, i) => {
      expect(row.seq).toBe(i + 1); // no gaps, no half entry
      expect(row.text).toBe(`JOB H WRITE ${row.seq} SCRATCH ON CL0`);
      expect((JSON.parse(row.outcome) as { result: { seq: number } }).result.seq).toBe(row.seq);
    });
    const checkpoints = db.prepare('SELECT seq, meta FROM checkpoints').all() as { seq: number; meta: string }[];
    for (const checkpoint of checkpoints) {
      expect((JSON.parse(checkpoint.meta) as { seq: number }).seq).toBe(checkpoint.seq);
      const blobs = db.prepare('SELECT name, data FROM checkpoint_blobs WHERE seq = ? ORDER BY name').all(checkpoint.seq) as { name: string; data: Buffer }[];
      expect(blobs.map((b) => b.name)).toEqual([...BLOB_NAMES].sort());
      for (const blob of blobs) {
        expect(blob.data.length).toBe(BLOB_BYTES);
        expect(blob.data.every((byte) => byte === blobByte(checkpoint.seq, blob.name))).toBe(true);
      }
    }
    return rows.length;
  } finally {
    db.close();
  }
}

describe('SQLite grid store under SIGKILL', () => {
  it('a killed writer leaves a sound database with whole commands only, with FULL and NORMAL sync', async () => {
    let before = 0;
    for (const synchronous of ['FULL', 'NORMAL'] as const) {
      const { reported, signal, stderr } = await writeUntilKilled(synchronous);
      expect(stderr).toBe('');
      expect(signal).toBe('SIGKILL');
      expect(reported.length).toBeGreaterThan(0);
      expect(reported[0]).toBe(before + 1); // the second writer carries on where the first stopped

      const rows = checkSound(path);
      const store = openSqliteStore(path);
      expect(store.lastSeq()).toBe(rows);
      // Every append the writer saw commit is there; at most the one in flight when killed is extra.
      expect(rows).toBeGreaterThanOrEqual(reported[reported.length - 1]!);
      expect(rows).toBeLessThanOrEqual(reported[reported.length - 1]! + 1);
      const latest = store.loadLatest();
      expect(latest.seed).toBe(7);
      expect(latest.checkpointSeq + latest.entries.length).toBe(rows);
      store.close();
      before = rows;
    }
  }, 20_000);
});
