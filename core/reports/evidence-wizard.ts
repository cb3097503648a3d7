// The evidence report of a DR-test wizard run: the FlashCopy DR-family test (seed 000) or a Redbook
// §11.10 procedure. Every step with its simulated start and end, the lines it issued and the checks it
// made; skipped and failed steps with their reasons; RPO at the test's point in time and RTO from the
// test's declaration to each critical Management Class's first DR mount; the hazards the run met;
// the clean-up as the grid shows it now; the verdict with the rules behind it; the journal excerpt.

import type { GridState } from '../world/state.js';
import type { DrFamily } from '../world/dr-family.js';
import type { Session } from '../session.js';
import { isoTime } from '../sim/time.js';
import { WIZARDS } from '../wizards/procedures.js';
import type { WizardRun } from '../wizards/runner.js';
import type { Wizard } from '../wizards/types.js';
import { testWindow } from './procedure-report.js';
import { journalExcerpt, sealed, type JournalRow, type JournalSource } from './evidence-digest.js';
import { pointFacts, type PointFacts } from './evidence-facts.js';
import { hazardsOf } from './evidence-hazards.js';
import type { EvidenceReport, EvidenceStep, EvidenceRto, VerdictRule } from './evidence-model.js';
import { drMountRows, tallyMounts } from './dr-mount-rows.js';
import { documentTitles, emptySignOff, reportId } from './evidence-common.js';
import { formatSeconds } from './evidence-format.js';
import { clusterAt } from '../model/grid-lookup.js';
import { field, parseOutcome, stringField } from '../model/json-fields.js';

export interface EvidenceMeta {
  toolVersion: string;
  seed: number;
  /** wall clock now */
  now: Date;
}

const wizardOf = (run: WizardRun): Wizard => {
  const w = WIZARDS.find((x) => x.id === run.wizardId);
  if (!w) throw new Error(`unknown wizard '${run.wizardId}'`);
  return w;
};

/** The point the test represents, as readiness facts: taken now while the flash is on, else kept, else rebuilt at the procedure's start. */
export function factsOfRun(session: Session, run: WizardRun): PointFacts | null {
  if (run.facts) return run.facts as PointFacts;
  const wizard = wizardOf(run);
  const state = session.engine.state;
  const dr = state.clusters.findIndex((c) => c.name === run.params.drCluster);
  if (wizard.usesFamily) {
    const f = state.families.find((x) => x.name === run.params.family);
    if (!f || !f.flash || dr < 0) return null;
    const mount = f.clusters.includes(dr) ? dr : f.clusters[0];
    if (mount === undefined) return null;
    return pointFacts(state, f, mount, 'Time-zero');
  }
  const { start } = testWindow(run);
  if (start === null || dr < 0) return null;
  const atStart = start >= state.now ? state : session.engineAt(start).state;
  const production = new Set(run.params.production);
  const drSite = atStart.clusters.filter((c) => !production.has(c.name)).map((c) => c.index);
  // The DR site asked as a family without FlashCopy, at the start (procedure-report.ts does the same).
  const site: DrFamily = {
    name: 'DR site',
    clusters: [dr, ...drSite.filter((c) => c !== dr)],
    timeZero: start,
    flash: false,
    writeProtect: false,
    liveCopy: 'FAMILY',
    volumesAtTimeZero: atStart.volumes.count,
    images: new Map(),
    metadataSnapshots: 0,
    snapshotOwner: new Map(),
  };
  const facts = pointFacts(atStart, site, dr, 'Test start');
  facts.rpo.note = 'Without FlashCopy the test represents its start (Redbook §11.9.1): what had no consistent copy on the DR site then would have been lost.';
  return facts;
}

