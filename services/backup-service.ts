// Backups of the console's grid database. Before an action that throws a grid's state away — a new
// grid or a grid file loaded over the current one (GRID, SAMPLE, LOAD), ERASE of a stand-alone
// library, RECOVER, LOAD EXPORTSET — the whole database is copied with SQLite's online backup
// (better-sqlite3 `backup()`, a consistent snapshot while the console keeps running) into `backups/`
// beside it; the newest KEEP stay. Restoring one replaces the database's contents in one transaction
// (after a backup of the present, so a restore can itself be undone) and reloads the live session.

import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, copyFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Command } from '../core/runbook/commands.js';
import type { FilePort } from '../core/runbook/validate.js';
import type { Session } from '../core/session.js';
import { reloadSession } from '../core/persistent-session.js';
import type { GridStore } from '../core/store/port.js';
import { openSqliteStore } from '../core/store/sqlite-store.js';
import { createPrivateFile } from '../core/store/db-lock.js';
import type { Request, Response } from '../contract/api.js';
import type { BackupEntryDto } from '../contract/backup-api.js';
import { fail } from './errors.js';
import { mutator } from './mutator.js';
import { errorMessage, errorCode } from '../core/error-text.js';

/** Backups kept per database; older ones are deleted after each new one. */
export const BACKUP_KEEP = 10;
export const BACKUPS_FOLDER = 'backups';

/** Commands that discard state, and the reason word each backup is named after. */
const DESTRUCTIVE: Partial<Record<Command['name'], string>> = {
  GRID: 'new-grid',
  SAMPLE: 'sample',
  LOAD: 'grid-file',
  ERASE: 'erase',
  RECOVER: 'recover',
  LOAD_EXPORTSET: 'load-exportset',
};

/** The reason to back up before these commands run, or null when none of them discards anything. */
export function destructiveReason(commands: readonly Command[]): string | null {
  for (const command of commands) {
    const reason = DESTRUCTIVE[command.name];
    if (reason) return reason;
    // Issue 11 item 5: handing a cluster's write ownership over, or taking a cluster out of a DR
    // family, is asked about first and backed up too, so the question can promise the way back.
    if (command.name === 'TAKEOVER' && command.args.mode === 'WRITE') return 'write-takeover';
    if (command.name === 'DRSETUP' && command.args.action === 'REMOVE' && command.args.cluster) return 'family-remove';
  }
  return null;
}

const NAME = /^([A-Za-z0-9_-]+)-(\d{8}T\d{9}Z)-(\d{3})-([a-z-]+)\.db$/;

export interface Backups {
  readonly dir: string;
  readonly keep: number;
  /** Copies the database now; the entry of the new backup. */
  take(reason: string, keepAll?: boolean): Promise<BackupEntryDto>;
  takeSync(reason: string): BackupEntryDto;
  /** Newest first. */
  list(): BackupEntryDto[];
  /** Replaces the database's contents with the backup's and reloads `session` from it. */
  restore(name: string, session: Session): Promise<{ restored: BackupEntryDto; safety: BackupEntryDto }>;
}

export interface BackupTarget {
  /** the live database file */
  path: string;
  /** the store the live session journals into (its connection stays open through a restore); absent: backups only, no restore */
  store?: GridStore;
  files?(): FilePort | null;
  seed?(): number;
}

