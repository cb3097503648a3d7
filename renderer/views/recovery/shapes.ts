// Shapes of the open results the Recovery wizard reads: a stand-alone library (SHOW CLUSTER on one)
// and its Copy Export Recovery Status window (SHOW RECOVERY, Redbook §11.7.2 step 10).

import { z } from 'zod';

export const standaloneView = z.object({
  name: z.string(),
  drives: z.number(),
  drivesAvailable: z.number(),
  formats: z.array(z.string()),
  code: z.string(),
  keys: z.array(z.string()),
  slots: z.number(),
  slotsUsed: z.number(),
  volumes: z.number(),
  empty: z.boolean(),
  copyExportedVolumes: z.number(),
  testMode: z.boolean().nullable(),
  job: z.object({ kind: z.string(), status: z.string() }).nullable(),
});

const checklistItem = z.object({ step: z.string(), source: z.string(), status: z.enum(['todo', 'done', 'warning', 'info']) });

export const recoveryView = z.object({
  operation: z.string().nullable(),
  status: z.string(),
  overallStatus: z.string().optional(),
  totalSteps: z.number(),
  currentStep: z.number(),
  currentTask: z.string().nullable(),
  initiated: z.string().optional(),
  runDurationSeconds: z.number().optional(),
  fromPvol: z.string().nullable().optional(),
  steps: z.array(z.object({ step: z.number(), task: z.string(), status: z.string() })),
  summary: z
    .object({
      fromPvol: z.string(),
      sourceLibrary: z.string(),
      sourceGrid: z.string().nullable(),
      databaseTime: z.string(),
      testMode: z.boolean(),
      reclamation: z.string(),
      constructCheck: z.string(),
      inDatabase: z.number(),
      recovered: z.number(),
      lost: z.object({ incompleteCopy: z.number(), stackedVolumeNotLoaded: z.number(), volserConflict: z.number() }),
      lostVolumes: z.array(z.object({ volser: z.string(), reason: z.string() })),
      conflicts: z.array(z.string()),
      missingStackedVolumes: z.array(z.string()),
      ignoredStackedVolumes: z.array(z.object({ pvol: z.string(), reason: z.string() })),
    })
    .nullable(),
  checklist: z.array(checklistItem),
});

export type StandaloneView = z.infer<typeof standaloneView>;
export type RecoveryView = z.infer<typeof recoveryView>;
