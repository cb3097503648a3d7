// --db: the session's journal and checkpoints live in SQLite; a later run continues where it ended.

import type { RunRecord, Session } from '../core/session.js';
import type { FilePort } from '../core/runbook/validate.js';
import { openPersistentSession as open } from '../core/persistent-session.js';
import { openSqliteStore } from '../core/store/sqlite-store.js';

export function openPersistentSession(path: string, files: FilePort, seed: number): { session: Session; recovered: RunRecord[]; close: () => void } {
  // WAL with synchronous=NORMAL survives a killed process intact (the SIGKILL test proves it); only an
  // OS crash can lose the last commands, and batch runs avoid an fsync per command.
  const { session, recovered, close } = open(openSqliteStore(path, { synchronous: 'NORMAL' }), files, seed);
  return { session, recovered, close };
}
