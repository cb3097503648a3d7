// The GridStore on SQLite (better-sqlite3): one file holding the command journal, checkpoints of the
// engine state (JSON meta + typed-array blobs) and a few settings. Synchronous by design: a command
// is on disk before the session shows its outcome.

import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Checkpoint } from '../engine/checkpoint.js';
import { acquireLock, createPrivateFile, describeHolderRecord, type DatabaseLock, type Holder } from './db-lock.js';
import { MIGRATIONS, migrate } from './migrations.js';
import { StoreError, type GridStore, type JournalEntry, type LoadedAt, type LoadedLatest, type StoredReport } from './port.js';
import { storageError } from './storage-errors.js';
import { readCheckpointBlobs, type BlobRead, type BlobReadOptions } from './blob-read.js';
import { errorCode } from '../error-text.js';
import { whole, type Sliced, type WorkProgress } from '../sim/work-slices.js';
import { z } from 'zod';

/** The holder record as stored in meta: what a second program names when it finds the database in use. */
const HOLDER = z.object({ program: z.string(), pid: z.number(), since: z.string(), host: z.string().optional() });

/** `PRAGMA application_id` of every TimeZero grid database ('TZGR'): another program's file is refused. */
export const TIMEZERO_APPLICATION_ID = 0x545a4752;
const HOLDER_KEY = 'holder';
/** The tables TimeZero's migrations make: how a database from before the application_id is recognised. */
const TIMEZERO_TABLES = new Set(['schema_migrations', ...MIGRATIONS.flatMap((m) => [...m.sql.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?(\w+)/gi)].map((x) => x[1]!))]);

export interface SqliteStoreOptions {
  /**
   * Checkpoints kept; older ones are thinned out, the first and the latest always stay. A checkpoint
   * of a 4,000,000-volume grid is about 230 MB, so large grids may want fewer.
   */
  maxCheckpoints?: number;
  /**
   * FULL (default): every append is fsynced in the WAL before it returns, so a committed command
   * survives a killed process *and* a power loss or OS crash. NORMAL with WAL survives a killed
   * process too (the WAL is written before commit returns; only fsync is deferred to WAL checkpoints),
   * but the last few commands may be lost if the machine itself goes down; it suits batch runs.
   * Cost per small append measured here: FULL ≈ 3–4 ms (one fsync), NORMAL ≈ 0.15 ms. Either way the database is never left with half a command: an append is one transaction.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** who is writing, shown to a second program that is refused ("timezero console", "timezero run") */
  program?: string;
  /**
   * Opens without the write lock and without writing anything (time travel and SHOW while another
   * program holds the database): every write throws STORAGE_READ_ONLY.
   */
  readOnly?: boolean;
  /** how a checkpoint's blobs are read back (threads, and from what size on a read is shared out) */
  blobRead?: BlobReadOptions;
  /** told after each checkpoint read how it went (threads used, shares a worker left to this thread) */
  onBlobRead?: (read: Omit<BlobRead, 'blobs'>) => void;
}

export const DEFAULT_MAX_CHECKPOINTS = 20;

/** How a checkpoint being written shows in the header: a storage admin reads why it has no Cancel. */
export const CHECKPOINT_PROGRESS: Pick<WorkProgress, 'label' | 'unit' | 'notCancellable'> = {
  label: 'Saving a checkpoint',
  unit: 'MB',
  notCancellable: "Can't be cancelled: the grid is being saved to the database in one transaction, kept whole or not at all.",
};

function megabytes(bytes: number): number {
  return Math.ceil(bytes / 2 ** 20);
}

interface JournalRow {
  seq: number;
  source: string;
  line: number | null;
  text: string;
  started_at: number;
  ended_at: number;
  ok: number;
  outcome: string;
}

interface CheckpointRow {
  seq: number;
  meta: string;
}

