// Tamper evidence for a DR test report: the SHA-256 of the journal entries it was built from (every
// field the database holds for them, outcome included, so an altered result changes it) and the
// SHA-256 of the report's own canonical JSON. verify-report recomputes the first from the database
// and the second from the file; either differing means something was altered.

import { createHash } from 'node:crypto';
import type { Session } from '../session.js';
import { isoTime } from '../sim/time.js';
import type { EvidenceReport, JournalExcerptEntry } from './evidence-model.js';

/** A journal entry as the database keeps it. */
export interface JournalRow {
  seq: number;
  source: string;
  text: string;
  startedAt: number;
  endedAt: number;
  ok: boolean;
  /** the outcome JSON exactly as stored */
  outcome: string;
}

/** Where a report reads the journal from: the SQLite store with --db, else the session's memory. */
export interface JournalSource {
  lastSeq(): number;
  /** entries with fromSeq <= seq <= toSeq, in order */
  rows(fromSeq: number, toSeq: number): JournalRow[];
}

/** The in-memory journal of a session without a database: seq is the position, as the store would number it. */
export function sessionJournal(session: Session): JournalSource {
  const row = (i: number): JournalRow => {
    const e = session.journal[i];
    if (!e) throw new RangeError(`the session journal has no entry ${i + 1} (${session.journal.length} entries)`);
    return { seq: i + 1, source: e.source, text: e.text, startedAt: e.startedAt, endedAt: e.endedAt, ok: e.outcome.ok, outcome: JSON.stringify(e.outcome) };
  };
  return {
    lastSeq: () => session.journal.length,
    rows: (from, to) => {
      const out: JournalRow[] = [];
      for (let i = Math.max(0, from - 1); i < Math.min(to, session.journal.length); i++) out.push(row(i));
      return out;
    },
  };
}

export function journalDigest(rows: readonly JournalRow[]): string {
  const hash = createHash('sha256');
  for (const r of rows) hash.update(`${r.seq}\t${r.source}\t${r.startedAt}\t${r.endedAt}\t${r.ok ? 1 : 0}\t${r.text}\t${r.outcome}\n`);
  return hash.digest('hex');
}

/** The excerpt printed in the appendix; long journals keep their first and last entries. */
export const EXCERPT_LIMIT = 400;

export function journalExcerpt(rows: readonly JournalRow[], fromSeq: number, toSeq: number): EvidenceReport['journal'] {
  const pick = rows.length <= EXCERPT_LIMIT ? rows : [...rows.slice(0, EXCERPT_LIMIT / 2), ...rows.slice(-EXCERPT_LIMIT / 2)];
  const entries: JournalExcerptEntry[] = pick.map((r) => ({ seq: r.seq, time: isoTime(r.startedAt), text: (r.text.split('\n')[0] ?? '').slice(0, 300), ok: r.ok }));
  return { fromSeq, toSeq, entries, omitted: rows.length - pick.length, algorithm: 'sha256', digest: journalDigest(rows) };
}

/** JSON with object keys sorted at every level: the same report always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const fields = Object.entries(value)
    .filter(([, x]) => x !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${fields.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
}

export function reportDigest(report: Omit<EvidenceReport, 'digest'> & { digest?: string }): string {
  const { digest: _ignored, ...body } = report;
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export function sealed(report: Omit<EvidenceReport, 'digest'>): EvidenceReport {
  return { ...report, digest: reportDigest(report) };
}

export interface VerifyOutcome {
  ok: boolean;
  checks: { check: string; ok: boolean; detail: string }[];
}

/**
 * Verifies a report against the journal it names and, when given, the digest the archive stored
 * when the report was saved. Any difference is reported with what differs.
 */
export function verifyReport(report: EvidenceReport, journal: JournalSource, storedDigest: string | null | undefined): VerifyOutcome {
  const checks: VerifyOutcome['checks'] = [];
  const own = reportDigest(report);
  checks.push({
    check: 'report digest',
    ok: own === report.digest,
    detail:
      own === report.digest
        ? `the report's content hashes to its digest ${own.slice(0, 16)}…`
        : `the report's content hashes to ${own.slice(0, 16)}…, not the ${String(report.digest).slice(0, 16)}… it carries: the report was altered`,
  });
  if (storedDigest !== undefined) {
    const held = storedDigest === report.digest;
    checks.push({
      check: 'archived report',
      ok: held,
      detail:
        storedDigest === null
          ? `the database holds no report ${report.id}`
          : held
            ? 'the database holds this report with the same digest'
            : `the database holds report ${report.id} with digest ${storedDigest.slice(0, 16)}…: this copy was altered and re-sealed`,
    });
  }
  const { fromSeq, toSeq } = report.journal;
  const rows = journal.rows(fromSeq, toSeq);
  const complete = rows.length === toSeq - fromSeq + 1 || (toSeq < fromSeq && rows.length === 0);
  const digest = journalDigest(rows);
  checks.push({
    check: 'journal digest',
    ok: complete && digest === report.journal.digest,
    detail: !complete
      ? `the journal holds ${rows.length} of the ${toSeq - fromSeq + 1} entries ${fromSeq}-${toSeq}: entries were removed`
      : digest === report.journal.digest
        ? `journal entries ${fromSeq}-${toSeq} hash to ${digest.slice(0, 16)}…, as the report says`
        : `journal entries ${fromSeq}-${toSeq} hash to ${digest.slice(0, 16)}…, the report says ${report.journal.digest.slice(0, 16)}…: the journal was altered`,
  });
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  const differing = report.journal.entries.filter((e) => {
    const r = bySeq.get(e.seq);
    return !r || (r.text.split('\n')[0] ?? '').slice(0, 300) !== e.text || r.ok !== e.ok || isoTime(r.startedAt) !== e.time;
  });
  checks.push({
    check: 'journal excerpt',
    ok: differing.length === 0,
    detail:
      differing.length === 0 ? `the ${report.journal.entries.length} excerpt lines match the journal` : `${differing.length} excerpt line(s) differ from the journal, first seq ${differing[0]?.seq}`,
  });
  return { ok: checks.every((c) => c.ok), checks };
}
