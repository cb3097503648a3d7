// The results of the Tape I/O commands, one schema each: every result a committed runbook or a
// test produced parses with its command's schema (core/commands/results.test.ts). Strict objects, so a
// field added or renamed fails until the schema says so; keyed maps (per cluster, per code) are records.

import { z } from 'zod';
import { JOB_COUNTS } from './shapes.js';

export const TAPE_IO_RESULTS = {
  MOUNT: z.strictObject({
    volser: z.string(),
    mountCluster: z.string(),
    tvcCluster: z.string(),
    source: z.string(),
    sourceCluster: z.string(),
    readOnly: z.boolean(),
    recallSeconds: z.number().optional(),
    fastReady: z.boolean().optional(),
    gridLink: z.number().optional(),
    mc: z.string().optional(),
  }),
  WRITE: z.strictObject({
    volser: z.string(),
    bytes: z.number(),
    tvcCluster: z.string(),
  }),
  READ: z.strictObject({
    volser: z.string(),
    level: z.number(),
    sizeMB: z.number(),
    tvcCluster: z.string(),
    source: z.string().optional(),
    blank: z.boolean().optional(),
  }),
  DEMOUNT: z.strictObject({
    volser: z.string(),
    level: z.number(),
    tvcCluster: z.string(),
    runCopies: z.array(z.string()),
    deferredCopies: z.array(z.string()),
    waitedSeconds: z.number(),
  }),
  JOB_WRITE: JOB_COUNTS,
  JOB_READ: JOB_COUNTS,
  RETURN: z.strictObject({
    requested: z.number(),
    returned: z.number(),
    failed: z.number(),
    failures: z.record(z.string(), z.number()),
  }),
  CHANGE: z.strictObject({
    volser: z.string(),
    category: z.string(),
    mc: z.string().nullable(),
    owner: z.string(),
    level: z.number(),
    sizeMB: z.number(),
    mountedOn: z.null(),
    copies: z.record(
      z.string(),
      z.strictObject({
        level: z.number(),
        consistent: z.boolean(),
        inCache: z.boolean(),
        premigrated: z.boolean(),
      }),
    ),
    created: z.string(),
    lastAccess: z.string(),
  }),
};
