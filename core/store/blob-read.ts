// Reading a checkpoint's blobs back. On a full-size grid (4,000,000 volumes on 8 clusters, about 620 MB)
// the disk is not the cost: the first touch of the memory each blob lands in is (measured here: about
// two thirds of the read, page faults at some 10 µs a page on a VM). Each thread pays its own faults, so
// a large checkpoint is read by this thread and worker threads at once, each on its own read-only
// connection, the blobs shared out by size; the buffers come back transferred, nothing copied. Any
// worker that cannot do its part (no worker threads, a native module that will not load in one, a
// thread that never answers) leaves that part to this thread: the result is the same bytes either way.

import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type Database from 'better-sqlite3';

export interface BlobReadOptions {
  /** below this many bytes one thread reads it all: a worker's start (some 30 ms) would cost more than it saves */
  parallelFrom?: number;
  /** threads reading at once, this one included (default: the machine's cores, at most 4) */
  threads?: number;
  /** the better-sqlite3 entry a worker requires (default: the one this process loaded; tests name one that fails) */
  workerModule?: string;
}

/** What a read did: shown by the bench and checked by the tests. */
export interface BlobRead {
  blobs: Record<string, Uint8Array>;
  /** threads that read a share, this one included */
  threads: number;
  /** worker shares this thread read itself because the worker could not */
  fellBack: number;
}

const PARALLEL_FROM = 64 * 2 ** 20;
const MAX_THREADS = 4;

