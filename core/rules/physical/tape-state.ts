// Finding a cluster's library and the placement columns of its copies, grown to the volume store.

import type { GridState } from '../../world/state.js';
import type { PhysicalLibrary } from '../../world/tape/library.js';
import type { Placement } from '../../world/tape/tape-state.js';
import type { ExportRun } from '../../world/tape/export-types.js';
import type { DbBackup } from '../../world/tape/db-backup.js';
import { extended } from '../../model/typed-arrays.js';

export function libraryOf(state: GridState, cluster: number): PhysicalLibrary | null {
  return state.tape.libraries[cluster] ?? null;
}

/** The library of a cluster the caller knows is tape-attached. */
export function libraryAt(state: GridState, cluster: number): PhysicalLibrary {
  const lib = libraryOf(state, cluster);
  if (lib === null) throw new Error(`cluster #${cluster} has no physical library`);
  return lib;
}

/** Copy Export run `id` (ids are indexes into tape.exports). */
export function exportRunAt(state: GridState, id: number): ExportRun {
  const run = state.tape.exports[id];
  if (run === undefined) throw new Error(`no Copy Export run #${id} (${state.tape.exports.length} known)`);
  return run;
}

/** Copy Export database backup `id` (ids are indexes into tape.databases). */
export function databaseAt(state: GridState, id: number): DbBackup {
  const db = state.tape.databases[id];
  if (db === undefined) throw new Error(`no Copy Export database backup #${id} (${state.tape.databases.length} known)`);
  return db;
}

export const PLACEMENT_COLUMNS = ['primary', 'secondary', 'tapeLevel'] as const;

/**
 * The placement columns of a tape-attached cluster, grown to the volume count: -1 ("no placement") is
 * written for the volumes alone, not ahead into room the store may never fill — a PRELOAD overwrites
 * it at once, and memory filled ahead is memory faulted in for nothing. Readers treat a column shorter
 * than the count as -1 beyond its end (as after a restore, which saves exactly the count).
 */
export function placementOf(state: GridState, cluster: number): Placement {
  let p = state.tape.placements[cluster];
  if (!p) {
    p = { primary: new Int32Array(0), secondary: new Int32Array(0), tapeLevel: new Int32Array(0), tapeBytes: new Float64Array(0) };
    while (state.tape.placements.length <= cluster) state.tape.placements.push(null);
    state.tape.placements[cluster] = p;
  }
  const need = state.volumes.count;
  if (p.primary.length < need) {
    // Grown into the room behind the columns where there is some (see extended): nothing copied.
    const soon = state.volumes.capacity;
    for (const key of PLACEMENT_COLUMNS) p[key] = extended(p[key], need, soon).fill(-1, p[key].length);
    p.tapeBytes = extended(p.tapeBytes, need, soon);
  }
  return p;
}

/** Read-only look at a copy's stacked volumes (no growth): -1 when unknown. */
export function placementAt(state: GridState, cluster: number, v: number): { primary: number; secondary: number; tapeLevel: number } {
  const p = state.tape.placements[cluster];
  if (!p || v >= p.primary.length) return { primary: -1, secondary: -1, tapeLevel: -1 };
  return { primary: p.primary[v] ?? -1, secondary: p.secondary[v] ?? -1, tapeLevel: p.tapeLevel[v] ?? -1 };
}
