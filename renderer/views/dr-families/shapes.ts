// Shapes of what dr.families and dr.readiness leave open (`z.unknown()` in the contract): SHOW DRFAMILY
// (core/engine/show-family.ts) and the readiness tally (core/rules/readiness.ts). The view reads only
// these fields and parses them, so a changed engine is an error naming the field, not a blank view.

import { z } from 'zod';

export const familyView = z.object({
  name: z.string(),
  clusters: z.array(z.string()),
  timeZero: z.string().nullable(),
  flash: z.enum(['enabled', 'disabled']),
  writeProtect: z.enum(['enabled', 'disabled']),
  liveCopy: z.string(),
  metadataSnapshots: z.number(),
  volumesAtTimeZero: z.number().nullable(),
  drMounts: z.array(z.string()),
});

const tally = z.object({ volumes: z.number(), recoverable: z.number(), lost: z.number() });

export const readinessView = z.object({
  family: z.string(),
  timeZero: z.string().nullable(),
  asOf: z.string(),
  mountCluster: z.string(),
  volumes: z.number(),
  recoverable: z.number(),
  lost: z.number(),
  bySource: z.object({ snapshot: z.record(z.string(), z.number()), backup: z.record(z.string(), z.number()) }),
  byMc: z.record(z.string(), tally),
  byCategory: z.record(z.string(), tally),
  lostVolumes: z.array(z.string()),
});

export type FamilyView = z.infer<typeof familyView>;
export type ReadinessView = z.infer<typeof readinessView>;
export type Tally = z.infer<typeof tally>;
