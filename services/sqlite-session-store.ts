// The console's persistence: the SQLite store (core/store) behind the service's SessionStore port.
// First start: no journal yet, the service opens the sample and everything it runs is journaled.

import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { homedir } from 'node:os';
import { attachStore, closeRun, openPersistentSession, type AbnormalEnd } from '../core/persistent-session.js';
import { beginRun } from '../core/store/power-restart.js';
import { createBackups } from './backup-service.js';
import type { FilePort } from '../core/runbook/validate.js';
import type { Session } from '../core/session.js';
import { openSqliteStore } from '../core/store/sqlite-store.js';
import type { GridStore } from '../core/store/port.js';
import type { SessionStore } from './console-service.js';

export const CONSOLE_PROGRAM = 'timezero console';

export function sqliteSessionStore(path: string): SessionStore & { store: GridStore } {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // Interactive use: an fsync per command is affordable and survives an OS crash too.
  const store = openSqliteStore(path, { synchronous: 'FULL', program: CONSOLE_PROGRAM });
  let opened: Session | null = null;
  let previousRun: AbnormalEnd | null = null;
  let seedUsed = 1;
  let filesUsed: FilePort | null = null;
  return {
    store,
    backups: createBackups({ path, store, files: () => filesUsed, seed: () => seedUsed }),
    settings: { get: (key) => store.getSetting(key), set: (key, value) => store.setSetting(key, value) },
    open(files, seed) {
      seedUsed = seed;
      filesUsed = files;
      if (store.lastSeq() === 0) {
        beginRun(store, CONSOLE_PROGRAM); // nothing to recover on a first start, but the run is marked all the same
        return null;
      }
      const persistent = openPersistentSession(store, files, seed, CONSOLE_PROGRAM);
      previousRun = persistent.previousRun;
      opened = persistent.session;
      return opened;
    },
    previousRun: () => previousRun,
    attach(session) {
      if (session === opened) return;
      store.setSeed(seedUsed);
      attachStore(store, session, filesUsed, seedUsed);
    },
    close() {
      closeRun(store);
    },
  };
}

/** Where the console keeps its database when the shell names no folder: TZ_DATA_DIR, else the user's data folder. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TZ_DATA_DIR) return env.TZ_DATA_DIR;
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'timezero');
}

export const CONSOLE_DB = 'console.db';
