// The results of the Copy Export commands, one schema each: every result a committed runbook or a
// test produced parses with its command's schema (core/commands/results.test.ts). Strict objects, so a
// field added or renamed fails until the schema says so; keyed maps (per cluster, per code) are records.

import { z } from 'zod';
import { POOL_VIEW } from './shapes.js';

export const COPY_EXPORT_RESULTS = {
  POOL: POOL_VIEW,
  EXPORTLIST: z.strictObject({
    volser: z.string(),
    cluster: z.string(),
    pool: z.number(),
    option: z.string(),
    lmtdbpvl: z.boolean(),
    mc: z.string(),
    host: z.string(),
    level: z.number(),
    copies: z.array(z.string()),
    deferredCopies: z.array(z.unknown()),
    files: z.strictObject({
      exportList: z.array(z.string()),
      reserved: z.array(z.string()),
      status: z.array(z.string()),
    }),
  }),
  LIBRARY_EXPORT: z.strictObject({
    volser: z.string(),
    library: z.string(),
    pool: z.number().optional(),
    state: z.string(),
    requested: z.number().optional(),
    exportable: z.number().optional(),
    invalid: z.number().optional(),
    toCopy: z.number().optional(),
    completing: z.array(z.string()).optional(),
  }),
  COPYEXP: z.strictObject({
    library: z.string(),
    pvol: z.string(),
    deleted: z.boolean(),
  }),
  PDRIVE: z.strictObject({
    library: z.string(),
    request: z.string(),
    drives: z.array(
      z.strictObject({
        serial: z.string(),
        type: z.string(),
        mode: z.string(),
        avail: z.string(),
        role: z.string(),
        pool: z.number().nullable(),
        pvol: z.string().nullable(),
        lvol: z.string().nullable(),
      }),
    ),
    lines: z.array(z.string()),
  }),
  POOLCNT: z.strictObject({
    library: z.string(),
    request: z.string(),
    pools: z.array(
      z.strictObject({
        pool: z.number(),
        media: z.string(),
        empty: z.number(),
        filling: z.number(),
        full: z.number(),
        erase: z.number(),
        ror: z.number(),
        unavailable: z.number(),
        copyExported: z.number(),
      }),
    ),
    lines: z.array(z.string()),
  }),
  SETTING: z.strictObject({
    library: z.string(),
    copyExportLimit: z.number(),
  }),
  IOSTATION: z.strictObject({
    library: z.string(),
    ioStation: z.string(),
    removed: z.array(z.string()).optional(),
    movedIn: z.array(z.string()).optional(),
    held: z.number().optional(),
  }),
  EJECT: z.strictObject({
    library: z.string(),
    ejected: z.array(z.string()),
    ioStationHeld: z.number(),
    waitingForRoom: z.number(),
  }),
  RECLAIM: z.strictObject({
    library: z.string(),
    pool: z.number(),
    threshold: z.number(),
    candidates: z.array(
      z.strictObject({
        pvol: z.string(),
        utilization: z.number(),
        state: z.string(),
        location: z.string(),
      }),
    ),
  }),
  PVOL: z.strictObject({
    library: z.string(),
    pvol: z.string(),
    pool: z.number(),
    media: z.string(),
    format: z.string(),
    state: z.string(),
    location: z.string(),
    capacityMB: z.number(),
    writtenMB: z.number(),
    activeMB: z.number(),
    utilization: z.number(),
    logicalVolumes: z.number(),
    primaryCopies: z.number(),
    encrypted: z.boolean(),
    keyLabel: z.null(),
    locked: z.boolean(),
    exported: z.null(),
    dbBackup: z.boolean(),
    reclaimed: z.boolean(),
    source: z.null(),
  }),
};
