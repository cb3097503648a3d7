// DR testing over the contract: families with readiness, the guided wizards (their run kept beside
// the grid so a paused test resumes after a restart, every change announced as wizard.changed), and
// the DR test report.

import { describeFamily } from '../core/engine/show-family.js';
import { readiness } from '../core/rules/readiness.js';
import { family } from '../core/rules/dr-family.js';
import { buildDrTestReport, reportHtml, reportPdf, type DrTestReport } from '../core/reports/dr-test-report.js';
import { buildProcedureReport } from '../core/reports/procedure-report.js';
import type { Session } from '../core/session.js';
import { WIZARDS } from '../core/wizards/procedures.js';
import { describeStep, performStep, startWizard, type StepRecord, type WizardRun } from '../core/wizards/runner.js';
import type { Request, Response } from '../contract/api.js';
import { fail } from './errors.js';
import { jsonResult } from './run-record-dto.js';
import { readStoredRun } from './stored-wizard-run.js';
import { mutator } from './mutator.js';
import { reportBeforeFlashOff, reportOfLastTimeZero } from './dr-report-keeper.js';
import { afterStep, beforeStep, markStart } from '../core/reports/evidence-run.js';
import { buildWizardEvidence } from '../core/reports/evidence-wizard.js';
import { familyDrMounts } from '../core/reports/family-mounts.js';
import { evidencePorts, keepReport, reportHandlers, type EvidencePorts } from './report-service.js';

/** Small named documents kept with the grid (the SQLite meta table), or in memory. */
export interface Settings {
  get(key: string): string | null;
  set(key: string, value: string | null): void;
}

export function memorySettings(): Settings {
  const map = new Map<string, string>();
  return { get: (k) => map.get(k) ?? null, set: (k, v) => (v === null ? map.delete(k) : map.set(k, v)) };
}

const RUN_KEY = 'wizard-run';
/** The last §11.10 procedure's run (no DR family): its report outlives the wizard being closed or abandoned. */
const PROCEDURE_KEY = 'dr-report:procedure';
const usesFamily = (r: WizardRun) => WIZARDS.find((w) => w.id === r.wizardId)?.usesFamily === true;