function steps(run: WizardRun, wizard: Wizard): EvidenceStep[] {
  return wizard.steps.map((s, i): EvidenceStep => {
    const base = { n: i + 1, id: s.id, title: s.title, phase: s.phase, kind: s.kind };
    const rec = i < run.next ? run.done[i] : run.failed && i === run.next ? run.failed : null;
    if (!rec) {
      const reason = run.status === 'finished' ? 'not part of this run' : `the run stopped before this step (${run.next} of ${wizard.steps.length} steps done, ${run.status})`;
      return { ...base, outcome: 'not run', start: null, end: null, simulatedSeconds: null, lines: [], checks: [], reason };
    }
    const records = rec.records;
    const lines = rec.lines.map((text, k) => ({ text, ok: records[k]?.ok ?? false, error: records[k]?.error ?? (k >= records.length ? 'not issued' : null) }));
    const findings = rec.findings.map((f) => ({ level: f.level, message: f.message }));
    const info = findings.find((f) => f.level === 'info');
    const failedLine = records.find((r) => !r.ok);
    const outcome: EvidenceStep['outcome'] = rec.outcome === 'failed' ? 'failed' : rec.lines.length === 0 && s.kind === 'grid' ? 'skipped' : s.kind === 'manual' ? 'confirmed' : 'done';
    const checks = findings.length > 0 ? findings : s.check ? [{ level: 'pass' as const, message: 'the pre-checks found nothing to stop the step' }] : [];
    const warned = findings.filter((f) => f.level === 'warning');
    const start = Date.parse(rec.at);
    const end = rec.endedAt ? Date.parse(rec.endedAt) : null;
    const reason =
      outcome === 'failed'
        ? `the engine refused “${failedLine?.line ?? '?'}”: ${failedLine?.error ?? 'refused'}`
        : outcome === 'skipped'
          ? (info?.message ?? 'nothing to do on this grid')
          : warned.length > 0
            ? `went ahead with ${warned.length} warning(s) acknowledged`
            : null;
    return { ...base, outcome, start: isoTime(start), end: end === null ? null : isoTime(end), simulatedSeconds: end === null ? null : (end - start) / 1000, lines, checks, reason };
  });
}

/** The simulated time of the first successful DR mount of each critical MC since the declaration. */
function rto(state: GridState, rows: readonly JournalRow[], drHost: string, declared: number | null, critical: string[], targetMinutes: number | null): EvidenceRto {
  const first = new Map<string, number>();
  if (declared !== null) {
    for (const row of rows) {
      if (row.startedAt < declared || !/^(JOB\s+\S+\s+READ|MOUNT)\b/i.test(row.text)) continue;
      if (!new RegExp(`^JOB\\s+${drHost}\\b|\\bHOST\\s+${drHost}\\b`, 'i').test(row.text)) continue;
      const outcome = parseOutcome(row.outcome);
      if (!outcome) continue;
      const listed = field(outcome.result, 'volsers');
      const one = stringField(outcome.result, 'volser');
      const volsers: unknown[] = Array.isArray(listed) ? listed : one !== null ? [one] : [];
      for (const volser of volsers) {
        const v = typeof volser === 'string' ? state.volumes.find(volser) : -1;
        if (v < 0) continue;
        const mc = state.mcs[state.volumes.get(v, 'mc')]?.name ?? '(none)';
        if (!first.has(mc)) first.set(mc, row.endedAt);
      }
    }
  }
  const perMc = critical.map((mc) => {
    const at = first.get(mc);
    const seconds = at === undefined || declared === null ? null : (at - declared) / 1000;
    return { mc, firstMountAt: at === undefined ? null : isoTime(at), seconds, met: targetMinutes === null ? null : seconds !== null && seconds <= targetMinutes * 60 };
  });
  return {
    declaredAt: declared === null ? null : isoTime(declared),
    perMc,
    targetMinutes,
    note: critical.length === 0 ? 'No critical Management Class was named and no production class held volumes at the test point.' : null,
  };
}

