// Schema migrations: applied once each in order, recorded with a sha256, and a database whose record
// does not match this build is refused with a message that says why.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, migrationHash, type Migration } from './migrations.js';
import { StoreError } from './port.js';
import { openSqliteStore } from './sqlite-store.js';

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tz-migrate-'));
  path = join(dir, 'grid.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(path);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function refusal(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError');
}

describe('schema migrations', () => {
  it('are numbered 1, 2, 3 … in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('are applied once and recorded with version and sha256', () => {
    openSqliteStore(path).close();
    openSqliteStore(path).close();
    const rows = withDb((db) => db.prepare('SELECT version, hash FROM schema_migrations').all());
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, hash: migrationHash(m) })));
    expect(migrationHash(MIGRATIONS[0]!)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a database whose recorded migration hash was tampered with', () => {
    openSqliteStore(path).close();
    withDb((db) => db.prepare("UPDATE schema_migrations SET hash = 'deadbeef' WHERE version = 1").run());
    const error = refusal(() => openSqliteStore(path));
    expect(error.code).toBe('MIGRATION_CHANGED');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/migration 1 \('journal and checkpoints'\) was recorded with hash deadbeef…, this build's is [0-9a-f]{12}…/);
  });

  it('refuses a database made by a newer build', () => {
    openSqliteStore(path).close();
    withDb((db) => db.prepare("INSERT INTO schema_migrations VALUES (99, 'from the future', 'x', '2030-01-01')").run());
    const error = refusal(() => openSqliteStore(path));
    expect(error.code).toBe('SCHEMA_NEWER');
    expect(error.message).toMatch(new RegExp(`schema version 99 \\('from the future'\\) is newer than this build knows \\(${MIGRATIONS.length}\\)`));
  });

  it('upgrades an older database with only the missing migrations', () => {
    withDb((db) => migrate(db, path));
    const v = MIGRATIONS.length + 1;
    const next: Migration = { version: v, name: 'notes', sql: 'CREATE TABLE notes (text TEXT) STRICT;' };
    withDb((db) => migrate(db, path, [...MIGRATIONS, next]));
    const versions = withDb((db) => db.prepare('SELECT version FROM schema_migrations ORDER BY version').all());
    expect(versions).toEqual([...MIGRATIONS.map((m) => ({ version: m.version })), { version: v }]);
  });

  it('rolls back a migration that fails halfway and says which', () => {
    withDb((db) => migrate(db, path));
    const v = MIGRATIONS.length + 1;
    const broken: Migration = { version: v, name: 'broken', sql: 'CREATE TABLE half (a INTEGER); INSERT INTO no_such_table VALUES (1);' };
    const error = refusal(() => withDb((db) => migrate(db, path, [...MIGRATIONS, broken])));
    expect(error.code).toBe('MIGRATION_FAILED');
    expect(error.message).toMatch(new RegExp(`migration ${v} \\('broken'\\) failed: no such table: no_such_table`));
    const tables = withDb((db) => db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").all());
    expect(tables).toEqual([]);
    expect(withDb((db) => db.prepare('SELECT max(version) AS v FROM schema_migrations').get())).toEqual({ v: MIGRATIONS.length });
  });
});
