// --db: the session's journal and checkpoints live in SQLite; a later run continues where it ended.
// The export sets its LOAD EXPORTSET lines read are kept in the same database, so the journal replays
// after the files are gone (core/rules/recovery/kept-export-sets.ts).

import type { RunRecord, Session } from '../core/session.js';
import type { FilePort } from '../core/runbook/validate.js';
import { openPersistentSession as open } from '../core/persistent-session.js';
import { keepingExportSets } from '../core/rules/recovery/kept-export-sets.js';
import { openSqliteStore } from '../core/store/sqlite-store.js';
import type { GridStore } from '../core/store/port.js';

export function openPersistentSession(path: string, files: FilePort, seed: number): { session: Session; recovered: RunRecord[]; close: () => void; store: GridStore } {
  // WAL with synchronous=NORMAL survives a killed process intact (the SIGKILL test proves it); only an
  // OS crash can lose the last commands, and batch runs avoid an fsync per command.
  const store = openSqliteStore(path, { synchronous: 'NORMAL' });
  const kept = keepingExportSets(files, { get: (key) => store.getSetting(key), set: (key, value) => store.setSetting(key, value) });
  const { session, recovered, close } = open(store, kept, seed);
  return { session, recovered, close, store };
}
