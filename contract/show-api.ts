// The SHOW answers the console's views read over the contract (spec §10 and the fields the engine adds):
// SHOW GRID with the Topology's sites, hosts and links, SHOW CLUSTER, SHOW VOLUME, SHOW QUEUE, SHOW
// DRFAMILY and the DR readiness tally. The engine builds them (core/engine/show.ts, show-family.ts,
// core/rules/readiness.ts); services/show-contract.test.ts parses its real output with these strict
// schemas, so a field added or renamed on either side fails there and never reaches a view unannounced.

import { z } from 'zod';

const takeover = z.record(z.string(), z.string());

export const clusterSummary = z
  .object({
    status: z.string(),
    states: z.array(z.string()),
    takeover,
    writeProtect: z.boolean(),
    owned: z.number(),
    site: z.string(),
    model: z.string(),
  })
  .strict();

const hostDevice = z.object({ online: z.boolean(), paths: z.number(), failedPaths: z.number() }).strict();

export const hostView = z
  .object({
    name: z.string(),
    site: z.string(),
    role: z.enum(['PRODUCTION', 'DR']),
    failed: z.boolean(),
    /** per cluster name: its virtual devices as this host sees them */
    devices: z.record(z.string(), hostDevice),
  })
  .strict();

const gridLink = z.object({ a: z.string(), b: z.string(), count: z.number(), failed: z.number(), gbps: z.number() }).strict();

/** SHOW GRID (spec §10) and, beside it, what the Topology diagram draws: sites, hosts and every grid link. */
export const gridView = z
  .object({
    name: z.string().nullable(),
    time: z.string(),
    states: z.array(z.string()),
    clusters: z.record(z.string(), clusterSummary),
    volumes: z.number(),
    sites: z.array(z.object({ id: z.string(), failed: z.boolean() }).strict()),
    hosts: z.array(hostView),
    links: z.array(gridLink),
  })
  .strict();

export const clusterDetail = z
  .object({
    name: z.string(),
    index: z.number(),
    site: z.string(),
    model: z.string(),
    status: z.string(),
    code: z.string(),
    states: z.array(z.string()),
    cacheMB: z.number(),
    cacheUsedMB: z.number(),
    cacheUsedPercent: z.number(),
    drives: z.number(),
    drivesAvailable: z.number(),
    ioStation: z.boolean(),
    tssc: z.string(),
    aotm: z.object({ enabled: z.boolean(), mode: z.string(), grace: z.string() }).strict(),
    takeover,
    writeProtect: z.boolean(),
    ignoreFastReady: z.boolean(),
    excludedCategories: z.array(z.string()),
    owned: z.number(),
    /** per peer cluster name: the grid links between the two */
    links: z.record(z.string(), z.object({ count: z.number(), failed: z.number(), gbps: z.number() }).strict()),
    premigrationBacklog: z.number(),
  })
  .strict();

/** SHOW VOLUME: the row fields of a volume page, with its copies per cluster name. */
export const volumeDetail = z
  .object({
    volser: z.string(),
    category: z.string(),
    mc: z.string().nullable(),
    owner: z.string().nullable(),
    level: z.number(),
    sizeMB: z.number(),
    mountedOn: z.string().nullable(),
    copies: z.record(z.string(), z.object({ level: z.number(), consistent: z.boolean(), inCache: z.boolean(), premigrated: z.boolean() }).strict()),
    created: z.string(),
    lastAccess: z.string(),
  })
  .strict();

/** The copy types in the engine's order (core/rules/copy-queues.ts COPY_TYPES). */
export const COPY_TYPES = ['immediate', 'synchronous-deferred', 'immediate-deferred', 'deferred', 'family-deferred'] as const;

const typeStats = z.object({ count: z.number(), bytes: z.number(), inFlight: z.number(), completed: z.number(), drainMBps: z.number() }).strict();

/** SHOW QUEUE: one target cluster's copy queue, in total and per copy type. */
export const queueView = z
  .object({
    cluster: z.string(),
    count: z.number(),
    bytes: z.number(),
    oldest: z.string().nullable(),
    inFlight: z.number(),
    /** per copy type (COPY_TYPES), every one present */
    byType: z.record(z.string(), typeStats),
  })
  .strict();

export const queuedVolume = z.object({ volser: z.string(), type: z.string(), sizeMB: z.number(), enqueued: z.string(), inFlight: z.boolean(), source: z.string().nullable() }).strict();

/** SHOW DRFAMILY (spec §10). */
export const familyView = z
  .object({
    name: z.string(),
    clusters: z.array(z.string()),
    timeZero: z.string().nullable(),
    /** enabled or disabled */
    flash: z.string(),
    writeProtect: z.string(),
    liveCopy: z.string(),
    /** members that hold time-zero snapshots: the flash-capable (MODEL DISK) ones */
    snapshotClusters: z.array(z.string()),
    metadataSnapshots: z.number(),
    volumesAtTimeZero: z.number().nullable(),
    drMounts: z.array(z.string()),
  })
  .strict();

const tally = z.object({ volumes: z.number(), recoverable: z.number(), lost: z.number() }).strict();

/** What a DR host mount would find at time-zero, per volume tallied (core/rules/readiness.ts). */
export const readinessView = z
  .object({
    family: z.string(),
    timeZero: z.string().nullable(),
    asOf: z.string(),
    mountCluster: z.string(),
    volumes: z.number(),
    recoverable: z.number(),
    lost: z.number(),
    bySource: z.object({ snapshot: z.record(z.string(), z.number()), backup: z.record(z.string(), z.number()) }).strict(),
    byMc: z.record(z.string(), tally),
    byCategory: z.record(z.string(), tally),
    lostVolumes: z.array(z.string()),
  })
  .strict();

export type GridView = z.infer<typeof gridView>;
export type ClusterSummary = z.infer<typeof clusterSummary>;
export type HostView = z.infer<typeof hostView>;
export type ClusterDetail = z.infer<typeof clusterDetail>;
export type VolumeDetail = z.infer<typeof volumeDetail>;
export type QueueView = z.infer<typeof queueView>;
export type CopyType = (typeof COPY_TYPES)[number];
export type FamilyView = z.infer<typeof familyView>;
export type ReadinessView = z.infer<typeof readinessView>;
export type Tally = z.infer<typeof tally>;
