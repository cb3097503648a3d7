// The results of the Copy Export Recovery commands, one schema each: every result a committed runbook or a
// test produced parses with its command's schema (core/commands/results.test.ts). Strict objects, so a
// field added or renamed fails until the schema says so; keyed maps (per cluster, per code) are records.

import { z } from 'zod';

export const RECOVERY_RESULTS = {
  STANDALONE: z.strictObject({
    name: z.string(),
    model: z.string(),
    standalone: z.boolean(),
    cluster: z.number(),
    drives: z.number(),
    drivesAvailable: z.number(),
    formats: z.array(z.string()),
    code: z.string(),
    keys: z.array(z.string()),
    slots: z.number(),
    slotsUsed: z.number(),
    volumes: z.number(),
    empty: z.boolean(),
    stackedVolumes: z.number(),
    copyExportedVolumes: z.number(),
    testMode: z.null(),
    job: z.null(),
    partition: z.array(z.string()),
  }),
  TRANSPORT: z.strictObject({
    library: z.string(),
    loaded: z.number(),
    pvols: z.array(z.string()),
    skipped: z.array(z.unknown()),
    from: z.string(),
  }),
  SAVE_EXPORTSET: z.strictObject({
    file: z.string(),
    library: z.string().optional(),
    pvols: z.array(z.string()).optional(),
    databases: z.number().optional(),
    logicalVolumes: z.number().optional(),
    bytes: z.number().optional(),
    sha256: z.string().optional(),
    skipped: z.string().optional(),
  }),
  LOAD_EXPORTSET: z.strictObject({
    library: z.string(),
    loaded: z.number(),
    pvols: z.array(z.string()),
    skipped: z.array(
      z.strictObject({
        pvol: z.string(),
        reason: z.string(),
      }),
    ),
    file: z.string(),
    source: z.string(),
    grid: z.string(),
    savedAt: z.string(),
    databases: z.number(),
  }),
  ERASE: z.strictObject({
    library: z.string(),
    operation: z.string(),
    volumes: z.number(),
    totalSteps: z.number(),
    status: z.string(),
  }),
  RECOVER: z.strictObject({
    library: z.string(),
    operation: z.string(),
    fromPvol: z.string(),
    testMode: z.boolean(),
    database: z.strictObject({
      source: z.string(),
      grid: z.string(),
      time: z.string(),
      exportListVolume: z.string(),
      volumes: z.number(),
    }),
    loaded: z.number(),
    totalSteps: z.number(),
    status: z.string(),
  }),
  RESTART: z.strictObject({
    library: z.string(),
    restarted: z.boolean(),
    exportRecovery: z
      .strictObject({
        listVolser: z.string(),
        state: z.string(),
        interruptedIn: z.string(),
      })
      .nullable(),
  }),
};
