// The results of the Setup and topology commands, one schema each: every result a committed runbook or a
// test produced parses with its command's schema (core/commands/results.test.ts). Strict objects, so a
// field added or renamed fails until the schema says so; keyed maps (per cluster, per code) are records.

import { z } from 'zod';
import { SHOW_RESULTS } from './show.js';

export const SETUP_RESULTS = {
  SEED: z.strictObject({
    seed: z.number(),
  }),
  CLOCK: z.strictObject({ time: z.string() }),
  GRID: z.strictObject({
    name: z.string(),
  }),
  SAMPLE: SHOW_RESULTS.SHOW_GRID,
  LOAD: SHOW_RESULTS.SHOW_GRID,
  SITE: z.strictObject({
    site: z.string(),
  }),
  CLUSTER: z.strictObject({
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
    aotm: z.strictObject({
      enabled: z.boolean(),
      mode: z.string(),
      grace: z.string(),
    }),
    takeover: z.record(z.string(), z.unknown()),
    writeProtect: z.boolean(),
    ignoreFastReady: z.boolean(),
    excludedCategories: z.array(z.unknown()),
    owned: z.number(),
    links: z.record(
      z.string(),
      z.strictObject({
        count: z.number(),
        failed: z.number(),
        gbps: z.number(),
      }),
    ),
    premigrationBacklog: z.number(),
  }),
  LINK: z.record(
    z.string(),
    z.strictObject({
      count: z.number(),
      failed: z.number(),
      gbps: z.number(),
    }),
  ),
  HOST: z.strictObject({
    host: z.string(),
    devices: z.array(z.string()),
  }),
  DEVSUP: z.strictObject({
    host: z.string(),
    scratch: z.string(),
    private: z.string(),
    error: z.string(),
  }),
  VARY: z.strictObject({
    host: z.string(),
    cluster: z.string(),
    online: z.boolean(),
  }),
  MC: z.strictObject({
    mc: z.string(),
    modes: z.string(),
    preference: z.string(),
  }),
  CATEGORY: z.strictObject({
    category: z.string(),
    scratch: z.boolean(),
  }),
  INSERT: z.strictObject({
    inserted: z.number(),
  }),
  PRELOAD: z.strictObject({
    preloaded: z.number(),
    library: z.string().optional(),
  }),
  IMPORT_INVENTORY: z.strictObject({
    imported: z.number(),
    copies: z.record(z.string(), z.number()),
  }),
};
