// Tape volume cache: accounting, pre-migration to physical pools on tape-attached clusters, and the
// volume removal policy on disk-only clusters (Redbook §11.1: scratch first, then least recently used
// private volumes that keep a consistent copy on another cluster; PG0 before PG1).

import type { GridState } from '../engine/state.js';
import { CATEGORY_INSERT } from '../model/grid.js';
import { NO_COPY, NOT_MOUNTED } from '../model/volumes.js';
import { NumberFifo } from '../model/number-fifo.js';
import { emit, reachable } from './reach.js';
import { preserveTimeZero } from './dr-family.js';
import { onEvent } from '../sim/run.js';
import { MB } from '../sim/time.js';

/** Auto-removal starts above this share of the cache and frees down to REMOVAL_TARGET. */
export const REMOVAL_THRESHOLD = 0.95;
export const REMOVAL_TARGET = 0.9;
/** TS1140-class drive streaming rate and the mount/positioning time of a stacked volume. */
export const DRIVE_BYTES_PER_MS = (250 * MB) / 1000;
export const DRIVE_MOUNT_MS = 30_000;

export interface Premigration {
  volume: NumberFifo;
  level: NumberFifo;
  active: number;
}

export function premigrationOf(state: GridState, cluster: number): Premigration {
  while (state.premigration.length <= cluster) {
    state.premigration.push({ volume: new NumberFifo(), level: new NumberFifo(), active: 0 });
  }
  return state.premigration[cluster]!;
}

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
  // A disk-only cluster has no tape behind its cache: removal deletes its copy.
  if (state.clusters[cluster]!.model === 'DISK') {
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
  const cols = state.volumes.cols;
  const bit = 1 << cluster;
  const n = state.volumes.count;
  const tape = c.model === 'TAPE';
  // Rank: 0 scratch, 1 private PG0, 2 private PG1; then least recently used.
  const candidates: number[] = [];
  for (let v = 0; v < n; v++) {
    if (!(cols.inCache[v]! & bit) || cols.mountedOn[v] !== NOT_MOUNTED) continue;
    const level = cols.level[v]!;
    if (tape) {
      if (cols.premigrated[v]! & bit) candidates.push(v);
      continue;
    }
    if (isScratch(state, cols.category[v]!)) {
      candidates.push(v);
      continue;
    }
    // Redbook §11.1: a private volume leaves the cache only "if a copy of the volume is retained on one
    // of the remaining clusters": the peer must be reachable to validate its copy, so while the
    // copy-holding clusters are down nothing of theirs is removed and the cache fills (§11.2.9).
    for (let o = 0; o < state.clusters.length; o++) {
      if (o !== cluster && cols.copyLevel[o]![v] === level && reachable(state, cluster, o)) {
        candidates.push(v);
        break;
      }
    }
  }
  const rank = (v: number) =>
    !tape && isScratch(state, cols.category[v]!) ? 0 : state.mcs[cols.mc[v]!]?.preference === 'PG0' ? 1 : 2;
  candidates.sort((a, b) => rank(a) - rank(b) || cols.lastAccess[a]! - cols.lastAccess[b]! || a - b);
  let removed = 0;
  for (const v of candidates) {
    if (c.cacheUsed <= goal) break;
    removeFromCache(state, cluster, v);
    removed++;
  }
  if (removed > 0) emit(state, 'TZ0400I', c.name, String(removed));
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
    state.events.push(state.now + ms, 'premigrated', [cluster, v, level]);
  }
}

onEvent('premigrated', (state, event) => {
  const [cluster, v, level] = event.args as [number, number, number];
  const queue = premigrationOf(state, cluster);
  queue.active = Math.max(0, queue.active - 1);
  const cols = state.volumes.cols;
  const c = state.clusters[cluster]!;
  if (c.status !== 'failed' && cols.copyLevel[cluster]![v] === level) {
    cols.premigrated[v]! |= 1 << cluster;
    if (state.mcs[cols.mc[v]!]?.preference === 'PG0' && cols.mountedOn[v] === NOT_MOUNTED) {
      removeFromCache(state, cluster, v);
    }
  } else if (c.status === 'failed' && cols.copyLevel[cluster]![v] === level) {
    queue.volume.unshift(v);
    queue.level.unshift(level);
  }
  pumpPremigration(state, cluster);
});

/** Milliseconds to recall a pre-migrated copy into cache for a mount. */
export function recallTime(state: GridState, v: number): number {
  return DRIVE_MOUNT_MS + Math.ceil(state.volumes.cols.sizeBytes[v]! / DRIVE_BYTES_PER_MS);
}
