// Tape volume cache: accounting, pre-migration to physical pools on tape-attached clusters, and the
// volume removal policy on disk-only clusters (Redbook §11.1: scratch first, then least recently used
// private volumes that keep a consistent copy on another cluster; PG0 before PG1).

import type { GridState } from '../world/state.js';
import { premigrationOf } from './premigration-queue.js';
import { CATEGORY_INSERT } from '../model/grid.js';
import { NO_COPY, NOT_MOUNTED } from '../model/volumes.js';
import { emit, reachable } from './reach.js';
import { preserveTimeZero } from './dr-family.js';
import type { FiredEvent } from '../world/events.js';
import { MB } from '../sim/time.js';
import { invalidateTapeCopies, writeToStackedVolumes } from './physical/stacked.js';
import { TrailKind } from '../model/volume-trail.js';
import { clusterAt } from '../model/grid-lookup.js';

/** Auto-removal starts above this share of the cache and frees down to REMOVAL_TARGET. */
export const REMOVAL_THRESHOLD = 0.95;
export const REMOVAL_TARGET = 0.9;
/** TS1140-class drive streaming rate and the mount/positioning time of a stacked volume. */
export const DRIVE_BYTES_PER_MS = (250 * MB) / 1000;
export const DRIVE_MOUNT_MS = 30_000;

export function isInCache(state: GridState, cluster: number, v: number): boolean {
  return (state.volumes.get(v, 'inCache') & (1 << cluster)) !== 0;
}

/** A new level of v lands in cluster's cache (host write, copy or recall). */
export function placeInCache(state: GridState, cluster: number, v: number, level: number, fromTape = false): void {
  const volumes = state.volumes;
  const cols = volumes.cols;
  const c = clusterAt(state, cluster);
  const bit = 1 << cluster;
  const cached = volumes.get(v, 'inCache');
  if (!(cached & bit)) {
    cols.inCache[v] = cached | bit;
    c.cacheUsed += volumes.get(v, 'sizeBytes');
  }
  const copyLevels = volumes.copyLevels(cluster);
  if (copyLevels[v] !== level) {
    preserveTimeZero(state, v);
    copyLevels[v] = level;
    cols.premigrated[v] = volumes.get(v, 'premigrated') & ~bit;
    invalidateTapeCopies(state, cluster, v);
  }
  if (c.model === 'TAPE' && !fromTape && !(volumes.get(v, 'premigrated') & bit)) {
    const queue = premigrationOf(state, cluster);
    queue.volume.push(v);
    queue.level.push(level);
    pumpPremigration(state, cluster);
  }
  if (c.cacheUsed > c.cacheBytes * REMOVAL_THRESHOLD) freeCache(state, cluster, 0);
}

/** Volume size changes while cached (a rewrite): keep the cluster's accounting true. */
export function resizeCached(state: GridState, v: number, newSize: number): void {
  const delta = newSize - state.volumes.get(v, 'sizeBytes');
  if (delta === 0) return;
  preserveTimeZero(state, v);
  const cached = state.volumes.get(v, 'inCache');
  for (const cluster of state.clusters) if (cached & (1 << cluster.index)) cluster.cacheUsed += delta;
  state.volumes.cols.sizeBytes[v] = newSize;
}

export function removeFromCache(state: GridState, cluster: number, v: number): void {
  const volumes = state.volumes;
  const bit = 1 << cluster;
  const cached = volumes.get(v, 'inCache');
  if (!(cached & bit)) return;
  volumes.cols.inCache[v] = cached & ~bit;
  const c = clusterAt(state, cluster);
  c.cacheUsed -= volumes.get(v, 'sizeBytes');
  const disk = c.model === 'DISK';
  state.trail.push(state.now, v, TrailKind.cacheRemoval, cluster, -1, volumes.copyLevelOf(cluster, v), disk ? 1 : 0);
  // A disk-only cluster has no tape behind its cache: removal deletes its copy.
  if (disk) {
    preserveTimeZero(state, v);
    volumes.copyLevels(cluster)[v] = NO_COPY;
  }
}

