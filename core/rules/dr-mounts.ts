// A DR host's mount during a FlashCopy DR test (seed 000 claim 1, FIGS. 3B–3D; spec §7): served from
// the family's time-zero image, read-only, alongside any production mount of the same volume.

import type { GridState, Mount } from '../world/state.js';
import { refuse } from '../world/refusal.js';
import type { MountResult } from './mount-result.js';
import { imageAtTimeZero, resolveAtTimeZero, takeSnapshotOwnership } from './dr-family.js';
import { type DrFamily } from '../world/dr-family.js';
import { TrailKind } from '../model/volume-trail.js';
import { clusterAt } from '../model/grid-lookup.js';

export function mountAtTimeZero(state: GridState, f: DrFamily, v: number, cluster: number, host: string): MountResult {
  const volser = state.volumes.volser(v);
  // Volumes created after time-zero do not exist for the DR host.
  if (!imageAtTimeZero(state, f, v)) refuse('NO_SUCH_VOLUME', `${volser} was created after DR family ${f.name}'s time-zero`);
  if (state.drMounts.has(v)) refuse('ALREADY_MOUNTED', `${volser} is already mounted from the time-zero image`);
  const source = resolveAtTimeZero(state, f, v, cluster);
  if (source.kind === 'none') refuse('NOT_CONSISTENT_AT_TIME_ZERO', `${volser}: ${source.reason} of DR family ${f.name}`);
  takeSnapshotOwnership(state, f, v, cluster);
  // Claim 9: a metadata snapshot is made when the DR host first mounts the volume.
  if (!f.images.has(v)) {
    f.images.set(v, {
      level: state.volumes.get(v, 'level'),
      category: state.volumes.get(v, 'category'),
      mc: state.volumes.get(v, 'mc'),
      sizeBytes: state.volumes.get(v, 'sizeBytes'),
      copyLevel: state.volumes.copyLevelsOf(v),
    });
    f.metadataSnapshots++;
  }
  const mount: Mount = { volume: v, host, cluster, tvc: source.cluster, linkIndex: -1, readOnly: true, source: 'live', pendingBytes: null, lost: null, family: f.name, drSource: source.kind };
  state.drMounts.set(v, mount);
  state.trail.push(
    state.now,
    v,
    TrailKind.drMount,
    cluster,
    source.cluster,
    0,
    state.hosts.findIndex((h) => h.name === host),
  );
  return {
    volser,
    mountCluster: clusterAt(state, cluster).name,
    tvcCluster: clusterAt(state, source.cluster).name,
    source: source.kind,
    sourceCluster: clusterAt(state, source.cluster).name,
    readOnly: true,
  };
}
