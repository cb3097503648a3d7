// DASD volumes: definition, lookup, device geometry (seed 002 [0100]: the target scan checks volume
// type, geometry and size), and the roles a volume plays in replication.

import type { GridState } from '../world/state.js';
import { refuse } from '../world/refusal.js';
import { BLOCK_BYTES, BlockMap } from '../world/dasd/blocks.js';
import type { CopyTech, DasdState, DasdVolume, DistributedVolume, RemoteCopy, Replication } from '../world/dasd/state.js';

/** Cylinders per 3390/3380 model: the geometry the target scan compares (seed 002 [0100] step 510). */
export const GEOMETRY: Record<string, { family: string; cylinders: number }> = {
  '3390-1': { family: '3390', cylinders: 1113 },
  '3390-2': { family: '3390', cylinders: 2226 },
  '3390-3': { family: '3390', cylinders: 3339 },
  '3390-9': { family: '3390', cylinders: 10017 },
  '3390-27': { family: '3390', cylinders: 32760 },
  '3390-54': { family: '3390', cylinders: 65520 },
  '3390-A': { family: '3390', cylinders: 262668 },
  '3380-J': { family: '3380', cylinders: 885 },
  '3380-K': { family: '3380', cylinders: 2655 },
  FBA: { family: 'FBA', cylinders: 0 },
};
export const DASD_TYPES = Object.keys(GEOMETRY);
export const DEFAULT_TYPE = '3390-9';
/** The largest volume TimeZero models (a 3390-A EAV is about 223 GB; leave room for FBA LUNs). */
export const MAX_DASD_BYTES = 2 ** 40;

export function dasdOf(state: GridState): DasdState {
  return state.dasd;
}

export function findDasd(state: GridState, name: string): DasdVolume {
  const v = state.dasd.volumes.find((x) => x.name === name);
  if (!v) refuse('NO_SUCH_DASD', `no DASD volume ${name}`);
  return v;
}

export function defineDasd(state: GridState, spec: { name: string; site: string; sizeBytes: number; type: string | null; tech: CopyTech | null }): DasdVolume {
  if (state.dasd.volumes.some((v) => v.name === spec.name)) refuse('DUPLICATE', `DASD ${spec.name} already exists`);
  if (!state.sites.some((s) => s.id === spec.site)) refuse('NO_SUCH_SITE', `no site ${spec.site}`);
  const blocks = Math.ceil(spec.sizeBytes / BLOCK_BYTES);
  const v: DasdVolume = { name: spec.name, site: spec.site, sizeBytes: spec.sizeBytes, blocks, type: spec.type ?? DEFAULT_TYPE, tech: spec.tech ?? 'FLASHCOPY', data: new BlockMap(blocks), writes: 0 };
  state.dasd.volumes.push(v);
  return v;
}

export function siteFailed(state: GridState, site: string): boolean {
  return state.sites.find((s) => s.id === site)?.failed ?? false;
}

export function replicationFrom(state: GridState, name: string): Replication | undefined {
  return state.dasd.replications.find((r) => r.source === name);
}

export function replicationTo(state: GridState, name: string): Replication | undefined {
  return state.dasd.replications.find((r) => r.target === name);
}

export function distributedOf(state: GridState, name: string): DistributedVolume | undefined {
  return state.dasd.distributed.find((d) => d.name === name);
}

export function remoteCopyOf(state: GridState, name: string): RemoteCopy | undefined {
  return state.dasd.remoteCopies.find((r) => r.primary === name || r.secondary === name);
}

/** What a volume is busy being; null when it is free for a new relationship or copy pair. */
export function roleOf(state: GridState, name: string): string | null {
  if (replicationFrom(state, name)) return 'replication source';
  if (replicationTo(state, name)) return 'replica';
  if (distributedOf(state, name)) return 'distributed volume';
  const rc = remoteCopyOf(state, name);
  if (rc) return rc.primary === name ? 'remote copy primary' : 'remote copy secondary';
  return null;
}

export function describeDasd(state: GridState, v: DasdVolume) {
  return { name: v.name, site: v.site, sizeBytes: v.sizeBytes, blocks: v.blocks, type: v.type, tech: v.tech, writtenBlocks: v.data.count(), role: roleOf(state, v.name) };
}
