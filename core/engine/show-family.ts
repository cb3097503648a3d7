// SHOW DRFAMILY (spec §10): members, time-zero, flash / write-protect / live-copy state, snapshots.

import type { GridState } from '../world/state.js';
import type { DrFamily } from '../world/dr-family.js';
import { isoTime } from '../sim/time.js';

export function describeFamily(state: GridState, f: DrFamily) {
  return {
    name: f.name,
    clusters: f.clusters.map((c) => state.clusters[c]!.name),
    timeZero: f.timeZero === null ? null : isoTime(f.timeZero),
    flash: f.flash ? 'enabled' : 'disabled',
    writeProtect: f.writeProtect ? 'enabled' : 'disabled',
    liveCopy: f.liveCopy,
    // Spec §7, seed 000 claim 1: only flash-capable members (MODEL DISK) hold time-zero snapshots.
    snapshotClusters: f.clusters.filter((c) => state.clusters[c]!.model === 'DISK').map((c) => state.clusters[c]!.name),
    metadataSnapshots: f.metadataSnapshots,
    volumesAtTimeZero: f.flash ? f.volumesAtTimeZero : null,
    drMounts: [...state.drMounts.values()].filter((m) => m.family === f.name).map((m) => state.volumes.volser(m.volume)),
  };
}
