// Figures that would otherwise depend on what ran before them, each measured in a process of its own.
// How fast new memory comes depends on whether the allocator still holds pages an earlier figure
// freed: a baseline that lands on them ran up to ten times faster than on new pages (journal append
// 1.87× one run, 14.5× the next, nothing else changed). A cold start is a new process anyway. So the
// cold start, the blob read it is measured against, and the Host DASD journal with its baseline each
// start in a fresh Node, the figure and its baseline on equal terms; only the timed work is timed.
//
//   node --expose-gc --import tsx bench/fresh-process.ts <task> [args…]   prints one JSON line

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { openPersistentSession } from '../core/persistent-session.js';
import { openSqliteStore } from '../core/store/sqlite-store.js';
import { imageAccess, journalAppend } from './dasd-figures.js';
import { timed, type Figures } from './figures.js';

/** What a cold start measured: the grid opened from the database alone. */
export interface ColdStart {
  seconds: number;
  cpuSeconds: number;
  volumes: number;
  readThreads: number;
}

/** What reading every blob back through one better-sqlite3 connection measured. */
export interface BlobRead {
  seconds: number;
  cpuSeconds: number;
  bytes: number;
}

const TASKS: { coldStart: (path: string) => ColdStart; blobRead: (path: string) => BlobRead; dasd: (transactions: string) => Figures } = {
  coldStart: (path: string): ColdStart => {
    let readThreads = 0;
    const opened = timed(() => {
      const session = openPersistentSession(openSqliteStore(path, { onBlobRead: (read) => (readThreads = read.threads) }), null, 1);
      const volumes = session.session.engine.state.volumes.count;
      session.close();
      return volumes;
    });
    return { seconds: opened.seconds, cpuSeconds: opened.cpuSeconds, volumes: opened.result, readThreads };
  },
  blobRead: (path: string): BlobRead => {
    const read = timed(() => {
      const db = new Database(path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      const all = db.prepare<[], { name: string; data: Buffer }>('SELECT name, data FROM blobs').all();
      db.close();
      return all;
    });
    return { seconds: read.seconds, cpuSeconds: read.cpuSeconds, bytes: read.result.reduce((n, r) => n + r.data.byteLength, 0) };
  },
  dasd: (transactions: string): Figures => {
    // Compiled first, as in a console that has been running: a small load through the same path (and
    // its baseline) before the measured one. Its memory is too small to warm the big one's pages.
    journalAppend(20_000);
    const journal = journalAppend(Number(transactions) || 1_000_000);
    return { ...journal.figures, ...imageAccess(journal.session) };
  },
};

type Task = keyof typeof TASKS;

/**
 * The Host DASD figures from `runs` fresh processes: the run whose journal ratio is the median, with
 * every run's ratio in its detail. Even on new pages a single run swings (1.5–2.2× on this machine
 * within ten minutes), and the median of three is what a person rerunning the bench would see.
 */
export function dasdFigures(runs = 3, transactions = 1_000_000): Figures {
  const all = Array.from({ length: runs }, () => inFreshProcess('dasd', String(transactions)));
  const ratio = (f: Figures) => f.journalAppend?.ratio ?? Infinity;
  const median = [...all].sort((a, b) => ratio(a) - ratio(b))[Math.floor(runs / 2)];
  const journal = median?.journalAppend;
  if (!median || !journal) throw new Error('the Host DASD figures came back without journalAppend');
  return { ...median, journalAppend: { ...journal, detail: { ...journal.detail, runs, ratiosOfRuns: all.map(ratio).join(', ') } } };
}

/** Runs `task` in a new Node process and returns what it measured. */
export function inFreshProcess<T extends Task>(task: T, ...args: Parameters<(typeof TASKS)[T]>): ReturnType<(typeof TASKS)[T]> {
  const root = join(import.meta.dirname, '..');
  const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', join(import.meta.dirname, 'fresh-process.ts'), task, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
  });
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !last.startsWith('{')) throw new Error(`bench ${task} in a fresh process failed (exit ${child.status ?? child.signal}): ${child.stderr.trim().slice(-2000)}`);
  return JSON.parse(last) as ReturnType<(typeof TASKS)[T]>;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [task, arg = ''] = process.argv.slice(2);
  const measured = task === 'coldStart' ? TASKS.coldStart(arg) : task === 'blobRead' ? TASKS.blobRead(arg) : task === 'dasd' ? TASKS.dasd(arg) : null;
  if (measured === null) throw new Error(`fresh-process: unknown task ${task ?? '(none)'}; one of ${Object.keys(TASKS).join(', ')}`);
  process.stdout.write(`${JSON.stringify(measured)}\n`);
}
