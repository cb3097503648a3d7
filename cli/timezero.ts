// `timezero run <file> [--json] [--db <path> [--read-only]] [--seed <n>]`: runs a runbook headless (spec §2).
// Exit 2: the file did not validate (nothing ran). Exit 1: an EXPECT failed. Exit 3 (spec §12): the
// run stopped because its database could not be written (disk full, read-only, held by another
// program); the grid on disk holds every command before that one. Exit 0 otherwise.

import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Session, type RunRecord } from '../core/session.js';
import type { AbnormalEnd } from '../core/persistent-session.js';
import { StoreError } from '../core/store/port.js';
import { isStorageFailure } from '../core/store/storage-errors.js';
import { humanLines, jsonLine } from './format.js';
import { COMMANDS } from '../core/commands/index.js';
import { openPersistentSession } from './persistent.js';
import { backupBeforeRun } from '../services/backup-service.js';
import { FileTooLarge, readTextBoundedSync } from '../services/bounded-read.js';
import { reportFormat, RunReport } from './report.js';
import type { GridStore } from '../core/store/port.js';
import { verifyReportCommand, VERIFY_USAGE } from './verify-report.js';
import { errorMessage, errorCode } from '../core/error-text.js';

const USAGE = `usage: timezero run <file> [--json] [--db <path> [--read-only]] [--seed <n>] [--report <out>.json|.html|.pdf]\n       ${VERIFY_USAGE.replace('usage: ', '')}`;
/** spec §12: the database could not be written */
export const EXIT_STORAGE = 3;
const MAX_RUNBOOK_BYTES = 16 * 2 ** 20;
/** a file a runbook names without saying how large it may be */
const MAX_NAMED_FILE_BYTES = 64 * 2 ** 20;

export function main(argv: string[], out: (line: string) => void, err: (line: string) => void): number {
  const [verb, file, ...rest] = argv;
  if (verb === 'verify-report') return verifyReportCommand(argv.slice(1), out, err);
  if (verb !== 'run' || !file) {
    err(USAGE);
    return 2;
  }
  let json = false;
  let readOnly = false;
  let db: string | null = null;
  let seed = 1;
  let reportOut: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    if (flag === '--json') json = true;
    else if (flag === '--read-only') readOnly = true;
    else if (flag === '--report' && rest[i + 1]) reportOut = rest[++i]!;
    else if (flag === '--db' && rest[i + 1]) db = rest[++i]!;
    else if (flag === '--seed' && /^\d+$/.test(rest[i + 1] ?? '')) seed = Number(rest[++i]);
    else {
      err(`timezero: unknown option '${flag}'\n${USAGE}`);
      return 2;
    }
  }
  const format = reportOut === null ? null : reportFormat(reportOut);
  if (format !== null && format !== 'json' && format !== 'html' && format !== 'pdf') {
    err(format);
    return 2;
  }
  let text: string;
  try {
    // Capped while reading, so a device, FIFO or standard input cannot fill memory either.
    text = readTextBoundedSync(file, MAX_RUNBOOK_BYTES);
  } catch (error) {
    if (error instanceof FileTooLarge) {
      err(`${file}: ${error.message}`);
      return 2;
    }
    err(`${file}: cannot read: ${errorCode(error) ?? errorMessage(error)}`);
    return 2;
  }
  const base = dirname(resolve(file));
  const files = {
    readText: (path: string, maxBytes?: number) => readTextBoundedSync(resolve(base, path), maxBytes ?? MAX_NAMED_FILE_BYTES),
    writeText: (path: string, text: string) => writeFileSync(resolve(base, path), text),
  };
  if (readOnly && !db) {
    err(`timezero: --read-only goes with --db\n${USAGE}`);
    return 2;
  }
  let session: Session;
  let close = () => {};
  let recovered: RunRecord[] = [];
  let previousRun: AbnormalEnd | null = null;
  let store: GridStore | null = null;
  try {
    if (db) ({ session, close, recovered, previousRun, store } = openPersistentSession(db, files, seed, readOnly));
    else session = new Session(files, seed);
  } catch (error) {
    // StoreError messages start with the path already.
    err(`timezero: ${error instanceof StoreError ? error.message : `${db}: ${errorMessage(error)}`}`);
    return isStorageFailure(error) ? EXIT_STORAGE : 2;
  }
  try {
    const validated = session.validate(text);
    if (readOnly) {
      for (const command of validated.commands) {
        if (COMMANDS[command.name].effect === 'act')
          validated.errors.push({ line: command.line, col: 1, message: `${command.text.split(' ')[0]} changes the grid: --read-only runs SHOW and EXPECT lines only` });
      }
    }
    if (validated.errors.length > 0) {
      for (const e of validated.errors) err(`${file}:${e.line}:${e.col}: ${e.message}`);
      return 2;
    }
    if (previousRun) err(`timezero: ${describeAbnormalEnd(db!, previousRun)}`);
    // Before a run that would erase, recover into or replace what the database holds: a backup of it.
    if (db && !readOnly) {
      let backup: string | null;
      try {
        backup = backupBeforeRun(db, validated.commands);
      } catch (error) {
        err(`${db}: the automatic backup before this run failed, so nothing was run: ${errorMessage(error)}`);
        return 2;
      }
      if (backup && !json) out(`backup of ${db}: ${backup}`);
    }
    // The previous run was killed mid-export: the restart's recovery lines (E0022) are shown first.
    for (const record of recovered) {
      if (json) out(jsonLine(record));
      else for (const line of humanLines(record)) out(line);
    }
    let expectFailures = 0;
    let expectations = 0;
    const report = reportOut !== null && format !== null ? new RunReport(reportOut, format, file, session, store) : null;
    for (const command of validated.commands) {
      let record: RunRecord;
      report?.before();
      try {
        record = session.run(command, file);
      } catch (error) {
        if (!isStorageFailure(error)) throw error;
        err(`${file}:${command.line}: stopped: ${error.message}`);
        err(`timezero: ${db} holds every command before line ${command.line}; nothing of that line was applied`);
        return EXIT_STORAGE;
      }
      report?.record(command, record);
      if (command.name === 'EXPECT' || command.name === 'EXPECT_MESSAGE') {
        expectations++;
        if (!record.ok) expectFailures++;
      }
      if (json) out(jsonLine(record));
      else for (const line of humanLines(record)) out(line);
    }
    if (!json) out(`${validated.commands.length} commands; ${expectations - expectFailures} expectations passed, ${expectFailures} failed`);
    if (report) {
      try {
        report.write(err);
      } catch (error) {
        err(`${reportOut}: the report could not be written: ${errorMessage(error)}`);
        return 2;
      }
    }
    return expectFailures > 0 ? 1 : 0;
  } finally {
    close();
  }
}

/** One paragraph for the operator: the previous run died, and what the database kept of it. */
export function describeAbnormalEnd(db: string, end: AbnormalEnd): string {
  const who = end.program ? `${end.program}${end.pid ? `, PID ${end.pid}` : ''}${end.since ? `, since ${end.since}` : ''}` : 'a program';
  const last = end.lastCommand ? `, the last: ${JSON.stringify(end.lastCommand.text)}` : '';
  const restarts = end.restarts.map((r) => `${r.command.split(':')[0]!.replace(/^# /, '')} (${r.messages.map((m) => m.id).join(', ') || 'no messages'})`);
  return `the previous run on ${db} (${who}) ended abnormally; ${end.commandsKept} command(s) kept${last}${restarts.length > 0 ? `; ${restarts.join('; ')}` : ''}`;
}
