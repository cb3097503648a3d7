// Figures of the full-size grid (issue 16): PRELOAD of 4,000,000 volumes on 8 clusters, its memory per
// volume and per cluster, the checkpoint and cold start of that grid, a week of production and a site
// failure in it. The heavy ones are measured against the machine's own limit for the same work in the
// same run (a plain loop over the same columns, the same bytes through better-sqlite3), so a busy
// machine stretches figure and baseline alike and the ratio still says how close to the limit we are.

import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeState, type Checkpoint } from '../core/engine/checkpoint.js';
import { Session } from '../core/session.js';
import { openSqliteStore } from '../core/store/sqlite-store.js';
import { NO_COPY, SCALAR_COLUMNS, type VolumeStore } from '../core/model/volumes.js';
import { againstBaseline, gc, round, runText, timed, type Figures } from './figures.js';
import { inFreshProcess } from './fresh-process.js';
import { dayCopies8, dayJobs8, FAILED_SITE, GRID8, preloadLines8 } from './scenarios8.js';

const GB = 2 ** 30;

/** The same ratio in CPU seconds: what a machine shared with other work stretches least (a detail beside the wall-time ratio). */
function cpuRatio(cpu: number, baselineCpu: number): number | string {
  return baselineCpu > 0 ? round(cpu / baselineCpu, 2) : 'n/a';
}

/** The process's resident memory now, and the kernel's lifetime peak. */
function rssNow(): number {
  return process.memoryUsage().rss;
}

/**
 * PRELOAD of `count` 1 GB volumes on a fresh 8-cluster grid, `scratch` of them expired (the pool the
 * week writes to): wall time of every PRELOAD line, validation included, and the peak RSS (run it
 * first in its process: the kernel's maxRSS is a lifetime peak).
 */
export function preload8(count: number, scratch: number): { figures: Figures; session: Session; baseRss: number; peakRss: number } {
  const session = new Session(null, 1);
  runText(session, GRID8.split('\n'));
  gc();
  const baseRss = rssNow();
  let peakRss = baseRss;
  const lines = preloadLines8(count, scratch);
  const { seconds, cpuSeconds } = timed(() =>
    runText(session, lines, () => {
      peakRss = Math.max(peakRss, rssNow());
    }),
  );
  peakRss = Math.max(peakRss, rssNow(), process.resourceUsage().maxRSS * 1024);
  const volumes = session.engine.state.volumes.count;
  if (volumes !== count) throw new Error(`preload: ${volumes} volumes in the grid, expected ${count}`);
  // The baseline after the RSS was read: it allocates the same columns once more.
  const baseline = plainFill(session);
  return {
    session,
    baseRss,
    peakRss,
    figures: {
      preload4M8: againstBaseline(
        {
          value: round(seconds, 2),
          unit: 's',
          target: '<= 3 s',
          detail: {
            cpuSeconds,
            volumes,
            clusters: session.engine.state.clusters.length,
            lines: lines.length,
            volumesPerSecond: Math.round(volumes / seconds),
            baselineCpuSeconds: baseline.cpuSeconds,
            cpuRatio: cpuRatio(cpuSeconds, baseline.cpuSeconds),
          },
        },
        baseline.seconds,
        '<= 3',
      ),
      preload4M8Rss: { value: round(peakRss / GB, 2), unit: 'GB', target: '<= 2 GB', detail: { beforeGB: round(baseRss / GB, 2) } },
    },
  };
}

/**
 * The machine's limit for a PRELOAD: the same typed-array columns (every volume column, a copy level per
 * cluster, the stacked-volume placement of each tape-attached cluster), allocated at their final size
 * and filled by a plain loop, one volume at a time, with the values PRELOAD leaves in them.
 */