function cleanup(state: GridState, run: WizardRun, wizard: Wizard) {
  const p = run.params;
  const items: { item: string; done: boolean }[] = [];
  const afterSteps = wizard.steps.map((s, i) => ({ s, i })).filter(({ s }) => s.phase === 'after');
  for (const { s, i } of afterSteps) items.push({ item: `step “${s.title}” done`, done: i < run.next });
  const dr = state.clusters.findIndex((c) => c.name === p.drCluster);
  const host = state.hosts.find((h) => h.name === p.drHost);
  if (host && dr >= 0) items.push({ item: `${p.drHost}'s drives on ${p.drCluster} varied offline`, done: !host.devices[dr]?.online });
  if (wizard.usesFamily) {
    const f = state.families.find((x) => x.name === p.family);
    items.push({ item: `FlashCopy of DR family ${p.family} disabled (time-zero released)`, done: !!f && !f.flash });
    items.push({ item: `write protect of DR family ${p.family} disabled`, done: !!f && !f.writeProtect });
  } else if (dr >= 0) {
    const c = clusterAt(state, dr);
    items.push({ item: `write protect off on ${p.drCluster}`, done: !c.writeProtect });
    const takeover = p.production.filter((n) => c.takeover[state.clusters.findIndex((x) => x.name === n)] !== undefined);
    items.push({ item: `no ownership takeover left on ${p.drCluster}`, done: takeover.length === 0 });
  }
  const drScratch = parseInt(p.drScratch[0], 16);
  const [from = '', to = from] = p.drRange.split('-');
  let inUse = 0;
  const first = state.volumes.find(from);
  if (first >= 0) {
    for (let v = first; v < state.volumes.count; v++) {
      const volser = state.volumes.volser(v);
      if (volser > to) break;
      if (state.volumes.cols.category[v] !== drScratch) inUse++;
    }
  }
  items.push({ item: `DR range ${p.drRange} returned to scratch`, done: inUse === 0 });
  return { done: run.status === 'finished' && items.every((x) => x.done), items };
}