export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): GridStore {
  const maxCheckpoints = Math.max(2, options.maxCheckpoints ?? DEFAULT_MAX_CHECKPOINTS);
  if (options.readOnly) return openReadOnly(path, maxCheckpoints, options);
  checkWritable(path);
  // The lock first: nothing of the file is read, let alone changed, while another program holds it.
  const lock = acquireLock(path, () => describeHolderRecord(readHolder(path)));
  let db: Database.Database;
  try {
    createPrivateFile(path); // 0600: a grid database is nobody else's to read
    db = new Database(path);
  } catch (error) {
    lock.release();
    throw storageError(error, path, 'cannot open the database');
  }
  try {
    const fresh = checkTimeZeroDatabase(db, path);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // A checkpoint write grows the WAL by its size; give the space back once it is copied home.
    db.pragma(`journal_size_limit = ${64 * 2 ** 20}`);
    migrate(db, path);
    if (fresh || db.pragma('application_id', { simple: true }) !== TIMEZERO_APPLICATION_ID) db.pragma(`application_id = ${TIMEZERO_APPLICATION_ID}`);
    const holder: Holder = { program: options.program ?? 'timezero', pid: process.pid, since: new Date().toISOString(), host: hostname() };
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(HOLDER_KEY, JSON.stringify(holder));
  } catch (error) {
    db.close();
    lock.release();
    if (error instanceof StoreError) throw error;
    throw storageError(error, path, 'cannot prepare the database for writing');
  }
  return new SqliteStore(db, path, maxCheckpoints, lock, options);
}

/**
 * The folder and the file must be writable (SQLite would otherwise open read-only without a word and
 * fail later, obscurely): one clear line saying which is not. access(2) reports a read-only mount
 * (EROFS) even to root.
 */
function checkWritable(path: string): void {
  const folder = dirname(path);
  for (const [target, what] of [
    [folder, `the folder ${folder}`],
    [path, 'the database file'],
  ] as const) {
    if (target === path && !existsSync(path)) continue;
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT') throw new StoreError('STORAGE_FAILED', path, `${what} does not exist`);
      const why = code === 'EROFS' ? 'is on a read-only file system' : 'is read-only for this user';
      throw new StoreError('STORAGE_READ_ONLY', path, `${what} ${why}: TimeZero needs to write there to keep the grid (open it with --read-only to look without writing)`);
    }
  }
}

