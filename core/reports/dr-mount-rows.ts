// DR mounts, counted one way for the DR Families card and the DR test report: every MOUNT and JOB a
// DR host issued in a window of the journal, and the volume mounts each made (a JOB line mounts one
// volume per job; a MOUNT line one). The engine's live DR-mount table holds only what is mounted now,
// so a test whose reads are demounted again would show "none" there while its report lists them.

import type { GridState } from '../world/state.js';
import { isoTime } from '../sim/time.js';
import type { JournalRow } from './evidence-digest.js';
import type { DrMountRow } from './evidence-model.js';
import { entriesOf, field, numberField, parseOutcome, stringField } from '../model/json-fields.js';

/** The host a MOUNT or JOB line is issued by, or null for other lines. */
export function mountingHost(text: string): string | null {
  const job = /^JOB\s+(\S+)/i.exec(text)?.[1];
  if (job !== undefined) return job.toUpperCase();
  if (!/^MOUNT\b/i.test(text)) return null;
  return /\bHOST\s+(\S+)/i.exec(text)?.[1]?.toUpperCase() ?? null;
}

export function drMountRows(rows: readonly JournalRow[], drHosts: readonly string[], since: number, until = Infinity): DrMountRow[] {
  const hosts = new Set(drHosts.map((h) => h.toUpperCase()));
  const out: DrMountRow[] = [];
  for (const row of rows) {
    if (row.startedAt < since || row.startedAt > until) continue;
    const host = mountingHost(row.text);
    if (!host || !hosts.has(host)) continue;
    const outcome = parseOutcome(row.outcome);
    if (!outcome) continue; // an unreadable outcome is the digest's business, not a mount
    const r = outcome.result;
    const requested = numberField(r, 'requested');
    const isJob = requested !== null;
    const mounts = requested ?? 1;
    const succeeded = isJob ? (numberField(r, 'succeeded') ?? 0) : outcome.ok ? 1 : 0;
    const failed = entriesOf(field(r, 'failures'));
    const failures = isJob && failed.length > 0 ? failed.map(([code, n]) => `${code} × ${String(n)}`).join(', ') : null;
    out.push({
      time: isoTime(row.startedAt),
      command: row.text,
      ok: outcome.ok && succeeded === mounts,
      mounts,
      succeeded,
      failed: mounts - succeeded,
      source:
        !isJob && stringField(r, 'source') !== null
          ? `${stringField(r, 'source')}${stringField(r, 'sourceCluster') !== null ? ` on ${stringField(r, 'sourceCluster')}` : ''}`
          : isJob
            ? `${succeeded.toLocaleString('en-US')} of ${mounts.toLocaleString('en-US')} jobs succeeded`
            : null,
      reason: outcome.error ? `${outcome.error.code}: ${outcome.error.message}` : failures,
    });
  }
  return out;
}

export function tallyMounts(rows: readonly DrMountRow[]) {
  return { volumeMounts: rows.reduce((n, r) => n + r.mounts, 0), succeeded: rows.reduce((n, r) => n + r.succeeded, 0), failed: rows.reduce((n, r) => n + r.failed, 0), rows: [...rows] };
}

/** The hosts a family's DR mounts come from: every host with the DR role. */
export function drHostsOf(state: GridState): string[] {
  return state.hosts.filter((h) => h.role === 'DR').map((h) => h.name);
}
