// Crash safety of the engine with --db (issue 8 part 2): a child process runs long work — Deferred
// copies in flight, a Copy Export advanced step by step, a stand-alone recovery, a Host DASD journal
// roll (crash-work.ts) — and is killed with SIGKILL at seeded random moments, 50 times. After each
// kill: the database opens, integrity_check is ok, the journal holds whole commands only, in plan
// order with no gap or repeat and none the child saw commit lost; the present rebuilt from the latest
// checkpoint equals a replay of the whole journal from nothing. A kill during an export is a power
// off for the library: the restart reports E0022 EXPORT RECOVERY STARTED and, once the recovery
// time passes, E0023 EXPORT RECOVERY COMPLETED, with the run recovered (Redbook §11.5.4).

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine.js';
import { restoreState, serializeState, type Checkpoint } from '../engine/checkpoint.js';
import { Session } from '../session.js';
import { activeRun } from '../rules/copy-export/routing.js';
import { openPersistentSession } from '../persistent-session.js';
import { DASD_SETUP, round, SETUP } from './crash-work.js';
import { WORK_SOURCE } from './engine-crash.fixture.js';
import { openSqliteStore } from './sqlite-store.js';

const FIXTURE = fileURLToPath(new URL('./engine-crash.fixture.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KILLS = 50;
const ROUNDS = 5;
const SEED = 0x7e57;
const E0022 = 'E0022 EXPORT RECOVERY STARTED';
const E0023 = 'E0023 EXPORT RECOVERY COMPLETED';

/** mulberry32: the kill schedule is the same on every run. */
function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

interface Life {
  start: number;
  recovered: { command: string; messages: { text: string }[] }[];
  committed: number[];
  signal: NodeJS.Signals | null;
  stderr: string;
}

let dir: string;
let db: string;
let bundle: string;
let dasd: boolean;
const random = rng(SEED);
const planSize = () => round(0, dasd).length;
const setupSize = () => SETUP.length + (dasd ? DASD_SETUP.length : 0);
/** plan lines that leave an export running: from LIBRARY EXPORT to the ADVANCE UNTIL IDLE after it */
function exportWindow(line: number): boolean {
  if (line < setupSize()) return false;
  const i = (line - setupSize()) % planSize();
  const start = round(0, dasd).findIndex((l) => l.startsWith('LIBRARY EXPORT'));
  return i >= start && i < start + 12;
}

/** One life of the writer: started, killed once its `target`-th plan line committed plus a few ms. */
function live(pick: (start: number) => number): Promise<Life> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, db, dasd ? '1' : '0', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const life: Life = { start: -1, recovered: [], committed: [], signal: null, stderr: '' };
    let target = Infinity;
    let buffer = '';
    let killing = false;
    const failsafe = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('S ')) {
          life.start = Number(line.split(' ')[1]);
          target = pick(life.start);
        } else if (line.startsWith('R ')) life.recovered.push(JSON.parse(line.slice(2)));
        else if (line.startsWith('C ')) life.committed.push(Number(line.slice(2)));
        if (!killing && life.committed.length > 0 && life.committed.at(-1)! >= target) {
          killing = true;
          // 0–4 ms more: the kill lands inside a command, an append or a checkpoint, or between them.
          setTimeout(() => child.kill('SIGKILL'), random(5));
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (life.stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(failsafe);
      life.signal = signal;
      resolve(life);
    });
  });
}

interface Verdict {
  journal: number;
  lastPlanLine: number;
  exportRunning: boolean;
}

