// The one API between the console and the engine host: every channel once, with zod schemas for
// its request and response, and every pushed event. Electron IPC and the web-mode WebSocket both
// carry exactly these; both ends validate (a field path names what was wrong).

import { z } from 'zod';
import { exportChannels } from './export-api.js';
import { backupChannels } from './backup-api.js';
import { dasdChannels } from './dasd-api.js';
import { reportChannels } from './report-api.js';
import { policyChannels } from './policies-api.js';
import { workloadChannels } from './workload-api.js';
import { yourGridChannels } from './your-grid-api.js';
import { clusterDetail, familyView, gridView, queuedVolume, queueView, readinessView, volumeDetail } from './show-api.js';

/** JSON as the engine answers a command (spec §10: SHOW, QUERY, EXPECT, …): one shape per verb, shown whole in the Console, so only its JSON-ness is the contract. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
export const commandResult: z.ZodType<Json> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(commandResult), z.record(z.string(), commandResult.optional())]));

/** Whether a value the engine returned is JSON (finite numbers, plain objects and arrays): the host checks before it answers. */
export function isJson(value: unknown): value is Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every((v) => v === undefined || isJson(v));
}
import { languageChannels } from './language-api.js';

const lineError = z.object({ line: z.number(), col: z.number(), message: z.string() });
const message = z.object({ time: z.string(), id: z.string(), text: z.string() });
const record = z.object({
  line: z.number(),
  command: z.string(),
  time: z.string(),
  ok: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  result: commandResult,
  messages: z.array(message),
});
/** A run that ended abnormally (killed, crashed, power lost), as the next start found it. */
const previousRun = z.object({
  program: z.string().nullable(),
  pid: z.number().nullable(),
  since: z.string().nullable(),
  commandsKept: z.number(),
  lastCommand: z.object({ seq: z.number(), text: z.string(), time: z.string() }).nullable(),
  /** lines the restart issued: the power-off restart of an exporting library (E0022) */
  restarts: z.array(record),
});
export type PreviousRunDto = z.infer<typeof previousRun>;
const iso = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/, 'an ISO time such as 2026-01-01T00:00:00Z');
const clusterName = z.string().regex(/^[A-Za-z0-9_.$@#-]{1,32}$/);
const volser = z.string().regex(/^[A-Z0-9]{1,6}$/, '1-6 characters A-Z 0-9');
const runbookText = z.string().max(4 * 2 ** 20, 'runbook larger than 4 MB');
const MAX_TEXT_BYTES = 7 * 2 ** 20;

const familyName = z.string().regex(/^[A-Za-z0-9_.$@#-]{1,32}$/, '1-32 letters, digits or _.$@#-');
const hex4 = z.string().regex(/^[0-9A-Fa-f]{4}$/, '4 hex digits');

export const wizardParams = z
  .object({
    production: z.array(clusterName).min(1).max(7),
    drCluster: clusterName,
    productionHost: clusterName,
    drHost: clusterName,
    drScratch: z.tuple([hex4, hex4]),
    drError: hex4,
    drPrivate: hex4,
    drRange: z.string().regex(/^[A-Z0-9]{1,6}-[A-Z0-9]{1,6}$/, 'a VOLSER range such as TST000-TST999'),
    drMc: clusterName,
    family: familyName.optional(),
    familyClusters: z.array(clusterName).max(7).optional(),
    testWrites: z.number().int().min(0).max(100000).optional(),
    testReads: z.string().max(13).optional(),
    /** objectives judged in the report, and who signs it */
    rpoMinutes: z.number().int().min(0).max(525600).optional(),
    rtoMinutes: z.number().int().min(0).max(525600).optional(),
    criticalMcs: z.array(clusterName).max(32).optional(),
    tester: z.string().max(80).optional(),
    reviewer: z.string().max(80).optional(),
    /** whether production's return-to-scratch runs during the test window (Redbook §11.9.7) */
    returnToScratch: z.enum(['suspended', 'running']).optional(),
  })
  .strict();

const finding = z.object({ level: z.enum(['error', 'warning', 'info']), message: z.string() }).strict();

const stepView = z.object({
  index: z.number(),
  id: z.string(),
  phase: z.string(),
  title: z.string(),
  why: z.string(),
  kind: z.string(),
  lines: z.array(z.string()),
  findings: z.array(finding),
  /** lines of this step that already ran before the engine refused one: a retry issues only `lines` */
  ran: z.array(z.string()).optional(),
});

const stepRecord = z.object({
  stepId: z.string(),
  at: z.string(),
  lines: z.array(z.string()),
  records: z.array(z.object({ line: z.string(), ok: z.boolean(), error: z.string().nullable(), result: commandResult })),
  findings: z.array(finding),
  confirmed: z.boolean(),
  outcome: z.enum(['done', 'failed']).optional(),
  ran: z.number().optional(),
});

export const wizardState = z.object({
  run: z
    .object({
      wizardId: z.string(),
      title: z.string(),
      params: wizardParams,
      next: z.number(),
      total: z.number(),
      status: z.enum(['active', 'paused', 'finished']),
      done: z.array(stepRecord),
      /** the next step, stopped part-way by a line the engine refused: what ran and what did not */
      failed: stepRecord.nullable().optional(),
      /** why the run cannot go on: its grid was replaced or its DR family no longer exists; null while it can */
      gone: z.string().nullable().optional(),
      /** the evidence report saved when it finished */
      reportId: z.string().nullable().optional(),
    })
    .nullable(),
  next: stepView.nullable(),
  /** the last step attempt: refused (nothing ran) when its checks or its lines' validation found errors or warnings went unacknowledged; failed when the engine refused a line part-way */
  last: z.object({ stepId: z.string(), refused: z.boolean(), failed: z.boolean().optional() }).nullable(),
});

export const volumeQuery = z
  .object({
    /** a volser prefix or a range A00000-A00099 */
    search: z
      .string()
      .max(13)
      .regex(/^[A-Za-z0-9-]*$/, 'letters, digits and one dash')
      .optional(),
    category: z
      .string()
      .regex(/^[0-9A-Fa-f]{4}$/)
      .optional(),
    mc: z.string().max(32).optional(),
    owner: clusterName.optional(),
    consistency: z.enum(['all', 'consistent-everywhere', 'copies-pending']).optional(),
  })
  .strict();

/** Volumes view sort: a column and a direction; ties keep volser order. Sorted in the engine host. */
export const volumeSort = z
  .object({
    by: z.enum(['volser', 'category', 'mc', 'owner', 'level', 'size', 'mounted', 'consistent']),
    dir: z.enum(['asc', 'desc']),
  })
  .strict();

export const historyKinds = ['command', 'mount', 'scratch-mount', 'dr-mount', 'recall', 'write', 'demount', 'copy', 'cache-removal', 'category', 'mc', 'export'] as const;

export const volumeRow = z.object({
  volser: z.string(),
  category: z.string(),
  mc: z.string().nullable(),
  owner: z.string().nullable(),
  level: z.number(),
  sizeMB: z.number(),
  mountedOn: z.string().nullable(),
  consistentOn: z.array(z.string()),
});

export const channels = {
  'session.info': {
    request: z.object({}).strict(),
    response: z.object({
      grid: z.string().nullable(),
      time: iso,
      seed: z.number(),
      samples: z.array(z.object({ name: z.string(), title: z.string() })),
      /** the built-in sample the grid was last loaded from, null when a GRID or LOAD replaced it */
      sample: z.string().nullable(),
      persistent: z.boolean(),
      journalLength: z.number(),
      /** the previous run on this database did not stop cleanly: what the restart kept and did */
      previousRun: previousRun.nullable(),
    }),
  },
  'console.execute': {
    request: z.object({ line: z.string().max(4096, 'a console line is at most 4096 characters') }).strict(),
    /** cancelled: work.cancel stopped the line; the command working was undone (the grid and the journal are as before it) */
    response: z.object({ records: z.array(record), errors: z.array(lineError), cancelled: z.boolean().optional() }),
  },
  'command.impact': {
    /** what running these lines would throw away, worked out before they run so the console can ask first (nothing runs); from/to: only the commands a runbook.step over [from, to) would run */
    request: z.object({ text: runbookText, from: z.number().int().min(0).optional(), to: z.number().int().min(0).optional() }).strict(),
    response: z.object({
      impacts: z.array(z.object({ line: z.string(), title: z.string(), loses: z.array(z.string()), backup: z.boolean(), undo: z.string().nullable(), confirmLabel: z.string() })),
      /** the grid is kept in a database, so the host can take backups */
      persistent: z.boolean(),
    }),
  },
  'runbook.validate': {
    request: z.object({ text: runbookText }).strict(),
    response: z.object({ errors: z.array(lineError), commands: z.number() }),
  },
  'runbook.step': {
    /** validates the whole text, then runs the commands with index in [from, to) */
    request: z.object({ text: runbookText, from: z.number().int().min(0), to: z.number().int().min(0) }).strict(),
    /** cancelled: work.cancel stopped the step after records.length whole commands */
    response: z.object({ records: z.array(record), errors: z.array(lineError), total: z.number(), cancelled: z.boolean().optional() }),
  },
  'work.cancel': {
    /** stops the running runbook step or console line: before its next command, or undoing the one working in slices (a long PRELOAD); cancelled false when nothing cancellable was running */
    request: z.object({}).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
  'grid.show': {
    request: z.object({ at: iso.optional() }).strict(),
    response: gridView,
  },
  'cluster.show': {
    request: z.object({ cluster: clusterName }).strict(),
    response: clusterDetail,
  },
  'volumes.page': {
    request: z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(500), query: volumeQuery, sort: volumeSort.optional() }).strict(),
    response: z.object({ total: z.number(), rows: z.array(volumeRow) }),
  },
  'volumes.csv': {
    /** one chunk of the CSV of every volume matching query, in sort order: rows [offset, offset+limit); the first chunk has the header line. journalLength pins the grid: a chunk asked after the grid changed is refused (GRID_CHANGED) */
    request: z
      .object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(50_000), query: volumeQuery, sort: volumeSort.optional(), journalLength: z.number().int().min(0) })
      .strict(),
    response: z.object({ total: z.number(), rows: z.number(), text: z.string() }),
  },
  'volume.show': {
    request: z.object({ volser, at: iso.optional() }).strict(),
    /** history, newest first: journal lines naming the volume (kind `command`) and the engine's events for it, in words; historyDropped: engine events of all volumes that gave way to newer ones (the oldest go first) */
    response: z.object({
      volume: volumeDetail,
      history: z.array(z.object({ time: z.string(), command: z.string(), ok: z.boolean(), kind: z.enum(historyKinds).optional() })),
      historyDropped: z.number().optional(),
    }),
  },
  'queues.show': {
    /** at: the queues as they were at a past moment (the history series stays the whole of it) */
    request: z.object({ at: iso.optional() }).strict(),
    response: z.array(
      z.object({
        queue: queueView,
        history: z.array(z.object({ time: z.string(), count: z.number(), bytes: z.number() })),
        volumes: z.array(queuedVolume),
      }),
    ),
  },
  'time.advance': {
    /** a duration such as 10m, or null to run until idle */
    request: z
      .object({
        duration: z
          .string()
          .regex(/^\d+(ms|s|m|h|d)$/i)
          .nullable(),
      })
      .strict(),
    response: record,
  },
  'journal.list': {
    request: z.object({ from: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }).strict(),
    response: z.array(z.object({ seq: z.number(), time: z.string(), endTime: z.string(), text: z.string(), ok: z.boolean() })),
  },
  'dr.families': {
    /** every DR family with its state and readiness at time-zero (or now, before a test) */
    request: z.object({}).strict(),
    /** drMounts: volume mounts by DR hosts during the family's last test, counted as its report counts them */
    response: z.array(
      z.object({
        family: familyView,
        readiness: readinessView,
        drMounts: z.object({ since: z.string().nullable(), until: z.string().nullable(), volumeMounts: z.number(), succeeded: z.number(), failed: z.number(), lines: z.number() }).optional(),
      }),
    ),
  },
  'dr.readiness': {
    request: z.object({ family: familyName, cluster: clusterName.optional() }).strict(),
    response: readinessView,
  },
  'wizard.list': {
    request: z.object({}).strict(),
    /** defaults: the parameters the wizard would use on this grid, for the form to start from */
    response: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        source: z.string(),
        summary: z.string(),
        defaults: wizardParams,
        steps: z.array(z.object({ id: z.string(), phase: z.string(), title: z.string(), why: z.string(), kind: z.string() })),
      }),
    ),
  },
  'wizard.state': { request: z.object({}).strict(), response: wizardState },
  'wizard.start': {
    request: z.object({ wizardId: z.string().max(64), params: wizardParams.partial().optional() }).strict(),
    response: wizardState,
  },
  /** performs the next step; warnings must be acknowledged, errors always refuse */
  'wizard.step': { request: z.object({ acknowledge: z.boolean() }).strict(), response: wizardState },
  'wizard.pause': { request: z.object({}).strict(), response: wizardState },
  'wizard.resume': { request: z.object({}).strict(), response: wizardState },
  'wizard.abandon': { request: z.object({}).strict(), response: wizardState },
  'report.drTest': {
    /** family: a FlashCopy DR family's test; without it, the Redbook §11.10 procedure in progress or last run */
    request: z.object({ family: familyName.optional(), drHost: clusterName, format: z.enum(['html', 'pdf']) }).strict(),
    response: z.object({ name: z.string(), mime: z.string(), text: z.string().optional(), base64: z.string().optional() }),
  },
  'file.save': {
    /** desktop only: a native Save dialog, then the text is written; path null when cancelled (web mode downloads instead); encoding base64: the text is binary (a PDF), written as its bytes */
    request: z
      .object({
        kind: z.enum(['runbook', 'report', 'exportset']),
        name: z.string().max(255),
        text: z.string().max(MAX_TEXT_BYTES, 'text larger than 7 MB'),
        encoding: z.enum(['utf8', 'base64']).optional(),
      })
      .strict(),
    response: z.object({ path: z.string().nullable() }),
  },
  ...exportChannels,
  ...backupChannels,
  ...dasdChannels,
  ...reportChannels,
  ...policyChannels,
  ...workloadChannels,
  ...yourGridChannels,
  ...languageChannels,
} as const;

