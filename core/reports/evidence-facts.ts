// What a DR test's point in time showed (seed 000: the time-zero image; Redbook §11.9.1: the test
// start of a procedure without FlashCopy): what would have been lost there, per Management Class and
// category with volumes and bytes, and the copies that reached the DR clusters only after it. For a
// FlashCopy test these are taken while the flash is still enabled: FLASH DISABLE releases the image.

import type { GridState } from '../world/state.js';
import { hex4 } from '../model/grid.js';
import { NO_COPY } from '../model/volumes.js';
import type { DrFamily } from '../world/dr-family.js';
import { readiness } from '../rules/readiness.js';
import { isoTime } from '../sim/time.js';
import type { EvidenceRpo, LostTally } from './evidence-model.js';

export interface PointFacts {
  point: number | null;
  pointLabel: string;
  volumesAtPoint: number;
  mountCluster: string;
  rpo: Omit<EvidenceRpo, 'targetMinutes' | 'met'>;
  /** volumes whose copy on a DR cluster arrived after the point: the image cannot use it (seed 000); null when not a FlashCopy test */
  copiesAfterPoint: number | null;
  copiesAfterExamples: string[];
}

const EXAMPLES = 20;

export function pointFacts(state: GridState, f: DrFamily, mountCluster: number, pointLabel: string): PointFacts {
  const cols = state.volumes.cols;
  const lost = new Map<string, LostTally>();
  let lostBytes = 0;
  let oldest = Infinity;
  const point = f.timeZero ?? state.now;
  const ready = readiness(state, f, mountCluster, (v, mc, category, bytes, changed) => {
    const mcName = state.mcs[mc]?.name ?? '(none)';
    const key = `${mcName}\u0000${category}`;
    const t = lost.get(key) ?? { mc: mcName, category: hex4(category), volumes: 0, bytes: 0 };
    t.volumes++;
    t.bytes += bytes;
    lost.set(key, t);
    lostBytes += bytes;
    // The last write of an unchanged volume is its last access before the point; a changed one's is not known.
    if (!changed && cols.lastAccess[v]! <= point) oldest = Math.min(oldest, cols.lastAccess[v]!);
  });
  let copiesAfter = 0;
  const examples: string[] = [];
  if (f.flash) {
    for (const [v, image] of f.images) {
      if (v >= f.volumesAtTimeZero) continue;
      const arrived = f.clusters.some((c) => image.copyLevel[c] !== image.level && cols.copyLevel[c]![v] === image.level && image.copyLevel[c] !== undefined);
      if (!arrived) continue;
      copiesAfter++;
      if (examples.length < EXAMPLES) examples.push(state.volumes.volser(v));
    }
  }
  const lostVolumes = ready.lost;
  return {
    point: f.timeZero,
    pointLabel,
    volumesAtPoint: ready.volumes,
    mountCluster: ready.mountCluster,
    rpo: {
      pointLabel,
      point: f.timeZero === null ? null : isoTime(f.timeZero),
      volumes: ready.volumes,
      recoverable: ready.recoverable,
      lostVolumes,
      lostBytes,
      lost: [...lost.values()].sort((a, b) => b.bytes - a.bytes || a.mc.localeCompare(b.mc) || a.category.localeCompare(b.category)),
      lostExamples: ready.lostVolumes.slice(0, EXAMPLES),
      achievedMinutes: lostVolumes === 0 ? 0 : Number.isFinite(oldest) ? Math.round((point - oldest) / 60_000) : null,
      note: null,
    },
    copiesAfterPoint: f.flash ? copiesAfter : null,
    copiesAfterExamples: examples,
  };
}

export { NO_COPY };
