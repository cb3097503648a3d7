// Runs a wizard step by step through a session: checks first, then the step's runbook lines. A run is
// plain JSON (which step, what each issued, what came back), so it can be saved, paused and resumed.
// A step is atomic toward the operator: all its lines validate against the grid before the first one
// runs, and a line the engine refuses part-way leaves the step recorded as failed with what ran, so a
// retry issues only the lines that did not (none is ever run twice, none is silently skipped).

import type { Session, RunRecord } from '../session.js';
import { WIZARDS } from './procedures.js';
import type { Finding, Wizard, WizardParams } from './types.js';
import { joinGeneratedLines } from '../runbook/generated-lines.js';

export interface StepRecord {
  stepId: string;
  at: string;
  /** the lines the step planned when it began: a retry goes on from these, not from a re-plan */
  lines: string[];
  records: { line: string; ok: boolean; error: string | null; result: unknown }[];
  findings: Finding[];
  confirmed: boolean;
  /** done: every line ran; failed: the engine refused line `ran` (the lines before it ran). Absent in runs saved before. */
  outcome?: 'done' | 'failed';
  /** how many of `lines` ran */
  ran?: number;
  /** simulated time when its last line ended (absent in runs saved before) */
  endedAt?: string;
}

export interface WizardRun {
  wizardId: string;
  params: WizardParams;
  /** index of the next step to do */
  next: number;
  done: StepRecord[];
  status: 'active' | 'paused' | 'finished';
  /** the next step, when a refused line stopped it part-way: what ran, and from which line it goes on */
  failed?: StepRecord | null;
  /** the grid it runs on, and the journal seq before its first step: its report's excerpt starts after it */
  grid?: string | null;
  journalFrom?: number;
  /** the journal seq of its last entry, once finished */
  journalTo?: number;
  /** wall-clock time it started and finished */
  wallStart?: string;
  wallEnd?: string;
  /** the evidence report kept when it finished */
  reportId?: string;
  /** what the test's point in time showed, taken before the step that released it (FLASH DISABLE) */
  facts?: unknown;
}

function wizardFor(wizardId: string): Wizard {
  const wizard = WIZARDS.find((w) => w.id === wizardId);
  if (!wizard) throw new Error(`unknown wizard '${wizardId}'`);
  return wizard;
}

/** The parameters an operator gave; one left out, or given as undefined, keeps the wizard's default. */
export type GivenParams = { [K in keyof WizardParams]?: WizardParams[K] | undefined };

const PARAM_KEYS = [
  'production',
  'drCluster',
  'productionHost',
  'drHost',
  'drScratch',
  'drError',
  'drPrivate',
  'drRange',
  'drMc',
  'family',
  'familyClusters',
  'testWrites',
  'testReads',
  'rpoMinutes',
  'rtoMinutes',
  'criticalMcs',
  'tester',
  'reviewer',
  'returnToScratch',
] as const satisfies readonly (keyof WizardParams)[];

/** true only while PARAM_KEYS names every parameter: one left out would drop what the operator gave. */
type EveryParamListed = [Exclude<keyof WizardParams, (typeof PARAM_KEYS)[number]>] extends [never] ? true : never;

function withDefaults(defaults: WizardParams, given: GivenParams): WizardParams {
  const listed: EveryParamListed = true;
  const params: WizardParams = { ...defaults };
  const take = <K extends keyof WizardParams>(key: K) => {
    const value = given[key];
    if (value !== undefined) params[key] = value;
  };
  if (listed) PARAM_KEYS.forEach(take);
  return params;
}

export function startWizard(session: Session, wizardId: string, params: GivenParams = {}): WizardRun {
  const wizard = wizardFor(wizardId);
  return {
    wizardId,
    params: withDefaults(wizard.defaults(session.engine.state), params),
    next: 0,
    done: [],
    status: 'active',
    failed: null,
    grid: session.engine.state.name ?? null,
    wallStart: new Date().toISOString(),
  };
}