/**
 * Makes room for `bytes` more in cluster's cache by the removal policy. Returns false when even
 * after removal the bytes do not fit (the cache is full of volumes that have no copy elsewhere).
 */
export function ensureRoom(state: GridState, cluster: number, bytes: number): boolean {
  const c = clusterAt(state, cluster);
  if (c.cacheUsed + bytes <= c.cacheBytes * REMOVAL_THRESHOLD) return true;
  freeCache(state, cluster, bytes);
  return c.cacheUsed + bytes <= c.cacheBytes;
}

function freeCache(state: GridState, cluster: number, incoming: number): void {
  const c = clusterAt(state, cluster);
  const goal = c.cacheBytes * REMOVAL_TARGET - incoming;
  if (c.cacheUsed <= goal) return;
  const removed = c.model === 'TAPE' ? freeTapeCache(state, cluster, goal) : freeDiskCache(state, cluster, goal);
  if (removed > 0) emit(state, 'TZ0400I', c.name, String(removed));
}

/** Tape-attached: only pre-migrated copies leave the cache (the data stays on tape), oldest first. */
function freeTapeCache(state: GridState, cluster: number, goal: number): number {
  const c = clusterAt(state, cluster);
  const volumes = state.volumes;
  const bit = 1 << cluster;
  const fifo = premigrationOf(state, cluster).removable;
  const held: number[] = [];
  let removed = 0;
  while (c.cacheUsed > goal && fifo.length > 0) {
    const v = fifo.shift();
    if (!(volumes.get(v, 'inCache') & bit) || !(volumes.get(v, 'premigrated') & bit)) continue; // recalled and removed since, or rewritten
    if (volumes.cols.mountedOn[v] !== NOT_MOUNTED) {
      held.push(v);
      continue;
    }
    removeFromCache(state, cluster, v);
    removed++;
  }
  for (const v of held.reverse()) fifo.unshift(v);
  return removed;
}

/**
 * Disk-only: scratch volumes first, then private volumes that keep a consistent copy on a reachable
 * peer, PG0 before PG1, least recently used first. One pass over the columns with the per-category and
 * per-class facts worked out once, candidates bucketed by rank in typed arrays.
 */
function freeDiskCache(state: GridState, cluster: number, goal: number): number {
  const c = clusterAt(state, cluster);
  const cols = state.volumes.cols;
  const bit = 1 << cluster;
  const n = state.volumes.count;
  // Redbook §11.1: a private volume leaves the cache only "if a copy of the volume is retained on one
  // of the remaining clusters": the peer must be reachable to validate its copy, so while the
  // copy-holding clusters are down nothing of theirs is removed and the cache fills (§11.2.9).
  const peers: Int32Array[] = [];
  for (let o = 0; o < state.clusters.length; o++) if (o !== cluster && reachable(state, cluster, o)) peers.push(state.volumes.copyLevels(o));
  const scratchCategory = new Uint8Array(65536);
  for (const key of Object.keys(state.categories)) if (isScratch(state, Number(key))) scratchCategory[Number(key)] = 1;
  const pg0 = new Uint8Array(256);
  state.mcs.forEach((m, i) => (pg0[i] = m.preference === 'PG0' ? 1 : 0));
  const { inCache, mountedOn, category, mc, level, lastAccess } = cols;
  // Removal ranks, in order: scratch, private PG0, private PG1.
  const scratch = new RemovalBucket();
  const privatePg0 = new RemovalBucket();
  const privatePg1 = new RemovalBucket();
  for (let v = 0; v < n; v++) {
    if (!(inCache[v]! & bit) || mountedOn[v] !== NOT_MOUNTED) continue;
    if (scratchCategory[category[v]!]) {
      scratch.add(v, lastAccess[v]!);
      continue;
    }
    const current = level[v];
    for (const copies of peers) {
      if (copies[v] === current) {
        (pg0[mc[v]!] ? privatePg0 : privatePg1).add(v, lastAccess[v]!);
        break;
      }
    }
  }
  let removed = 0;
  for (const bucket of [scratch, privatePg0, privatePg1]) {
    if (c.cacheUsed <= goal) break;
    for (const v of bucket.byLastAccess(lastAccess)) {
      if (c.cacheUsed <= goal) return removed;
      removeFromCache(state, cluster, v);
      removed++;
    }
  }
  return removed;
}