export function createBackups(target: BackupTarget, keep = BACKUP_KEEP): Backups {
  const dir = join(dirname(target.path), BACKUPS_FOLDER);
  const stem =
    basename(target.path)
      .replace(/\.[^.]*$/, '')
      .replace(/[^A-Za-z0-9_-]/g, '_') || 'grid';
  let counter = 0;

  function entry(name: string): BackupEntryDto | null {
    const m = NAME.exec(name);
    const file = join(dir, name);
    if (!m || !existsSync(file)) return null;
    const s = m[2]!;
    const createdAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
    let commands: number;
    let lastCommand: string | null;
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        const row = db.prepare<[], { n: number; last: string | null }>('SELECT count(*) AS n, (SELECT text FROM journal ORDER BY seq DESC LIMIT 1) AS last FROM journal').get();
        if (!row) throw new Error('count(*) gave no row');
        commands = row.n;
        lastCommand = row.last === null ? null : row.last.split('\n')[0]!.slice(0, 200);
      } finally {
        db.close();
      }
    } catch {
      return { name, reason: m[4]!, createdAt, bytes: statSync(file).size, commands: 0, lastCommand: null, readable: false };
    }
    return { name, reason: m[4]!, createdAt, bytes: statSync(file).size, commands, lastCommand, readable: true };
  }

  function list(): BackupEntryDto[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => NAME.test(name))
      .sort()
      .reverse()
      .map(entry)
      .filter((e): e is BackupEntryDto => e !== null);
  }

  function begin(reason: string): { name: string; partial: string; source: Database.Database } {
    if (!/^[a-z-]{1,32}$/.test(reason)) throw new Error(`backup reason '${reason}': lower-case letters and dashes`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stamp = new Date().toISOString().replace(/[-:.]/g, '');
    const name = `${stem}-${stamp}-${String(counter++ % 1000).padStart(3, '0')}-${reason}.db`;
    // A reader of its own: the backup is a consistent snapshot of what is committed (WAL included).
    return { name, partial: join(dir, `.${name}.partial`), source: new Database(target.path, { readonly: true, fileMustExist: true }) };
  }

  async function take(reason: string, keepAll = false): Promise<BackupEntryDto> {
    const { name, partial, source } = begin(reason);
    try {
      createPrivateFile(partial);
      await source.backup(partial);
    } catch (error) {
      rmSync(partial, { force: true }); // half a copy must not keep the room the next try needs
      throw error;
    } finally {
      source.close();
    }
    return finish(name, partial, keepAll);
  }

  /** The same snapshot for synchronous callers (the CLI): SQLite's VACUUM INTO, page by page to disk. */
  function takeSync(reason: string): BackupEntryDto {
    const { name, partial, source } = begin(reason);
    try {
      createPrivateFile(partial); // VACUUM INTO fills an empty file and keeps its 0600 mode
      source.prepare('VACUUM INTO ?').run(partial);
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    } finally {
      source.close();
    }
    return finish(name, partial);
  }

  function finish(name: string, partial: string, keepAll = false): BackupEntryDto {
    // A backup is a plain file: no WAL beside it, so listing (read-only) leaves nothing behind.
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    // Only a finished copy gets a backup's name: a crash mid-way leaves a .partial that list() ignores.
    renameSync(partial, join(dir, name));
    if (!keepAll) prune();
    return entry(name)!;
  }

  function prune(): void {
    const names = readdirSync(dir)
      .filter((name) => NAME.test(name))
      .sort()
      .reverse();
    for (const old of names.slice(keep)) rmSync(join(dir, old), { force: true });
    for (const stale of readdirSync(dir).filter((name) => name.endsWith('.partial'))) rmSync(join(dir, stale), { force: true });
  }

  async function restore(name: string, session: Session): Promise<{ restored: BackupEntryDto; safety: BackupEntryDto }> {
    if (!target.store) fail('UNSUPPORTED', 'these backups are restored from the console');
    const restored = list().find((e) => e.name === name);
    if (!restored) fail('UNKNOWN_BACKUP', `name: no backup '${name}' in ${dir}`);
    // Checked on a scratch copy first: intact, and brought to this build's schema (it may be older).
    const scratch = join(dir, `.restore-${process.pid}.db`);
    copyFileSync(join(dir, name), scratch);
    let safety: BackupEntryDto;
    try {
      try {
        const check = new Database(scratch, { fileMustExist: true });
        try {
          const result = check.pragma('integrity_check', { simple: true });
          if (result !== 'ok') fail('BAD_BACKUP', `${name}: integrity_check says ${String(result)}`);
        } finally {
          check.close();
        }
        openSqliteStore(scratch).close(); // migrates an older backup, refuses a newer or foreign one
      } catch (error) {
        if (errorCode(error) === 'BAD_BACKUP') throw error;
        fail('BAD_BACKUP', `${name}: ${errorMessage(error)}`);
      }
      // The safety copy of the present is pruned only once the restore went through: a failed restore
      // leaves the backups exactly as they were (no new one, none pushed out).
      safety = await take('before-restore', true);
      try {
        replaceContents(target.path, scratch);
      } catch (error) {
        rmSync(join(dir, safety.name), { force: true });
        throw error;
      }
    } finally {
      for (const suffix of ['', '-wal', '-shm', '-lock']) rmSync(scratch + suffix, { force: true });
    }
    prune();
    reloadSession(session, target.store, target.files?.() ?? null, target.seed?.() ?? 1);
    return { restored, safety };
  }

  return { dir, keep, take, takeSync, list, restore };
}