function plainFill(session: Session): { seconds: number; cpuSeconds: number } {
  const state = session.engine.state;
  const n = state.volumes.count;
  const src = state.volumes.cols;
  const tapeClusters = state.tape.placements.filter((p) => p !== null).length;
  gc();
  const run = timed(() => {
    const code = new Uint32Array(n);
    const category = new Uint16Array(n);
    const mc = new Uint8Array(n);
    const owner = new Int8Array(n);
    const level = new Uint32Array(n);
    const sizeBytes = new Float64Array(n);
    const mountedOn = new Int8Array(n);
    const createdAt = new Float64Array(n);
    const lastAccess = new Float64Array(n);
    const categoryChangedAt = new Float64Array(n);
    const inCache = new Uint8Array(n);
    const premigrated = new Uint8Array(n);
    const copyLevel = src.copyLevel.map(() => new Int32Array(n));
    const placement = Array.from({ length: tapeClusters }, () => ({ primary: new Int32Array(n), secondary: new Int32Array(n), tapeLevel: new Int32Array(n), tapeBytes: new Float64Array(n) }));
    const now = state.now;
    for (let v = 0; v < n; v++) {
      code[v] = src.code[v]!;
      category[v] = 0x000f;
      mc[v] = v % 3;
      owner[v] = v & 2;
      level[v] = 1;
      sizeBytes[v] = GB;
      mountedOn[v] = -1;
      createdAt[v] = now;
      lastAccess[v] = now;
      categoryChangedAt[v] = now;
      inCache[v] = 0x55;
      premigrated[v] = 0xaa;
      for (let c = 0; c < copyLevel.length; c++) copyLevel[c]![v] = c < 4 ? 1 : NO_COPY;
      for (let t = 0; t < placement.length; t++) {
        const p = placement[t]!;
        p.primary[v] = v >> 10;
        p.secondary[v] = -1;
        p.tapeLevel[v] = 1;
        p.tapeBytes[v] = GB;
      }
    }
    // Read something back so no engine can skip the work.
    return (
      code[n - 1]! +
      category[n >> 1]! +
      copyLevel[0]![n - 1]! +
      (placement[0]?.tapeBytes[n - 1] ?? 0) +
      mc[0]! +
      owner[0]! +
      level[0]! +
      sizeBytes[0]! +
      mountedOn[0]! +
      createdAt[0]! +
      lastAccess[0]! +
      categoryChangedAt[0]! +
      inCache[0]! +
      premigrated[0]!
    );
  });
  gc();
  return { seconds: run.seconds, cpuSeconds: run.cpuSeconds };
}

/** Bytes the volume store and the tape placements hold, split into per-volume and per-volume-per-cluster. */
export function storeBytes(session: Session): { fixed: number; perCluster: number; volumes: number; clusters: number } {
  const state = session.engine.state;
  const store: VolumeStore = state.volumes;
  let fixed = 0;
  for (const name of SCALAR_COLUMNS) fixed += store.cols[name].byteLength;
  fixed += store.index.byteLength;
  let perCluster = 0;
  for (const levels of store.cols.copyLevel) perCluster += levels.byteLength;
  for (const p of state.tape.placements) if (p) perCluster += p.primary.byteLength + p.secondary.byteLength + p.tapeLevel.byteLength + p.tapeBytes.byteLength;
  return { fixed, perCluster, volumes: store.count, clusters: state.clusters.length };
}

/**
 * Memory per volume (item 4): what the columns hold per volume, per cluster, and the peak RSS per
 * volume the process reached (PRELOAD's growth and a checkpoint written to SQLite included),
 * from which the largest grid that fits in 2 GB and in 8 GB follows.
 */
export function memory(session: Session, baseRss: number, peakRss: number): Figures {
  const bytes = storeBytes(session);
  const perVolume = bytes.fixed / bytes.volumes;
  const perVolumePerCluster = bytes.perCluster / bytes.volumes / bytes.clusters;
  const peakPerVolume = (peakRss - baseRss) / bytes.volumes;
  const fits = (gb: number) => Math.floor((gb * GB - baseRss) / peakPerVolume);
  gc();
  return {
    bytesPerVolume: {
      value: round(perVolume + perVolumePerCluster * bytes.clusters, 1),
      unit: 'B',
      target: null,
      detail: { fixedBytes: round(perVolume, 1), perClusterBytes: round(perVolumePerCluster, 1), clusters: bytes.clusters, residentBytesPerVolume: round((rssNow() - baseRss) / bytes.volumes, 1) },
    },
    bytesPerVolumePerCluster: { value: round(perVolumePerCluster, 1), unit: 'B', target: null, detail: { copyLevelBytes: 4, tapePlacementBytesPerTapeCluster: 20 } },
    peakBytesPerVolume: { value: round(peakPerVolume, 1), unit: 'B', target: null, detail: { peakGB: round(peakRss / GB, 2), processBaseGB: round(baseRss / GB, 2) } },
    ceiling2GB: { value: fits(2), unit: 'volumes', target: '>= 4000000 volumes', detail: { clusters: bytes.clusters } },
    ceiling8GB: { value: fits(8), unit: 'volumes', target: null, detail: { clusters: bytes.clusters } },
  };
}

