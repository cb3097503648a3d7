// Tests' FlashCopy DR test: the seed 000 FIGS. 3A-3D sample run through the wizard, start to clean-up.
import { Session } from '../session.js';
import { performStep, startWizard, type WizardRun } from '../wizards/runner.js';
import { sessionJournal } from './evidence-digest.js';
import { afterStep, beforeStep, markStart } from './evidence-run.js';

export function flashSession(): Session {
  const session = new Session(null, 7);
  for (const c of session.validate('SAMPLE flash-dr-family').commands) session.run(c);
  return session;
}

export function runFlashTest(session: Session, params: Record<string, unknown> = {}): WizardRun {
  const journal = sessionJournal(session);
  let run = markStart(startWizard(session, 'flash-dr-family', { drCluster: 'CL2', familyClusters: ['CL2', 'CL3', 'CL4'], production: ['CL0', 'CL1'], testReads: 'A00000-A00001', ...params }), journal);
  while (run.status !== 'finished') {
    run = beforeStep(session, run);
    const outcome = performStep(session, run, true);
    if (outcome.refused) throw new Error(`${outcome.step.stepId} refused: ${JSON.stringify(outcome.step.findings)}`);
    run = afterStep(outcome.run, journal);
  }
  return run;
}
