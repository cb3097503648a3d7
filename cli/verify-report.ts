// `timezero verify-report <report.json> --db <file>`: tamper evidence for a DR test report (issue 13
// item 2). Recomputes the report's own digest, compares it with the digest the database kept when the
// report was saved, and recomputes the digest of the journal entries the report names from the
// database. Exit 0: everything matches. Exit 1: the report or the journal was altered. Exit 2: usage,
// or a file that cannot be read.

import { existsSync, readFileSync } from 'node:fs';
import { evidenceReport } from '../contract/report-api.js';
import { describeIssue } from '../contract/api.js';
import { verifyReport } from '../core/reports/evidence-digest.js';
import type { EvidenceReport } from '../core/reports/evidence-model.js';
import { storeJournal } from '../core/reports/store-journal.js';
import { openSqliteStore } from '../core/store/sqlite-store.js';
import { errorMessage, errorCode } from '../core/error-text.js';

export const VERIFY_USAGE = 'usage: timezero verify-report <report.json> --db <file>';

export function verifyReportCommand(args: string[], out: (line: string) => void, err: (line: string) => void): number {
  const [file, flag, db, ...extra] = args;
  if (!file || flag !== '--db' || !db || extra.length > 0) {
    err(VERIFY_USAGE);
    return 2;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    err(`${file}: cannot read the report: ${errorCode(error) ?? errorMessage(error)}`);
    return 2;
  }
  const checked = evidenceReport.safeParse(parsed);
  if (!checked.success) {
    // A report whose shape was changed is altered too, but say where.
    err(`${file}: not a TimeZero DR test report: ${describeIssue(checked.error)}`);
    return 1;
  }
  if (!existsSync(db)) {
    err(`${db}: no such database`);
    return 2;
  }
  const store = openSqliteStore(db, { synchronous: 'NORMAL' });
  try {
    const report = checked.data as EvidenceReport;
    const stored = store.getReport(report.id);
    const outcome = verifyReport(report, storeJournal(store), stored ? stored.digest : null);
    for (const c of outcome.checks) out(`${c.ok ? 'ok     ' : 'ALTERED'}  ${c.check}: ${c.detail}`);
    out(outcome.ok ? `${file}: matches ${db} (report ${report.id})` : `${file}: does NOT match ${db}: the report or the journal was altered`);
    return outcome.ok ? 0 : 1;
  } catch (error) {
    err(`${db}: ${errorMessage(error)}`);
    return 2;
  } finally {
    store.close();
  }
}
