// The results of the Failures, ownership and service commands, one schema each: every result a committed runbook or a
// test produced parses with its command's schema (core/commands/results.test.ts). Strict objects, so a
// field added or renamed fails until the schema says so; keyed maps (per cluster, per code) are records.

import { z } from 'zod';
import { GRID_VIEW } from './shapes.js';

export const FAILURES_RESULTS = {
  /** the grid as SHOW GRID shows it, or for a host link the host, the cluster and the paths left */
  FAIL: GRID_VIEW.partial().extend({
    host: z.string().optional(),
    cluster: z.string().optional(),
    pathsLeft: z.number().optional(),
  }),
  REPAIR: GRID_VIEW,
  SERVICE: z.strictObject({
    cluster: z.string(),
    status: z.string(),
  }),
  TAKEOVER: z.strictObject({
    survivor: z.string(),
    failed: z.string(),
    mode: z.string(),
  }),
  AOTM: z.strictObject({
    cluster: z.string(),
    enabled: z.boolean(),
    mode: z.string(),
    grace: z.string(),
  }),
  WRITEPROTECT: z.strictObject({
    cluster: z.string(),
    writeProtect: z.boolean(),
    ignoreFastReady: z.boolean(),
  }),
  EXCLUDE: z.array(z.string()),
  DRIVES: z.strictObject({
    cluster: z.string().optional(),
    drives: z.number(),
    available: z.number(),
    type: z.string().optional(),
    library: z.string().optional(),
    formats: z.array(z.string()).optional(),
  }),
  ADVANCE: z.strictObject({
    from: z.string(),
    to: z.string(),
    idle: z.boolean().optional(),
    blockedCopies: z.number().optional(),
  }),
};
