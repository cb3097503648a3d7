// The database schema, as an ordered list of migrations. Each runs in its own transaction and is
// recorded in schema_migrations with its version and the sha256 of its SQL; a database whose record
// disagrees with this build (edited migration, hand-altered table, newer build) is refused, never
// "repaired". Never edit a migration that has shipped: add the next one.

import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { StoreError } from './port.js';
import { errorMessage } from '../error-text.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'journal and checkpoints',
    sql: `
CREATE TABLE journal (
  seq        INTEGER PRIMARY KEY,
  source     TEXT    NOT NULL,
  line       INTEGER,
  text       TEXT    NOT NULL,
  started_at REAL    NOT NULL,
  ended_at   REAL    NOT NULL,
  ok         INTEGER NOT NULL CHECK (ok IN (0, 1)),
  outcome    TEXT    NOT NULL CHECK (json_valid(outcome))
) STRICT;
CREATE INDEX journal_ended_at ON journal (ended_at);

CREATE TABLE checkpoints (
  seq        INTEGER PRIMARY KEY REFERENCES journal (seq),
  time       REAL    NOT NULL,
  meta       TEXT    NOT NULL CHECK (json_valid(meta)),
  created_at TEXT    NOT NULL
) STRICT;
CREATE INDEX checkpoints_time ON checkpoints (time);

CREATE TABLE checkpoint_blobs (
  seq  INTEGER NOT NULL REFERENCES checkpoints (seq) ON DELETE CASCADE,
  name TEXT    NOT NULL,
  data BLOB    NOT NULL,
  PRIMARY KEY (seq, name)
) STRICT;

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`,
  },
  {
    version: 2,
    name: 'DR test evidence reports',
    // The digest is stored beside the report: verify-report compares a report file with it.
    sql: `
CREATE TABLE reports (
  id         TEXT PRIMARY KEY,
  kind       TEXT NOT NULL,
  title      TEXT NOT NULL,
  verdict    TEXT NOT NULL,
  created_at TEXT NOT NULL,
  digest     TEXT NOT NULL,
  body       TEXT NOT NULL CHECK (json_valid(body))
) STRICT;
CREATE INDEX reports_created_at ON reports (created_at);
`,
  },
];

export function migrationHash(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

interface AppliedRow {
  version: number;
  name: string;
  hash: string;
}

/** Brings the database up to the newest known schema, or throws a StoreError saying why it cannot. */
export function migrate(db: Database, path: string, migrations: readonly Migration[] = MIGRATIONS): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  hash       TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT`);
  const applied = db.prepare('SELECT version, name, hash FROM schema_migrations ORDER BY version').all() as AppliedRow[];
  const known = migrations[migrations.length - 1]?.version ?? 0;
  for (const row of applied) {
    if (row.version > known) {
      throw new StoreError('SCHEMA_NEWER', path, `schema version ${row.version} ('${row.name}') is newer than this build knows (${known}): open it with a newer TimeZero`);
    }
    const migration = migrations.find((m) => m.version === row.version);
    if (!migration) throw new StoreError('MIGRATION_MISSING', path, `schema version ${row.version} ('${row.name}') is not a migration this build knows`);
    const hash = migrationHash(migration);
    if (row.hash !== hash) {
      throw new StoreError(
        'MIGRATION_CHANGED',
        path,
        `migration ${row.version} ('${row.name}') was recorded with hash ${row.hash.slice(0, 12)}…, this build's is ${hash.slice(0, 12)}…: the database was made by a different build or altered; refusing to open it`,
      );
    }
  }
  const done = new Set(applied.map((row) => row.version));
  for (const migration of migrations) {
    // A later version applied over a missing earlier one means the record is not ours.
    if (!done.has(migration.version) && applied.some((row) => row.version > migration.version)) {
      throw new StoreError('MIGRATION_MISSING', path, `migration ${migration.version} ('${migration.name}') was never applied but later ones were`);
    }
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, hash, applied_at) VALUES (?, ?, ?, ?)');
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    const apply = db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, migrationHash(migration), new Date().toISOString());
    });
    try {
      apply.immediate();
    } catch (error) {
      throw new StoreError('MIGRATION_FAILED', path, `migration ${migration.version} ('${migration.name}') failed: ${errorMessage(error)}`);
    }
  }
}