export function drHandlers(
  session: Session,
  settings: Settings,
  changed: () => void,
  wizardChanged: (state: Response<'wizard.state'>) => void = () => undefined,
  ports: EvidencePorts = evidencePorts(session, undefined),
) {
  let run: WizardRun | null = loadRun();
  let last: { stepId: string; refused: boolean; failed: boolean } | null = null;

  function loadRun(): WizardRun | null {
    const text = settings.get(RUN_KEY);
    if (!text) return null;
    // A damaged saved run is dropped, never half-used, and the host says which field was wrong.
    const kept = readStoredRun(text);
    if ('problem' in kept) {
      console.warn(`wizard run kept with the grid is unreadable, dropped: ${kept.problem}`);
      return null;
    }
    return WIZARDS.some((w) => w.id === kept.run.wizardId) ? kept.run : null;
  }

  function keptProcedure(): WizardRun | null {
    const text = settings.get(PROCEDURE_KEY);
    if (!text) return null;
    const kept = readStoredRun(text);
    if ('problem' in kept) {
      console.warn(`last DR test procedure kept with the grid is unreadable, ignored: ${kept.problem}`);
      return null;
    }
    return WIZARDS.some((w) => w.id === kept.run.wizardId && !w.usesFamily) ? kept.run : null;
  }

  /** Keeps the run, announces it, and returns the state (computed once: its checks scan the volumes). */
  function save(): Response<'wizard.state'> {
    settings.set(RUN_KEY, run ? JSON.stringify(run) : null);
    const now = state();
    wizardChanged(now);
    return now;
  }

  /** Why the run cannot go on: the grid it ran on was replaced, or its DR family no longer exists. */
  function gone(r: WizardRun): string | null {
    const s = session.engine.state;
    // A grid loaded since the run started replaced the one it ran on, even under the same name.
    if (r.journalFrom !== undefined && r.status !== 'finished') {
      const last = ports.journal.lastSeq();
      const replaced = ports.journal.rows(r.journalFrom + 1, last).find((row) => row.ok && /^(SAMPLE|GRID|LOAD)\b/i.test(row.text) && !/^LOAD\s+EXPORTSET/i.test(row.text));
      if (replaced)
        return `The grid this test ran on was replaced (${replaced.text.split('\n')[0]} at ${new Date(replaced.startedAt).toISOString()}): the run cannot go on. Abandon it to start a new test; reports of finished tests stay in Reports.`;
    }
    if (r.grid !== undefined && r.grid !== s.name)
      return `The grid ${r.grid ?? '(unnamed)'} this test ran on is no longer loaded (the console now holds ${s.name ?? 'an unnamed grid'}): the run cannot go on. Its report stays in Reports; abandon the run to start a new one.`;
    const wizard = WIZARDS.find((w) => w.id === r.wizardId)!;
    const familyStep = wizard.steps.findIndex((x) => x.id === 'family');
    if (wizard.usesFamily && familyStep >= 0 && r.next > familyStep && !s.families.some((f) => f.name === r.params.family)) {
      return `DR family ${r.params.family} no longer exists on grid ${s.name ?? ''}: the run cannot go on. Its report stays in Reports; abandon the run to start a new one.`;
    }
    return null;
  }

  function state(): Response<'wizard.state'> {
    if (!run) return { run: null, next: null, last };
    const wizard = WIZARDS.find((w) => w.id === run!.wizardId)!;
    const dto = (d: StepRecord) => ({ ...d, records: d.records.map((r) => ({ ...r, result: jsonResult(r.result, r.line) })) });
    const why = gone(run);
    return {
      run: {
        wizardId: run.wizardId,
        title: wizard.title,
        params: run.params,
        next: run.next,
        total: wizard.steps.length,
        status: run.status,
        done: run.done.map(dto),
        failed: run.failed ? dto(run.failed) : null,
        gone: why,
        reportId: run.reportId ?? null,
      },
      next: run.status === 'finished' || why ? null : describeStep(session, run),
      last,
    };
  }

  /** The evidence report of the run in progress or last finished; null when none ran. */
  function wizardReport() {
    if (!run) return null;
    return buildWizardEvidence(session, run, ports.journal, ports.meta());
  }

  return {
    ...reportHandlers(session, ports, wizardReport),
    'dr.families': () =>
      session.engine.state.families.map((f) => ({
        family: describeFamily(session.engine.state, f),
        readiness: readiness(session.engine.state, f),
        drMounts: familyDrMounts(session.engine.state, ports.journal, f.name),
      })),
    'dr.readiness': ({ family: name, cluster }: Request<'dr.readiness'>) => {
      const s = session.engine.state;
      const f = family(s, name);
      const x = cluster === undefined ? f.clusters[0]! : s.clusters.findIndex((c) => c.name === cluster);
      if (x < 0) fail('UNKNOWN_CLUSTER', `cluster: no cluster ${cluster}`);
      return readiness(s, f, x);
    },
    'wizard.list': () =>
      WIZARDS.map((w) => ({
        id: w.id,
        title: w.title,
        source: w.source,
        summary: w.summary,
        defaults: w.defaults(session.engine.state),
        steps: w.steps.map((s) => ({ id: s.id, phase: s.phase, title: s.title, why: s.why, kind: s.kind })),
      })),
    'wizard.state': () => state(),
    'wizard.start': mutator(({ wizardId, params }: Request<'wizard.start'>) => {
      if (run && run.status !== 'finished') fail('WIZARD_ACTIVE', `wizard ${run.wizardId} is in progress: finish or abandon it first`);
      if (!WIZARDS.some((w) => w.id === wizardId)) fail('UNKNOWN_WIZARD', `wizardId: no wizard ${wizardId} (wizards: ${WIZARDS.map((w) => w.id).join(', ')})`);
      run = markStart(startWizard(session, wizardId, params), ports.journal);
      last = null;
      return save();
    }),
    'wizard.step': mutator(({ acknowledge }: Request<'wizard.step'>) => {
      if (!run) fail('NO_WIZARD', 'no wizard is in progress');
      if (run.status !== 'active') fail('WIZARD_NOT_ACTIVE', `wizard ${run.wizardId} is ${run.status}`);
      const why = gone(run);
      if (why) fail('WIZARD_GONE', why);
      // Disabling the flash releases time-zero: the report of the test is taken just before.
      const kept = reportBeforeFlashOff(session, run);
      run = beforeStep(session, run);
      const outcome = performStep(session, run, acknowledge);
      if (!outcome.refused) kept.forEach((k) => settings.set(k.key, k.json));
      run = afterStep(outcome.run, ports.journal);
      // The test's evidence is kept the moment it finishes (issue 13 item 1).
      if (run.status === 'finished' && !run.reportId) run = { ...run, reportId: keepReport(ports, buildWizardEvidence(session, run, ports.journal, ports.meta())).id };
      if (!outcome.refused && !usesFamily(run)) settings.set(PROCEDURE_KEY, JSON.stringify(run));
      last = { stepId: outcome.step.stepId, refused: outcome.refused, failed: outcome.failed };
      const now = save();
      if (outcome.step.records.length > 0) changed();
      return now;
    }),
    'wizard.pause': mutator(() => {
      if (run && run.status === 'active') run = { ...run, status: 'paused' };
      return save();
    }),
    'wizard.resume': mutator(() => {
      if (run && run.status === 'paused') run = { ...run, status: 'active' };
      return save();
    }),
    'wizard.abandon': mutator(() => {
      run = null;
      last = null;
      return save();
    }),
    'report.drTest': async ({ family: name, drHost, format }: Request<'report.drTest'>) => {
      let report: DrTestReport;
      let subject: string;
      if (name === undefined) {
        // A Redbook §11.10 procedure: the run in progress, else the last one kept.
        const procedure = run && !usesFamily(run) ? run : keptProcedure();
        if (!procedure) fail('NO_DR_TEST', 'family: no DR test procedure has run yet: start one of the Redbook §11.10 wizards, or name a DR family');
        report = buildProcedureReport(session, procedure, drHost);
        subject = procedure.wizardId;
      } else {
        const live = buildDrTestReport(session, name, drHost);
        // After the test (flash disabled) the report is the one kept at its time-zero, if a wizard kept one.
        report = live.family!.flash === 'enabled' ? live : (reportOfLastTimeZero(session, settings, name, drHost) ?? live);
        subject = name;
      }
      const stamp = report.generated.replace(/[:]/g, '').replace(/\..*$/, '');
      if (format === 'html') return { name: `dr-test-${subject}-${stamp}.html`, mime: 'text/html', text: reportHtml(report) };
      const pdf = await reportPdf(report);
      return { name: `dr-test-${subject}-${stamp}.pdf`, mime: 'application/pdf', base64: Buffer.from(pdf).toString('base64') };
    },
  };
}
