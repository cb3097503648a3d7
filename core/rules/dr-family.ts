// DR families and FlashCopy for DR testing (seed 000 claims 1–20, FIGS. 3A–3D; spec §7).
// FLASH ENABLE fixes one shared time-zero for the family in constant time: nothing is copied. The
// first change to a volume after time-zero saves its before-image (copy-on-write), so the DR host
// keeps seeing the volume as it was while production and replication go on.

import type { GridState } from '../world/state.js';
import { refuse } from '../world/refusal.js';
import { CATEGORY_INSERT } from '../model/grid.js';
import { NO_COPY } from '../model/volumes.js';
import { reachable } from './reach.js';
import type { DrFamily, TimeZeroImage } from '../world/dr-family.js';
import { clusterAt } from '../model/grid-lookup.js';

export const MAX_FAMILIES = 8;
export const MAX_FAMILY_CLUSTERS = 7;

export function family(state: GridState, name: string): DrFamily {
  const f = state.families.find((x) => x.name === name);
  if (!f) refuse('NO_SUCH_FAMILY', `DR family ${name} is not defined`);
  return f;
}

export function addToFamily(state: GridState, name: string, cluster: number): DrFamily {
  let f = state.families.find((x) => x.name === name);
  if (!f) {
    if (state.families.length >= MAX_FAMILIES) refuse('FAMILY_LIMIT', `at most ${MAX_FAMILIES} DR families`);
    f = { name, clusters: [], timeZero: null, flash: false, writeProtect: false, liveCopy: 'NONE', volumesAtTimeZero: 0, images: new Map(), metadataSnapshots: 0, snapshotOwner: new Map() };
    state.families.push(f);
  }
  if (f.flash) refuse('FLASH_ACTIVE', `DR family ${name} has FlashCopy enabled: disable it before changing members`);
  if (f.clusters.includes(cluster)) refuse('ALREADY_MEMBER', `${clusterAt(state, cluster).name} is already in DR family ${name}`);
  if (f.clusters.length >= MAX_FAMILY_CLUSTERS) refuse('FAMILY_FULL', `a DR family has at most ${MAX_FAMILY_CLUSTERS} clusters`);
  f.clusters.push(cluster);
  if (f.writeProtect) clusterAt(state, cluster).writeProtect = true;
  return f;
}

export function removeFromFamily(state: GridState, name: string, cluster: number): DrFamily {
  const f = family(state, name);
  if (f.flash) refuse('FLASH_ACTIVE', `DR family ${name} has FlashCopy enabled: disable it before changing members`);
  if (!f.clusters.includes(cluster)) refuse('NOT_MEMBER', `${clusterAt(state, cluster).name} is not in DR family ${name}`);
  f.clusters = f.clusters.filter((c) => c !== cluster);
  if (f.clusters.length === 0) state.families = state.families.filter((x) => x !== f);
  return f;
}

export function setFamilyWriteProtect(state: GridState, name: string, on: boolean): DrFamily {
  const f = family(state, name);
  f.writeProtect = on;
  for (const c of f.clusters) clusterAt(state, c).writeProtect = on;
  return f;
}

/** Time-zero for the whole family, in constant time whatever the volume count (claim 1, spec §7). */
export function enableFlash(state: GridState, name: string): DrFamily {
  const f = family(state, name);
  if (f.flash) refuse('FLASH_ACTIVE', `DR family ${name} already has a time-zero`);
  f.flash = true;
  f.timeZero = state.now;
  f.volumesAtTimeZero = state.volumes.count;
  f.images = new Map();
  f.metadataSnapshots = 0;
  f.snapshotOwner = new Map();
  return f;
}

export function disableFlash(state: GridState, name: string): DrFamily {
  const f = family(state, name);
  if (!f.flash) refuse('FLASH_NOT_ACTIVE', `DR family ${name} has no time-zero`);
  for (const m of state.drMounts.values()) {
    if (m.family === name) refuse('SNAPSHOT_MOUNTED', `${state.volumes.volser(m.volume)} is mounted from the time-zero snapshot`);
  }
  f.flash = false;
  f.timeZero = null;
  f.images = new Map();
  f.snapshotOwner = new Map();
  return f;
}

function protectedInFamily(state: GridState, f: DrFamily, category: number): boolean {
  if (category === CATEGORY_INSERT) return false;
  return !f.clusters.some((c) => clusterAt(state, c).excludedCategories.includes(category));
}

