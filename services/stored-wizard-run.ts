// A wizard run as kept beside the grid (settings `wizard-run`, `dr-report:procedure`): read back with
// its schema, so a run saved by another version or damaged on disk is refused with the field path
// that is wrong, never half-used. The shape is core/wizards/runner.ts WizardRun; fields it does not
// know are dropped (not refused), so a run kept by a newer version still resumes.

import { z } from 'zod';
import { describeIssue, wizardParams } from '../contract/api.js';
import type { WizardRun } from '../core/wizards/runner.js';

const finding = z.object({ level: z.enum(['error', 'warning', 'info']), message: z.string() });

const stepRecord = z.object({
  stepId: z.string(),
  at: z.string(),
  lines: z.array(z.string()),
  records: z.array(z.object({ line: z.string(), ok: z.boolean(), error: z.string().nullable(), result: z.unknown() })),
  findings: z.array(finding),
  confirmed: z.boolean(),
  outcome: z.enum(['done', 'failed']).exactOptional(),
  ran: z.number().exactOptional(),
  endedAt: z.string().exactOptional(),
});

const lostTally = z.object({ mc: z.string(), category: z.string(), volumes: z.number(), bytes: z.number() });

/** The readiness facts of the test's point in time (core/reports/evidence-facts.ts PointFacts). */
const pointFacts = z.object({
  point: z.number().nullable(),
  pointLabel: z.string(),
  volumesAtPoint: z.number(),
  mountCluster: z.string(),
  rpo: z.object({
    pointLabel: z.string(),
    point: z.string().nullable(),
    volumes: z.number(),
    recoverable: z.number(),
    lostVolumes: z.number(),
    lostBytes: z.number(),
    lost: z.array(lostTally),
    lostExamples: z.array(z.string()),
    achievedMinutes: z.number().nullable(),
    note: z.string().nullable(),
  }),
  copiesAfterPoint: z.number().nullable(),
  copiesAfterExamples: z.array(z.string()),
});

export const storedWizardRun = z.object({
  wizardId: z.string(),
  params: wizardParams,
  next: z.number().int().min(0),
  done: z.array(stepRecord),
  status: z.enum(['active', 'paused', 'finished']),
  failed: stepRecord.nullable().exactOptional(),
  grid: z.string().nullable().exactOptional(),
  journalFrom: z.number().exactOptional(),
  journalTo: z.number().exactOptional(),
  wallStart: z.string().exactOptional(),
  wallEnd: z.string().exactOptional(),
  reportId: z.string().exactOptional(),
  facts: pointFacts.exactOptional(),
});

/** The kept run, or why it cannot be used: not JSON, or the first field that does not fit. */
export function readStoredRun(text: string): { run: WizardRun } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problem: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = storedWizardRun.safeParse(json);
  if (!parsed.success) return { problem: describeIssue(parsed.error) };
  return { run: parsed.data };
}
