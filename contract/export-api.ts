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
const loadedVolume = z.object({
  pvol: z.string(),
  pool: z.number(),
  state: z.string(),
  source: z.string().nullable(),
  dbBackup: z.boolean(),
  databaseTime: z.string().nullable(),
  exported: z.string().nullable(),
  logicalVolumes: z.number(),
});

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

const exportVolumeStatus = z.object({ exported: z.boolean(), pvol: z.string().nullable(), reason: z.string(), code: z.string() }).strict();

/** SHOW EXPORTSTATUS (spec §10): one export run of a list volume, with its status file (Redbook §11.5). */
export const exportStatus = z
  .object({
    volser: z.string(),
    library: z.string().nullable(),
    pool: z.number(),
    /** EJECT or HOLD */
    option: z.string(),
    lmtdbpvl: z.boolean(),
    state: z.string(),
    started: z.string().nullable(),
    ended: z.string().nullable(),
    requested: z.number(),
    exportable: z.number(),
    exported: z.number(),
    stacked: z.number(),
    mbExported: z.number(),
    mbMoved: z.number(),
    invalid: z.number(),
    mounted: z.number(),
    toCopy: z.number(),
    completion: z.string().nullable(),
    stopReason: z.string().nullable(),
    /** per logical volume of the run, the first `limit` of them */
    volumes: z.record(z.string(), exportVolumeStatus),
    volumesListed: z.number(),
    volumesTotal: z.number(),
    stackedVolumes: z.array(
      z
        .object({
          pvol: z.string(),
          pool: z.number(),
          format: z.string(),
          media: z.string(),
          mbWritten: z.number(),
          utilization: z.number(),
          time: z.string().nullable(),
          dbBackup: z.boolean(),
          location: z.string(),
        })
        .strict(),
    ),
    excludedStackedVolumes: z.array(z.object({ pvol: z.string(), reason: z.string() }).strict()),
    dbBackupOn: z.array(z.string()),
    statusFile: z.object({ header: z.string(), recordCount: z.number(), records: z.array(z.string()) }).strict(),
    exportListFile: z.array(z.string()),
    reservedFile: z.array(z.string()),
  })
  .strict();

/** A stand-alone library as SHOW CLUSTER shows one (Redbook §11.7.2). */
export const standaloneView = z
  .object({
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
    testMode: z.boolean().nullable(),
    job: z.object({ kind: z.string(), status: z.string() }).strict().nullable(),
    /** VOLSER ranges another partition of the same physical library owns */
    partition: z.array(z.string()),
  })
  .strict();

const checklistItem = z.object({ step: z.string(), source: z.string(), status: z.enum(['todo', 'done', 'warning', 'info']) }).strict();

/** The Copy Export Recovery Status window (SHOW RECOVERY, Redbook §11.7.2 step 10); the optional fields once a job ran. */
export const recoveryView = z
  .object({
    library: z.string(),
    empty: z.boolean(),
    testMode: z.boolean().nullable(),
    volumes: z.number(),
    operation: z.string().nullable(),
    status: z.string(),
    overallStatus: z.string().optional(),
    totalSteps: z.number(),
    currentStep: z.number(),
    currentTask: z.string().nullable(),
    initiated: z.string().optional(),
    runDurationSeconds: z.number().optional(),
    fromPvol: z.string().nullable().optional(),
    steps: z.array(z.object({ step: z.number(), task: z.string(), status: z.string() }).strict()),
    summary: z
      .object({
        fromPvol: z.string(),
        sourceLibrary: z.string(),
        sourceGrid: z.string().nullable(),
        databaseTime: z.string(),
        testMode: z.boolean(),
        reclamation: z.string(),
        constructCheck: z.string(),
        inventory: z.number(),
        inDatabase: z.number(),
        recovered: z.number(),
        lost: z.object({ incompleteCopy: z.number(), stackedVolumeNotLoaded: z.number(), volserConflict: z.number() }).strict(),
        lostVolumes: z.array(z.object({ volser: z.string(), reason: z.string() }).strict()),
        conflicts: z.array(z.string()),
        missingStackedVolumes: z.array(z.string()),
        ignoredStackedVolumes: z.array(z.object({ pvol: z.string(), reason: z.string() }).strict()),
      })
      .strict()
      .nullable(),
    checklist: z.array(checklistItem),
  })
  .strict();

export const exportChannels = {
  'export.overview': { request: z.object({}).strict(), response: exportOverview },
  /** the planner: what an export of this pool would take, before you export */
  'export.plan': { request: z.object({ cluster: clusterName, pool: z.number().int().min(1).max(32), lmtdbpvl: z.boolean().optional() }).strict(), response: exportPlan },
  /** SHOW EXPORTSTATUS without the Console: the export status file of a list volume */
  'export.status': { request: z.object({ volser, limit: z.number().int().min(1).max(5000).optional(), run: z.number().int().min(0).optional() }).strict(), response: exportStatus },
  /** every stand-alone library with its Copy Export Recovery Status window (SHOW CLUSTER + SHOW RECOVERY) */
  'recovery.status': { request: z.object({}).strict(), response: z.array(z.object({ library: standaloneView, recovery: recoveryView, stackedVolumes: z.array(loadedVolume) })) },
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
export type ExportStatusDto = z.infer<typeof exportStatus>;
export type StandaloneView = z.infer<typeof standaloneView>;
export type RecoveryView = z.infer<typeof recoveryView>;
export type ExportSetEntryDto = z.infer<typeof exportSetEntry>;