/**
 * The whole grid to SQLite as a checkpoint, then a cold start from that database alone; each against
 * the same bytes (meta JSON and every blob) written as blobs with better-sqlite3 in one transaction,
 * and read back by one connection. The cold start and that read each run in a fresh process, as a cold
 * start does (bench/fresh-process.ts). The cold start reads its blobs with a worker thread per spare
 * core (core/store/blob-read.ts), so on two cores or more its ratio can be below 1; its CPU ratio (a
 * detail) still compares all the work done.
 */
export function checkpoint8(session: Session): { figures: Figures; peakRss: number } {
  const dir = mkdtempSync(join(tmpdir(), 'tz-bench8-'));
  const path = join(dir, 'grid.db');
  try {
    const store = openSqliteStore(path, { synchronous: 'NORMAL' });
    store.setSeed(1);
    const state = session.engine.state;
    let peakRss = 0;
    let cp: Checkpoint | null = null;
    const write = timed(() => {
      cp = serializeState(state, { views: true });
      peakRss = rssNow();
      store.append({ line: null, source: 'bench', text: 'SHOW GRID', startedAt: state.now, endedAt: state.now, ok: true, outcome: '{"ok":true}' }, cp);
    });
    store.close();
    gc();
    const cold = inFreshProcess('coldStart', path);
    if (cold.volumes !== state.volumes.count) throw new Error(`cold start restored ${cold.volumes} volumes, expected ${state.volumes.count}`);
    const base = blobBaseline(join(dir, 'baseline.db'), cp!);
    cp = null;
    return {
      peakRss,
      figures: {
        checkpoint4M8: againstBaseline(
          {
            value: round(write.seconds, 2),
            unit: 's',
            target: '<= 5 s',
            detail: {
              cpuSeconds: write.cpuSeconds,
              baselineCpuSeconds: base.writeCpuSeconds,
              cpuRatio: cpuRatio(write.cpuSeconds, base.writeCpuSeconds),
              dbMB: Math.round(statSync(path).size / 2 ** 20),
              blobMB: Math.round(base.bytes / 2 ** 20),
            },
          },
          base.writeSeconds,
          '<= 1.5',
        ),
        coldStart4M8: againstBaseline(
          {
            value: round(cold.seconds, 2),
            unit: 's',
            target: '<= 3 s',
            detail: {
              cpuSeconds: cold.cpuSeconds,
              baselineCpuSeconds: base.readCpuSeconds,
              cpuRatio: cpuRatio(cold.cpuSeconds, base.readCpuSeconds),
              volumes: cold.volumes,
              readThreads: cold.readThreads,
            },
          },
          base.readSeconds,
          '<= 2',
        ),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same bytes as the checkpoint, as plain blobs: written in one transaction here, then read back in a fresh process. */
function blobBaseline(path: string, cp: Checkpoint): { writeSeconds: number; readSeconds: number; writeCpuSeconds: number; readCpuSeconds: number; bytes: number } {
  const rows: [string, Uint8Array][] = [['meta', Buffer.from(JSON.stringify(cp.meta))], ...Object.entries(cp.blobs)];
  const bytes = rows.reduce((n, [, b]) => n + b.byteLength, 0);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`journal_size_limit = ${64 * 2 ** 20}`);
  db.exec('CREATE TABLE blobs (name TEXT PRIMARY KEY, data BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO blobs (name, data) VALUES (?, ?)');
  const write = timed(() =>
    db.transaction(() => {
      for (const [name, data] of rows) insert.run(name, data);
    })(),
  );
  db.close();
  gc();
  const read = inFreshProcess('blobRead', path);
  if (read.bytes !== bytes) throw new Error(`baseline read ${read.bytes} bytes of ${bytes}`);
  return { writeSeconds: write.seconds, readSeconds: read.seconds, writeCpuSeconds: write.cpuSeconds, readCpuSeconds: read.cpuSeconds, bytes };
}

function completedCopies(session: Session): number {
  let n = 0;
  for (const q of session.engine.state.copies.targets) for (const c of q.completed) n += c;
  return n;
}

function waitingCopies(session: Session): number {
  let n = 0;
  for (const q of session.engine.state.copies.targets) n += q.volume.length + q.inFlight.length;
  return n;
}

interface JobResult {
  succeeded: number;
  failed: number;
  failures: Record<string, number>;
}

/**
 * A simulated week of production on the loaded grid: each day `jobs` scratch writes of 1 GB on CL0, a
 * third each under MCs copying to 3, 5 and 7 other clusters, then ADVANCE UNTIL IDLE. Every copy must be
 * made (spec §5: Deferred copies complete once the grid is idle); the figure is the wall time, and the
 * copies per second of it.
 */
export function week8(session: Session, jobs: number, days = 7): Figures {
  const before = completedCopies(session);
  const lines = [...Array.from({ length: days }, () => dayJobs8(jobs)).flat(), 'ADVANCE UNTIL IDLE'];
  gc();
  const { result: records, seconds, cpuSeconds } = timed(() => runText(session, lines));
  const writes = records.slice(0, -1).reduce((n, r) => n + (r.result as JobResult).succeeded, 0);
  const failedWrites = records.slice(0, -1).reduce((n, r) => n + (r.result as JobResult).failed, 0);
  const idle = records.at(-1)!.result as { idle: boolean; to: string };
  const copies = completedCopies(session) - before;
  const expected = days * dayCopies8(jobs);
  const messages: Record<string, number> = {};
  for (const r of records) for (const m of r.messages) messages[m.id] = (messages[m.id] ?? 0) + 1;
  return {
    week8: {
      value: round(seconds, 2),
      unit: 's',
      target: '<= 20 s',
      detail: {
        cpuSeconds,
        days,
        writes,
        failedWrites,
        copies,
        expectedCopies: expected,
        copiesPerSecond: Math.round(copies / seconds),
        idleAt: idle.to,
        idle: idle.idle,
        messages: JSON.stringify(messages),
      },
    },
    week8Copies: { value: copies, unit: 'copies', target: `>= ${expected}`, detail: { leftInQueues: waitingCopies(session) } },
    week8CopyRate: { value: Math.round(copies / seconds), unit: 'copies/s', target: null, detail: { copies, seconds: round(seconds, 2) } },
  };
}

/**
 * A site with two clusters fails in the middle of a production day: half the day's writes before,
 * half after (their copies to that site queue up), the site comes back a day after it failed, and the
 * grid runs until idle. Every copy must be made; the figure is the wall time of all of it.
 */
export function failover8(session: Session, jobs: number): Figures {
  const before = completedCopies(session);
  const half = Math.floor(jobs / 2);
  const lines = [
    `JOB PRODA WRITE ${half} SCRATCH ON CL0 MC C5 SIZE 1GB OVER 12h`,
    `FAIL SITE ${FAILED_SITE}`,
    `JOB PRODA WRITE ${jobs - half} SCRATCH ON CL0 MC C7 SIZE 1GB OVER 12h`,
    'ADVANCE 12h',
    `REPAIR SITE ${FAILED_SITE}`,
    'ADVANCE UNTIL IDLE',
  ];
  gc();
  let queuedAtRepair = 0;
  const {
    result: records,
    seconds,
    cpuSeconds,
  } = timed(() =>
    runText(session, lines, (r) => {
      if (r.command.startsWith('REPAIR')) queuedAtRepair = waitingCopies(session);
    }),
  );
  const jobsOf = [records[0]!, records[2]!].map((r) => r.result as JobResult);
  const idle = records.at(-1)!.result as { idle: boolean; to: string };
  const copies = completedCopies(session) - before;
  const expected = jobsOf[0]!.succeeded * 5 + jobsOf[1]!.succeeded * 7;
  return {
    failover8: {
      value: round(seconds, 2),
      unit: 's',
      target: '<= 10 s',
      detail: {
        cpuSeconds,
        writes: jobsOf[0]!.succeeded + jobsOf[1]!.succeeded,
        failedWrites: jobsOf[0]!.failed + jobsOf[1]!.failed,
        failures: JSON.stringify({ ...jobsOf[0]!.failures, ...jobsOf[1]!.failures }),
        copiesQueuedAtRepair: queuedAtRepair,
        copies,
        expectedCopies: expected,
        leftInQueues: waitingCopies(session),
        idleAt: idle.to,
        idle: idle.idle,
      },
    },
  };
}