/** Removal candidates of one rank, in scan order, with whether that order is already least recently used first. */
class RemovalBucket {
  private ids = new Int32Array(1024);
  private size = 0;
  private lastTime = -Infinity;
  private ordered = true;

  add(v: number, accessedAt: number): void {
    if (this.size === this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    if (accessedAt < this.lastTime) this.ordered = false;
    this.lastTime = accessedAt;
    this.ids[this.size++] = v;
  }

  byLastAccess(lastAccess: Float64Array): ArrayLike<number> & Iterable<number> {
    const list = this.ids.subarray(0, this.size);
    return this.ordered ? list : Array.from(list).sort((a, b) => (lastAccess[a] ?? 0) - (lastAccess[b] ?? 0) || a - b);
  }
}

/**
 * Out of cache resources (TS7700 message HYDIN0169E): free space under 5% even after removal. "Any
 * subsequent scratch mount request will fail ... Specific volume mounts will be allowed, but write
 * operations to the volume will fail" — Redbook §11.2.9: "all scratch mounts and specific mounts with
 * modifications will fail".
 */
export function outOfCache(state: GridState, cluster: number): boolean {
  const c = clusterAt(state, cluster);
  return c.cacheUsed > c.cacheBytes * REMOVAL_THRESHOLD;
}

export function isScratch(state: GridState, category: number): boolean {
  return category !== CATEGORY_INSERT && state.categories[category]?.scratch === true;
}

/** Starts pre-migrations on idle drives (tape-attached clusters only). */
export function pumpPremigration(state: GridState, cluster: number): void {
  const c = clusterAt(state, cluster);
  if (c.status === 'failed' || c.status === 'service') return;
  const queue = premigrationOf(state, cluster);
  const drives = Math.max(1, c.drivesAvailable);
  const copyLevels = state.volumes.copyLevels(cluster);
  while (queue.active < drives && queue.volume.length > 0) {
    const v = queue.volume.shift();
    const level = queue.level.shift();
    if (copyLevels[v] !== level) continue; // superseded by a newer level
    queue.active++;
    const ms = recallTime(state, v);
    state.events.push(state.now + ms, { kind: 'premigrated', args: [cluster, v, level] });
  }
}

/** `resumeCopies` is the copy pump (copies.ts, which imports this module): the event table passes it. */
export function onPremigrated(state: GridState, event: FiredEvent<'premigrated'>, resumeCopies: (state: GridState, cluster: number) => void): void {
  const [cluster, v, level] = event.args;
  const queue = premigrationOf(state, cluster);
  queue.active = Math.max(0, queue.active - 1);
  const volumes = state.volumes;
  const c = clusterAt(state, cluster);
  const current = volumes.copyLevelOf(cluster, v) === level;
  // The copies land on stacked volumes (core/rules/physical); with no scratch stacked volume the volume waits in cache.
  if (c.status !== 'failed' && current && writeToStackedVolumes(state, cluster, v)) {
    volumes.cols.premigrated[v] = volumes.get(v, 'premigrated') | (1 << cluster);
    queue.removable.push(v);
    if (state.mcs[volumes.get(v, 'mc')]?.preference === 'PG0' && volumes.cols.mountedOn[v] === NOT_MOUNTED) {
      removeFromCache(state, cluster, v);
    }
  } else if (c.status === 'failed' && current) {
    queue.volume.unshift(v);
    queue.level.unshift(level);
  }
  pumpPremigration(state, cluster);
  // Pre-migrated data can now leave the cache: copies that waited for room here start again.
  if (state.copies.target(cluster).volume.length > 0) resumeCopies(state, cluster);
}

/** Milliseconds to recall a pre-migrated copy into cache for a mount. */
export function recallTime(state: GridState, v: number): number {
  return DRIVE_MOUNT_MS + Math.ceil(state.volumes.get(v, 'sizeBytes') / DRIVE_BYTES_PER_MS);
}
