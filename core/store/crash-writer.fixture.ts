// Test fixture, run as its own process by sqlite-store.crash.test.ts: appends journal entries (every
// fifth with a checkpoint of several blobs) as fast as it can until it is killed, printing each seq
// once its transaction has committed.
// Usage: node --import tsx core/store/crash-writer.fixture.ts <db-path> FULL|NORMAL

import { pathToFileURL } from 'node:url';
import { openSqliteStore } from './sqlite-store.js';

export const BLOB_BYTES = 64 * 1024;
export const BLOB_NAMES = ['volumes/code', 'volumes/level', 'volumes/sizeBytes', 'copies/0/volume'];

/** Blob content is a function of seq and name, so a reader can tell a whole blob from a torn one. */
export function blobByte(seq: number, name: string): number {
  return (seq * 31 + name.length) & 0xff;
}

function main(path: string, synchronous: 'FULL' | 'NORMAL'): void {
  const store = openSqliteStore(path, { synchronous });
  store.setSeed(7);
  for (let seq = store.lastSeq() + 1; ; seq++) {
    const checkpoint =
      seq % 5 === 0
        ? { meta: { format: 1, seq, blobNames: BLOB_NAMES }, blobs: Object.fromEntries(BLOB_NAMES.map((name) => [name, new Uint8Array(BLOB_BYTES).fill(blobByte(seq, name))])) }
        : undefined;
    const outcome = JSON.stringify({ ok: true, error: null, result: { seq, volsers: Array.from({ length: 50 }, (_, i) => `A${String(i).padStart(5, '0')}`) }, messages: [] });
    const written = store.append({ line: seq, source: 'crash-writer', text: `JOB H WRITE ${seq} SCRATCH ON CL0`, startedAt: seq * 1000, endedAt: seq * 1000 + 500, ok: true, outcome }, checkpoint);
    process.stdout.write(`${written}\n`);
  }
}

// Runs only as a script, not when the test imports its constants.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv[2]!, process.argv[3] === 'NORMAL' ? 'NORMAL' : 'FULL');
