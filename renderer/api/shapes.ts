// Shapes of the results the contract leaves open (`z.unknown()`): SHOW GRID, SHOW CLUSTER, SHOW QUEUE,
// SHOW VOLUME (spec §10, core/engine/show.ts). The renderer reads only these fields and parses them, so
// a changed engine shows up as an error naming the field instead of a blank view. Extra fields pass.

import { z } from 'zod';
import { describeIssue, volumeRow } from '../../contract/api';
import { ClientError } from './transport';

const takeover = z.record(z.string(), z.string());

export const clusterSummary = z.object({
  status: z.string(),
  states: z.array(z.string()),
  takeover,
  writeProtect: z.boolean(),
  owned: z.number(),
  site: z.string().optional(),
  model: z.string().optional(),
});

/** Hosts and links are not in spec §10's SHOW GRID; read them when the host reports them. */
const hostDevice = z.object({ online: z.boolean(), paths: z.number().optional(), failedPaths: z.number().optional() });
const hostSummary = z.object({
  site: z.string(),
  role: z.string().optional(),
  failed: z.boolean().optional(),
  devices: z.record(z.string(), hostDevice).optional(),
});
const linkSummary = z.object({ a: z.string(), b: z.string(), count: z.number(), failed: z.number(), gbps: z.number().optional() });

export const gridView = z.object({
  name: z.string().nullable().optional(),
  time: z.string(),
  states: z.array(z.string()),
  clusters: z.record(z.string(), clusterSummary),
  volumes: z.number().optional(),
  sites: z.union([z.record(z.string(), z.object({ failed: z.boolean() })), z.array(z.object({ id: z.string(), failed: z.boolean() }))]).optional(),
  hosts: z.union([z.record(z.string(), hostSummary), z.array(hostSummary.extend({ name: z.string() }))]).optional(),
  links: z.array(linkSummary).optional(),
});

export const clusterDetail = z.object({
  name: z.string(),
  index: z.number(),
  site: z.string(),
  model: z.string(),
  status: z.string(),
  code: z.string().optional(),
  states: z.array(z.string()),
  cacheUsedPercent: z.number().optional(),
  drives: z.number().optional(),
  drivesAvailable: z.number().optional(),
  takeover,
  writeProtect: z.boolean(),
  owned: z.number(),
  links: z.record(z.string(), z.object({ count: z.number(), failed: z.number(), gbps: z.number() })),
});

export const COPY_TYPES = ['immediate', 'synchronous-deferred', 'immediate-deferred', 'deferred', 'family-deferred'] as const;

const typeStats = z.object({ count: z.number(), bytes: z.number(), inFlight: z.number(), completed: z.number(), drainMBps: z.number() });
export const queueView = z.object({
  cluster: z.string(),
  count: z.number(),
  bytes: z.number(),
  oldest: z.string().nullable(),
  inFlight: z.number().optional(),
  byType: z.record(z.string(), typeStats).optional(),
});

// SHOW VOLUME: a volume page's row fields, with copies per cluster in place of the consistent list.
export const volumeDetail = volumeRow.omit({ consistentOn: true }).extend({
  copies: z.record(z.string(), z.object({ level: z.number(), consistent: z.boolean(), inCache: z.boolean(), premigrated: z.boolean().optional() })),
  created: z.string().optional(),
  lastAccess: z.string().optional(),
});

export type GridView = z.infer<typeof gridView>;
export type ClusterSummary = z.infer<typeof clusterSummary>;
export type ClusterDetail = z.infer<typeof clusterDetail>;
export type QueueView = z.infer<typeof queueView>;
export type VolumeDetail = z.infer<typeof volumeDetail>;

export interface HostView {
  name: string;
  site: string;
  role?: string | undefined;
  failed?: boolean | undefined;
  devices?: Record<string, { online: boolean; paths?: number | undefined; failedPaths?: number | undefined }> | undefined;
}

/** Parses an open result; a mismatch is a ClientError naming the field. */
export function read<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ClientError('UNEXPECTED_SHAPE', `${what}: ${describeIssue(parsed.error)}`);
  return parsed.data;
}

export function hostsOf(grid: GridView): HostView[] {
  if (!grid.hosts) return [];
  if (Array.isArray(grid.hosts)) return grid.hosts;
  return Object.entries(grid.hosts).map(([name, h]) => ({ name, ...h }));
}

export function sitesOf(grid: GridView): { id: string; failed: boolean | null }[] {
  const known = new Map<string, boolean | null>();
  if (Array.isArray(grid.sites)) grid.sites.forEach((s) => known.set(s.id, s.failed));
  else if (grid.sites) Object.entries(grid.sites).forEach(([id, s]) => known.set(id, s.failed));
  const order: string[] = [];
  const add = (id: string | undefined) => id && !order.includes(id) && order.push(id);
  Object.values(grid.clusters).forEach((c) => add(c.site));
  hostsOf(grid).forEach((h) => add(h.site));
  known.forEach((_, id) => add(id));
  return order.map((id) => ({ id, failed: known.get(id) ?? null }));
}
