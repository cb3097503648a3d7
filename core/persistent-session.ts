// A session whose journal and checkpoints live in a GridStore (SQLite with --db): opening it restores
// the latest checkpoint and replays what followed; every command is appended in one transaction with,
// now and then, a checkpoint; SHOW … AT rebuilds the past from the nearest earlier checkpoint.

import { Engine } from './engine/engine.js';
import { restoreState, serializeState } from './engine/checkpoint.js';
import type { FilePort } from './runbook/validate.js';
import { Session, type JournalRecord, type RunRecord } from './session.js';
import { advanceTo } from './world/run.js';
import { shouldCheckpoint } from './store/checkpoint-policy.js';
import { StoreError, type GridStore, type JournalEntry } from './store/port.js';
import { beginRun, endRun, recoverAfterPowerLoss } from './store/power-restart.js';
import { whole, type Sliced } from './sim/work-slices.js';
import { z } from 'zod';

/** A journal entry's outcome as stored (Session.run's record): read with its shape checked, never taken on trust. */
const STORED_OUTCOME = z.object({
  ok: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  result: z.unknown(),
  messages: z.array(z.object({ time: z.string(), id: z.string(), text: z.string() })),
});

export interface PersistentSession {
  session: Session;
  store: GridStore;
  /** lines the restart issued because the previous run was killed mid-export (E0022 among their messages) */
  recovered: RunRecord[];
  /** how the previous run on this database ended: null after a clean stop or on a new database */
  previousRun: AbnormalEnd | null;
  close(): void;
}

/** What an operator is told on open when the previous run did not stop cleanly. */
export interface AbnormalEnd {
  /** the program that was writing when it died, as its run marker recorded it */
  program: string | null;
  pid: number | null;
  since: string | null;
  /** every command the journal kept (the grid is rebuilt from them); nothing after the last is lost but the one in flight */
  commandsKept: number;
  lastCommand: { seq: number; text: string; endedAt: number } | null;
  /** lines the restart issued: the power-off restart of an exporting library (E0022) */
  restarts: RunRecord[];
}

/** The journal as the session keeps it: the stored record, outcome and all. */
export function toJournalRecord(entry: JournalEntry): JournalRecord {
  let outcome: JournalRecord['outcome'] = { ok: entry.ok, error: null, result: null, messages: [] };
  try {
    const stored = STORED_OUTCOME.safeParse(JSON.parse(entry.outcome));
    if (stored.success) outcome = { ...stored.data, result: stored.data.result ?? null };
  } catch {
    // not JSON: the entry's own ok stands, with nothing more to show
  }
  return { source: entry.source, line: entry.line, text: entry.text, startedAt: entry.startedAt, endedAt: entry.endedAt, outcome, wallMs: 0 };
}

function rebuild(files: FilePort | null, seed: number, checkpoint: ReturnType<GridStore['loadLatest']>['checkpoint'], entries: JournalEntry[], until = Infinity, before: JournalEntry[] = []): Session {
  // Each rebuild loads its own checkpoint from the store: the restore may keep its blobs.
  const engine = checkpoint ? new Engine(seed, restoreState(checkpoint, { adopt: true })) : new Engine(seed);
  const session = new Session(files, seed, engine);
  // The history before the checkpoint is known, not re-run: the checkpoint already holds its effect.
  for (const entry of before) session.journal.push(toJournalRecord(entry));
  for (const entry of entries) {
    if (entry.endedAt > until) break;
    session.replay(entry.text, toJournalRecord(entry));
  }
  return session;
}

