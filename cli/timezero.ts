// `timezero run <file> [--json] [--db <path>] [--seed <n>]`: runs a runbook headless (spec §2).
// Exit 2: the file did not validate (nothing ran). Exit 1: an EXPECT failed. Exit 0 otherwise.

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Session, type RunRecord } from '../core/session.js';
import { humanLines, jsonLine } from './format.js';
import { openPersistentSession } from './persistent.js';
import { backupBeforeRun } from '../services/backup-service.js';
import { reportFormat, RunReport } from './report.js';
import type { GridStore } from '../core/store/port.js';
import { verifyReportCommand, VERIFY_USAGE } from './verify-report.js';

const USAGE = `usage: timezero run <file> [--json] [--db <path>] [--seed <n>] [--report <out>.json|.html|.pdf]\n       ${VERIFY_USAGE.replace('usage: ', '')}`;
const MAX_RUNBOOK_BYTES = 16 * 2 ** 20;

export function main(argv: string[], out: (line: string) => void, err: (line: string) => void): number {
  const [verb, file, ...rest] = argv;
  if (verb === 'verify-report') return verifyReportCommand(argv.slice(1), out, err);
  if (verb !== 'run' || !file) {
    err(USAGE);
    return 2;
  }
  let json = false;
  let db: string | null = null;
  let seed = 1;
  let reportOut: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    if (flag === '--json') json = true;
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
    const size = statSync(file).size; // refused before it is read, let alone parsed
    if (size > MAX_RUNBOOK_BYTES) {
      err(`${file}: larger than ${MAX_RUNBOOK_BYTES / 2 ** 20} MB: refused`);
      return 2;
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    err(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return 2;
  }
  const base = dirname(resolve(file));
  const files = {
    readText: (path: string) => readFileSync(resolve(base, path), 'utf8'),
    writeText: (path: string, text: string) => writeFileSync(resolve(base, path), text),
  };
  let session: Session;
  let close = () => {};
  let recovered: RunRecord[] = [];
  let store: GridStore | null = null;
  try {
    if (db) ({ session, close, recovered, store } = openPersistentSession(db, files, seed));
    else session = new Session(files, seed);
  } catch (error) {
    err(`${db}: ${(error as Error).message}`);
    return 2;
  }
  try {
    const validated = session.validate(text);
    if (validated.errors.length > 0) {
      for (const e of validated.errors) err(`${file}:${e.line}:${e.col}: ${e.message}`);
      return 2;
    }
    // Before a run that would erase, recover into or replace what the database holds: a backup of it.
    if (db) {
      let backup: string | null;
      try {
        backup = backupBeforeRun(db, validated.commands);
      } catch (error) {
        err(`${db}: the automatic backup before this run failed, so nothing was run: ${(error as Error).message}`);
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
      report?.before();
      const record = session.run(command, file);
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
        err(`${reportOut}: the report could not be written: ${(error as Error).message}`);
        return 2;
      }
    }
    return expectFailures > 0 ? 1 : 0;
  } finally {
    close();
  }
}
