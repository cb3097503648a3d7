// One writer per database. The first process to open a grid database for writing holds an exclusive
// operating-system lock on a small companion file `<db>-lock` for as long as it runs; the lock dies
// with the process (a SIGKILL included), so a stale lock can never keep the grid from its owner.
// SQLite's own file locking does the work (an EXCLUSIVE transaction on a rollback-journal database that
// is never committed), which is POSIX advisory locking underneath: it also refuses a second connection
// in the same process. Who holds the lock is told by the holder record in the database itself
// (`holderRecord`), since a locked file cannot be read.

import { closeSync, constants, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StoreError } from './port.js';
import { storageError } from './storage-errors.js';
import { errorCode } from '../error-text.js';

/** Who holds a database: shown to the process that is refused. */
export interface Holder {
  program: string;
  pid: number;
  since: string;
  host?: string | undefined;
}

export interface DatabaseLock {
  readonly path: string;
  release(): void;
}

/** The companion file whose OS lock stands for the database's. */
export function lockPathOf(databasePath: string): string {
  return `${databasePath}-lock`;
}

/** Creates a file only its owner can read and write, when it does not exist yet. */
export function createPrivateFile(path: string): void {
  try {
    closeSync(openSync(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600));
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  }
}

/**
 * Takes the database's write lock, or throws StoreError STORAGE_LOCKED naming the holder (read through
 * `describeHolder`, which the caller supplies because only it can read the database).
 */
export function acquireLock(databasePath: string, describeHolder: () => string): DatabaseLock {
  const path = lockPathOf(databasePath);
  let db: Database.Database;
  try {
    createPrivateFile(path);
    db = new Database(path);
  } catch (error) {
    throw storageError(error, databasePath, 'cannot create the lock file beside the database');
  }
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE'); // never committed: held until the connection closes or the process ends
  } catch (error) {
    db.close();
    if (errorCode(error) === 'SQLITE_BUSY') {
      throw new StoreError('STORAGE_LOCKED', databasePath, `in use by ${describeHolder()}; only one program may change a grid database at a time (open it read-only to look without writing)`);
    }
    throw storageError(error, databasePath, 'cannot lock the database');
  }
  return {
    path,
    release() {
      if (db.open) db.close();
    },
  };
}

export function describeHolderRecord(holder: Holder | null): string {
  if (!holder) return 'another program (it has not said which yet)';
  return `${holder.program} (PID ${holder.pid}${holder.host ? ` on ${holder.host}` : ''}) since ${holder.since}`;
}
