// One volume as every view of it starts: the fields a Volumes page row and SHOW VOLUME share, built
// in one place so the two cannot drift. SHOW VOLUME adds its copies per cluster, a row the clusters
// holding a consistent copy.

import type { GridState } from '../world/state.js';
import { hex4 } from '../model/grid.js';
import { NOT_MOUNTED } from '../model/volumes.js';

export interface VolumeFields {
  volser: string;
  category: string;
  mc: string | null;
  owner: string | null;
  level: number;
  sizeMB: number;
  mountedOn: string | null;
}

export interface VolumeRow extends VolumeFields {
  consistentOn: string[];
}

export function volumeFields(state: GridState, v: number): VolumeFields {
  const cols = state.volumes.cols;
  const mounted = cols.mountedOn[v]!;
  return {
    volser: state.volumes.volser(v),
    category: hex4(cols.category[v]!),
    mc: state.mcs[cols.mc[v]!]?.name ?? null,
    owner: state.clusters[cols.owner[v]!]?.name ?? null,
    level: cols.level[v]!,
    sizeMB: Math.trunc(cols.sizeBytes[v]! / 2 ** 20),
    mountedOn: mounted === NOT_MOUNTED ? null : (state.clusters[mounted]?.name ?? null),
  };
}

export function volumeRow(state: GridState, v: number): VolumeRow {
  const cols = state.volumes.cols;
  const level = cols.level[v]!;
  const consistentOn: string[] = [];
  for (const c of state.clusters) if (cols.copyLevel[c.index]![v] === level) consistentOn.push(c.name);
  return { ...volumeFields(state, v), consistentOn };
}