/** Everything checked read-only, as the next start will find it. */
function verify(lives: Life[]): Verdict {
  const raw = new Database(db, { readonly: true });
  let rows: { seq: number; source: string; text: string; outcome: string }[];
  try {
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    rows = raw.prepare('SELECT seq, source, text, outcome FROM journal ORDER BY seq').all() as typeof rows;
    const checkpoints = raw.prepare('SELECT c.seq, count(b.name) AS blobs FROM checkpoints c LEFT JOIN checkpoint_blobs b USING (seq) GROUP BY c.seq').all() as { seq: number; blobs: number }[];
    for (const c of checkpoints) expect(c.blobs, `checkpoint ${c.seq} has its blobs`).toBeGreaterThan(0);
  } finally {
    raw.close();
  }
  // Whole commands only: seqs without gaps, and plan lines in order, none repeated, none skipped.
  rows.forEach((row, i) => expect(row.seq).toBe(i + 1));
  const plan = rows.filter((r) => r.source.startsWith(WORK_SOURCE)).map((r) => Number(r.source.slice(WORK_SOURCE.length)));
  plan.forEach((n, i) => expect(n).toBe(i));
  // Nothing the writer saw commit is lost (a SIGKILL is not an OS crash: synchronous=NORMAL keeps it).
  const last = lives.at(-1)!;
  if (last.committed.length > 0) expect(plan.at(-1)).toBeGreaterThanOrEqual(last.committed.at(-1)!);

  // Replay equals state: latest checkpoint + tail == the whole journal replayed from nothing.
  const store = openSqliteStore(db);
  try {
    const latest = store.loadLatest();
    const seed = latest.seed ?? 11;
    const fromCheckpoint = replay(
      seed,
      latest.checkpoint,
      latest.entries.map((e) => e.text),
    );
    const fromNothing = replay(
      seed,
      null,
      rows.map((r) => r.text),
    );
    expect(latest.checkpointSeq + latest.entries.length).toBe(rows.length);
    const a = serializeState(fromCheckpoint.engine.state);
    const b = serializeState(fromNothing.engine.state);
    expect(JSON.stringify(a.meta)).toBe(JSON.stringify(b.meta));
    expect(Object.keys(a.blobs).sort()).toEqual(Object.keys(b.blobs).sort());
    for (const name of Object.keys(a.blobs)) expect(Buffer.compare(Buffer.from(a.blobs[name]!), Buffer.from(b.blobs[name]!)), name).toBe(0);
    const run = activeRun(fromCheckpoint.engine.state);
    return { journal: rows.length, lastPlanLine: plan.at(-1) ?? -1, exportRunning: run !== null && (run.state === 'premigrating' || run.state === 'exporting') };
  } finally {
    store.close();
  }
}

function replay(seed: number, checkpoint: Checkpoint | null, texts: string[]): Session {
  const session = new Session(null, seed, checkpoint ? new Engine(seed, restoreState(checkpoint)) : new Engine(seed));
  for (const text of texts) session.replay(text);
  return session;
}

const texts = (records: Life['recovered']) => records.flatMap((r) => r.messages.map((m) => m.text));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tz-engine-crash-'));
  db = join(dir, 'grid.db');
  // One bundle, so each of the 50 starts costs node's start-up, not a TypeScript compile.
  const out = join(ROOT, 'node_modules', '.cache', 'timezero-crash');
  mkdirSync(out, { recursive: true });
  bundle = join(out, `engine-crash-${process.pid}.mjs`);
  await build({ entryPoints: [FIXTURE], bundle: true, platform: 'node', format: 'esm', target: 'node20', external: ['better-sqlite3'], outfile: bundle, logLevel: 'error' });
  // The Host DASD journal is part of the work when this build's runbook language has it.
  const probe = new Session(null, 1);
  dasd = probe.validate(['SITE PROD', 'SITE DR', ...DASD_SETUP, ...round(0, true).slice(-9)].join('\n')).errors.length === 0;
}, 60_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(bundle, { force: true });
});