/** A worker's part, as CommonJS source run with `eval`: no file to ship beside the bundle. */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { sqlitePath, path, seq, createdAt, names, port, done } = workerData;
let message;
let transfer = [];
try {
  const Database = require(sqlitePath);
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    // One snapshot, and the same checkpoint as the opener's: a backup restored by the writer since
    // (seen by a read-only opener) could have put another checkpoint under this seq.
    db.exec('BEGIN');
    const stamp = db.prepare('SELECT created_at FROM checkpoints WHERE seq = ?').pluck().get(seq);
    if (stamp !== createdAt) throw new Error('checkpoint ' + seq + ' is no longer the one being opened');
    const one = db.prepare('SELECT data FROM checkpoint_blobs WHERE seq = ? AND name = ?').pluck();
    const buffers = new Set();
    const blobs = names.map((name) => {
      const data = one.get(seq, name);
      if (!data) throw new Error('blob ' + name + ' of checkpoint ' + seq + ' is missing');
      if (data.byteOffset === 0 && data.buffer.byteLength === data.byteLength && !buffers.has(data.buffer)) buffers.add(data.buffer);
      return data;
    });
    message = { blobs };
    transfer = [...buffers];
  } finally {
    db.close();
  }
} catch (error) {
  message = { error: String((error && error.message) || error) };
  transfer = [];
}
port.postMessage(message, transfer);
Atomics.store(done, 0, 1);
Atomics.notify(done, 0);
`;

interface Share {
  names: string[];
  bytes: number;
}

interface Helper {
  share: Share;
  worker: Worker;
  port: MessagePort;
  done: Int32Array;
}

/**
 * Every blob of checkpoint `seq` by name, in the database's order. `db` is the store's own connection,
 * inside the read transaction that found `seq`; a checkpoint's rows never change once written, so the
 * workers' connections read the same bytes.
 */
export function readCheckpointBlobs(db: Database.Database, seq: number, options: BlobReadOptions = {}): BlobRead {
  const createdAt = db.prepare<[number], string | number>('SELECT created_at FROM checkpoints WHERE seq = ?').pluck().get(seq);
  const sizes = db.prepare<[number], { name: string; bytes: number }>('SELECT name, length(data) AS bytes FROM checkpoint_blobs WHERE seq = ?').all(seq);
  const total = sizes.reduce((n, s) => n + s.bytes, 0);
  const threads = Math.min(options.threads ?? Math.min(availableParallelism(), MAX_THREADS), sizes.length);
  const sqlitePath = threads > 1 && total >= (options.parallelFrom ?? PARALLEL_FROM) && !db.memory && createdAt !== undefined ? (options.workerModule ?? betterSqlitePath()) : null;
  const one = db.prepare<[number, string], Buffer>('SELECT data FROM checkpoint_blobs WHERE seq = ? AND name = ?').pluck();
  const read = (names: string[], into: Map<string, Uint8Array>) => {
    for (const name of names) {
      const data = one.get(seq, name);
      if (data === undefined) throw new Error(`blob ${name} of checkpoint ${seq} is missing`);
      into.set(name, data);
    }
  };
  const found = new Map<string, Uint8Array>();
  if (sqlitePath === null) {
    read(
      sizes.map((s) => s.name),
      found,
    );
    return { blobs: inOrder(sizes, found), threads: 1, fellBack: 0 };
  }
  const [own = { names: [], bytes: 0 }, ...others] = shareOut(sizes, threads);
  const helpers = others.map((share) => ({ share, helper: startHelper(share, { sqlitePath, path: db.name, seq, createdAt }) }));
  read(own.names, found);
  let threadsRead = 1;
  let fellBack = 0;
  for (const { share, helper } of helpers) {
    const blobs = helper ? joinHelper(helper) : null;
    if (blobs) {
      threadsRead++;
      share.names.forEach((name, i) => found.set(name, blobs[i] ?? new Uint8Array(0)));
    } else {
      fellBack++;
      read(share.names, found);
    }
  }
  return { blobs: inOrder(sizes, found), threads: threadsRead, fellBack };
}

/** Biggest first, each to the least-loaded thread; the first share is this thread's. */
function shareOut(sizes: { name: string; bytes: number }[], threads: number): Share[] {
  const shares: Share[] = Array.from({ length: threads }, () => ({ names: [], bytes: 0 }));
  for (const { name, bytes } of [...sizes].sort((a, b) => b.bytes - a.bytes)) {
    const least = shares.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    least.names.push(name);
    least.bytes += bytes;
  }
  return shares.filter((s) => s.names.length > 0);
}

function startHelper(share: Share, checkpoint: { sqlitePath: string; path: string; seq: number; createdAt: string | number | undefined }): Helper | null {
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  try {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ...checkpoint, names: share.names, port: port2, done }, transferList: [port2], stdout: true, stderr: true });
    worker.unref();
    worker.on('error', () => undefined); // its answer (or its silence) is what counts
    return { share, worker, port: port1, done };
  } catch {
    port1.close();
    return null;
  }
}

/** The worker's blobs, in its share's order, or null when it could not read them. */
function joinHelper(helper: Helper): Uint8Array[] | null {
  // Generous: a slow disk may take a while, but a worker that died before answering must not hang the open.
  const patience = 60_000 + helper.share.bytes / 2 ** 20;
  try {
    if (Atomics.wait(helper.done, 0, 0, patience) === 'timed-out') return null;
    const answer: unknown = receiveMessageOnPort(helper.port)?.message;
    const blobs = answer !== null && typeof answer === 'object' && 'blobs' in answer ? answer.blobs : null;
    return Array.isArray(blobs) && blobs.length === helper.share.names.length && blobs.every((b) => b instanceof Uint8Array) ? blobs : null;
  } catch {
    return null; // Atomics.wait refused on this thread: read here
  } finally {
    helper.port.close();
    void helper.worker.terminate();
  }
}

function inOrder(sizes: { name: string }[], found: Map<string, Uint8Array>): Record<string, Uint8Array> {
  const blobs: Record<string, Uint8Array> = {};
  for (const { name } of sizes) {
    const data = found.get(name);
    if (data === undefined) throw new Error(`blob ${name} was not read`);
    blobs[name] = data;
  }
  return blobs;
}

let sqliteEntry: string | null | undefined;

/** Where better-sqlite3 loads from, for a worker to require the same module; null when it cannot be found. */
function betterSqlitePath(): string | null {
  if (sqliteEntry === undefined) {
    try {
      sqliteEntry = createRequire(import.meta.url).resolve('better-sqlite3');
    } catch {
      sqliteEntry = null;
    }
  }
  return sqliteEntry;
}
