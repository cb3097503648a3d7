// Everything physical the grid state holds beside the logical volumes: one library per tape-attached
// cluster, where each logical volume's primary and secondary copies sit on stacked volumes (columnar:
// an Int32Array per attribute per cluster, indexed by volume number), the Copy Export runs and their
// database backups, and the stand-alone recovery libraries (Redbook §11.5–§11.7).

import type { GridState } from '../../engine/state.js';
import type { PhysicalLibrary } from './library.js';
import type { ExportListVolume, ExportRun } from '../copy-export/types.js';
import type { DbBackup } from '../copy-export/db-backup.js';
import type { StandaloneLibrary } from '../recovery/standalone.js';

/** Where cluster c's copies of each logical volume are on tape, by volume number. */
export interface Placement {
  /** stacked volume (number in the library) holding the primary copy, NO_PVOL when none */
  primary: Int32Array;
  /** stacked volume holding the secondary copy (the MC's secondary pool), NO_PVOL when none */
  secondary: Int32Array;
  /** data level of the copies on tape, -1 when none */
  tapeLevel: Int32Array;
  /** bytes of each copy on tape (a rewrite changes the volume's size before its new level lands) */
  tapeBytes: Float64Array;
}

export interface TapeState {
  /** by cluster index; null for a disk-only cluster */
  libraries: (PhysicalLibrary | null)[];
  placements: (Placement | null)[];
  exportLists: ExportListVolume[];
  exports: ExportRun[];
  /** index into exports of the run in progress, -1 when none (one at a time, Redbook §11.5.1) */
  activeExport: number;
  databases: DbBackup[];
  standalones: StandaloneLibrary[];
  /** logical volume insert processing runs until then: exclusive with Copy Export (§11.5.1) */
  insertUntil: number;
}

export function createTapeState(): TapeState {
  return { libraries: [], placements: [], exportLists: [], exports: [], activeExport: -1, databases: [], standalones: [], insertUntil: 0 };
}

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

/** The placement columns of a tape-attached cluster, grown to the volume store's capacity. */
export function placementOf(state: GridState, cluster: number): Placement {
  let p = state.tape.placements[cluster];
  if (!p) {
    p = { primary: new Int32Array(0), secondary: new Int32Array(0), tapeLevel: new Int32Array(0), tapeBytes: new Float64Array(0) };
    while (state.tape.placements.length <= cluster) state.tape.placements.push(null);
    state.tape.placements[cluster] = p;
  }
  const need = state.volumes.count;
  if (p.primary.length < need) {
    const capacity = Math.max(need, state.volumes.capacity);
    for (const key of PLACEMENT_COLUMNS) {
      const grown = new Int32Array(capacity).fill(-1, p[key].length);
      grown.set(p[key]);
      p[key] = grown;
    }
    const bytes = new Float64Array(capacity);
    bytes.set(p.tapeBytes);
    p.tapeBytes = bytes;
  }
  return p;
}

/** Read-only look at a copy's stacked volumes (no growth): -1 when unknown. */
export function placementAt(state: GridState, cluster: number, v: number): { primary: number; secondary: number; tapeLevel: number } {
  const p = state.tape.placements[cluster];
  if (!p || v >= p.primary.length) return { primary: -1, secondary: -1, tapeLevel: -1 };
  return { primary: p.primary[v] ?? -1, secondary: p.secondary[v] ?? -1, tapeLevel: p.tapeLevel[v] ?? -1 };
}
