// Policies over the contract: what the Policies view edits — Management Classes (copy consistency
// points per cluster, secondary pool, cache preference group), the physical pools of every
// tape-attached cluster, categories (scratch, Expire Hold) and each host's DEVSUP categories. Read-only:
// every change is a runbook line (MC, POOL, CATEGORY, DEVSUP) through console.execute, so it shows in
// the Console and lands in the journal. contract/api.ts spreads these channels into its one table.

import { z } from 'zod';

const hex4 = z.string().regex(/^[0-9A-F]{4}$/);

export const policies = z.object({
  clusters: z.array(z.object({ name: z.string(), model: z.enum(['DISK', 'TAPE']) })),
  managementClasses: z.array(
    z.object({
      name: z.string(),
      /** one copy mode per cluster, in cluster order: R, D, N or S */
      modes: z.array(z.enum(['R', 'D', 'N', 'S'])),
      secondaryPool: z.number().nullable(),
      preference: z.enum(['PG0', 'PG1']),
      volumes: z.number(),
    }),
  ),
  pools: z.array(
    z.object({
      cluster: z.string(),
      pool: z.number(),
      media: z.string(),
      format: z.string(),
      copyExport: z.boolean(),
      reclaimPool: z.number(),
      reclaimThreshold: z.number(),
      scratch: z.number(),
      encryptKey: z.string().nullable(),
      /** Management Classes naming this pool as SECONDARY: the copies a Copy Export of it carries */
      secondaryOf: z.array(z.string()),
    }),
  ),
  categories: z.array(z.object({ category: hex4, scratch: z.boolean(), expireHoldSeconds: z.number(), volumes: z.number() })),
  hosts: z.array(z.object({ name: z.string(), site: z.string(), role: z.enum(['PRODUCTION', 'DR']), scratch: hex4, private: hex4, error: hex4 })),
  /** what POOL accepts: media and recording formats, and which format writes which media */
  media: z.array(z.string()),
  formats: z.array(z.object({ format: z.string(), media: z.array(z.string()) })),
});

export const policyChannels = {
  /** every Management Class, pool, category and host DEVSUP the grid holds */
  'policies.show': { request: z.object({}).strict(), response: policies },
} as const;

export type PoliciesDto = z.infer<typeof policies>;
