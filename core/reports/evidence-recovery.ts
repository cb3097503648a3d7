// The evidence report of a Copy Export Recovery (Redbook §11.7.2-§11.7.3): real or rehearsed offline in
// DR test mode on a stand-alone library. Its steps are the MI's recovery task list with their simulated
// times; RPO is what the export's database held and what the recovery could not restore; the
// post-recovery checklist is the clean-up; the journal excerpt is every line that named the library.

import { showRecovery } from '../rules/recovery/recover.js';
import type { Session } from '../session.js';
import { isoTime } from '../sim/time.js';
import { documentTitles, emptySignOff, formatCount, reportId } from './evidence-common.js';
import { journalExcerpt, sealed, type JournalSource } from './evidence-digest.js';
import type { EvidenceMeta } from './evidence-wizard.js';
import type { EvidenceReport, EvidenceStep, LostTally, VerdictRule } from './evidence-model.js';

export class NoRecovery extends Error {}

export function buildRecoveryEvidence(session: Session, library: string, journal: JournalSource, meta: EvidenceMeta): EvidenceReport {
  const state = session.engine.state;
  const sa = state.tape.standalones.find((s) => s.name.toUpperCase() === library.toUpperCase());
  if (!sa) throw new NoRecovery(`library: no stand-alone library ${library} (libraries: ${state.tape.standalones.map((s) => s.name).join(', ') || 'none'})`);
  const job = sa.job;
  if (!job || job.kind !== 'RECOVER') throw new NoRecovery(`library: ${sa.name} has not run a Copy Export Recovery (RECOVER ${sa.name} FROM <pvol>)`);
  const shown = showRecovery(state, sa);
  const lostTally = job.status === 'in progress' ? [] : notRestored(state, sa);
  const word = new RegExp(`\\b${sa.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
  const all = journal.rows(1, journal.lastSeq()).filter((r) => word.test(r.text));
  const fromSeq = all[0]?.seq ?? 1;
  const toSeq = journal.lastSeq();
  const rows = journal.rows(fromSeq, toSeq);
  const running = job.status === 'in progress';
  let t = job.initiated;
  const steps: EvidenceStep[] = job.steps.map((s, i) => {
    const start = t;
    const end = start + s.ms;
    t = end;
    const done = !running || i < job.current;
    const failed = job.status === 'failed' && i === job.steps.length - 1;
    return {
      n: i + 1,
      id: `recovery-${i + 1}`,
      title: shown.steps[i]?.task ?? s.text,
      phase: 'recovery',
      kind: 'grid',
      outcome: failed ? 'failed' : done ? 'done' : 'not run',
      start: done || i === job.current ? isoTime(start) : null,
      end: done ? isoTime(end) : null,
      simulatedSeconds: done ? s.ms / 1000 : null,
      lines: [],
      checks: [],
      reason: failed ? job.errors.join('; ') || 'the recovery failed' : done ? null : 'the recovery is still in progress',
    };
  });
  const summary = shown.summary as {
    recovered: number;
    inDatabase: number;
    databaseTime: string;
    lost: { incompleteCopy: number; stackedVolumeNotLoaded: number; volserConflict: number };
    lostVolumes: { volser: string }[];
    sourceGrid: string | null;
  } | null;
  const lostN = summary ? summary.lost.incompleteCopy + summary.lost.stackedVolumeNotLoaded + summary.lost.volserConflict : 0;
  const rehearsal = sa.testMode !== false;
  const checklist = (shown.checklist as { step: string; status: string }[]).filter((c) => c.status !== 'info');
  const rules: VerdictRule[] = [
    {
      rule: 'The recovery ran every task to completion',
      held: job.status === 'completed',
      breaks: 'FAIL',
      detail: `status ${job.status}: ${job.current + (running ? 0 : 1)} of ${job.steps.length} tasks`,
    },
    {
      rule: 'Every logical volume in the exported database was restored',
      held: lostN === 0,
      breaks: 'EXCEPTION',
      detail: summary
        ? `${formatCount(summary.recovered)} of ${formatCount(summary.inDatabase)} restored; ${formatCount(summary.lost.incompleteCopy)} with an incomplete copy at export time, ${formatCount(summary.lost.stackedVolumeNotLoaded)} on stacked volumes not loaded, ${formatCount(summary.lost.volserConflict)} VOLSER conflicts`
        : 'no summary yet',
    },
    {
      rule: 'The post-recovery checklist is complete',
      held: checklist.every((c) => c.status === 'done'),
      breaks: 'EXCEPTION',
      detail:
        checklist
          .filter((c) => c.status !== 'done')
          .map((c) => c.step)
          .join('; ') || 'every item done',
    },
  ];
  const result = rules.some((x) => !x.held && x.breaks === 'FAIL') ? 'FAIL' : rules.some((x) => !x.held) ? 'PASS WITH EXCEPTIONS' : 'PASS';
  return sealed({
    format: 'timezero-dr-evidence',
    version: 1,
    id: reportId('copy-export-recovery', meta.now),
    kind: 'copy-export-recovery',
    title: `Copy Export Recovery report — ${sa.name}${rehearsal ? ' (DR test mode rehearsal)' : ''}`,
    cover: {
      grid: summary?.sourceGrid ?? state.name,
      subject: `stand-alone library ${sa.name}`,
      procedure: rehearsal ? 'Copy Export Recovery in DR test mode (offline rehearsal)' : 'Copy Export Recovery (real)',
      source: documentTitles('Redbook §11.7.2-§11.7.3'),
      hosts: [],
      clusters: [sa.name],
      simulatedStart: isoTime(job.initiated),
      simulatedEnd: job.ended === null ? null : isoTime(job.ended),
      wallStart: null,
      wallEnd: null,
      toolVersion: meta.toolVersion,
      seed: meta.seed,
      generatedAt: meta.now.toISOString(),
    },
    scope: {
      objectives: [
        'Restore the library database and the logical volumes from the copy-exported stacked volumes (Redbook §11.7.2).',
        rehearsal ? 'Rehearse without changing the exported cartridges: DR test mode keeps them Copy Exported.' : 'Bring the library into production use.',
      ],
      rpoTargetMinutes: null,
      rtoTargetMinutes: null,
      criticalMcs: [],
    },
    steps,
    verdict: { result, rules },
    rpo: summary
      ? {
          pointLabel: 'Export database time',
          point: summary.databaseTime,
          volumes: summary.inDatabase,
          recoverable: summary.recovered,
          lostVolumes: lostN,
          lostBytes: lostTally.reduce((sum, t) => sum + t.bytes, 0),
          lost: lostTally,
          lostExamples: summary.lostVolumes.slice(0, 20).map((v) => v.volser),
          achievedMinutes: null,
          targetMinutes: null,
          met: null,
          note: `Data written after the export's database time (${summary.databaseTime}) is not in this recovery: the RPO is the age of the export.`,
        }
      : null,
    rto: {
      declaredAt: isoTime(job.initiated),
      perMc: [],
      targetMinutes: null,
      note: job.ended === null ? 'The recovery has not completed.' : `The recovery took ${formatCount(Math.round((job.ended - job.initiated) / 1000))} s of simulated time.`,
    },
    drMounts: null,
    findings: (shown.checklist as { step: string; status: string }[])
      .filter((c) => c.status === 'warning')
      .map((c) => ({ hazard: 'Post-recovery warning', severity: 'warning' as const, detail: c.step })),
    cleanup: { done: checklist.every((c) => c.status === 'done'), items: checklist.map((c) => ({ item: c.step, done: c.status === 'done' })) },
    signOff: emptySignOff(),
    journal: journalExcerpt(rows, fromSeq, toSeq),
  });
}

