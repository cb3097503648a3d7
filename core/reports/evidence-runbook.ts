// The evidence report of a runbook run (`timezero run … --report`) or of a range of the journal asked
// for in the console: its steps are the commands, its checks the EXPECT lines that follow each
// command, its verdict their outcome (spec §10: an EXPECT that fails fails the run).

import { isoTime } from '../sim/time.js';
import { emptySignOff, formatCount, reportId } from './evidence-common.js';
import { journalExcerpt, sealed, type JournalSource } from './evidence-digest.js';
import type { EvidenceMeta } from './evidence-wizard.js';
import type { EvidenceReport, EvidenceStep, VerdictRule } from './evidence-model.js';

/** One executed line: a command, or an EXPECT checking the command before it. */
export interface RunbookLine {
  line: number | null;
  text: string;
  expect: boolean;
  ok: boolean;
  error: string | null;
  /** simulated ms */
  startedAt: number;
  endedAt: number;
}

export interface RunbookRun {
  title: string;
  file: string;
  grid: string | null;
  lines: RunbookLine[];
  fromSeq: number;
  toSeq: number;
  wallStart: string | null;
  wallEnd: string | null;
}

export function buildRunbookEvidence(run: RunbookRun, journal: JournalSource, meta: EvidenceMeta): EvidenceReport {
  const steps: EvidenceStep[] = [];
  const orphanChecks: EvidenceStep['checks'] = [];
  for (const l of run.lines) {
    if (l.expect) {
      const check = { level: l.ok ? ('pass' as const) : ('error' as const), message: `${l.line !== null ? `line ${l.line}: ` : ''}${l.text}${l.ok ? '' : ` — ${l.error ?? 'failed'}`}` };
      const last = steps.at(-1);
      if (last) {
        last.checks.push(check);
        if (!l.ok) {
          last.outcome = 'failed';
          last.reason = `EXPECT failed: ${l.error ?? l.text}`;
        }
      } else orphanChecks.push(check);
      continue;
    }
    steps.push({
      n: steps.length + 1,
      id: l.line !== null ? `line-${l.line}` : `entry-${steps.length + 1}`,
      title: l.line !== null ? `line ${l.line}` : `command ${steps.length + 1}`,
      phase: 'runbook',
      kind: 'runbook',
      outcome: l.ok ? 'done' : 'failed',
      start: isoTime(l.startedAt),
      end: isoTime(l.endedAt),
      simulatedSeconds: (l.endedAt - l.startedAt) / 1000,
      lines: [{ text: l.text.split('\n')[0] ?? '', ok: l.ok, error: l.error }],
      checks: [],
      reason: l.ok ? null : `the engine refused it: ${l.error ?? ''}`,
    });
  }
  if (orphanChecks.length > 0 && steps[0]) steps[0].checks.unshift(...orphanChecks);
  const expects = run.lines.filter((l) => l.expect);
  const failedExpects = expects.filter((l) => !l.ok);
  const refused = run.lines.filter((l) => !l.expect && !l.ok);
  const rules: VerdictRule[] = [
    {
      rule: 'Every EXPECT held',
      held: failedExpects.length === 0,
      breaks: 'FAIL',
      detail:
        expects.length === 0
          ? 'the runbook has no EXPECT line'
          : `${formatCount(expects.length - failedExpects.length)} of ${formatCount(expects.length)} held${failedExpects.length > 0 ? `; failed: ${failedExpects.map((l) => `line ${l.line}`).join(', ')}` : ''}`,
    },
    {
      rule: 'The engine accepted every command',
      held: refused.length === 0,
      breaks: 'EXCEPTION',
      detail: refused.length === 0 ? `${formatCount(steps.length)} commands ran` : refused.map((l) => `${l.line !== null ? `line ${l.line}` : l.text}: ${l.error}`).join('; '),
    },
  ];
  const result = rules.some((r) => !r.held && r.breaks === 'FAIL') ? 'FAIL' : rules.some((r) => !r.held) ? 'PASS WITH EXCEPTIONS' : 'PASS';
  const rows = journal.rows(run.fromSeq, run.toSeq);
  const first = run.lines[0];
  const last = run.lines.at(-1);
  return sealed({
    format: 'timezero-dr-evidence',
    version: 1,
    id: reportId('runbook', meta.now),
    kind: 'runbook',
    title: run.title,
    cover: {
      grid: run.grid,
      subject: `runbook ${run.file}`,
      procedure: 'Runbook run',
      source: 'The TimeZero runbook language (EXPECT lines are the checks)',
      hosts: [],
      clusters: [],
      simulatedStart: first ? isoTime(first.startedAt) : null,
      simulatedEnd: last ? isoTime(last.endedAt) : null,
      wallStart: run.wallStart,
      wallEnd: run.wallEnd,
      toolVersion: meta.toolVersion,
      seed: meta.seed,
      generatedAt: meta.now.toISOString(),
    },
    scope: { objectives: [`Run ${run.file} and check its EXPECT lines.`], rpoTargetMinutes: null, rtoTargetMinutes: null, criticalMcs: [] },
    steps,
    verdict: { result, rules },
    rpo: null,
    rto: null,
    drMounts: null,
    findings: [],
    cleanup: { done: true, items: [] },
    signOff: emptySignOff(),
    journal: journalExcerpt(rows, run.fromSeq, run.toSeq),
  });
}