export const events = {
  /** the grid changed: views refetch what they show */
  'engine.changed': z.object({ time: iso, journalLength: z.number() }),
  /** console messages raised, in order */
  'engine.messages': z.object({ messages: z.array(message) }),
  /** a long operation's progress */
  'engine.progress': z.object({
    label: z.string(),
    done: z.number(),
    total: z.number(),
    /** work.cancel stops it between two whole commands, or undoes the one working: nothing is left half-applied in the grid or the journal */
    cancellable: z.boolean().optional(),
    /** what done and total count when it is not items (MB of a checkpoint) */
    unit: z.string().optional(),
    /** why this work has no Cancel, in words for the bar (a checkpoint is saved whole or not at all) */
    notCancellable: z.string().optional(),
  }),
  /** desktop only: a menu item the console acts on (save the runbook, save a report, ask for a duration) */
  'app.menu': z.object({ action: z.enum(['save-runbook', 'save-report', 'advance-time']) }),
  /** desktop only: File > Open runbook read a file for the editor */
  'runbook.opened': z.object({ name: z.string(), text: runbookText }),
  /** the DR-test wizard run changed (started, stepped, paused, resumed, abandoned): every window shows the same run */
  'wizard.changed': wizardState,
} as const;

export type Channel = keyof typeof channels;
export type EventName = keyof typeof events;
export type Request<C extends Channel> = z.infer<(typeof channels)[C]['request']>;
export type Response<C extends Channel> = z.infer<(typeof channels)[C]['response']>;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export type RunRecordDto = z.infer<typeof record>;
export type LineErrorDto = z.infer<typeof lineError>;
export type VolumeQuery = z.infer<typeof volumeQuery>;
export type VolumeRow = z.infer<typeof volumeRow>;
export type VolumeSort = z.infer<typeof volumeSort>;
export type WizardStateDto = z.infer<typeof wizardState>;

/** Field path and message of the first problem, e.g. `query.category: 4 hex digits`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = issue.path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
  return `${path || '(payload)'}: ${issue.message}`;
}

export const MAX_PAYLOAD_BYTES = 8 * 2 ** 20;
