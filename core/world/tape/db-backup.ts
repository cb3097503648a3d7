// A Copy Export database backup as the grid state holds it: the source grid's volume database in columns.

import type { CopyMode, PreferenceGroup } from '../../model/grid.js';
import type { Format, Media } from './media.js';

export interface DbPvol {
  volser: string;
  pool: number;
  media: Media;
  format: Format;
  encryptKey: string | null;
  exportedAt: number | null;
}

export interface DbPool {
  number: number;
  media: Media;
  format: Format;
  copyExport: boolean;
  reclaimPool: number;
  reclaimThreshold: number;
  encryptKey: string | null;
}

export interface DbBackup {
  id: number;
  time: number;
  /** composite and distributed library of the source; the tag recovery matches cartridges by */
  sourceGrid: string | null;
  sourceLibrary: string;
  sourceTag: string;
  sourceCode: string;
  exportListVolser: string;
  pool: number;
  /** logical volumes in the source grid's database (before the §11.7.2 filter) */
  inventory: number;
  mcs: { name: string; modes: CopyMode[]; secondaryPool: number | null; preference: PreferenceGroup }[];
  pools: DbPool[];
  pvols: DbPvol[];
  /** columns, one entry per logical volume */
  volser: Uint32Array;
  level: Int32Array;
  tapeLevel: Int32Array;
  sizeBytes: Float64Array;
  category: Uint16Array;
  mc: Uint8Array;
  /** index into pvols */
  pvol: Int32Array;
}