/** The failed attempt of the step at `index`, if the run holds one. */
function failedAttempt(run: WizardRun, stepId: string, index: number): StepRecord | null {
  return index === run.next && run.failed?.stepId === stepId ? run.failed : null;
}

export function describeStep(session: Session, run: WizardRun, index = run.next) {
  const step = wizardFor(run.wizardId).steps[index];
  if (!step) return null;
  const state = session.engine.state;
  const failed = failedAttempt(run, step.id, index);
  const ran = failed ? failed.lines.slice(0, failed.ran ?? 0) : [];
  const takes = step.takes?.(run.params) ?? null;
  const lines = failed ? failed.lines.slice(ran.length) : [...step.lines(run.params, state), ...(takes ? [`ADVANCE ${takes}`] : [])];
  const findings = [...(step.check?.(run.params, state) ?? []), ...validationFindings(session, lines)];
  return { index, id: step.id, phase: step.phase, title: step.title, why: step.why, kind: step.kind, lines, findings, ran };
}

/** Every line of the step checked against the grid as one block, so a line may use what an earlier one defines. */
function validationFindings(session: Session, lines: string[]): Finding[] {
  if (lines.length === 0) return [];
  const text = joinGeneratedLines(lines);
  if (typeof text !== 'string') return [{ level: 'error' as const, message: text.message }];
  return session.validate(text).errors.map((e) => ({ level: 'error' as const, message: `line ${e.line} “${lines[e.line - 1] ?? ''}” does not validate: ${e.message} (column ${e.col})` }));
}

/**
 * Performs the next step. Errors found by its checks or by validating its lines stop it (nothing is
 * issued: `refused`); warnings need `acknowledge`. A line the engine refuses stops the step where it
 * is (`failed`): the run keeps the attempt, and the next performStep issues only the lines after
 * those that ran. Manual steps are recorded as confirmed by the operator.
 */
export function performStep(session: Session, run: WizardRun, acknowledge = false): { run: WizardRun; step: StepRecord; refused: boolean; failed: boolean } {
  const described = describeStep(session, run);
  if (!described) throw new Error('the wizard has no step left');
  const time = new Date(session.engine.state.now).toISOString();
  const earlier = failedAttempt(run, described.id, described.index);
  const blocked = described.findings.some((f) => f.level === 'error') || (!acknowledge && described.findings.some((f) => f.level === 'warning'));
  const step: StepRecord = {
    stepId: described.id,
    // A step that changed the grid began then; one whose first line was refused begins now.
    at: earlier && (earlier.ran ?? 0) > 0 ? earlier.at : time,
    lines: [...described.ran, ...described.lines],
    records: [...(earlier?.records ?? [])],
    findings: described.findings,
    confirmed: described.kind === 'manual',
    ran: described.ran.length,
  };
  const text = joinGeneratedLines(described.lines);
  if (blocked || typeof text !== 'string') return { run, step, refused: true, failed: false };
  const validated = session.validate(text);
  for (const command of validated.commands) {
    const line = described.lines[command.line - 1] ?? '';
    const record: RunRecord = session.run(command, `wizard ${run.wizardId}`);
    step.records.push({ line, ok: record.ok, error: record.error?.message ?? null, result: record.result });
    if (!record.ok) {
      const failed: StepRecord = { ...step, outcome: 'failed', ran: described.ran.length + command.line - 1, endedAt: new Date(session.engine.state.now).toISOString() };
      return { run: { ...run, failed }, step: failed, refused: false, failed: true };
    }
  }
  const doneStep: StepRecord = { ...step, outcome: 'done', ran: step.lines.length, endedAt: new Date(session.engine.state.now).toISOString() };
  const next: WizardRun = { ...run, next: run.next + 1, done: [...run.done, doneStep], failed: null };
  if (next.next >= wizardFor(run.wizardId).steps.length) {
    next.status = 'finished';
    next.wallEnd = new Date().toISOString();
  }
  return { run: next, step: doneStep, refused: false, failed: false };
}