export function buildWizardEvidence(session: Session, run: WizardRun, journal: JournalSource, meta: EvidenceMeta): EvidenceReport {
  const wizard = wizardOf(run);
  const state = session.engine.state;
  const p = run.params;
  const stepList = steps(run, wizard);
  const { start } = testWindow(run);
  const firstAt = run.done[0] ? Date.parse(run.done[0].at) : null;
  const lastEnd = [...run.done].reverse().find((d) => d.endedAt)?.endedAt ?? null;
  const fromSeq = (run.journalFrom ?? 0) + 1;
  const toSeq = run.journalTo ?? journal.lastSeq();
  const rows = journal.rows(fromSeq, toSeq);
  const facts = factsOfRun(session, run);
  const mounts = tallyMounts(drMountRows(rows, [p.drHost], start ?? Infinity));
  const criticalDefault = facts ? defaultCritical(state, run, facts) : [];
  const critical = p.criticalMcs && p.criticalMcs.length > 0 ? p.criticalMcs : criticalDefault;
  const rpoTarget = p.rpoMinutes ?? null;
  const rtoTarget = p.rtoMinutes ?? null;
  const rpo = facts ? { ...facts.rpo, targetMinutes: rpoTarget, met: rpoTarget === null ? null : facts.rpo.achievedMinutes !== null && facts.rpo.achievedMinutes <= rpoTarget } : null;
  const rtoPart = rto(state, rows, p.drHost, start, critical, rtoTarget);
  const hazards = hazardsOf(state, run, wizard, rows, facts, start);
  const clean = cleanup(state, run, wizard);
  const failedSteps = stepList.filter((s) => s.outcome === 'failed');
  const finished = run.status === 'finished';
  const writes = mounts.rows.filter((r) => /^JOB\s+\S+\s+WRITE/i.test(r.command));
  const reads = mounts.rows.filter((r) => !/^JOB\s+\S+\s+WRITE/i.test(r.command));
  const rules: VerdictRule[] = [
    {
      rule: 'Every step of the procedure ran to completion',
      held: finished && failedSteps.length === 0,
      breaks: 'FAIL',
      detail:
        failedSteps.length > 0
          ? `${failedSteps.map((s) => `step ${s.n} “${s.title}” failed`).join('; ')}`
          : finished
            ? `${stepList.length} steps: ${count(stepList, 'done')} done, ${count(stepList, 'confirmed')} confirmed by the operator, ${count(stepList, 'skipped')} skipped`
            : `the run is ${run.status}: ${run.next} of ${stepList.length} steps done`,
    },
    {
      rule: 'The DR host read every production volume it asked for at the DR site',
      held: reads.every((r) => r.failed === 0),
      breaks: 'FAIL',
      detail:
        reads.length === 0
          ? 'the test read no production volume'
          : `${sum(reads, 'succeeded')} of ${sum(reads, 'mounts')} read mounts succeeded${
              reads.some((r) => r.failed > 0)
                ? `; failures: ${reads
                    .filter((r) => r.reason)
                    .map((r) => r.reason)
                    .join('; ')}`
                : ''
            }`,
    },
    {
      rule: 'The DR host wrote its test data in its own categories',
      held: writes.every((r) => r.failed === 0),
      breaks: 'FAIL',
      detail:
        writes.length === 0
          ? 'the test wrote nothing'
          : `${sum(writes, 'succeeded')} of ${sum(writes, 'mounts')} write jobs succeeded${
              writes.some((r) => r.failed > 0)
                ? `; failures: ${writes
                    .filter((r) => r.reason)
                    .map((r) => r.reason)
                    .join('; ')}`
                : ''
            }`,
    },
    {
      rule: 'No write ownership takeover of a production cluster (Redbook §11.10.3)',
      held: !hazards.some((h) => h.hazard === 'Write ownership takeover'),
      breaks: 'FAIL',
      detail: hazards.find((h) => h.hazard === 'Write ownership takeover')?.detail ?? 'none was set or attempted during the test',
    },
    {
      rule: 'Clean-up restored the grid',
      held: clean.done,
      breaks: 'FAIL',
      detail:
        clean.items
          .filter((i) => !i.done)
          .map((i) => `not done: ${i.item}`)
          .join('; ') || 'every clean-up item holds on the grid now',
    },
    rpo
      ? {
          rule: rpoTarget === null ? 'Nothing was lost at the test point (RPO)' : `RPO within the target of ${rpoTarget} minutes`,
          held: rpoTarget === null ? rpo.lostVolumes === 0 : rpo.met === true,
          breaks: 'EXCEPTION',
          detail: `${rpo.lostVolumes.toLocaleString('en-US')} of ${rpo.volumes.toLocaleString('en-US')} volumes had no copy the DR site could use at ${rpo.pointLabel.toLowerCase()}${rpo.achievedMinutes !== null && rpo.lostVolumes > 0 ? `; oldest unreplicated data written ${rpo.achievedMinutes} min before it` : ''}`,
        }
      : { rule: 'RPO measured at the test point', held: false, breaks: 'EXCEPTION', detail: 'the test point was never established, so nothing could be measured' },
    {
      rule:
        rtoTarget === null ? 'Every critical Management Class was mounted at the DR site (RTO demonstrated)' : `Every critical Management Class mounted within the RTO target of ${rtoTarget} minutes`,
      held: rtoPart.perMc.length > 0 && rtoPart.perMc.every((m) => (rtoTarget === null ? m.seconds !== null : m.met === true)),
      breaks: 'EXCEPTION',
      detail: rtoPart.perMc.length === 0 ? 'no critical Management Class' : rtoPart.perMc.map((m) => (m.seconds === null ? `${m.mc}: no DR mount` : `${m.mc}: ${formatSeconds(m.seconds)}`)).join('; '),
    },
    {
      rule: 'No warning was overridden to go ahead',
      held: !stepList.some((s) => s.checks.some((c) => c.level === 'warning')),
      breaks: 'EXCEPTION',
      detail:
        stepList
          .filter((s) => s.checks.some((c) => c.level === 'warning'))
          .map(
            (s) =>
              `step ${s.n}: ${s.checks
                .filter((c) => c.level === 'warning')
                .map((c) => c.message)
                .join(' ')}`,
          )
          .join('; ') || 'none',
    },
    {
      rule: 'No hazard met during the test',
      held: !hazards.some((h) => h.severity !== 'info'),
      breaks: 'EXCEPTION',
      detail:
        hazards
          .filter((h) => h.severity !== 'info')
          .map((h) => h.hazard)
          .join('; ') || 'none',
    },
  ];
  const result = rules.some((r) => !r.held && r.breaks === 'FAIL') ? 'FAIL' : rules.some((r) => !r.held) ? 'PASS WITH EXCEPTIONS' : 'PASS';
  const clusters = wizard.usesFamily ? (p.familyClusters ?? [p.drCluster]) : [...p.production, p.drCluster];
  const subject = wizard.usesFamily ? `DR family ${p.family}` : `DR cluster ${p.drCluster} (${wizard.source})`;
  return sealed({
    format: 'timezero-dr-evidence',
    version: 1,
    id: reportId(wizard.usesFamily ? 'flash-dr-test' : 'procedure-dr-test', meta.now),
    kind: wizard.usesFamily ? 'flash-dr-test' : 'procedure-dr-test',
    title: `DR test report — ${wizard.usesFamily ? `family ${p.family}` : wizard.title}`,
    cover: {
      grid: run.grid ?? state.name,
      subject,
      procedure: wizard.title,
      source: documentTitles(wizard.source),
      hosts: [p.productionHost, p.drHost],
      clusters,
      simulatedStart: firstAt === null ? null : isoTime(firstAt),
      simulatedEnd: lastEnd ? isoTime(Date.parse(lastEnd)) : null,
      wallStart: run.wallStart ?? null,
      wallEnd: run.wallEnd ?? null,
      toolVersion: meta.toolVersion,
      seed: meta.seed,
      generatedAt: meta.now.toISOString(),
    },
    scope: {
      objectives: [
        wizard.summary,
        wizard.usesFamily
          ? `Show that every volume as it was at time-zero can be mounted from ${p.drCluster} by ${p.drHost} while production goes on.`
          : `Show that ${p.drHost} can work from ${p.drCluster} with production volumes protected.`,
        'Show that the DR host’s test data never reaches production and that the grid is restored afterwards.',
      ],
      rpoTargetMinutes: rpoTarget,
      rtoTargetMinutes: rtoTarget,
      criticalMcs: critical,
    },
    steps: stepList,
    verdict: { result, rules },
    rpo,
    rto: rtoPart,
    drMounts: mounts,
    findings: hazards,
    cleanup: clean,
    signOff: emptySignOff(p.tester, p.reviewer),
    journal: journalExcerpt(rows, fromSeq, toSeq),
  });
}

/** Production's Management Classes with volumes at the test point, the DR class left out. */
function defaultCritical(state: GridState, run: WizardRun, facts: PointFacts): string[] {
  const counts = new Map<string, number>();
  const cols = state.volumes.cols;
  const n = Math.min(facts.volumesAtPoint, state.volumes.count);
  const tally = new Int32Array(256);
  for (const mc of cols.mc.subarray(0, n)) tally[mc] = (tally[mc] ?? 0) + 1;
  state.mcs.forEach((mc, m) => {
    const volumes = tally[m] ?? 0;
    if (volumes > 0 && mc.name !== run.params.drMc) counts.set(mc.name, volumes);
  });
  return [...counts.keys()].sort();
}

const count = (steps: EvidenceStep[], outcome: EvidenceStep['outcome']) => steps.filter((s) => s.outcome === outcome).length;
const sum = <K extends 'succeeded' | 'mounts'>(rows: { [k in K]: number }[], key: K) => rows.reduce((n, r) => n + r[key], 0).toLocaleString('en-US');
