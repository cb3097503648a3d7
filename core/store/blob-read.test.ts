// A checkpoint read back by several threads at once is the very checkpoint one thread reads, and the
// grid it opens is the grid that was saved; a worker that cannot do its part leaves it to the opener.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeState, type Checkpoint } from '../engine/checkpoint.js';
import { openPersistentSession } from '../persistent-session.js';
import { Session } from '../session.js';
import { readCheckpointBlobs, type BlobRead } from './blob-read.js';
import { openSqliteStore } from './sqlite-store.js';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tz-blob-read-'));
  path = join(dir, 'grid.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const GRID = [
  'GRID G',
  'SITE A',
  'SITE B',
  'CLUSTER CL0 SITE A MODEL DISK',
  'CLUSTER CL1 SITE A MODEL TAPE',
  'CLUSTER CL2 SITE B MODEL TAPE',
  'LINK CL0 CL2 COUNT 2 GBPS 1',
  'LINK CL1 CL2 COUNT 2 GBPS 1',
  'HOST H SITE A ROLE PRODUCTION DEVICES CL0,CL1',
  'MC M COPY RDD',
  'INSERT S00000-S04999 ON CL0',
  'PRELOAD A00000-A29999 ON CL0 MC M SIZE 800MB',
  'JOB H WRITE 2000 SCRATCH ON CL0 MC M SIZE 1GB',
  'ADVANCE 10m',
];

function run(session: Session, line: string) {
  const v = session.validate(line);
  expect(v.errors, line).toEqual([]);
  return session.run(v.commands[0]!, 'test');
}

/** A grid with volumes, copies in flight and tape placements, saved as the database's one checkpoint. */
function savedGrid(): { session: Session; checkpoint: Checkpoint } {
  const session = new Session(null, 7);
  for (const line of GRID) run(session, line);
  const checkpoint = serializeState(session.engine.state);
  const store = openSqliteStore(path);
  store.setSeed(7);
  store.append({ line: null, source: 'test', text: 'SHOW GRID', startedAt: session.engine.state.now, endedAt: session.engine.state.now, ok: true, outcome: '{"ok":true}' }, checkpoint);
  store.close();
  return { session, checkpoint };
}

function readBack(options: Parameters<typeof readCheckpointBlobs>[2]): BlobRead {
  const db = new Database(path, { readonly: true });
  try {
    return db.transaction(() => readCheckpointBlobs(db, 1, options))();
  } finally {
    db.close();
  }
}

function expectSameBlobs(read: Record<string, Uint8Array>, saved: Record<string, Uint8Array>) {
  expect(Object.keys(read).sort()).toEqual(Object.keys(saved).sort());
  for (const [name, bytes] of Object.entries(saved)) expect(Buffer.from(read[name]!).equals(Buffer.from(bytes)), name).toBe(true);
}

describe('reading a checkpoint back with several threads', () => {
  it('three threads read the same bytes as one, in the same order, each buffer whole and of its own', () => {
    const { checkpoint } = savedGrid();
    const one = readBack({ threads: 1 });
    const three = readBack({ threads: 3, parallelFrom: 0 });
    expect(one).toMatchObject({ threads: 1, fellBack: 0 });
    expect(three).toMatchObject({ threads: 3, fellBack: 0 });
    expectSameBlobs(one.blobs, checkpoint.blobs);
    expectSameBlobs(three.blobs, checkpoint.blobs);
    expect(Object.keys(three.blobs)).toEqual(Object.keys(one.blobs));
    // Transferred, not shared: no two blobs over one buffer, so a restore may adopt each as a column.
    const buffers = Object.values(three.blobs)
      .filter((b) => b.byteLength > 0)
      .map((b) => b.buffer);
    expect(new Set(buffers).size).toBe(buffers.length);
  });

  it('below the size worth a worker, one thread reads it', () => {
    const { checkpoint } = savedGrid();
    const read = readBack({ threads: 3 });
    expect(read).toMatchObject({ threads: 1, fellBack: 0 });
    expectSameBlobs(read.blobs, checkpoint.blobs);
  });

  it('a worker that cannot load SQLite leaves its share to the opener: the same bytes still', () => {
    const { checkpoint } = savedGrid();
    const read = readBack({ threads: 3, parallelFrom: 0, workerModule: join(dir, 'no-such-sqlite.js') });
    expect(read).toMatchObject({ threads: 1, fellBack: 2 });
    expectSameBlobs(read.blobs, checkpoint.blobs);
  });

  it('the grid opened from a shared-out read answers as the grid that was saved, and goes on the same', () => {
    const { session } = savedGrid();
    const reads: Omit<BlobRead, 'blobs'>[] = [];
    const opened = openPersistentSession(openSqliteStore(path, { blobRead: { threads: 2, parallelFrom: 0 }, onBlobRead: (r) => reads.push(r) }), null, 7);
    try {
      expect(reads).toEqual([{ threads: 2, fellBack: 0 }]);
      for (const line of ['SHOW GRID', 'SHOW QUEUE CL2', 'SHOW VOLUME A12345', 'ADVANCE UNTIL IDLE', 'SHOW QUEUE CL2']) {
        expect(JSON.stringify(run(opened.session, line).result), line).toBe(JSON.stringify(run(session, line).result));
      }
    } finally {
      opened.close();
    }
  });
});