/**
 * What the recovery could not restore, per Management Class and category with volumes and bytes: every
 * logical volume of the exported database (Redbook §11.7.2: the database backup on the stacked
 * volumes) that the stand-alone library does not hold now. The MC and category are the source's.
 */
function notRestored(state: Session['engine']['state'], sa: Session['engine']['state']['tape']['standalones'][number]): LostTally[] {
  const r = sa.recovery;
  const db = r ? state.tape.databases[r.database] : undefined;
  if (!db) return [];
  const restored = new Set<number>();
  for (let k = 0; k < sa.volumes.count; k++) restored.add(sa.volumes.volser[k]!);
  const tally = new Map<string, LostTally>();
  for (let i = 0; i < db.volser.length; i++) {
    if (restored.has(db.volser[i]!)) continue;
    const mc = db.mcs[db.mc[i]!]?.name ?? '—';
    const category = db.category[i]!.toString(16).toUpperCase().padStart(4, '0');
    const key = `${mc}|${category}`;
    const t = tally.get(key) ?? { mc, category, volumes: 0, bytes: 0 };
    t.volumes++;
    t.bytes += db.sizeBytes[i]!;
    tally.set(key, t);
  }
  return [...tally.values()].sort((a, b) => b.bytes - a.bytes || a.mc.localeCompare(b.mc) || a.category.localeCompare(b.category));
}
