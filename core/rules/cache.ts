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

/** Auto-removal starts above this share of the cache and frees down to REMOVAL_TARGET. */
export const REMOVAL_THRESHOLD = 0.95;
export const REMOVAL_TARGET = 0.9;
/** TS1140-class drive streaming rate and the mount/positioning time of a stacked volume. */
export const DRIVE_BYTES_PER_MS = (250 * MB) / 1000;
export const DRIVE_MOUNT_MS = 30_000;

export function isInCache(state: GridState, cluster: number, v: number): boolean {
  return (state.volumes.cols.inCache[v]! & (1 << cluster)) !== 0;
}

/** A new level of v lands in cluster's cache (host write, copy or recall). */
export function placeInCache(state: GridState, cluster: number, v: number, level: number, fromTape = false): void {
  const cols = state.volumes.cols;
  const bit = 1 << cluster;
  if (!(cols.inCache[v]! & bit)) {
    cols.inCache[v]! |= bit;
    state.clusters[cluster]!.cacheUsed += cols.sizeBytes[v]!;
  }
  if (cols.copyLevel[cluster]![v] !== level) {
    preserveTimeZero(state, v);
    cols.copyLevel[cluster]![v] = level;
    cols.premigrated[v]! &= ~bit;
    invalidateTapeCopies(state, cluster, v);
  }
  if (state.clusters[cluster]!.model === 'TAPE' && !fromTape && !(cols.premigrated[v]! & bit)) {
    const queue = premigrationOf(state, cluster);
    queue.volume.push(v);
    queue.level.push(level);
    pumpPremigration(state, cluster);
  }
  if (state.clusters[cluster]!.cacheUsed > state.clusters[cluster]!.cacheBytes * REMOVAL_THRESHOLD) freeCache(state, cluster, 0);
}

/** Volume size changes while cached (a rewrite): keep the cluster's accounting true. */
export function resizeCached(state: GridState, v: number, newSize: number): void {
  const cols = state.volumes.cols;
  const delta = newSize - cols.sizeBytes[v]!;
  if (delta === 0) return;
  preserveTimeZero(state, v);
  for (const cluster of state.clusters) if (cols.inCache[v]! & (1 << cluster.index)) cluster.cacheUsed += delta;
  cols.sizeBytes[v] = newSize;
}

export function removeFromCache(state: GridState, cluster: number, v: number): void {
  const cols = state.volumes.cols;
  const bit = 1 << cluster;
  if (!(cols.inCache[v]! & bit)) return;
  cols.inCache[v]! &= ~bit;
  state.clusters[cluster]!.cacheUsed -= cols.sizeBytes[v]!;
  const disk = state.clusters[cluster]!.model === 'DISK';
  state.trail.push(state.now, v, TrailKind.cacheRemoval, cluster, -1, cols.copyLevel[cluster]![v]!, disk ? 1 : 0);
  // A disk-only cluster has no tape behind its cache: removal deletes its copy.
  if (disk) {
    preserveTimeZero(state, v);
    cols.copyLevel[cluster]![v] = NO_COPY;
  }
}

/**
 * Makes room for `bytes` more in cluster's cache by the removal policy. Returns false when even
 * after removal the bytes do not fit (the cache is full of volumes that have no copy elsewhere).
 */
export function ensureRoom(state: GridState, cluster: number, bytes: number): boolean {
  const c = state.clusters[cluster]!;
  if (c.cacheUsed + bytes <= c.cacheBytes * REMOVAL_THRESHOLD) return true;
  freeCache(state, cluster, bytes);
  return c.cacheUsed + bytes <= c.cacheBytes;
}

function freeCache(state: GridState, cluster: number, incoming: number): void {
  const c = state.clusters[cluster]!;
  const goal = c.cacheBytes * REMOVAL_TARGET - incoming;
  if (c.cacheUsed <= goal) return;
  const removed = c.model === 'TAPE' ? freeTapeCache(state, cluster, goal) : freeDiskCache(state, cluster, goal);
  if (removed > 0) emit(state, 'TZ0400I', c.name, String(removed));
}

/** Tape-attached: only pre-migrated copies leave the cache (the data stays on tape), oldest first. */
function freeTapeCache(state: GridState, cluster: number, goal: number): number {
  const c = state.clusters[cluster]!;
  const cols = state.volumes.cols;
  const bit = 1 << cluster;
  const fifo = premigrationOf(state, cluster).removable;
  const held: number[] = [];
  let removed = 0;
  while (c.cacheUsed > goal && fifo.length > 0) {
    const v = fifo.shift();
    if (!(cols.inCache[v]! & bit) || !(cols.premigrated[v]! & bit)) continue; // recalled and removed since, or rewritten
    if (cols.mountedOn[v] !== NOT_MOUNTED) {
      held.push(v);
      continue;
    }
    removeFromCache(state, cluster, v);
    removed++;
  }
  for (let k = held.length - 1; k >= 0; k--) fifo.unshift(held[k]!);
  return removed;
}

/**
 * Disk-only: scratch volumes first, then private volumes that keep a consistent copy on a reachable
 * peer, PG0 before PG1, least recently used first. One pass over the columns with the per-category and
 * per-class facts worked out once, candidates bucketed by rank in typed arrays.
 */
