// Copy Export and Copy Export Recovery over the contract (Redbook §11.5–11.7, spec §8): the Copy
// Export view's overview and planner, the Recovery wizard's stand-alone libraries with their status
// window, and the export-set files of an offline recovery rehearsal. Actions are runbook lines issued
// through console.execute, so they show in the Console; these channels only read, or move files.
// contract/api.ts spreads these channels into its one table.

import { z } from 'zod';

const clusterName = z.string().regex(/^[A-Za-z0-9_.$@#-]{1,32}$/);
const volser = z.string().regex(/^[A-Z0-9]{1,6}$/, '1-6 characters A-Z 0-9');
/** A name on the export-set shelf: what SAVE EXPORTSET and LOAD EXPORTSET lines name. */
export const exportSetName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, '1-64 letters, digits or ._- (starting with a letter or digit)');
/** An uploaded export set: the web console's file input, read in the page and sent as text. */
export const MAX_EXPORTSET_BYTES = 7 * 2 ** 20;

const pool = z.object({
  pool: z.number(),
  media: z.string(),
  format: z.string(),
  copyExport: z.boolean(),
  reclaimPool: z.number(),
  reclaimThreshold: z.number(),
  encryptKey: z.string().nullable(),
  scratch: z.number(),
  filling: z.number(),
  full: z.number(),
  erase: z.number(),
  ror: z.number(),
  unavailable: z.number(),
  copyExported: z.number(),
  activeMB: z.number(),
  logicalVolumes: z.number(),
});

const stackedVolume = z.object({
  pvol: z.string(),
  pool: z.number(),
  media: z.string(),
  format: z.string(),
  state: z.string(),
  location: z.string(),
  activeMB: z.number(),
  utilization: z.number(),
  logicalVolumes: z.number(),
  exported: z.string().nullable(),
  dbBackup: z.boolean(),
});

const exportRun = z.object({
  /** the run's number: export.status reads this run's status file, not the list volume's latest */
  id: z.number(),
  listVolser: z.string(),
  library: z.string(),
  pool: z.number(),
  option: z.enum(['EJECT', 'HOLD']),
  lmtdbpvl: z.boolean(),
  state: z.string(),
  started: z.string(),
  ended: z.string().nullable(),
  requested: z.number(),
  exportable: z.number(),
  exported: z.number(),
  stacked: z.number(),
  mbExported: z.number(),
  mbMoved: z.number(),
  toCopy: z.number(),
  completion: z.string().nullable(),
  stopReason: z.string().nullable(),
});

export const exportOverview = z.object({
  time: z.string(),
  libraries: z.array(
    z.object({
      cluster: clusterName,
      status: z.string(),
      drives: z.number(),
      drivesAvailable: z.number(),
      ioStation: z.object({ present: z.boolean(), full: z.boolean(), held: z.number(), slots: z.number() }),
      copyExportLimit: z.number(),
      copyExported: z.number(),
      pools: z.array(pool),
      stackedVolumes: z.array(stackedVolume),
      stackedVolumesTotal: z.number(),
      /** copy-exported cartridges out of the library: what SAVE EXPORTSET writes */
      ejectedCopyExported: z.number(),
    }),
  ),
  exportLists: z.array(z.object({ volser: z.string(), library: z.string(), pool: z.number(), option: z.enum(['EJECT', 'HOLD']), lmtdbpvl: z.boolean(), written: z.string(), runs: z.number() })),
  /** newest first */
  exports: z.array(exportRun),
  activeExport: z.string().nullable(),
  insertInProgress: z.boolean(),
});

export const exportPlan = z.object({
  cluster: z.string(),
  pool: z.number(),
  /** §11.6.5 statistics the export would report, before it runs */
  requested: z.number(),
  exportable: z.number(),
  mounted: z.number(),
  invalid: z.number(),
  toCopyFromCache: z.number(),
  mbToExport: z.number(),
  mbToCopy: z.number(),
  stackedVolumes: z.object({ existing: z.number(), new: z.number(), total: z.number() }),
  scratch: z.object({ needed: z.number(), available: z.number(), short: z.number() }),
  copyExported: z.object({ now: z.number(), after: z.number(), limit: z.number() }),
  seconds: z.object({ copy: z.number(), databaseBackup: z.number(), eject: z.number(), total: z.number() }),
  /** what LIBRARY EXPORT would refuse, or warn about, with the Redbook paragraph */
  checks: z.array(z.object({ level: z.enum(['error', 'warning']), code: z.string(), message: z.string(), source: z.string() })),
  /** the planner that made it (core/rules/copy-export/overview.ts) */
  planner: z.string(),
});

/** A cartridge in a stand-alone library: the copy-exported ones loaded for recovery (Redbook §11.7.2 step 6). */
const loadedVolume = z.object({ pvol: z.string(), pool: z.number(), state: z.string(), source: z.string().nullable(), dbBackup: z.boolean(), databaseTime: z.string().nullable(), exported: z.string().nullable(), logicalVolumes: z.number() });

export const exportSetEntry = z.object({
  name: exportSetName,
  bytes: z.number(),
  sha256: z.string(),
  library: z.string(),
  grid: z.string().nullable(),
  savedAt: z.string(),
  stackedVolumes: z.number(),
  databases: z.number(),
  /** where it came from: written by SAVE EXPORTSET here, uploaded, or opened from a file */
  origin: z.enum(['saved', 'uploaded', 'opened']),
});

export const exportChannels = {
  'export.overview': { request: z.object({}).strict(), response: exportOverview },
  /** the planner: what an export of this pool would take, before you export */
  'export.plan': { request: z.object({ cluster: clusterName, pool: z.number().int().min(1).max(32), lmtdbpvl: z.boolean().optional() }).strict(), response: exportPlan },
  /** SHOW EXPORTSTATUS without the Console: the export status file of a list volume */
  'export.status': { request: z.object({ volser, limit: z.number().int().min(1).max(5000).optional(), run: z.number().int().min(0).optional() }).strict(), response: z.unknown() },
  /** every stand-alone library with its Copy Export Recovery Status window (SHOW CLUSTER + SHOW RECOVERY) */
  'recovery.status': { request: z.object({}).strict(), response: z.array(z.object({ library: z.unknown(), recovery: z.unknown(), stackedVolumes: z.array(loadedVolume) })) },
  'exportset.list': { request: z.object({}).strict(), response: z.array(exportSetEntry) },
  /** the text of an export set on the shelf, to download or save */
  'exportset.read': { request: z.object({ name: exportSetName }).strict(), response: z.object({ name: exportSetName, text: z.string() }) },
  /** web mode: an export-set file's contents, checked completely before it is kept */
  'exportset.upload': {
    request: z.object({ name: exportSetName, text: z.string().max(MAX_EXPORTSET_BYTES, `export set larger than ${MAX_EXPORTSET_BYTES / 2 ** 20} MB`) }).strict(),
    response: exportSetEntry,
  },
  /** desktop only: a native Open dialog; null when cancelled */
  'exportset.open': { request: z.object({}).strict(), response: exportSetEntry.nullable() },
} as const;

export type ExportOverviewDto = z.infer<typeof exportOverview>;
export type ExportPlanDto = z.infer<typeof exportPlan>;
export type ExportSetEntryDto = z.infer<typeof exportSetEntry>;
