// Keeps the DR test report of a wizard's test past its end. FLASH DISABLE releases time-zero (seed
// 000: the snapshot exists only while the test runs), so a report asked for after the test would
// have no time-zero and no readiness at it. When a wizard step is about to disable a family's flash,
// the report is built first and kept beside the grid; report.drTest serves it afterwards, as long as
// no later time-zero of that family has superseded it.

import { z } from 'zod';
import { buildDrTestReport, type DrTestReport } from '../core/reports/dr-test-report.js';
import { describeStep, type WizardRun } from '../core/wizards/runner.js';
import { isoTime } from '../core/sim/time.js';
import type { Session } from '../core/session.js';
import type { Settings } from './dr-service.js';

const keyOf = (family: string) => `dr-report:${family}`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const flashCommand = (family: string, verb: 'ENABLE' | 'DISABLE') => new RegExp(`DRSETUP\\s*,\\s*${escapeRegExp(family)}\\s*,\\s*FLASH\\s*,\\s*${verb}\\b`, 'i');

/** The report's frame, what this keeper and the report's writers read first; its sections are the builder's. */
const reportFrame = z.object({
  title: z.string(),
  generated: z.string(),
  family: z.looseObject({ name: z.string(), timeZero: z.string().nullable() }).nullable(),
  readiness: z.looseObject({}),
  mounts: z.array(z.unknown()),
});

const keptSchema = z.object({
  drHost: z.string(),
  report: z.custom<DrTestReport>((value) => reportFrame.safeParse(value).success, 'not a DR test report'),
});
type Kept = z.infer<typeof keptSchema>;

/** Reports to keep if the run's next step goes ahead: one per flashed family the step disables. */
export function reportBeforeFlashOff(session: Session, run: WizardRun): { key: string; json: string }[] {
  if (run.status !== 'active') return [];
  const step = describeStep(session, run);
  if (!step) return [];
  const flashed = session.engine.state.families.filter((f) => f.flash && step.lines.some((line) => flashCommand(f.name, 'DISABLE').test(line)));
  return flashed.map((f) => {
    const kept: Kept = { drHost: run.params.drHost, report: buildDrTestReport(session, f.name, run.params.drHost) };
    return { key: keyOf(f.name), json: JSON.stringify(kept) };
  });
}

/** The kept report of the family's last time-zero, for that DR host; null when none or superseded. */
export function reportOfLastTimeZero(session: Session, settings: Settings, family: string, drHost: string): DrTestReport | null {
  const text = settings.get(keyOf(family));
  if (!text) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null; // a damaged kept report is ignored, never half-used
  }
  const read = keptSchema.safeParse(json);
  if (!read.success) return null;
  const kept = read.data;
  if (kept.drHost.toUpperCase() !== drHost.toUpperCase() || !kept.report.family?.timeZero) return null;
  // The last successful FLASH ENABLE of the family must be the kept report's time-zero.
  const enable = flashCommand(family, 'ENABLE');
  for (let i = session.journal.length - 1; i >= 0; i--) {
    const entry = session.journal[i]!;
    if (entry.outcome.ok && enable.test(entry.text)) return isoTime(entry.startedAt) === kept.report.family.timeZero ? kept.report : null;
  }
  return null;
}
