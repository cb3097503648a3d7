// DR readiness: for every volume, what would serve a DR host mount at time-zero, or why nothing would
// (seed 000 claim 1's order) — the test's answer to "what would we have lost?". One pass over the
// columns, no object per volume: 4,000,000 volumes in well under a second.

import type { GridState } from '../engine/state.js';
import { hex4 } from '../model/grid.js';
import { NO_COPY } from '../model/volumes.js';
import { isoTime } from '../sim/time.js';
import type { DrFamily } from './dr-family.js';
import { reachable } from './reach.js';

interface Tally {
  volumes: number;
  recoverable: number;
  lost: number;
}

const LOST_LIST_LIMIT = 100;

export function readiness(state: GridState, f: DrFamily, mountCluster = f.clusters[0]!) {
  const cols = state.volumes.cols;
  const n = f.flash ? f.volumesAtTimeZero : state.volumes.count;
  const order = [mountCluster, ...f.clusters.filter((c) => c !== mountCluster)].filter((c) => reachable(state, mountCluster, c));
  const snapshotClusters = f.flash ? order.filter((c) => state.clusters[c]!.model === 'DISK') : [];
  const liveClusters = !f.flash || f.liveCopy === 'FAMILY' ? order : [];
  const bySource: { snapshot: Record<string, number>; backup: Record<string, number> } = { snapshot: {}, backup: {} };
  const byMc: Record<string, Tally> = {};
  const byCategory: Record<string, Tally> = {};
  const sourceCount = new Int32Array(state.clusters.length * 2);
  const mcTally = new Int32Array(256 * 2);
  const categoryTally = new Map<number, [number, number]>();
  const lostVolumes: string[] = [];
  let recoverable = 0;
  const images = f.images;
  const hasImages = images.size > 0;
  for (let v = 0; v < n; v++) {
    const image = hasImages ? images.get(v) : undefined;
    const level = image ? image.level : cols.level[v]!;
    let served = -1;
    for (const c of snapshotClusters) {
      const copy = image ? image.copyLevel[c]! : cols.copyLevel[c]![v]!;
      if (copy !== NO_COPY && copy === level) {
        served = c * 2;
        break;
      }
    }
    if (served < 0) {
      for (const c of liveClusters) {
        if (cols.copyLevel[c]![v] === level && cols.level[v] === level) {
          served = c * 2 + 1;
          break;
        }
      }
    }
    const mc = image ? image.mc : cols.mc[v]!;
    const category = image ? image.category : cols.category[v]!;
    let tally = categoryTally.get(category);
    if (!tally) categoryTally.set(category, (tally = [0, 0]));
    if (served >= 0) {
      recoverable++;
      sourceCount[served]!++;
      mcTally[mc * 2]!++;
      tally[0]++;
    } else {
      mcTally[mc * 2 + 1]!++;
      tally[1]++;
      if (lostVolumes.length < LOST_LIST_LIMIT) lostVolumes.push(state.volumes.volser(v));
    }
  }
  for (const c of state.clusters) {
    if (sourceCount[c.index * 2]) bySource.snapshot[c.name] = sourceCount[c.index * 2]!;
    if (sourceCount[c.index * 2 + 1]) bySource.backup[c.name] = sourceCount[c.index * 2 + 1]!;
  }
  for (let m = 0; m < 256; m++) {
    const ok = mcTally[m * 2]!;
    const lost = mcTally[m * 2 + 1]!;
    if (ok + lost > 0) byMc[state.mcs[m]?.name ?? '(none)'] = { volumes: ok + lost, recoverable: ok, lost };
  }
  for (const [category, [ok, lost]] of [...categoryTally].sort((a, b) => a[0] - b[0])) byCategory[hex4(category)] = { volumes: ok + lost, recoverable: ok, lost };
  return {
    family: f.name,
    timeZero: f.timeZero === null ? null : isoTime(f.timeZero),
    asOf: isoTime(f.timeZero ?? state.now),
    mountCluster: state.clusters[mountCluster]!.name,
    volumes: n,
    recoverable,
    lost: n - recoverable,
    bySource,
    byMc,
    byCategory,
    lostVolumes,
  };
}