/** Journals `session` into `store` from now on: each command appended, checkpoints as the policy says. */
export function attachStore(store: GridStore, session: Session, files: FilePort | null, baseSeed: number, replayedSinceCheckpoint = 0): void {
  let sinceCheckpoint = replayedSinceCheckpoint;
  let wallSinceCheckpoint = 0;
  let checkpointTime = session.engine.state.now;
  /** The entry and, when the policy says one is due, a checkpoint, in one transaction; its progress yielded while the checkpoint is written. */
  function* appendInSlices(entry: JournalRecord, engine: Engine): Sliced<void> {
    // Looking changes nothing: a read-only session shows without journaling; anything else is refused by the store.
    if (store.readOnly && /^(SHOW|HELP)\b/i.test(entry.text)) return;
    sinceCheckpoint++;
    wallSinceCheckpoint += entry.wallMs;
    const due = shouldCheckpoint(sinceCheckpoint, wallSinceCheckpoint, engine.state.now - checkpointTime);
    try {
      const stored = { line: entry.line, source: entry.source, text: entry.text, startedAt: entry.startedAt, endedAt: entry.endedAt, ok: entry.outcome.ok, outcome: JSON.stringify(entry.outcome) };
      const checkpoint = due ? serializeState(engine.state, { views: true }) : undefined;
      if (checkpoint && store.appendInSlices) yield* store.appendInSlices(stored, checkpoint);
      else store.append(stored, checkpoint);
    } catch (error) {
      sinceCheckpoint--;
      wallSinceCheckpoint -= entry.wallMs;
      throw error;
    }
    if (due) {
      sinceCheckpoint = 0;
      wallSinceCheckpoint = 0;
      checkpointTime = engine.state.now;
    }
  }
  session.sink = {
    append: (entry, engine) => whole(appendInSlices(entry, engine)),
    appendInSlices,
    storedEngine() {
      return rebuildLatest(store, files, baseSeed, false).session.engine;
    },
    engineAt(time: number) {
      const past = store.loadAt(time);
      const rebuilt = rebuild(files, baseSeed, past.checkpoint, past.entries, time);
      advanceTo(rebuilt.engine.state, time);
      return rebuilt.engine;
    },
  };
}

/**
 * The present rebuilt from the store: latest checkpoint plus the journal after it; with `history`, the
 * session's journal holds every stored entry (real times and outcomes), not only those replayed.
 */
function rebuildLatest(store: GridStore, files: FilePort | null, seed: number, history = true): { session: Session; baseSeed: number; replayed: number } {
  const latest = store.loadLatest();
  const baseSeed = latest.seed ?? seed;
  if (latest.seed === null && !store.readOnly) store.setSeed(seed);
  const before = history && latest.checkpointSeq > 0 ? store.entries(1, latest.checkpointSeq) : [];
  return { session: rebuild(files, baseSeed, latest.checkpoint, latest.entries, Infinity, before), baseSeed, replayed: latest.entries.length };
}

export function openPersistentSession(store: GridStore, files: FilePort | null, seed: number, program?: string): PersistentSession {
  const marker = store.readOnly ? null : beginRun(store, program);
  const { session, baseSeed, replayed } = rebuildLatest(store, files, seed);
  attachStore(store, session, files, baseSeed, replayed); // read-only too: SHOW … AT reads the stored checkpoints
  // Redbook §11.5.4 E0022: a killed process is the simulated library's power-off; it recovers on restart.
  const recovered = marker ? recoverAfterPowerLoss(session) : [];
  const previousRun = marker ? abnormalEnd(marker, store, recovered) : null;
  return { session, store, recovered, previousRun, close: () => (store.readOnly ? store.close() : closeRun(store)) };
}

function abnormalEnd(marker: { program?: string; pid?: number; since?: string }, store: GridStore, restarts: RunRecord[]): AbnormalEnd {
  const keptSeq = store.lastSeq() - restarts.length;
  const last = keptSeq > 0 ? store.entries(keptSeq, 1)[0] : undefined;
  return {
    program: marker.program ?? null,
    pid: marker.pid ?? null,
    since: marker.since ?? null,
    commandsKept: keptSeq,
    lastCommand: last ? { seq: last.seq, text: last.text.split('\n')[0]!.slice(0, 200), endedAt: last.endedAt } : null,
    restarts,
  };
}

/** Ends the run cleanly (the next open is no power-off) and closes the store. */
export function closeRun(store: GridStore): void {
  try {
    endRun(store);
  } catch (error) {
    if (!(error instanceof StoreError && error.code === 'CLOSED')) throw error; // closed twice: already clean
  } finally {
    store.close();
  }
}

/**
 * After the store's contents were replaced (a backup restored): the live session takes the rebuilt
 * engine and journal in place, so everything holding the session object sees the restored grid.
 */
export function reloadSession(session: Session, store: GridStore, files: FilePort | null, seed: number): void {
  const { session: rebuilt, baseSeed, replayed } = rebuildLatest(store, files, seed);
  session.adoptEngine(rebuilt.engine);
  session.journal.length = 0;
  for (const entry of rebuilt.journal) session.journal.push(entry);
  attachStore(store, session, files, baseSeed, replayed);
}
