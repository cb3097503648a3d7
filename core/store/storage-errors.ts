// What went wrong when the database could not be written, in the three words an operator acts on:
// the disk is full, the file or folder is read-only, or another program holds it. Everything SQLite or
// the file system throws on a write passes through here, so no caller has to know SQLite's codes.

import { StoreError, type StoreErrorCode } from './port.js';
import { errorMessage } from '../error-text.js';

const FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT', 'EFBIG']);
const READ_ONLY = new Set([
  'SQLITE_READONLY',
  'SQLITE_READONLY_DBMOVED',
  'SQLITE_READONLY_DIRECTORY',
  'SQLITE_READONLY_CANTINIT',
  'SQLITE_READONLY_RECOVERY',
  'SQLITE_READONLY_CANTLOCK',
  'EROFS',
  'EACCES',
  'EPERM',
]);
const LOCKED = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_BUSY_TIMEOUT']);

/** The storage code for an error thrown by SQLite or the file system, or null when it is none of them. */
export function storageCode(error: unknown): StoreErrorCode | null {
  if (error instanceof StoreError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (FULL.has(code)) return 'STORAGE_FULL';
  if (READ_ONLY.has(code) || code.startsWith('SQLITE_READONLY')) return 'STORAGE_READ_ONLY';
  if (LOCKED.has(code) || code.startsWith('SQLITE_BUSY')) return 'STORAGE_LOCKED';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO' || code === 'SQLITE_CANTOPEN') return 'STORAGE_FAILED';
  return null;
}

const ADVICE: Partial<Record<StoreErrorCode, string>> = {
  STORAGE_FULL: 'the disk holding it is full: free some space and try again',
  STORAGE_READ_ONLY: 'the database or its folder is read-only: TimeZero needs to write both',
  STORAGE_LOCKED: 'another program holds the database',
  STORAGE_FAILED: 'the disk reported an input/output error',
};

/** A StoreError for a failed write; `doing` says what was being done ("cannot journal the command"). */
export function storageError(error: unknown, path: string, doing: string): StoreError {
  if (error instanceof StoreError) return error;
  const code = storageCode(error) ?? 'STORAGE_FAILED';
  const raw = errorMessage(error);
  return new StoreError(code, path, `${doing}: ${ADVICE[code] ?? raw} (${raw})`);
}

/** True for the errors that mean "the database could not be written" (exit status 3, spec §12). */
export function isStorageFailure(error: unknown): error is StoreError {
  return error instanceof StoreError && (error.code === 'STORAGE_FULL' || error.code === 'STORAGE_READ_ONLY' || error.code === 'STORAGE_LOCKED' || error.code === 'STORAGE_FAILED');
}