describe('the engine with --db under SIGKILL', () => {
  const lives: Life[] = [];
  const verdicts: Verdict[] = [];
  let interruptedExports = 0;

  for (let r = 0; r < ROUNDS; r++) {
    it(`kills ${(r + 1) * (KILLS / ROUNDS) - KILLS / ROUNDS + 1}–${(r + 1) * (KILLS / ROUNDS)}: each restart opens a sound database, whole commands, replay equals state`, async () => {
      for (let k = 0; k < KILLS / ROUNDS; k++) {
        const n = lives.length;
        const life = await live((start) => {
          // Every other kill aims into a running export; the rest anywhere in the plan.
          let target = start + 1 + random(planSize());
          if (n % 2 === 1) while (!exportWindow(target)) target++;
          return target;
        });
        expect(life.stderr).toBe('');
        expect(life.signal).toBe('SIGKILL');
        const before = verdicts.at(-1);
        // The restart carried on after the last plan line the database held.
        expect(life.start).toBe(before ? before.lastPlanLine + 1 : 0);
        // A kill during an export: this start recovered it as the Redbook's restarted library.
        if (before?.exportRunning) {
          interruptedExports++;
          expect(life.recovered.map((x) => x.command)).toEqual(['# power-off restart of CL1: FAIL CLUSTER CL1, REPAIR CLUSTER CL1']);
          expect(texts(life.recovered).some((t) => t.includes(E0022))).toBe(true);
        } else expect(life.recovered).toEqual([]);
        lives.push(life);
        verdicts.push(verify(lives));
      }
    }, 120_000);
  }

  it('every interrupted export was recovered: E0022 then E0023, the run ends recovered with its status file', () => {
    expect(lives).toHaveLength(KILLS);
    // The kill schedule put at least a fifth of the kills into a running export.
    expect(interruptedExports).toBeGreaterThanOrEqual(KILLS / 5);
    // A last, clean start: the library finishes recovering what the last kill interrupted.
    const store = openSqliteStore(db);
    const opened = openPersistentSession(store, null, 11);
    const validated = opened.session.validate('ADVANCE UNTIL IDLE');
    opened.session.run(validated.commands[0]!, 'test');
    opened.close();
    const raw = new Database(db, { readonly: true });
    const rows = raw.prepare('SELECT source, text, outcome FROM journal ORDER BY seq').all() as { source: string; text: string; outcome: string }[];
    raw.close();
    const started: number[] = [];
    let completed = 0;
    for (const [i, row] of rows.entries()) {
      const messages = (JSON.parse(row.outcome) as { messages: { text: string }[] }).messages.map((m) => m.text);
      if (messages.some((t) => t.includes(E0022))) started.push(i);
      if (messages.some((t) => t.includes(E0023))) {
        expect(started.length, `E0023 at entry ${i + 1} follows an E0022`).toBeGreaterThan(completed);
        completed++;
      }
    }
    expect(started.length).toBe(interruptedExports + (verdicts.at(-1)!.exportRunning ? 1 : 0));
    expect(completed).toBe(started.length);
    // The status of each recovered run says so (SHOW EXPORTSTATUS, Redbook §11.6.4 status file).
    const reopened = openPersistentSession(openSqliteStore(db), null, 11);
    const recovered = reopened.session.engine.state.tape.exports.filter((e) => e.state === 'recovered');
    expect(recovered.length).toBe(started.length);
    for (const run of recovered) expect(run.stopReason).toMatch(/^interrupted while (premigrating|exporting)$/);
    const checkpoints = reopened.store.loadLatest().checkpointSeq;
    reopened.close();
    const exports = rows.filter((r) => r.text.startsWith('LIBRARY EXPORT')).length;
    const recoveries = rows.filter((r) => r.text.startsWith('RECOVER ')).length;
    const rolls = rows.filter((r) => r.text.startsWith('IMAGE ROLL')).length;
    // Issue 8 names a journal roll among the killed work: the Host DASD engine is built, so it must be there.
    expect(dasd, 'the Host DASD lines of crash-work.ts validate').toBe(true);
    expect(rolls).toBeGreaterThan(0);
    console.info(
      `engine crash test: ${KILLS} SIGKILLs, ${rows.length} journaled commands (latest checkpoint after ${checkpoints}), ${exports} exports, ${recoveries} recoveries, ${rolls} journal rolls${dasd ? '' : ' (no Host DASD engine in this build)'}; ${started.length} exports interrupted and recovered (E0022 → E0023)`,
    );
  }, 120_000);
});
