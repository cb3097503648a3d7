// Result shapes more than one command gives: a command that defines or changes a thing answers with
// the same view of it as the SHOW command of that thing, so both declare the one schema here.

import { z } from 'zod';

/** POOL and SHOW POOL: a physical volume pool with its stacked volumes */
export const POOL_VIEW = z.strictObject({
  library: z.string(),
  pool: z.number(),
  media: z.string(),
  format: z.string(),
  copyExport: z.boolean(),
  reclaimPool: z.number(),
  reclaimThreshold: z.number(),
  encryptKey: z.string().nullable(),
  scratch: z.number(),
  empty: z.number(),
  filling: z.number(),
  full: z.number(),
  erase: z.number(),
  ror: z.number(),
  unavailable: z.number(),
  copyExported: z.number(),
  activeMB: z.number(),
  logicalVolumes: z.number(),
  stackedVolumes: z.array(
    z.strictObject({
      pvol: z.string(),
      state: z.string(),
      location: z.string(),
      activeMB: z.number(),
      utilization: z.number(),
      logicalVolumes: z.number(),
    }),
  ),
  stackedVolumesTotal: z.number(),
});

/** DASD and SHOW DASD: a host DASD volume (role: what a replication made of it, null when none) */
export const DASD_VIEW = z.strictObject({
  name: z.string(),
  site: z.string(),
  sizeBytes: z.number(),
  blocks: z.number(),
  type: z.string(),
  tech: z.string(),
  writtenBlocks: z.number(),
  role: z.string().nullable(),
});

/** SHOW GRID and REPAIR: the grid's clusters and states */
export const GRID_VIEW = z.strictObject({
  name: z.string().nullable(),
  time: z.string(),
  states: z.array(z.string()),
  clusters: z.record(
    z.string(),
    z.strictObject({
      status: z.string(),
      states: z.array(z.string()),
      takeover: z.record(z.string(), z.string()),
      writeProtect: z.boolean(),
      owned: z.number(),
      site: z.string(),
      model: z.string(),
    }),
  ),
  volumes: z.number(),
});

/** JOB WRITE and JOB READ: what a batch job asked for and what came of it */
export const JOB_COUNTS = z.strictObject({
  requested: z.number(),
  succeeded: z.number(),
  failed: z.number(),
  volsers: z.array(z.string()),
  failures: z.record(z.string(), z.number()),
});

/** SHOW DRFAMILY and DRSETUP: a DR family */
export const DR_FAMILY_VIEW = z.strictObject({
  name: z.string(),
  clusters: z.array(z.string()),
  timeZero: z.string().nullable(),
  flash: z.string(),
  writeProtect: z.string(),
  liveCopy: z.string(),
  snapshotClusters: z.array(z.string()),
  metadataSnapshots: z.number(),
  volumesAtTimeZero: z.number().nullable(),
  drMounts: z.array(z.string()),
});
