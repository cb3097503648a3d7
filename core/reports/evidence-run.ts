// Keeps what a wizard run's evidence report needs as the run goes: where in the journal it began and
// ended, and the facts of its point in time taken just before the step that releases it (FLASH
// DISABLE ends the time-zero image: seed 000, the snapshot exists only while the test runs).

import type { Session } from '../session.js';
import { describeStep, type WizardRun } from '../wizards/runner.js';
import type { JournalSource } from './evidence-digest.js';
import { factsOfRun } from './evidence-wizard.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The run as it starts: the journal seq before its first step. */
export function markStart(run: WizardRun, journal: JournalSource): WizardRun {
  return { ...run, journalFrom: journal.lastSeq() };
}

/** Before the next step: if it disables the family's flash, the time-zero facts are taken now. */
export function beforeStep(session: Session, run: WizardRun): WizardRun {
  if (run.status !== 'active' || run.facts || !run.params.family) return run;
  const step = describeStep(session, run);
  const disable = new RegExp(`DRSETUP\\s*,\\s*${escapeRegExp(run.params.family)}\\s*,\\s*FLASH\\s*,\\s*DISABLE\\b`, 'i');
  if (!step || !step.lines.some((line) => disable.test(line))) return run;
  const facts = factsOfRun(session, run);
  return facts ? { ...run, facts } : run;
}

/** After a step: a finished run's journal ends here. */
export function afterStep(run: WizardRun, journal: JournalSource): WizardRun {
  return run.status === 'finished' && run.journalTo === undefined ? { ...run, journalTo: journal.lastSeq() } : run;
}
