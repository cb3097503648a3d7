// Host DASD over the contract (spec §9; seeds 001-003): the Host DASD view's overview — replication
// sets with journal usage and the reachable time window, image access state, active/active volumes,
// the copy version tables, remote copy seeding progress — and one replica's journal. Actions (IMAGE
// ACCESS, IMAGE ROLL, IMAGE DISABLE, BACKUP, SYNC …) are runbook lines issued through console.execute,
// so they show in the Console and the journal; these channels only read. contract/api.ts spreads them.

import { z } from 'zod';

const name = z.string().regex(/^[A-Za-z0-9_.$@#-]{1,32}$/, '1-32 letters, digits or _.$@#-');
const pair = z.object({ source: z.string(), target: z.string() });
const stream = z.object({ segments: z.number(), bytes: z.number(), records: z.number() });

export const dasdVolume = z.object({
  name: z.string(),
  site: z.string(),
  sizeBytes: z.number(),
  blocks: z.number(),
  type: z.string(),
  tech: z.enum(['FLASHCOPY', 'SNAPSHOT', 'COPY']),
  writtenBlocks: z.number(),
  role: z.string().nullable(),
});

export const dasdJournal = z.object({
  replica: z.string(),
  source: z.string(),
  mode: z.enum(['SYNC', 'ASYNC', 'SNAPSHOT']),
  segmentBytes: z.number(),
  segments: z.number(),
  usedSegments: z.number(),
  freeSegments: z.number(),
  usedPercent: z.number(),
  /** DO, DO METADATA, UNDO, UNDO METADATA, ACCESS LOG (seed 001 FIG. 2) */
  streams: z.record(z.string(), stream),
  /** the reachable window: any point in time between these can be accessed */
  earliestPointInTime: z.string(),
  latestPointInTime: z.string(),
  earliestSeq: z.number(),
  latestSeq: z.number(),
  appliedSeq: z.number(),
  releasedTransactions: z.number(),
  historyTransactions: z.number(),
  pendingDistribution: z.number(),
  deltaMarking: z.object({ transactions: z.number(), blocks: z.number() }),
  distribution: z.enum(['running', 'paused']),
  blocked: z.boolean(),
  imageAccess: z.object({ mode: z.enum(['virtual', 'logged']), pointInTime: z.string(), seq: z.number(), rolling: z.boolean(), readyAt: z.string().nullable(), enabledAt: z.string() }).nullable(),
  bookmarks: z.array(z.object({ name: z.string(), time: z.string(), seq: z.number(), reachable: z.boolean() })),
  stats: z.object({ transactions: z.number(), bytesSent: z.number(), snapshots: z.number(), writesAggregated: z.number(), failovers: z.number() }),
});

const distributed = z.object({
  dasd: z.string(),
  sites: z.array(z.string()),
  changeSetSeconds: z.number(),
  openWrites: z.number(),
  pendingChangeSets: z.number(),
  flushedChangeSets: z.number(),
  quiesces: z.number(),
  latestPointInTime: z.string(),
  fractured: z.boolean(),
  rolledTo: z.string().nullable(),
  /** the site whose IO is stopped while fractured: the one rolled to a point in time */
  stoppedSite: z.string().nullable(),
  journals: z.array(z.object({ site: z.string(), usedSegments: z.number(), segments: z.number(), undoRecords: z.number(), redoRecords: z.number() })),
  now: z.string(),
});

const record = z.object({ version: z.number(), record: z.enum(['RR', 'PPR']), pairs: z.array(pair) });

/** SHOW VERSIONS (spec §10) plus the chronology of seed 002 Appendix A (before and after each copy). */
export const dasdVersions = z.object({
  pool: z.string(),
  versions: z.array(record.extend({ time: z.string(), targetPool: z.string() })),
  notifications: z.array(z.string()),
  chronology: z.array(z.object({ label: z.string(), time: z.string(), records: z.array(record) })),
  sourceVolumes: z.array(z.string()),
  targetPools: z.array(z.object({ name: z.string(), volumes: z.array(z.string()) })),
});

const remoteCopy = z.object({
  primary: z.string(),
  secondary: z.string(),
  state: z.enum(['established-offline', 'synchronizing', 'synchronized']),
  /** seeding progress (seed 003 FIG. 3) */
  stage: z.enum(['established', 'flash-copied', 'shipped', 'uploaded', 'synchronized']),
  stagesDone: z.number(),
  stages: z.number(),
  establishedAt: z.string(),
  grainBytes: z.number(),
  totalGrains: z.number(),
  dirtyGrains: z.number(),
  linkBytesPerSec: z.number(),
  media: z.object({ name: z.string(), site: z.string(), takenAt: z.string(), shipped: z.boolean() }).nullable(),
  uploaded: z.boolean(),
  lastSync: z.object({ dirtyGrains: z.number(), bytesSent: z.number(), bytesFullSync: z.number(), seconds: z.number(), fullSyncSeconds: z.number() }).nullable(),
});

export const dasdOverview = z.object({
  time: z.string(),
  volumes: z.array(dasdVolume),
  replications: z.array(dasdJournal),
  distributed: z.array(distributed),
  versions: z.array(dasdVersions),
  remoteCopies: z.array(remoteCopy),
  media: z.array(z.object({ name: z.string(), from: z.string(), site: z.string(), takenAt: z.string(), shippedAt: z.string().nullable() })),
});

export const dasdChannels = {
  /** everything the Host DASD view shows */
  'dasd.overview': { request: z.object({}).strict(), response: dasdOverview },
  /** one replica's journal: streams, segments, the reachable window, image access, bookmarks */
  'dasd.journal': { request: z.object({ replica: name }).strict(), response: dasdJournal },
} as const;

export type DasdOverviewDto = z.infer<typeof dasdOverview>;
export type DasdJournalDto = z.infer<typeof dasdJournal>;