function capture(state: GridState, v: number): TimeZeroImage {
  return {
    level: state.volumes.get(v, 'level'),
    category: state.volumes.get(v, 'category'),
    mc: state.volumes.get(v, 'mc'),
    sizeBytes: state.volumes.get(v, 'sizeBytes'),
    copyLevel: state.volumes.copyLevelsOf(v),
  };
}

/**
 * Called before any change to a volume's data, copies or key attributes: the first change after
 * time-zero saves the before-image in every flashed family (claims 9–10: lazily, per volume).
 */
export function preserveTimeZero(state: GridState, v: number): void {
  if (!state.flashActive) return;
  for (const f of state.families) {
    if (!f.flash || v >= f.volumesAtTimeZero || f.images.has(v)) continue;
    if (!protectedInFamily(state, f, state.volumes.get(v, 'category'))) continue;
    f.images.set(v, capture(state, v));
    f.metadataSnapshots++;
  }
}

export function refreshFlashActive(state: GridState): void {
  state.flashActive = state.families.some((f) => f.flash);
}

/** The volume as the DR host sees it: its time-zero image, or the live volume if unchanged since. */
export function imageAtTimeZero(state: GridState, f: DrFamily, v: number): TimeZeroImage | null {
  if (v >= f.volumesAtTimeZero) return null;
  return f.images.get(v) ?? capture(state, v);
}

export type DrSource = { kind: 'snapshot' | 'backup'; cluster: number } | { kind: 'none'; reason: string };

/**
 * Claim 1's order of preference for a DR host mount on `cluster`: the snapshot on that cluster
 * consistent at time-zero, a family peer's snapshot, the cluster's live copy consistent at
 * time-zero and unchanged since (LIVECOPY FAMILY), a family peer's such live copy.
 */
export function resolveAtTimeZero(state: GridState, f: DrFamily, v: number, cluster: number): DrSource {
  const image = imageAtTimeZero(state, f, v);
  if (!image) return { kind: 'none', reason: 'created after time-zero' };
  const cols = state.volumes.cols;
  const order = [cluster, ...f.clusters.filter((c) => c !== cluster)];
  const canReach = (c: number) => reachable(state, cluster, c);
  const flashCapable = (c: number) => clusterAt(state, c).model === 'DISK';
  for (const c of order) {
    if (!f.clusters.includes(c) || !flashCapable(c) || !canReach(c)) continue;
    if (image.copyLevel[c] !== NO_COPY && image.copyLevel[c] === image.level) return { kind: 'snapshot', cluster: c };
  }
  if (f.liveCopy === 'FAMILY') {
    for (const c of order) {
      if (!f.clusters.includes(c) || !canReach(c)) continue;
      // Consistent at time-zero and unchanged since: a copy replicated after time-zero is stale for
      // the test even when it has caught up (seed 000 FIG. 3C: "it would still be stale").
      const live = state.volumes.copyLevelOf(c, v);
      if (image.copyLevel[c] === image.level && live === image.level && cols.level[v] === image.level) return { kind: 'backup', cluster: c };
    }
  }
  return { kind: 'none', reason: 'no copy in the family was consistent at time-zero' };
}

/** The family a DR host's mount on `cluster` is served from, if a time-zero is in force. */
export function flashFamilyFor(state: GridState, hostName: string, cluster: number): DrFamily | null {
  const host = state.hosts.find((h) => h.name === hostName);
  if (!host || host.role !== 'DR') return null;
  return state.families.find((f) => f.flash && f.clusters.includes(cluster)) ?? null;
}

/** Snapshot ownership is discovered within the family only, at the first DR mount (spec §7). */
export function takeSnapshotOwnership(state: GridState, f: DrFamily, v: number, cluster: number): void {
  const owner = f.snapshotOwner.get(v);
  if (owner !== undefined && owner !== cluster && reachable(state, cluster, owner) === false) {
    refuse('OWNERSHIP_UNAVAILABLE', `the snapshot of ${state.volumes.volser(v)} is owned by ${clusterAt(state, owner).name}, which ${clusterAt(state, cluster).name} cannot reach`);
  }
  f.snapshotOwner.set(v, cluster);
}

export function isExcludedCategory(state: GridState, f: DrFamily, category: number): boolean {
  return !protectedInFamily(state, f, category);
}
