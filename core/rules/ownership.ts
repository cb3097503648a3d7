// Volume ownership and takeover (Redbook §11.1). One cluster owns a volume; a mount elsewhere takes
// ownership over the grid links. With the owner unreachable, only an ownership takeover mode (set
// through the MI, or by AOTM after its grace period) or the owner's service mode lets another take it.

import type { GridState } from '../world/state.js';
import { refuse } from '../world/refusal.js';
import { reachable } from './reach.js';
import { clusterAt } from '../model/grid-lookup.js';

export interface Ownership {
  readOnly: boolean;
}

/** Takes ownership of v for `cluster`, or refuses with OWNERSHIP_UNAVAILABLE. */
export function acquireOwnership(state: GridState, v: number, cluster: number): Ownership {
  const cols = state.volumes.cols;
  const owner = state.volumes.get(v, 'owner');
  if (owner === cluster) return { readOnly: false };
  const ownerCluster = clusterAt(state, owner);
  if (reachable(state, cluster, owner)) {
    cols.owner[v] = cluster;
    return { readOnly: false };
  }
  // Service prep / service mode: the owner's volumes may be taken with full access.
  if (ownerCluster.status === 'service' || ownerCluster.status === 'service-prep') {
    cols.owner[v] = cluster;
    return { readOnly: false };
  }
  const mode = clusterAt(state, cluster).takeover[owner];
  if (mode === 'write') {
    cols.owner[v] = cluster;
    return { readOnly: false };
  }
  // Read ownership takeover: read access only; the volume stays the failed cluster's.
  if (mode === 'read') return { readOnly: true };
  refuse('OWNERSHIP_UNAVAILABLE', `${state.volumes.volser(v)} is owned by ${ownerCluster.name}, which ${clusterAt(state, cluster).name} cannot reach, and no ownership takeover mode is set`);
}

/** Whether `cluster` could take v with write access, without taking it. */
export function canOwnForWrite(state: GridState, v: number, cluster: number): boolean {
  const owner = state.volumes.get(v, 'owner');
  if (owner === cluster || reachable(state, cluster, owner)) return true;
  const status = clusterAt(state, owner).status;
  return status === 'service' || status === 'service-prep' || clusterAt(state, cluster).takeover[owner] === 'write';
}