function freeDiskCache(state: GridState, cluster: number, goal: number): number {
  const c = state.clusters[cluster]!;
  const cols = state.volumes.cols;
  const bit = 1 << cluster;
  const n = state.volumes.count;
  // Redbook §11.1: a private volume leaves the cache only "if a copy of the volume is retained on one
  // of the remaining clusters": the peer must be reachable to validate its copy, so while the
  // copy-holding clusters are down nothing of theirs is removed and the cache fills (§11.2.9).
  const peers: Int32Array[] = [];
  for (let o = 0; o < state.clusters.length; o++) if (o !== cluster && reachable(state, cluster, o)) peers.push(cols.copyLevel[o]!);
  const scratchCategory = new Uint8Array(65536);
  for (const key of Object.keys(state.categories)) if (isScratch(state, Number(key))) scratchCategory[Number(key)] = 1;
  const pg0 = new Uint8Array(256);
  state.mcs.forEach((m, i) => (pg0[i] = m.preference === 'PG0' ? 1 : 0));
  const { inCache, mountedOn, category, mc, level, lastAccess } = cols;
  const buckets = [new Int32Array(1024), new Int32Array(1024), new Int32Array(1024)];
  const sizes = [0, 0, 0];
  const ordered = [true, true, true];
  const add = (rank: number, v: number) => {
    let bucket = buckets[rank]!;
    const k = sizes[rank]!;
    if (k === bucket.length) {
      const grown = new Int32Array(bucket.length * 2);
      grown.set(bucket);
      buckets[rank] = bucket = grown;
    }
    if (k > 0 && lastAccess[bucket[k - 1]!]! > lastAccess[v]!) ordered[rank] = false;
    bucket[k] = v;
    sizes[rank] = k + 1;
  };
  for (let v = 0; v < n; v++) {
    if (!(inCache[v]! & bit) || mountedOn[v] !== NOT_MOUNTED) continue;
    if (scratchCategory[category[v]!]) {
      add(0, v);
      continue;
    }
    const current = level[v]!;
    for (const copies of peers) {
      if (copies[v] === current) {
        add(pg0[mc[v]!] ? 1 : 2, v);
        break;
      }
    }
  }
  let removed = 0;
  for (let rank = 0; rank < 3 && c.cacheUsed > goal; rank++) {
    let list: ArrayLike<number> = buckets[rank]!.subarray(0, sizes[rank]!);
    if (!ordered[rank]) list = Array.from(list).sort((a, b) => lastAccess[a]! - lastAccess[b]! || a - b);
    for (let i = 0; i < list.length && c.cacheUsed > goal; i++) {
      removeFromCache(state, cluster, list[i]!);
      removed++;
    }
  }
  return removed;
}

/**
 * Out of cache resources (TS7700 message HYDIN0169E): free space under 5% even after removal. "Any
 * subsequent scratch mount request will fail ... Specific volume mounts will be allowed, but write
 * operations to the volume will fail" — Redbook §11.2.9: "all scratch mounts and specific mounts with
 * modifications will fail".
 */
export function outOfCache(state: GridState, cluster: number): boolean {
  const c = state.clusters[cluster]!;
  return c.cacheUsed > c.cacheBytes * REMOVAL_THRESHOLD;
}

export function isScratch(state: GridState, category: number): boolean {
  return category !== CATEGORY_INSERT && state.categories[category]?.scratch === true;
}

/** Starts pre-migrations on idle drives (tape-attached clusters only). */
export function pumpPremigration(state: GridState, cluster: number): void {
  const c = state.clusters[cluster]!;
  if (c.status === 'failed' || c.status === 'service') return;
  const queue = premigrationOf(state, cluster);
  const drives = Math.max(1, c.drivesAvailable);
  const cols = state.volumes.cols;
  while (queue.active < drives && queue.volume.length > 0) {
    const v = queue.volume.shift();
    const level = queue.level.shift();
    if (cols.copyLevel[cluster]![v] !== level) continue; // superseded by a newer level
    queue.active++;
    const ms = DRIVE_MOUNT_MS + Math.ceil(cols.sizeBytes[v]! / DRIVE_BYTES_PER_MS);
    state.events.push(state.now + ms, { kind: 'premigrated', args: [cluster, v, level] });
  }
}

/** `resumeCopies` is the copy pump (copies.ts, which imports this module): the event table passes it. */
export function onPremigrated(state: GridState, event: FiredEvent<'premigrated'>, resumeCopies: (state: GridState, cluster: number) => void): void {
  const [cluster, v, level] = event.args;
  const queue = premigrationOf(state, cluster);
  queue.active = Math.max(0, queue.active - 1);
  const cols = state.volumes.cols;
  const c = state.clusters[cluster]!;
  // The copies land on stacked volumes (core/rules/physical); with no scratch stacked volume the volume waits in cache.
  if (c.status !== 'failed' && cols.copyLevel[cluster]![v] === level && writeToStackedVolumes(state, cluster, v)) {
    cols.premigrated[v]! |= 1 << cluster;
    queue.removable.push(v);
    if (state.mcs[cols.mc[v]!]?.preference === 'PG0' && cols.mountedOn[v] === NOT_MOUNTED) {
      removeFromCache(state, cluster, v);
    }
  } else if (c.status === 'failed' && cols.copyLevel[cluster]![v] === level) {
    queue.volume.unshift(v);
    queue.level.unshift(level);
  }
  pumpPremigration(state, cluster);
  // Pre-migrated data can now leave the cache: copies that waited for room here start again.
  if (state.copies.target(cluster).volume.length > 0) resumeCopies(state, cluster);
}

/** Milliseconds to recall a pre-migrated copy into cache for a mount. */
export function recallTime(state: GridState, v: number): number {
  return DRIVE_MOUNT_MS + Math.ceil(state.volumes.cols.sizeBytes[v]! / DRIVE_BYTES_PER_MS);
}