/**
 * Every table's rows replaced by the backup's, in one transaction on a connection of its own. Foreign
 * keys are off while the tables are emptied and refilled one by one (a journal entry is the parent of
 * its checkpoint, whose blobs follow it), then the whole result is checked before it commits: a
 * restore that would leave a dangling reference rolls back and changes nothing.
 */
function replaceContents(live: string, from: string): void {
  const db = new Database(live, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = OFF'); // outside the transaction: SQLite ignores it inside one
    db.prepare('ATTACH DATABASE ? AS backup').run(from);
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM backup.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name")
      .all()
      .map((r) => r.name);
    const liveTables = new Set(
      db
        .prepare<[], { name: string }>("SELECT name FROM main.sqlite_master WHERE type = 'table'")
        .all()
        .map((r) => r.name),
    );
    const missing = tables.filter((t) => !liveTables.has(t));
    if (missing.length > 0) fail('BAD_BACKUP', `the backup has tables this database lacks: ${missing.join(', ')}`);
    const replace = db.transaction(() => {
      for (const t of [...liveTables].filter((t) => t !== 'schema_migrations' && !t.startsWith('sqlite_'))) db.exec(`DELETE FROM main."${t}"`);
      for (const t of tables) db.exec(`INSERT INTO main."${t}" SELECT * FROM backup."${t}"`);
      const dangling = db.prepare<[], { table: string; rowid: number; parent: string }>('PRAGMA main.foreign_key_check').all();
      if (dangling.length > 0) {
        const first = dangling[0]!;
        fail('BAD_BACKUP', `the backup's ${first.table} row ${first.rowid} refers to a missing ${first.parent} row (${dangling.length} such): nothing was restored`);
      }
    });
    replace.immediate();
    db.exec('DETACH DATABASE backup');
  } finally {
    db.close();
  }
}

/** The backup.* channels; without a database (memory mode) the list is empty and restore refused. */
export function backupHandlers(session: Session, backups: Backups | undefined, restored: () => void) {
  return {
    'backup.list': (): Response<'backup.list'> => ({ persistent: backups !== undefined, dir: backups?.dir ?? null, keep: backups?.keep ?? 0, backups: backups?.list() ?? [] }),
    'backup.restore': mutator(async ({ name }: Request<'backup.restore'>): Promise<Response<'backup.restore'>> => {
      if (!backups) fail('UNSUPPORTED', 'this console keeps its grid in memory: there are no backups to restore');
      const result = await backups.restore(name, session);
      restored();
      return { ...result, journalLength: session.journal.length };
    }),
  };
}

/** Backs up before destructive commands; refuses to run them when the backup cannot be made. */
export async function backupBefore(backups: Backups | undefined, commands: readonly Command[] | string): Promise<void> {
  if (!backups) return;
  const reason = typeof commands === 'string' ? commands : destructiveReason(commands);
  if (!reason) return;
  try {
    await backups.take(reason);
  } catch (error) {
    fail('BACKUP_FAILED', `the automatic backup before ${reason} failed, so nothing was run: ${errorMessage(error)}`);
  }
}

/**
 * `timezero run --db`: one backup before a run whose commands would discard state, when the database
 * holds a grid to lose. Synchronous, as the CLI is. The new backup's path, or null when none was due.
 */
export function backupBeforeRun(path: string, commands: readonly Command[], keep = BACKUP_KEEP): string | null {
  const reason = destructiveReason(commands);
  if (!reason || !existsSync(path)) return null;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  let held: number;
  try {
    held = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM journal').get()?.n ?? 0;
  } catch {
    held = 0; // not migrated yet: nothing to lose
  } finally {
    db.close();
  }
  if (held === 0) return null;
  const backups = createBackups({ path }, keep);
  return join(backups.dir, backups.takeSync(reason).name);
}
