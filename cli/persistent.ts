// --db: the session's journal and checkpoints live in SQLite; a later run continues where it ended.

import { Session } from '../core/session.js';
import type { FilePort } from '../core/runbook/validate.js';

export function openPersistentSession(_path: string, files: FilePort, seed: number): { session: Session; close: () => void } {
  // Wired to core/store once the SQLite adapter lands.
  throw new Error(`persistence is not available in this build (seed ${seed}, ${files ? 'files' : ''})`);
}
