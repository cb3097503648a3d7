// Starting web mode from the command line (scripts/web.mjs, scripts/start.mjs): make sure the
// renderer is built, open the console service, start the server, print the one line to open, and
// shut down cleanly on SIGINT/SIGTERM.

import { createConsoleService } from '../services/console-service.js';
import { consoleLog, ensureRendererBuilt, type Log } from '../services/renderer-dist.js';
import { startWebServer, type WebServer } from './web-server.js';
import { join } from 'node:path';
import { CONSOLE_DB, defaultDataDir, sqliteSessionStore } from '../services/sqlite-session-store.js';
import { StoreError } from '../core/store/port.js';
import { isStorageFailure } from '../core/store/storage-errors.js';
import { errorMessage, errorCode } from '../core/error-text.js';

export const DEFAULT_PORT = 5170;
const USAGE = 'usage: npm run web -- [--port <n>] [--seed <n>] [--build] [--db <path> | --memory] [--pace <ms>]';

/** TZ_PORT when it names a port, else 5170. */
export function defaultPort(env: NodeJS.ProcessEnv = process.env): number {
  const port = Number(env.TZ_PORT);
  return /^\d{1,5}$/.test(env.TZ_PORT ?? '') && port < 65536 ? port : DEFAULT_PORT;
}

export interface WebModeOptions {
  root: string;
  port: number;
  /** when the port is taken, take a free one instead of failing */
  fallback: boolean;
  seed?: number;
  build?: boolean;
  /** the console database; null keeps the grid in memory only */
  db?: string | null;
  /** milliseconds to wait between two slices of a long command (demonstrations and tests watch its progress) */
  pace?: number;
  log?: Log;
  /** close on SIGINT/SIGTERM and exit (the command line); tests close the server themselves */
  signals?: boolean;
  /** set on failure: 3 when the database could not be opened for writing (spec §12), else 1 */
  status?: { exitCode: number };
}

/** Runs web mode until SIGINT/SIGTERM; resolves once started with the server, or null on failure. */
export async function runWebMode(opts: WebModeOptions): Promise<WebServer | null> {
  const log = opts.log ?? consoleLog;
  const rootDir = ensureRendererBuilt(opts.root, log, opts.build);
  if (!rootDir) return null;
  let store: ReturnType<typeof sqliteSessionStore> | undefined;
  const dbPath = opts.db === undefined ? join(defaultDataDir(), CONSOLE_DB) : opts.db;
  if (dbPath !== null) {
    try {
      store = sqliteSessionStore(dbPath);
    } catch (error) {
      // One line that says what and what to do: StoreError messages begin with the path already.
      log.err(`TimeZero: ${error instanceof StoreError ? error.message : `${dbPath}: ${errorMessage(error)}`}`);
      if (opts.status) opts.status.exitCode = isStorageFailure(error) ? 3 : 1;
      return null;
    }
    log.err(`TimeZero: grid database ${dbPath}`);
  }
  const service = createConsoleService({ seed: opts.seed, store, ...(opts.pace ? { workPaceMs: opts.pace } : {}) });
  let server: WebServer;
  try {
    server = await startWebServer({ service, rootDir, port: opts.port });
  } catch (error) {
    const code = errorCode(error);
    if (code !== 'EADDRINUSE' || !opts.fallback) {
      log.err(`TimeZero: cannot listen on 127.0.0.1:${opts.port}: ${code ?? errorMessage(error)}`);
      service.close();
      return null;
    }
    log.err(`TimeZero: port ${opts.port} is taken; using a free one`);
    server = await startWebServer({ service, rootDir, port: 0 });
  }
  log.out(`TimeZero console: ${server.url}`);
  if (opts.signals === false) return server;
  const stop = (signal: NodeJS.Signals) => {
    log.err(`TimeZero: ${signal}: shutting down`);
    void server.close().then(() => {
      service.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}

export type WebArgs = { port: number; fallback: boolean; seed?: number; build: boolean; db?: string | null; pace?: number };

/** `--port <n> --seed <n> --build`; without --port, TZ_PORT or 5170 with a fallback to a free port. */
export function parseWebArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): WebArgs | { error: string } {
  const args: WebArgs = { port: defaultPort(env), fallback: true, build: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = argv[i + 1];
    if (arg === '--port' && /^\d{1,5}$/.test(value ?? '') && Number(value) < 65536) {
      args.port = Number(value);
      args.fallback = false; // an explicit port is a promise to whoever reads it
      i++;
    } else if (arg === '--seed' && /^\d+$/.test(value ?? '')) {
      args.seed = Number(value);
      i++;
    } else if (arg === '--pace' && /^\d{1,5}$/.test(value ?? '')) {
      args.pace = Number(value);
      i++;
    } else if (arg === '--build') args.build = true;
    else if (arg === '--memory') args.db = null;
    else if (arg === '--db' && value && !value.startsWith('--')) {
      args.db = value;
      i++;
    } else return { error: `unknown option '${arg}'\n${USAGE}` };
  }
  return args;
}

/** `npm run web -- --port <n>`: argv after the script name; resolves to an exit code, or null while serving. */
export async function webMain(argv: string[], root: string, log: Log = consoleLog): Promise<number | null> {
  const args = parseWebArgs(argv);
  if ('error' in args) {
    log.err(`TimeZero: ${args.error}`);
    return 2;
  }
  const status = { exitCode: 1 };
  const server = await runWebMode({ root, ...args, log, status });
  return server ? null : status.exitCode;
}
