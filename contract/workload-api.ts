// Production load over the contract (core/workload/plan.ts): the Workload panel starts a workload —
// scratch writes and specific reads per hour, a size distribution, an MC, a host — and runs it over
// simulated time as JOB lines, each journaled like a Console line. While one is active the time bar's
// Advance runs it; stopping takes effect between slices. contract/api.ts spreads these channels.

import { z } from 'zod';

const name = z.string().regex(/^[A-Za-z0-9_.$@#-]{1,32}$/, '1-32 letters, digits or _.$@#-');
const size = z.string().regex(/^\d+(\.\d+)?(KB|MB|GB|TB)$/i, 'a size such as 800MB or 4GB');

export const workloadSpec = z
  .object({
    host: name,
    cluster: name,
    mc: name.nullable(),
    writesPerHour: z.number().int().min(0).max(1_000_000),
    sizes: z.array(z.object({ size, percent: z.number().min(0).max(100) }).strict()).max(8),
    readsPerHour: z.number().int().min(0).max(1_000_000),
    readRange: z
      .string()
      .regex(/^[A-Z0-9]{1,6}(-[A-Z0-9]{1,6})?$/, 'a VOLSER range such as A00000-A09999')
      .nullable(),
    readCluster: name,
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
  })
  .strict();

const totals = z.object({ writes: z.number(), writesFailed: z.number(), reads: z.number(), readsFailed: z.number(), lines: z.number(), failures: z.record(z.string(), z.number()) });

export const workloadState = z.object({
  workload: workloadSpec.nullable(),
  /** when the workload was started (simulated time) */
  startedAt: z.string().nullable(),
  /** simulated time the load has run up to */
  ranUntil: z.string().nullable(),
  /** a run is in progress (the time bar or the panel advancing with load) */
  running: z.boolean(),
  totals,
  /** the latest lines the load issued, newest last */
  recent: z.array(z.object({ time: z.string(), line: z.string(), ok: z.boolean(), summary: z.string() })),
});

const duration = z.string().regex(/^\d+(s|m|h|d)$/i, 'a duration such as 30m or 4h');

export const workloadChannels = {
  'workload.state': { request: z.object({}).strict(), response: workloadState },
  /** makes a workload active from the simulated present (replacing one that was active) */
  'workload.start': { request: z.object({ workload: workloadSpec }).strict(), response: workloadState },
  /** ends the active workload; a run in progress stops after its current slice */
  'workload.stop': { request: z.object({}).strict(), response: workloadState },
  /** advances simulated time by `duration` with the active workload running */
  'workload.run': { request: z.object({ duration }).strict(), response: workloadState },
} as const;

export type WorkloadSpecDto = z.infer<typeof workloadSpec>;
export type WorkloadStateDto = z.infer<typeof workloadState>;
