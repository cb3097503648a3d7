// DR test evidence reports over the contract (issue 13): the report model as a zod schema (the same
// shape as core/reports/evidence-model.ts), and the Reports list: list, open, export as HTML, PDF or
// JSON, verify against the journal, and create one for a Copy Export Recovery or a journal range.
// contract/api.ts spreads these channels into its table.

import { z } from 'zod';

const when = z.string().nullable();
const reportIdSchema = z.string().regex(/^[a-z-]+-\d{8}T\d{6}Z-[0-9a-f]{8}$/, 'a report id from reports.list');

export const evidenceReport = z.object({
  format: z.literal('timezero-dr-evidence'),
  version: z.literal(1),
  id: z.string(),
  kind: z.enum(['flash-dr-test', 'procedure-dr-test', 'copy-export-recovery', 'runbook']),
  title: z.string(),
  cover: z.object({
    grid: z.string().nullable(),
    subject: z.string(),
    procedure: z.string(),
    source: z.string(),
    hosts: z.array(z.string()),
    clusters: z.array(z.string()),
    simulatedStart: when,
    simulatedEnd: when,
    wallStart: when,
    wallEnd: when,
    toolVersion: z.string(),
    seed: z.number(),
    generatedAt: z.string(),
  }),
  scope: z.object({ objectives: z.array(z.string()), rpoTargetMinutes: z.number().nullable(), rtoTargetMinutes: z.number().nullable(), criticalMcs: z.array(z.string()) }),
  steps: z.array(
    z.object({
      n: z.number(),
      id: z.string(),
      title: z.string(),
      phase: z.string(),
      kind: z.string(),
      outcome: z.enum(['done', 'confirmed', 'skipped', 'failed', 'not run']),
      start: when,
      end: when,
      simulatedSeconds: z.number().nullable(),
      lines: z.array(z.object({ text: z.string(), ok: z.boolean(), error: z.string().nullable() })),
      checks: z.array(z.object({ level: z.enum(['pass', 'info', 'warning', 'error']), message: z.string() })),
      reason: z.string().nullable(),
    }),
  ),
  verdict: z.object({
    result: z.enum(['PASS', 'PASS WITH EXCEPTIONS', 'FAIL']),
    rules: z.array(z.object({ rule: z.string(), held: z.boolean(), breaks: z.enum(['FAIL', 'EXCEPTION']), detail: z.string() })),
  }),
  rpo: z
    .object({
      pointLabel: z.string(),
      point: when,
      volumes: z.number(),
      recoverable: z.number(),
      lostVolumes: z.number(),
      lostBytes: z.number(),
      lost: z.array(z.object({ mc: z.string(), category: z.string(), volumes: z.number(), bytes: z.number() })),
      lostExamples: z.array(z.string()),
      achievedMinutes: z.number().nullable(),
      targetMinutes: z.number().nullable(),
      met: z.boolean().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
  rto: z
    .object({
      declaredAt: when,
      perMc: z.array(z.object({ mc: z.string(), firstMountAt: when, seconds: z.number().nullable(), met: z.boolean().nullable() })),
      targetMinutes: z.number().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
  drMounts: z
    .object({
      volumeMounts: z.number(),
      succeeded: z.number(),
      failed: z.number(),
      rows: z.array(
        z.object({
          time: z.string(),
          command: z.string(),
          ok: z.boolean(),
          mounts: z.number(),
          succeeded: z.number(),
          failed: z.number(),
          source: z.string().nullable(),
          reason: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
  findings: z.array(z.object({ hazard: z.string(), severity: z.enum(['info', 'warning', 'error']), detail: z.string() })),
  cleanup: z.object({ done: z.boolean(), items: z.array(z.object({ item: z.string(), done: z.boolean() })) }),
  signOff: z.object({ tester: z.string(), reviewer: z.string(), date: z.string() }),
  journal: z.object({
    fromSeq: z.number(),
    toSeq: z.number(),
    entries: z.array(z.object({ seq: z.number(), time: z.string(), text: z.string(), ok: z.boolean() })),
    omitted: z.number(),
    algorithm: z.literal('sha256'),
    digest: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  digest: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest'),
});

export const reportSummary = z.object({ id: z.string(), kind: z.string(), title: z.string(), verdict: z.string(), createdAt: z.string(), digest: z.string() });

export const reportChannels = {
  /** newest first; persistent false: the reports live in memory only (no database) */
  'reports.list': { request: z.object({}).strict(), response: z.object({ persistent: z.boolean(), reports: z.array(reportSummary) }) },
  'reports.get': { request: z.object({ id: reportIdSchema }).strict(), response: evidenceReport },
  /** the stored report rendered: HTML and PDF from the same model, or its JSON (for verify-report) */
  'reports.export': {
    request: z.object({ id: reportIdSchema, format: z.enum(['html', 'pdf', 'json']) }).strict(),
    response: z.object({ name: z.string(), mime: z.string(), text: z.string().optional(), base64: z.string().optional() }),
  },
  /** recomputes the report's digest and its journal excerpt's digest from the database */
  'reports.verify': {
    request: z.object({ id: reportIdSchema }).strict(),
    response: z.object({ ok: z.boolean(), checks: z.array(z.object({ check: z.string(), ok: z.boolean(), detail: z.string() })) }),
  },
  /** a report on demand: the DR-test wizard run (in progress or last finished), a Copy Export Recovery of a stand-alone library, or journal entries (a runbook run) */
  'reports.create': {
    // One strict object (every request schema is): `library` is for source recovery, fromSeq/toSeq/title for journal.
    request: z
      .object({
        source: z.enum(['wizard', 'recovery', 'journal']),
        library: z
          .string()
          .regex(/^[A-Za-z0-9_.$@#-]{1,32}$/)
          .optional(),
        fromSeq: z.number().int().min(1).optional(),
        toSeq: z.number().int().min(1).optional(),
        title: z.string().max(200).optional(),
      })
      .strict(),
    response: reportSummary,
  },
} as const;

export type EvidenceReportDto = z.infer<typeof evidenceReport>;
export type ReportSummaryDto = z.infer<typeof reportSummary>;
