// A session whose journal and checkpoints live in a GridStore (SQLite with --db): opening it restores
// the latest checkpoint and replays what followed; every command is appended in one transaction with,
// now and then, a checkpoint; SHOW … AT rebuilds the past from the nearest earlier checkpoint.

import { Engine } from './engine/engine.js';
import { restoreState, serializeState } from './engine/checkpoint.js';
import type { FilePort } from './runbook/validate.js';
import { Session, type JournalRecord } from './session.js';
import { advanceTo } from './sim/run.js';
import { shouldCheckpoint } from './store/checkpoint-policy.js';
import type { GridStore, JournalEntry } from './store/port.js';

export interface PersistentSession {
  session: Session;
  store: GridStore;
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

export function openPersistentSession(store: GridStore, files: FilePort | null, seed: number): PersistentSession {
  const latest = store.loadLatest();
  const baseSeed = latest.seed ?? seed;
  if (latest.seed === null) store.setSeed(seed);
  const session = rebuild(files, baseSeed, latest.checkpoint, latest.entries);
  attachStore(store, session, files, baseSeed, latest.entries.length);
  return { session, store, close: () => store.close() };
}
