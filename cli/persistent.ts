// --db: the session's journal and checkpoints live in SQLite; a later run continues where it ended.
// The export sets its LOAD EXPORTSET lines read are kept in the same database, so the journal replays
// after the files are gone (core/rules/recovery/kept-export-sets.ts). The run holds the database's
// write lock (core/store/db-lock.ts) until it closes; --read-only looks without taking it.

import type { FilePort } from '../core/runbook/validate.js';
import { openPersistentSession as open, type PersistentSession } from '../core/persistent-session.js';
import { keepingExportSets } from '../core/rules/recovery/kept-export-sets.js';
import { openSqliteStore } from '../core/store/sqlite-store.js';
import { withInventories } from '../services/your-grid-service.js';
import type { GridStore } from '../core/store/port.js';

export const CLI_PROGRAM = 'timezero run';

export function openPersistentSession(path: string, files: FilePort, seed: number, readOnly = false): Omit<PersistentSession, 'store'> & { store: GridStore } {
  // WAL with synchronous=NORMAL survives a killed process intact (the SIGKILL test proves it); only an
  // OS crash can lose the last commands, and batch runs avoid an fsync per command.
  const store = openSqliteStore(path, { synchronous: 'NORMAL', program: CLI_PROGRAM, readOnly });
  try {
    const settings = { get: (key: string) => store.getSetting(key), set: (key: string, value: string | null) => store.setSetting(key, value) };
    // IMPORT INVENTORY lines replay from the inventories the console kept with the grid.
    const kept = withInventories(keepingExportSets(files, settings), settings);
    const { session, recovered, previousRun, close } = open(store, kept, seed, CLI_PROGRAM);
    return { session, recovered, previousRun, close, store };
  } catch (error) {
    store.close();
    throw error;
  }
}
