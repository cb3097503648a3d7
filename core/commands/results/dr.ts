// The results of the DR families commands, one schema each: every result a committed runbook or a
// test produced parses with its command's schema (core/commands/results.test.ts). Strict objects, so a
// field added or renamed fails until the schema says so; keyed maps (per cluster, per code) are records.

import { z } from 'zod';

export const DR_RESULTS = {
  DRSETUP: z.strictObject({
    name: z.string(),
    clusters: z.array(z.string()),
    timeZero: z.string().nullable(),
    flash: z.string(),
    writeProtect: z.string(),
    liveCopy: z.string(),
    snapshotClusters: z.array(z.string()),
    metadataSnapshots: z.number(),
    volumesAtTimeZero: z.number().nullable(),
    drMounts: z.array(z.unknown()),
    warning: z.string().optional(),
  }),
};