/** The holder record the writing program left, or null when it cannot be read. */
export function readHolder(path: string): Holder | null {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(HOLDER_KEY);
      if (!row) return null;
      const parsed = HOLDER.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * Refuses a file that is not a TimeZero grid database before anything is written to it (not even the
 * switch to WAL): another program's SQLite file, or no SQLite file at all. True for a new, empty file.
 * Databases of builds before the application_id was set are recognised by their schema record.
 */
function checkTimeZeroDatabase(db: Database.Database, path: string): boolean {
  let tables: string[];
  let applicationId: number;
  try {
    tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((r) => r.name);
    applicationId = db.pragma('application_id', { simple: true }) as number;
  } catch (error) {
    if (errorCode(error) === 'SQLITE_NOTADB') throw new StoreError('NOT_TIMEZERO', path, 'not a database (SQLite says: file is not a database); refusing to use it');
    throw error;
  }
  if (tables.length === 0 && applicationId === 0) return true;
  if (applicationId === TIMEZERO_APPLICATION_ID) return false;
  if (applicationId === 0 && tables.includes('schema_migrations') && tables.every((t) => TIMEZERO_TABLES.has(t) || t.startsWith('sqlite_'))) return false;
  const id = `0x${applicationId.toString(16).padStart(8, '0')}`;
  throw new StoreError('NOT_TIMEZERO', path, `not a TimeZero grid database (application_id ${id}; tables: ${tables.slice(0, 8).join(', ') || 'none'}); refusing to change another program's file`);
}

function openReadOnly(path: string, maxCheckpoints: number, options: SqliteStoreOptions): GridStore {
  let db: Database.Database;
  let copy: string | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    if (errorCode(error) !== 'SQLITE_CANTOPEN') throw storageError(error, path, 'cannot open the database read-only');
    // A WAL database on a read-only file system cannot be opened in place (SQLite needs its -shm file):
    // look at a private copy instead, removed again on close.
    copy = mkdtempSync(join(tmpdir(), 'timezero-look-'));
    try {
      for (const suffix of ['', '-wal']) if (existsSync(path + suffix)) copyFileSync(path + suffix, join(copy, `grid.db${suffix}`));
      db = new Database(join(copy, 'grid.db'), { readonly: true, fileMustExist: true });
    } catch (inner) {
      rmSync(copy, { recursive: true, force: true });
      throw storageError(inner, path, 'cannot open the database read-only');
    }
  }
  try {
    if (checkTimeZeroDatabase(db, path)) throw new StoreError('NOT_TIMEZERO', path, 'an empty database: there is no grid to look at');
    const versions = db
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations ORDER BY version')
      .all()
      .map((r) => r.version);
    const known = MIGRATIONS[MIGRATIONS.length - 1]!.version;
    if (versions[versions.length - 1] !== known) {
      throw new StoreError(
        'SCHEMA_NEWER',
        path,
        `schema version ${versions[versions.length - 1] ?? 0}, this build reads ${known}: open it once for writing (or with the matching TimeZero) before looking at it read-only`,
      );
    }
  } catch (error) {
    db.close();
    throw error;
  }
  const store = new SqliteStore(db, path, maxCheckpoints, null, options);
  if (copy) {
    const dir = copy;
    const close = store.close.bind(store);
    store.close = () => {
      close();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  return store;
}
function prepareStatements(db: Database.Database) {
  return {
    insertEntry: db.prepare('INSERT INTO journal (source, line, text, started_at, ended_at, ok, outcome) VALUES (@source, @line, @text, @startedAt, @endedAt, @ok, @outcome)'),
    entriesFrom: db.prepare<[number, number], JournalRow>('SELECT * FROM journal WHERE seq >= ? ORDER BY seq LIMIT ?'),
    entriesBetween: db.prepare<[number, number], JournalRow>('SELECT * FROM journal WHERE seq > ? AND seq <= ? ORDER BY seq'),
    entriesAfter: db.prepare<[number], JournalRow>('SELECT * FROM journal WHERE seq > ? ORDER BY seq'),
    lastSeq: db.prepare<[], { seq: number }>('SELECT coalesce(max(seq), 0) AS seq FROM journal'),
    firstEndingAfter: db.prepare<[number], { seq: number | null }>('SELECT min(seq) AS seq FROM journal WHERE ended_at > ?'),
    insertCheckpoint: db.prepare('INSERT INTO checkpoints (seq, time, meta, created_at) VALUES (?, ?, ?, ?)'),
    insertBlob: db.prepare('INSERT INTO checkpoint_blobs (seq, name, data) VALUES (?, ?, ?)'),
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    latestCheckpoint: db.prepare<[], CheckpointRow>('SELECT seq, meta FROM checkpoints ORDER BY seq DESC LIMIT 1'),
    checkpointAtOrBefore: db.prepare<[number, number], CheckpointRow>('SELECT seq, meta FROM checkpoints WHERE time <= ? AND seq <= ? ORDER BY seq DESC LIMIT 1'),
    checkpointSeqs: db.prepare<[], { seq: number }>('SELECT seq FROM checkpoints ORDER BY seq'),
    deleteCheckpoint: db.prepare('DELETE FROM checkpoints WHERE seq = ?'),
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    // A report is written once: the same id again is refused, never overwritten.
    insertReport: db.prepare('INSERT INTO reports (id, kind, title, verdict, created_at, digest, body) VALUES (@id, @kind, @title, @verdict, @createdAt, @digest, @body)'),
    listReports: db.prepare<[], Omit<StoredReport, 'body'>>('SELECT id, kind, title, verdict, created_at AS createdAt, digest FROM reports ORDER BY created_at DESC, id DESC'),
    getReport: db.prepare<[string], StoredReport>('SELECT id, kind, title, verdict, created_at AS createdAt, digest, body FROM reports WHERE id = ?'),
  };
}

class SqliteStore implements GridStore {
  private readonly sql: ReturnType<typeof prepareStatements>;
  private readonly appendTx: (entry: Omit<JournalEntry, 'seq'>, checkpoint: Checkpoint | undefined) => number;

  readonly readOnly: boolean;

  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
    private readonly maxCheckpoints: number,
    private readonly lock: DatabaseLock | null,
    private readonly options: Pick<SqliteStoreOptions, 'blobRead' | 'onBlobRead'> = {},
  ) {
    this.readOnly = lock === null;
    this.sql = prepareStatements(db);
    // One transaction for the entry and its checkpoint: a killed process leaves both or neither.
    const tx = db.transaction((entry: Omit<JournalEntry, 'seq'>, checkpoint: Checkpoint | undefined): number => {
      const row = { source: entry.source, line: entry.line ?? null, text: entry.text, startedAt: entry.startedAt, endedAt: entry.endedAt, ok: entry.ok ? 1 : 0, outcome: entry.outcome };
      const seq = Number(this.sql.insertEntry.run(row).lastInsertRowid);
      if (checkpoint) this.insertCheckpoint(seq, entry.endedAt, checkpoint);
      return seq;
    });
    this.appendTx = (entry, checkpoint) => tx.immediate(entry, checkpoint);
  }

  loadLatest(): LoadedLatest {
    this.open();
    const read = this.db.transaction((): LoadedLatest => {
      const row = this.sql.latestCheckpoint.get();
      const checkpointSeq = row?.seq ?? 0;
      const seed = this.sql.getMeta.get('seed');
      return {
        checkpoint: row ? this.readCheckpoint(row) : null,
        checkpointSeq,
        entries: this.sql.entriesAfter.all(checkpointSeq).map(toEntry),
        seed: seed ? Number(seed.value) : null,
      };
    });
    return read.deferred(); // one consistent snapshot of checkpoint and entries
  }

  loadAt(time: number): LoadedAt {
    this.open();
    const read = this.db.transaction((): LoadedAt => {
      // The entry running at `time` (the first to end after it) bounds the replay; the base is the
      // newest checkpoint before it that is not in the future. Comparing by seq as well as time keeps
      // this right even when CLOCK set the time back before the first event.
      const first = this.sql.firstEndingAfter.get(time)?.seq ?? null;
      const last = first ?? this.lastSeq();
      const row = this.sql.checkpointAtOrBefore.get(time, last);
      const checkpointSeq = row?.seq ?? 0;
      return {
        checkpoint: row ? this.readCheckpoint(row) : null,
        checkpointSeq,
        entries: this.sql.entriesBetween.all(checkpointSeq, last).map(toEntry),
      };
    });
    return read.deferred();
  }

  append(entry: Omit<JournalEntry, 'seq'>, checkpoint?: Checkpoint): number {
    // Without a checkpoint there is nothing long to watch; with one, the same steps as appendInSlices.
    if (!checkpoint || this.db.inTransaction) return this.write('cannot journal the command', () => this.appendTx(entry, checkpoint));
    return whole(this.appendInSlices(entry, checkpoint));
  }

  /**
   * append() with the checkpoint's blobs written one at a time, yielding the MB written of the whole
   * between them. Still one transaction: it commits after the last blob, and a failure (or a caller
   * that drops the work half way, which runs the finally) rolls it all back, so a half-written
   * checkpoint is never kept. While it is open nothing else may write to this store.
   */
  *appendInSlices(entry: Omit<JournalEntry, 'seq'>, checkpoint: Checkpoint): Sliced<number> {
    const doing = 'cannot journal the command';
    this.write(doing, () => this.sql.begin.run());
    let committed = false;
    try {
      const row = { source: entry.source, line: entry.line ?? null, text: entry.text, startedAt: entry.startedAt, endedAt: entry.endedAt, ok: entry.ok ? 1 : 0, outcome: entry.outcome };
      const seq = this.write(doing, () => Number(this.sql.insertEntry.run(row).lastInsertRowid));
      const blobs = Object.entries(checkpoint.blobs);
      const total = megabytes(blobs.reduce((sum, [, bytes]) => sum + bytes.byteLength, 0));
      let written = 0;
      this.write(doing, () => this.sql.insertCheckpoint.run(seq, entry.endedAt, JSON.stringify(checkpoint.meta), new Date().toISOString()));
      for (const [name, bytes] of blobs) {
        yield { done: megabytes(written), total, ...CHECKPOINT_PROGRESS };
        this.write(doing, () => this.sql.insertBlob.run(seq, name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
        written += bytes.byteLength;
      }
      yield { done: total, total, ...CHECKPOINT_PROGRESS };
      this.write(doing, () => {
        this.thin();
        this.sql.commit.run();
      });
      committed = true;
      return seq;
    } finally {
      if (!committed && this.db.inTransaction) this.sql.rollback.run();
    }
  }

  entries(fromSeq: number, limit: number): JournalEntry[] {
    this.open();
    return this.sql.entriesFrom.all(fromSeq, limit).map(toEntry);
  }

  lastSeq(): number {
    this.open();
    return this.sql.lastSeq.get()?.seq ?? 0;
  }

  setSeed(seed: number): void {
    this.write('cannot record the seed', () => this.sql.setMeta.run('seed', String(seed)));
  }

  getSetting(key: string): string | null {
    this.open();
    const row = this.sql.getMeta.get(`setting:${key}`);
    return row ? row.value : null;
  }

  setSetting(key: string, value: string | null): void {
    this.write(`cannot save '${key}'`, () => {
      if (value === null) this.db.prepare('DELETE FROM meta WHERE key = ?').run(`setting:${key}`);
      else this.sql.setMeta.run(`setting:${key}`, value);
    });
  }

  saveReport(report: StoredReport): void {
    this.write(`cannot save report ${report.id}`, () => this.sql.insertReport.run(report));
  }

  listReports(): Omit<StoredReport, 'body'>[] {
    this.open();
    return this.sql.listReports.all();
  }

  getReport(id: string): StoredReport | null {
    this.open();
    return this.sql.getReport.get(id) ?? null;
  }

  close(): void {
    if (this.db.open) this.db.close();
    this.lock?.release();
  }

  private open(): void {
    if (!this.db.open) throw new StoreError('CLOSED', this.path, 'the store is closed');
  }

  /** Every write: refused on a read-only store; whatever SQLite throws becomes a coded StoreError. */
  private write<T>(doing: string, action: () => T): T {
    this.open();
    if (this.readOnly) throw new StoreError('STORAGE_READ_ONLY', this.path, `${doing}: the database is open read-only`);
    try {
      return action();
    } catch (error) {
      throw storageError(error, this.path, doing);
    }
  }

  private insertCheckpoint(seq: number, time: number, checkpoint: Checkpoint): void {
    this.sql.insertCheckpoint.run(seq, time, JSON.stringify(checkpoint.meta), new Date().toISOString());
    for (const [name, bytes] of Object.entries(checkpoint.blobs)) {
      this.sql.insertBlob.run(seq, name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
    this.thin();
  }

  /**
   * Keeps at most maxCheckpoints. The first stays because it is the base for the oldest history
   * (SHOW … AT an early time would otherwise replay everything from an empty grid); the latest stays
   * because it is what rebuilds the present. Among the rest, the one whose removal leaves the
   * smallest gap goes (the older on a tie), so the survivors spread over the whole history and any
   * instant is a bounded replay away from a base.
   */
  private thin(): void {
    const seqs = this.sql.checkpointSeqs.all().map((row) => row.seq);
    while (seqs.length > this.maxCheckpoints) {
      let victim = 1;
      for (let i = 2; i < seqs.length - 1; i++) {
        if (seqs[i + 1]! - seqs[i - 1]! < seqs[victim + 1]! - seqs[victim - 1]!) victim = i;
      }
      this.sql.deleteCheckpoint.run(seqs[victim]!); // its blobs go by ON DELETE CASCADE
      seqs.splice(victim, 1);
    }
  }

  private readCheckpoint(row: CheckpointRow): Checkpoint {
    const { blobs, ...how } = readCheckpointBlobs(this.db, row.seq, this.options.blobRead);
    this.options.onBlobRead?.(how);
    return { meta: JSON.parse(row.meta) as Record<string, unknown>, blobs };
  }
}

function toEntry(row: JournalRow): JournalEntry {
  return {
    seq: row.seq,
    line: row.line,
    source: row.source,
    text: row.text,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    ok: row.ok === 1,
    outcome: row.outcome,
  };
}
