// The results of the SHOW commands, one schema each: every result a committed runbook or a
// test produced parses with its command's schema (core/commands/results.test.ts). Strict objects, so a
// field added or renamed fails until the schema says so; keyed maps (per cluster, per code) are records.

import { z } from 'zod';
import { DASD_VIEW, DR_FAMILY_VIEW, GRID_VIEW, POOL_VIEW } from './shapes.js';

export const SHOW_RESULTS = {
  SHOW_GRID: GRID_VIEW,
  SHOW_CLUSTER: z.strictObject({
    name: z.string(),
    index: z.number().optional(),
    site: z.string().optional(),
    model: z.string(),
    status: z.string().optional(),
    code: z.string(),
    states: z.array(z.string()).optional(),
    cacheMB: z.number().optional(),
    cacheUsedMB: z.number().optional(),
    cacheUsedPercent: z.number().optional(),
    drives: z.number(),
    drivesAvailable: z.number(),
    ioStation: z.boolean().optional(),
    tssc: z.string().optional(),
    aotm: z
      .strictObject({
        enabled: z.boolean(),
        mode: z.string(),
        grace: z.string(),
      })
      .optional(),
    takeover: z.record(z.string(), z.unknown()).optional(),
    writeProtect: z.boolean().optional(),
    ignoreFastReady: z.boolean().optional(),
    excludedCategories: z.array(z.unknown()).optional(),
    owned: z.number().optional(),
    links: z
      .record(
        z.string(),
        z.strictObject({
          count: z.number(),
          failed: z.number(),
          gbps: z.number(),
        }),
      )
      .optional(),
    premigrationBacklog: z.number().optional(),
    driveType: z.string().optional(),
    ioStationFull: z.boolean().optional(),
    copyExportLimit: z.number().optional(),
    pools: z.array(z.number()).optional(),
    standalone: z.boolean().optional(),
    cluster: z.number().optional(),
    formats: z.array(z.string()).optional(),
    keys: z.array(z.string()).optional(),
    slots: z.number().optional(),
    slotsUsed: z.number().optional(),
    volumes: z.number().optional(),
    empty: z.boolean().optional(),
    stackedVolumes: z.number().optional(),
    copyExportedVolumes: z.number().optional(),
    testMode: z.boolean().nullable().optional(),
    job: z
      .strictObject({
        kind: z.string(),
        status: z.string(),
      })
      .nullable()
      .optional(),
    partition: z.array(z.unknown()).optional(),
  }),
  SHOW_VOLUME: z.strictObject({
    volser: z.string(),
    category: z.string(),
    mc: z.string().nullable(),
    owner: z.string(),
    level: z.number(),
    sizeMB: z.number(),
    mountedOn: z.string().nullable(),
    copies: z.record(
      z.string(),
      z.strictObject({
        level: z.number(),
        consistent: z.boolean(),
        inCache: z.boolean(),
        premigrated: z.boolean(),
      }),
    ),
    created: z.string().optional(),
    lastAccess: z.string().optional(),
    stacked: z
      .record(
        z.string(),
        z.strictObject({
          primary: z.string(),
          secondary: z.string().nullable(),
          level: z.number(),
        }),
      )
      .optional(),
    library: z.string().optional(),
    pvol: z.string().optional(),
    pool: z.number().optional(),
    pvolState: z.string().optional(),
    recoveredFrom: z.string().optional(),
  }),
  SHOW_QUEUE: z.strictObject({
    cluster: z.string(),
    count: z.number(),
    bytes: z.number(),
    oldest: z.string().nullable(),
    inFlight: z.number(),
    byType: z.strictObject({
      immediate: z.strictObject({
        count: z.number(),
        bytes: z.number(),
        inFlight: z.number(),
        completed: z.number(),
        drainMBps: z.number(),
      }),
      'synchronous-deferred': z.strictObject({
        count: z.number(),
        bytes: z.number(),
        inFlight: z.number(),
        completed: z.number(),
        drainMBps: z.number(),
      }),
      'immediate-deferred': z.strictObject({
        count: z.number(),
        bytes: z.number(),
        inFlight: z.number(),
        completed: z.number(),
        drainMBps: z.number(),
      }),
      deferred: z.strictObject({
        count: z.number(),
        bytes: z.number(),
        inFlight: z.number(),
        completed: z.number(),
        drainMBps: z.number(),
      }),
      'family-deferred': z.strictObject({
        count: z.number(),
        bytes: z.number(),
        inFlight: z.number(),
        completed: z.number(),
        drainMBps: z.number(),
      }),
    }),
  }),
  SHOW_RESULT: z.strictObject({ line: z.number(), command: z.string(), ok: z.boolean(), error: z.strictObject({ code: z.string(), message: z.string() }).nullable(), result: z.unknown() }).nullable(),
  SHOW_DRFAMILY: DR_FAMILY_VIEW,
  SHOW_READINESS: z.strictObject({
    family: z.string(),
    timeZero: z.string(),
    asOf: z.string(),
    mountCluster: z.string(),
    volumes: z.number(),
    recoverable: z.number(),
    lost: z.number(),
    bySource: z.strictObject({
      snapshot: z.record(z.string(), z.number()),
      backup: z.record(z.string(), z.unknown()),
    }),
    byMc: z.strictObject({
      MCPROD: z
        .strictObject({
          volumes: z.number(),
          recoverable: z.number(),
          lost: z.number(),
        })
        .optional(),
      '(none)': z.strictObject({
        volumes: z.number(),
        recoverable: z.number(),
        lost: z.number(),
      }),
      M: z
        .strictObject({
          volumes: z.number(),
          recoverable: z.number(),
          lost: z.number(),
        })
        .optional(),
    }),
    byCategory: z.record(
      z.string(),
      z.strictObject({
        volumes: z.number(),
        recoverable: z.number(),
        lost: z.number(),
      }),
    ),
    lostVolumes: z.array(z.string()),
  }),
  SHOW_EXPORTSTATUS: z.strictObject({
    volser: z.string(),
    library: z.string(),
    pool: z.number(),
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
    volumes: z.record(
      z.string(),
      z.strictObject({
        exported: z.boolean(),
        pvol: z.string().nullable(),
        reason: z.string(),
        code: z.string(),
      }),
    ),
    volumesListed: z.number(),
    volumesTotal: z.number(),
    stackedVolumes: z.array(
      z.strictObject({
        pvol: z.string(),
        pool: z.number(),
        format: z.string(),
        media: z.string(),
        mbWritten: z.number(),
        utilization: z.number(),
        time: z.string(),
        dbBackup: z.boolean(),
        location: z.string(),
      }),
    ),
    excludedStackedVolumes: z.array(
      z.strictObject({
        pvol: z.string(),
        reason: z.string(),
      }),
    ),
    dbBackupOn: z.array(z.string()),
    statusFile: z.strictObject({
      header: z.string(),
      recordCount: z.number(),
      records: z.array(z.string()),
    }),
    exportListFile: z.array(z.string()),
    reservedFile: z.array(z.string()),
  }),
  SHOW_POOL: POOL_VIEW,
  SHOW_PVOL: z.strictObject({
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
    keyLabel: z.string().nullable(),
    locked: z.boolean(),
    exported: z.string().nullable(),
    dbBackup: z.boolean(),
    reclaimed: z.boolean(),
    source: z.string().nullable(),
    volumes: z.array(z.string()),
  }),
  SHOW_RECOVERY: z.strictObject({
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
    steps: z.array(
      z.strictObject({
        step: z.number(),
        task: z.string(),
        status: z.string(),
      }),
    ),
    summary: z
      .strictObject({
        fromPvol: z.string(),
        sourceLibrary: z.string(),
        sourceGrid: z.string(),
        databaseTime: z.string(),
        testMode: z.boolean(),
        reclamation: z.string(),
        constructCheck: z.string(),
        inventory: z.number(),
        inDatabase: z.number(),
        recovered: z.number(),
        lost: z.strictObject({
          incompleteCopy: z.number(),
          stackedVolumeNotLoaded: z.number(),
          volserConflict: z.number(),
        }),
        lostVolumes: z.array(
          z.strictObject({
            volser: z.string(),
            reason: z.string(),
          }),
        ),
        conflicts: z.array(z.string()),
        missingStackedVolumes: z.array(z.unknown()),
        ignoredStackedVolumes: z.array(
          z.strictObject({
            pvol: z.string(),
            reason: z.string(),
          }),
        ),
      })
      .nullable(),
    checklist: z.array(
      z.strictObject({
        step: z.string(),
        source: z.string(),
        status: z.string(),
      }),
    ),
  }),
  SHOW_JOURNAL: z.strictObject({
    replica: z.string(),
    source: z.string(),
    mode: z.string(),
    segmentBytes: z.number(),
    segments: z.number(),
    usedSegments: z.number(),
    freeSegments: z.number(),
    usedPercent: z.number(),
    streams: z.strictObject({
      do: z.strictObject({
        segments: z.number(),
        bytes: z.number(),
        records: z.number(),
      }),
      doMetadata: z.strictObject({
        segments: z.number(),
        bytes: z.number(),
        records: z.number(),
      }),
      undo: z.strictObject({
        segments: z.number(),
        bytes: z.number(),
        records: z.number(),
      }),
      undoMetadata: z.strictObject({
        segments: z.number(),
        bytes: z.number(),
        records: z.number(),
      }),
      accessLog: z.strictObject({
        segments: z.number(),
        bytes: z.number(),
        records: z.number(),
      }),
    }),
    earliestPointInTime: z.string(),
    latestPointInTime: z.string(),
    earliestSeq: z.number(),
    latestSeq: z.number(),
    appliedSeq: z.number(),
    releasedTransactions: z.number(),
    historyTransactions: z.number(),
    pendingDistribution: z.number(),
    deltaMarking: z.strictObject({
      transactions: z.number(),
      blocks: z.number(),
    }),
    distribution: z.string(),
    blocked: z.boolean(),
    imageAccess: z
      .strictObject({
        mode: z.string(),
        pointInTime: z.string(),
        seq: z.number(),
        rolling: z.boolean(),
        readyAt: z.string().nullable(),
        enabledAt: z.string(),
      })
      .nullable(),
    bookmarks: z.array(
      z.strictObject({
        name: z.string(),
        time: z.string(),
        seq: z.number(),
        reachable: z.boolean(),
      }),
    ),
    stats: z.strictObject({
      transactions: z.number(),
      bytesSent: z.number(),
      snapshots: z.number(),
      writesAggregated: z.number(),
      failovers: z.number(),
    }),
  }),
  SHOW_REMOTECOPY: z.strictObject({
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
    media: z.strictObject({
      name: z.string(),
      site: z.string(),
      takenAt: z.string(),
      shipped: z.boolean(),
    }),
    uploaded: z.boolean(),
    lastSync: z
      .strictObject({
        dirtyGrains: z.number(),
        bytesSent: z.number(),
        bytesFullSync: z.number(),
        seconds: z.number(),
        fullSyncSeconds: z.number(),
      })
      .nullable(),
  }),
  SHOW_VERSIONS: z.strictObject({
    pool: z.string(),
    versions: z.array(
      z.strictObject({
        version: z.number(),
        time: z.string(),
        record: z.string(),
        targetPool: z.string(),
        pairs: z.array(
          z.strictObject({
            source: z.string(),
            target: z.string(),
          }),
        ),
      }),
    ),
    notifications: z.array(z.string()),
    chronology: z.array(
      z.strictObject({
        label: z.string(),
        time: z.string(),
        records: z.array(
          z.strictObject({
            version: z.number(),
            record: z.string(),
            pairs: z.array(
              z.strictObject({
                source: z.string(),
                target: z.string(),
              }),
            ),
          }),
        ),
      }),
    ),
    sourceVolumes: z.array(z.string()),
    targetPools: z.array(
      z.strictObject({
        name: z.string(),
        volumes: z.array(z.string()),
      }),
    ),
  }),
  SHOW_DASD: DASD_VIEW,
};
