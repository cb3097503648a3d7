// The results of the Host DASD: copy versions and remote copy commands, one schema each: every result a committed runbook or a
// test produced parses with its command's schema (core/commands/results.test.ts). Strict objects, so a
// field added or renamed fails until the schema says so; keyed maps (per cluster, per code) are records.

import { z } from 'zod';

export const DASD_COPIES_RESULTS = {
  SOURCEPOOL: z.strictObject({
    pool: z.string(),
    volumes: z.array(z.string()),
    action: z.string().optional(),
    volume: z.string().optional(),
    prePairingRecordsUpdated: z.array(z.unknown()).optional(),
  }),
  TARGETPOOL: z.strictObject({
    pool: z.string(),
    for: z.string(),
    volumes: z.array(z.string()),
    version: z.number(),
  }),
  PREPAIR: z.strictObject({
    pool: z.string(),
    version: z.number(),
    record: z.string(),
    targetPool: z.string(),
    pairs: z.array(
      z.strictObject({
        source: z.string(),
        target: z.string(),
      }),
    ),
    prePairingRecords: z.array(
      z.strictObject({
        version: z.number(),
        targetPool: z.string(),
        pairs: z.array(
          z.strictObject({
            source: z.string(),
            target: z.string(),
          }),
        ),
      }),
    ),
    notifications: z.array(z.unknown()),
  }),
  BACKUP: z.strictObject({
    pool: z.string(),
    version: z.number(),
    time: z.string(),
    targetPool: z.string(),
    preCopyRecord: z.string(),
    pairs: z.array(
      z.strictObject({
        source: z.string(),
        target: z.string(),
      }),
    ),
    technologies: z.record(z.string(), z.string()),
    brokenPairs: z.array(
      z.strictObject({
        source: z.string(),
        target: z.string(),
      }),
    ),
    addedSources: z.array(z.string()),
    unpaired: z.array(z.string()),
    replacedVersion: z.number().nullable(),
    copySeconds: z.number(),
    notifications: z.array(z.string()),
  }),
  REMOTECOPY: z.strictObject({
    primary: z.string(),
    secondary: z.string(),
    state: z.string(),
    stage: z.string(),
    stagesDone: z.number(),
    stages: z.number(),
    establishedAt: z.string(),
    grainBytes: z.number(),
    totalGrains: z.number(),
    dirtyGrains: z.number(),
    linkBytesPerSec: z.number(),
    media: z.null(),
    uploaded: z.boolean(),
    lastSync: z.null(),
  }),
  FLASHCOPY: z.strictObject({
    media: z.string(),
    from: z.string(),
    site: z.string(),
    takenAt: z.string(),
    blocks: z.number(),
    digest: z.string(),
  }),
  SHIP: z.strictObject({
    media: z.string(),
    from: z.string(),
    to: z.string(),
    shippedAt: z.string(),
  }),
  UPLOAD: z.strictObject({
    media: z.string(),
    dasd: z.string(),
    blocks: z.number(),
    takenAt: z.string(),
    digest: z.string(),
  }),
  SYNC: z.strictObject({
    primary: z.string(),
    secondary: z.string(),
    seeded: z.boolean(),
    dirtyGrains: z.number(),
    totalGrains: z.number(),
    bytesSent: z.number(),
    bytesFullSync: z.number(),
    bytesSaved: z.number(),
    seconds: z.number(),
    fullSyncSeconds: z.number(),
    secondsSaved: z.number(),
    identical: z.boolean(),
  }),
};
