// Everything physical the grid state holds beside the logical volumes: one library per tape-attached
// cluster, where each logical volume's primary and secondary copies sit on stacked volumes (columnar:
// an Int32Array per attribute per cluster, indexed by volume number), the Copy Export runs and their
// database backups, and the stand-alone recovery libraries (Redbook §11.5–§11.7).

import type { PhysicalLibrary } from './library.js';
import type { ExportListVolume, ExportRun } from './export-types.js';
import type { DbBackup } from './db-backup.js';
import type { StandaloneLibrary } from './standalone.js';

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
