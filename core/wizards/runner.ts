// Runs a wizard step by step through a session: checks first, then the step's runbook lines. A run is
// plain JSON (which step, what each issued, what came back), so it can be saved, paused and resumed.

import type { Session, RunRecord } from '../session.js';
import { WIZARDS } from './procedures.js';
import type { Finding, WizardParams } from './types.js';

export interface StepRecord {
  stepId: string;
  at: string;
  lines: string[];
  records: { line: string; ok: boolean; error: string | null; result: unknown }[];
  findings: Finding[];
  confirmed: boolean;
}

export interface WizardRun {
  wizardId: string;
  params: WizardParams;
  /** index of the next step to do */
  next: number;
  done: StepRecord[];
  status: 'active' | 'paused' | 'finished';
}

export function startWizard(session: Session, wizardId: string, params?: Partial<WizardParams>): WizardRun {
  const wizard = WIZARDS.find((w) => w.id === wizardId);
  if (!wizard) throw new Error(`unknown wizard '${wizardId}'`);
  return { wizardId, params: { ...wizard.defaults(session.engine.state), ...params }, next: 0, done: [], status: 'active' };
}

export function describeStep(session: Session, run: WizardRun, index = run.next) {
  const wizard = WIZARDS.find((w) => w.id === run.wizardId)!;
  const step = wizard.steps[index];
  if (!step) return null;
  const state = session.engine.state;
  return { index, id: step.id, phase: step.phase, title: step.title, why: step.why, kind: step.kind, lines: step.lines(run.params, state), findings: step.check?.(run.params, state) ?? [] };
}

/**
 * Performs the next step. Errors found by its checks stop it (nothing is issued); warnings need
 * `acknowledge`. Manual steps are recorded as confirmed by the operator.
 */
export function performStep(session: Session, run: WizardRun, acknowledge = false): { run: WizardRun; step: StepRecord; refused: boolean } {
  const described = describeStep(session, run);
  if (!described) throw new Error('the wizard has no step left');
  const time = new Date(session.engine.state.now).toISOString();
  const blocked = described.findings.some((f) => f.level === 'error') || (!acknowledge && described.findings.length > 0);
  const step: StepRecord = { stepId: described.id, at: time, lines: described.lines, records: [], findings: described.findings, confirmed: described.kind === 'manual' };
  if (blocked) return { run, step, refused: true };
  for (const line of described.lines) {
    const validated = session.validate(line);
    if (validated.errors.length > 0) {
      step.records.push({ line, ok: false, error: validated.errors[0]!.message, result: null });
      return { run, step, refused: true };
    }
    for (const command of validated.commands) {
      const record: RunRecord = session.run(command, `wizard ${run.wizardId}`);
      step.records.push({ line, ok: record.ok, error: record.error?.message ?? null, result: record.result });
    }
  }
  const next: WizardRun = { ...run, next: run.next + 1, done: [...run.done, step] };
  const wizard = WIZARDS.find((w) => w.id === run.wizardId)!;
  if (next.next >= wizard.steps.length) next.status = 'finished';
  return { run: next, step, refused: false };
}
