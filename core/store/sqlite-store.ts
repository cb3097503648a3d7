// The GridStore on SQLite (better-sqlite3): one file holding the command journal, checkpoints of the
// engine state (JSON meta + typed-array blobs) and a few settings. Synchronous by design: a command
// is on disk before the session shows its outcome.

import Database from 'better-sqlite3';
import type { Checkpoint } from '../engine/checkpoint.js';
import { migrate } from './migrations.js';
import { StoreError, type GridStore, type JournalEntry, type LoadedAt, type LoadedLatest, type StoredReport } from './port.js';

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
}

export const DEFAULT_MAX_CHECKPOINTS = 20;

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
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // A checkpoint write grows the WAL by its size; give the space back once it is copied home.
    db.pragma(`journal_size_limit = ${64 * 2 ** 20}`);
    migrate(db, path);
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteStore(db, path, maxCheckpoints);
}

function prepareStatements(db: Database.Database) {
  return {
    insertEntry: db.prepare(
      'INSERT INTO journal (source, line, text, started_at, ended_at, ok, outcome) VALUES (@source, @line, @text, @startedAt, @endedAt, @ok, @outcome)',
    ),
    entriesFrom: db.prepare('SELECT * FROM journal WHERE seq >= ? ORDER BY seq LIMIT ?'),
    entriesBetween: db.prepare('SELECT * FROM journal WHERE seq > ? AND seq <= ? ORDER BY seq'),
    entriesAfter: db.prepare('SELECT * FROM journal WHERE seq > ? ORDER BY seq'),
    lastSeq: db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM journal'),
    firstEndingAfter: db.prepare('SELECT min(seq) AS seq FROM journal WHERE ended_at > ?'),
    insertCheckpoint: db.prepare('INSERT INTO checkpoints (seq, time, meta, created_at) VALUES (?, ?, ?, ?)'),
    insertBlob: db.prepare('INSERT INTO checkpoint_blobs (seq, name, data) VALUES (?, ?, ?)'),
    latestCheckpoint: db.prepare('SELECT seq, meta FROM checkpoints ORDER BY seq DESC LIMIT 1'),
    checkpointAtOrBefore: db.prepare('SELECT seq, meta FROM checkpoints WHERE time <= ? AND seq <= ? ORDER BY seq DESC LIMIT 1'),
    checkpointSeqs: db.prepare('SELECT seq FROM checkpoints ORDER BY seq'),
    deleteCheckpoint: db.prepare('DELETE FROM checkpoints WHERE seq = ?'),
    blobs: db.prepare('SELECT name, data FROM checkpoint_blobs WHERE seq = ?'),
    getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    // A report is written once: the same id again is refused, never overwritten.
    insertReport: db.prepare('INSERT INTO reports (id, kind, title, verdict, created_at, digest, body) VALUES (@id, @kind, @title, @verdict, @createdAt, @digest, @body)'),
    listReports: db.prepare('SELECT id, kind, title, verdict, created_at AS createdAt, digest FROM reports ORDER BY created_at DESC, id DESC'),
    getReport: db.prepare('SELECT id, kind, title, verdict, created_at AS createdAt, digest, body FROM reports WHERE id = ?'),
  };
}

class SqliteStore implements GridStore {
  private readonly sql: ReturnType<typeof prepareStatements>;
  private readonly appendTx: (entry: Omit<JournalEntry, 'seq'>, checkpoint: Checkpoint | undefined) => number;

  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
    private readonly maxCheckpoints: number,
  ) {
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
      const row = this.sql.latestCheckpoint.get() as CheckpointRow | undefined;
      const checkpointSeq = row?.seq ?? 0;
      const seed = this.sql.getMeta.get('seed') as { value: string } | undefined;
      return {
        checkpoint: row ? this.readCheckpoint(row) : null,
        checkpointSeq,
        entries: (this.sql.entriesAfter.all(checkpointSeq) as JournalRow[]).map(toEntry),
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
      const first = (this.sql.firstEndingAfter.get(time) as { seq: number | null }).seq;
      const last = first ?? (this.sql.lastSeq.get() as { seq: number }).seq;
      const row = this.sql.checkpointAtOrBefore.get(time, last) as CheckpointRow | undefined;
      const checkpointSeq = row?.seq ?? 0;
      return {
        checkpoint: row ? this.readCheckpoint(row) : null,
        checkpointSeq,
        entries: (this.sql.entriesBetween.all(checkpointSeq, last) as JournalRow[]).map(toEntry),
      };
    });
    return read.deferred();
  }

  append(entry: Omit<JournalEntry, 'seq'>, checkpoint?: Checkpoint): number {
    this.open();
    return this.appendTx(entry, checkpoint);
  }

  entries(fromSeq: number, limit: number): JournalEntry[] {
    this.open();
    return (this.sql.entriesFrom.all(fromSeq, limit) as JournalRow[]).map(toEntry);
  }

  lastSeq(): number {
    this.open();
    return (this.sql.lastSeq.get() as { seq: number }).seq;
  }

  setSeed(seed: number): void {
    this.open();
    this.sql.setMeta.run('seed', String(seed));
  }

  getSetting(key: string): string | null {
    this.open();
    const row = this.sql.getMeta.get(`setting:${key}`) as { value: string } | undefined;
    return row ? row.value : null;
  }

  setSetting(key: string, value: string | null): void {
    this.open();
    if (value === null) this.db.prepare('DELETE FROM meta WHERE key = ?').run(`setting:${key}`);
    else this.sql.setMeta.run(`setting:${key}`, value);
  }

  saveReport(report: StoredReport): void {
    this.open();
    this.sql.insertReport.run(report);
  }

  listReports(): Omit<StoredReport, 'body'>[] {
    this.open();
    return this.sql.listReports.all() as Omit<StoredReport, 'body'>[];
  }

  getReport(id: string): StoredReport | null {
    this.open();
    return (this.sql.getReport.get(id) as StoredReport | undefined) ?? null;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private open(): void {
    if (!this.db.open) throw new StoreError('CLOSED', this.path, 'the store is closed');
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
    const seqs = (this.sql.checkpointSeqs.all() as { seq: number }[]).map((row) => row.seq);
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
    const blobs: Record<string, Uint8Array> = {};
    for (const blob of this.sql.blobs.all(row.seq) as { name: string; data: Buffer }[]) blobs[blob.name] = blob.data;
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
