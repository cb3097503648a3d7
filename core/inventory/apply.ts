// IMPORT INVENTORY: the volumes of a parsed inventory join the grid as written volumes (level 1) with
// consistent copies exactly where the inventory says, owned by the first cluster it lists — the way
// PRELOAD adds volumes, but per volume rather than per MC. All or nothing: a volser already in the grid
// refuses the whole import before anything changes.

import type { GridState } from '../world/state.js';
import { refuse } from '../world/refusal.js';
import { decodeVolser } from '../model/volser.js';
import { ensureRoom, isScratch, REMOVAL_THRESHOLD } from '../rules/cache.js';
import { placePreloaded } from '../rules/physical/stacked.js';
import { NO_MC_INDEX, type InventoryColumns } from './csv.js';
import { whole, type Sliced } from '../sim/work-slices.js';
import { mcAt } from '../model/grid-lookup.js';

/** Inventory rows checked or added between two progress reports. */
export const IMPORT_SLICE = 50_000;

export type Imported = { imported: number; copies: Record<string, number> };

export function importInventory(state: GridState, c: InventoryColumns): Imported {
  return whole(importInventorySlices(state, c));
}

/**
 * IMPORT INVENTORY in slices of `slice` rows (sim/work-slices.ts): every row is checked before
 * anything changes, then the rows are added and placed in order, so the grid ends as one pass leaves it.
 */
export function* importInventorySlices(state: GridState, c: InventoryColumns, slice = IMPORT_SLICE): Sliced<Imported> {
  for (let i = 0; i < c.count; i++) {
    if (i % slice === 0) yield { done: 0, total: c.count };
    if (state.volumes.findCode(c.code[i]!) >= 0) refuse('VOLUME_EXISTS', `${decodeVolser(c.code[i]!)} (inventory row ${i + 1}) is already in the grid: nothing was imported`);
  }
  for (let i = 0; i < c.count; i++) {
    const mc = c.mc[i] ?? NO_MC_INDEX;
    if (mc !== NO_MC_INDEX && mc >= state.mcs.length) refuse('UNKNOWN_MC', `inventory row ${i + 1} names a Management Class the grid no longer has`);
    if (c.copies[i]! >> state.clusters.length) refuse('UNKNOWN_CLUSTER', `inventory row ${i + 1} names a cluster the grid no longer has`);
  }
  const store = state.volumes;
  store.reserve(store.count + c.count);
  const cols = store.cols;
  const first = store.count;
  // Per cluster: its copy column and what the import adds to it.
  const targets = state.clusters.map((cl) => ({ cl, levels: store.copyLevels(cl.index), copies: 0, cacheAdded: 0 }));
  for (let i = 0; i < c.count; i++) {
    if (i > 0 && i % slice === 0) yield { done: i, total: c.count };
    const v = store.add(c.code[i]!);
    const bits = c.copies[i]!;
    const owner = c.owner[i]!;
    const mcIndex = c.mc[i]!;
    const size = c.sizeBytes[i]!;
    const mc = mcIndex === NO_MC_INDEX ? null : mcAt(state, mcIndex);
    let cache = 0;
    let tape = 0;
    for (const target of targets) {
      const cl = target.cl;
      if (!(bits & (1 << cl.index))) continue;
      // As PRELOAD: disk-only clusters keep the copy in cache; a tape-attached one has it on tape,
      // and in cache too when it owns the volume and the class prefers cache (PG1).
      if (cl.model === 'DISK' || (cl.index === owner && (mc?.preference ?? 'PG1') === 'PG1')) cache |= 1 << cl.index;
      if (cl.model === 'TAPE') tape |= 1 << cl.index;
      target.levels[v] = 1;
      target.copies++;
      if (cache & (1 << cl.index)) target.cacheAdded += size;
    }
    cols.category[v] = c.category[i]!;
    cols.mc[v] = mcIndex;
    cols.owner[v] = owner;
    cols.level[v] = 1;
    cols.sizeBytes[v] = size;
    cols.createdAt[v] = state.now;
    cols.lastAccess[v] = state.now;
    cols.categoryChangedAt[v] = state.now;
    cols.inCache[v] = cache;
    cols.premigrated[v] = tape;
  }
  // Stacked volumes for the tape copies, in runs that share size, class and tape clusters.
  yield { done: c.count, total: c.count };
  let runStart = first;
  for (let v = first + 1; v <= first + c.count; v++) {
    const same = v < first + c.count && cols.premigrated[v] === cols.premigrated[runStart] && cols.sizeBytes[v] === cols.sizeBytes[runStart] && cols.mc[v] === cols.mc[runStart];
    if (same) continue;
    if (cols.premigrated[runStart]) placePreloaded(state, runStart, v - runStart);
    runStart = v;
  }
  for (const { cl, cacheAdded } of targets) cl.cacheUsed += cacheAdded;
  for (let v = first; v < first + c.count; v++) {
    const category = store.get(v, 'category');
    if (isScratch(state, category)) state.scratch.add(category, store.get(v, 'owner'), v);
  }
  for (const cl of state.clusters) if (cl.cacheUsed > cl.cacheBytes * REMOVAL_THRESHOLD) ensureRoom(state, cl.index, 0);
  return { imported: c.count, copies: Object.fromEntries(targets.map(({ cl, copies }) => [cl.name, copies])) };
}
