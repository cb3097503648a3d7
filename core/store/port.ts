// The persistence port: what a session needs to keep a grid across restarts and to rebuild it at any
// past instant — a journal of executed commands and periodic checkpoints of the whole engine state.
// The engine never sees this; the session replays journal entries on top of a restored checkpoint.

import type { Checkpoint } from '../engine/checkpoint.js';
import type { Sliced } from '../sim/work-slices.js';

export interface JournalEntry {
  /** 1, 2, 3 … in execution order, no gaps */
  seq: number;
  line: number | null;
  /** where the command came from: a runbook path, or 'console' */
  source: string;
  /** the command text as executed; for LOAD/SAMPLE the expanded text block */
  text: string;
  /** simulated ms when the command began and ended */
  startedAt: number;
  endedAt: number;
  ok: boolean;
  /** JSON of {ok, error, result, messages} */
  outcome: string;
}

export interface LoadedLatest {
  checkpoint: Checkpoint | null;
  /** the journal seq the checkpoint was taken after; 0 with no checkpoint (replay from the start) */
  checkpointSeq: number;
  /** every entry after checkpointSeq, in order */
  entries: JournalEntry[];
  /** the seed the session was created with, when recorded */
  seed: number | null;
}

export interface LoadedAt {
  checkpoint: Checkpoint | null;
  checkpointSeq: number;
  /** entries after checkpointSeq up to and including the first one that ends after the asked time */
  entries: JournalEntry[];
}

export interface GridStore {
  /** latest checkpoint and the journal entries after it, to rebuild the present */
  loadLatest(): LoadedLatest;
  /** nearest checkpoint at or before sim time t and the entries after it up to (and including) the first entry ending after t */
  loadAt(time: number): LoadedAt;
  /** one transaction: the entry, and the checkpoint of the state after it when given. Returns the entry's seq. */
  append(entry: Omit<JournalEntry, 'seq'>, checkpoint?: Checkpoint): number;
  /** append() with a checkpoint, yielding how much of it is written between its parts; still one transaction, rolled back unless run to its end */
  appendInSlices?(entry: Omit<JournalEntry, 'seq'>, checkpoint: Checkpoint): Sliced<number>;
  /** up to `limit` entries from seq `fromSeq` on, in order */
  entries(fromSeq: number, limit: number): JournalEntry[];
  lastSeq(): number;
  /** records the seed the session's engine was created with (SEED commands are in the journal) */
  setSeed(seed: number): void;
  /** small named documents kept beside the grid (a paused wizard run); null when absent */
  getSetting(key: string): string | null;
  setSetting(key: string, value: string | null): void;
  /** DR test evidence reports kept with the grid (their JSON and digest); newest first */
  saveReport(report: StoredReport): void;
  listReports(): Omit<StoredReport, 'body'>[];
  getReport(id: string): StoredReport | null;
  /** true when opened read-only: every write throws STORAGE_READ_ONLY */
  readonly readOnly?: boolean;
  close(): void;
}

export interface StoredReport {
  id: string;
  kind: string;
  title: string;
  verdict: string;
  createdAt: string;
  digest: string;
  /** the report's JSON */
  body: string;
}

export type StoreErrorCode =
  | 'SCHEMA_NEWER'
  | 'MIGRATION_CHANGED'
  | 'MIGRATION_MISSING'
  | 'MIGRATION_FAILED'
  | 'CLOSED'
  /** the file is a SQLite database of another program, or no database at all */
  | 'NOT_TIMEZERO'
  /** the database could not be written: spec §12 exit status 3 */
  | 'STORAGE_FULL'
  | 'STORAGE_READ_ONLY'
  | 'STORAGE_LOCKED'
  | 'STORAGE_FAILED';

/** A store that cannot be used as it is; `path` names the database file. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'StoreError';
  }
}
