// A session whose journal and checkpoints live in a GridStore (SQLite with --db): opening it restores
// the latest checkpoint and replays what followed; every command is appended in one transaction with,
// now and then, a checkpoint; SHOW … AT rebuilds the past from the nearest earlier checkpoint.

import { Engine } from './engine/engine.js';
import { restoreState, serializeState } from './engine/checkpoint.js';
import type { FilePort } from './runbook/validate.js';
import { Session, type JournalRecord, type RunRecord } from './session.js';
import { advanceTo } from './sim/run.js';
import { shouldCheckpoint } from './store/checkpoint-policy.js';
import { StoreError, type GridStore, type JournalEntry } from './store/port.js';
import { beginRun, endRun, recoverAfterPowerLoss } from './store/power-restart.js';

export interface PersistentSession {
  session: Session;
  store: GridStore;
  /** lines the restart issued because the previous run was killed mid-export (E0022 among their messages) */
  recovered: RunRecord[];
  close(): void;
}

function rebuild(files: FilePort | null, seed: number, checkpoint: ReturnType<GridStore['loadLatest']>['checkpoint'], entries: JournalEntry[], until = Infinity): Session {
  const engine = checkpoint ? new Engine(seed, restoreState(checkpoint)) : new Engine(seed);
  const session = new Session(files, seed, engine);
  for (const entry of entries) {
    if (entry.endedAt > until) break;
    session.replay(entry.text);
  }
  return session;
}

/** Journals `session` into `store` from now on: each command appended, checkpoints as the policy says. */
export function attachStore(store: GridStore, session: Session, files: FilePort | null, baseSeed: number, replayedSinceCheckpoint = 0): void {
  let sinceCheckpoint = replayedSinceCheckpoint;
  let wallSinceCheckpoint = 0;
  let checkpointTime = session.engine.state.now;
  session.sink = {
    append(entry: JournalRecord, engine: Engine) {
      sinceCheckpoint++;
      wallSinceCheckpoint += entry.wallMs;
      const due = shouldCheckpoint(sinceCheckpoint, wallSinceCheckpoint, engine.state.now - checkpointTime);
      store.append(
        { line: entry.line, source: entry.source, text: entry.text, startedAt: entry.startedAt, endedAt: entry.endedAt, ok: entry.outcome.ok, outcome: JSON.stringify(entry.outcome) },
        due ? serializeState(engine.state) : undefined,
      );
      if (due) {
        sinceCheckpoint = 0;
        wallSinceCheckpoint = 0;
        checkpointTime = engine.state.now;
      }
    },
    engineAt(time: number) {
      const past = store.loadAt(time);
      const rebuilt = rebuild(files, baseSeed, past.checkpoint, past.entries, time);
      advanceTo(rebuilt.engine.state, time);
      return rebuilt.engine;
    },
  };
}

/** The present rebuilt from the store: latest checkpoint plus the journal after it. */
function rebuildLatest(store: GridStore, files: FilePort | null, seed: number): { session: Session; baseSeed: number; replayed: number } {
  const latest = store.loadLatest();
  const baseSeed = latest.seed ?? seed;
  if (latest.seed === null) store.setSeed(seed);
  return { session: rebuild(files, baseSeed, latest.checkpoint, latest.entries), baseSeed, replayed: latest.entries.length };
}

export function openPersistentSession(store: GridStore, files: FilePort | null, seed: number): PersistentSession {
  const died = beginRun(store);
  const { session, baseSeed, replayed } = rebuildLatest(store, files, seed);
  attachStore(store, session, files, baseSeed, replayed);
  // Redbook §11.5.4 E0022: a killed process is the simulated library's power-off; it recovers on restart.
  const recovered = died ? recoverAfterPowerLoss(session) : [];
  return { session, store, recovered, close: () => closeRun(store) };
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
  session.engine = rebuilt.engine;
  session.engine.history = (time) => session.engineAt(time);
  session.engine.files = files;
  session.journal.length = 0;
  for (const entry of rebuilt.journal) session.journal.push(entry);
  attachStore(store, session, files, baseSeed, replayed);
}
