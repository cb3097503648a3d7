// The DR test report of a Redbook §11.10 procedure, which uses no DR family (issue 4 item 4: a report of
// every DR test). The test's start — the step that starts it, Redbook §11.9.1: "at the beginning of the
// test, the catalog, TCDB, and tape management system (TMS) control databases are all a snapshot of the
// production systems" — stands in for time-zero. Readiness is asked of the DR site as the grid was at
// that start: which volumes a consistent copy on a non-production cluster (the DR cluster first) would
// have served had production been lost then, per Management Class and category. The family sections
// that have no counterpart say so in the report.

import type { Session } from '../session.js';
import type { DrFamily } from '../world/dr-family.js';
import { readiness } from '../rules/readiness.js';
import { isoTime } from '../sim/time.js';
import { clusterAt } from '../model/grid-lookup.js';
import { WIZARDS } from '../wizards/procedures.js';
import type { WizardRun } from '../wizards/runner.js';
import { drHostMounts, type DrTestReport } from './dr-test-report.js';

/** When the run's test started and ended (ms), from the steps it did; null when not (yet). */
export function testWindow(run: WizardRun): { start: number | null; end: number | null; startStep: string } {
  const wizard = WIZARDS.find((w) => w.id === run.wizardId);
  if (!wizard) throw new Error(`unknown wizard '${run.wizardId}'`);
  const starter = wizard.steps.find((s) => s.startsTest) ?? wizard.steps.find((s) => s.phase === 'during');
  if (!starter) throw new Error(`wizard '${run.wizardId}' has no step that starts the test`);
  const phaseOf = (id: string) => wizard.steps.find((s) => s.id === id)?.phase;
  const started = run.done.find((d) => d.stepId === starter.id);
  const ended = run.done.find((d) => phaseOf(d.stepId) === 'after');
  return { start: started ? Date.parse(started.at) : null, end: ended ? Date.parse(ended.at) : null, startStep: starter.title };
}

export function buildProcedureReport(session: Session, run: WizardRun, drHost = run.params.drHost): DrTestReport {
  const wizard = WIZARDS.find((w) => w.id === run.wizardId);
  if (!wizard) throw new Error(`unknown wizard '${run.wizardId}'`);
  const now = session.engine.state;
  const { start, end, startStep } = testWindow(run);
  // The grid at the start: rebuilt from the journal (or the store's checkpoints), production's later
  // changes left out. Before the test has started, the grid as it is now.
  const atStart = start === null || start >= now.now ? now : session.engineAt(start).state;
  const drCluster = atStart.clusters.findIndex((c) => c.name === run.params.drCluster);
  if (drCluster < 0) throw new Error(`the DR cluster ${run.params.drCluster} is not in the grid`);
  const production = new Set(run.params.production);
  const drSite = atStart.clusters.filter((c) => !production.has(c.name)).map((c) => c.index);
  // The DR site asked as a family without FlashCopy: readiness then counts, for every volume that
  // exists, the first of its clusters (DR cluster first, reachable from it) holding a consistent copy.
  const site: DrFamily = {
    name: `DR site of ${wizard.title}`,
    clusters: [drCluster, ...drSite.filter((c) => c !== drCluster)],
    timeZero: null,
    flash: false,
    writeProtect: false,
    liveCopy: 'FAMILY',
    volumesAtTimeZero: atStart.volumes.count,
    images: new Map(),
    metadataSnapshots: 0,
    snapshotOwner: new Map(),
  };
  const ready = readiness(atStart, site, drCluster);
  const title = `DR test report — ${wizard.title}`;
  return {
    title,
    generated: isoTime(now.now),
    family: null,
    procedure: {
      wizardId: wizard.id,
      title: wizard.title,
      source: wizard.source,
      drCluster: run.params.drCluster,
      drHost,
      production: run.params.production,
      drSite: site.clusters.map((c) => clusterAt(atStart, c).name),
      start: start === null ? null : isoTime(start),
      startStep,
      end: end === null ? null : isoTime(end),
      status: run.status === 'finished' ? 'finished' : run.failed ? `${run.status}, a step failed part-way` : run.status,
    },
    readiness: ready,
    // The DR host's work from the start to the first step after the test (or now).
    mounts: start === null ? [] : drHostMounts(session, drHost, start, end ?? Infinity),
    notApplicable: [
      { section: 'DR family and time-zero', why: `${wizard.source} tests without a DR family: no FlashCopy, no shared time-zero; the test start above stands in for it.` },
      {
        section: 'Metadata snapshots and snapshot sources',
        why: 'Without FlashCopy nothing is snapshotted: every mount is served by a live copy (Flash copy for disaster recovery (DR) testing describes snapshots only for a DR family).',
      },
      {
        section: 'Volumes created after time-zero',
        why: 'The DR host sees volumes production creates or changes after the start (Redbook §11.9.1); readiness counts the volumes that existed at the start.',
      },
    ],
  };
}
