// A stand-alone recovery library as the grid state holds it (Redbook §11.7).

import type { CopyMode, PreferenceGroup } from '../../model/grid.js';
import type { PhysicalLibrary } from './library.js';
import type { Format } from './media.js';

export interface StandaloneVolumes {
  count: number;
  volser: Uint32Array;
  level: Int32Array;
  sizeBytes: Float64Array;
  category: Uint16Array;
  mc: Uint8Array;
  /** stacked volume (number in the library) holding the volume's copy, -1 when it has no data */
  pvol: Int32Array;
}

export interface RecoveryStep {
  text: string;
  ms: number;
  /** progress counted in items ("XX of YY complete"), 0 when the step has none */
  items: number;
}

export interface RecoveryJob {
  kind: 'ERASE' | 'RECOVER';
  status: 'in progress' | 'completed' | 'failed';
  steps: RecoveryStep[];
  current: number;
  initiated: number;
  stepStartedAt: number;
  ended: number | null;
  generation: number;
  fromPvol: string | null;
  testMode: boolean;
  database: number | null;
  errors: string[];
}

export interface RecoverySummary {
  fromPvol: string;
  database: number;
  sourceLibrary: string;
  sourceGrid: string | null;
  databaseTime: number;
  testMode: boolean;
  inventory: number;
  inDatabase: number;
  recovered: number;
  lostIncompleteCopy: number;
  lostMissingStackedVolume: number;
  conflicts: number;
  lostSamples: { volser: string; reason: string }[];
  conflictVolsers: string[];
  missingStackedVolumes: string[];
  ignoredStackedVolumes: { pvol: string; reason: string }[];
  scratchErased: number;
  encrypted: boolean;
  pools: number[];
}

export interface StandaloneLibrary {
  name: string;
  index: number;
  drives: number;
  drivesAvailable: number;
  formats: Format[];
  code: string;
  keys: string[];
  slots: number;
  /** VOLSER ranges another partition of the same physical library owns (Redbook §11.7.1) */
  partition: string[];
  physical: PhysicalLibrary;
  volumes: StandaloneVolumes;
  mcs: { name: string; modes: CopyMode[]; secondaryPool: number | null; preference: PreferenceGroup }[];
  job: RecoveryJob | null;
  testMode: boolean | null;
  recovery: RecoverySummary | null;
}

/** A library's logical copies by stacked volume: the columns reclamation rewrites. */
export interface CopyColumns {
  count: number;
  columns: { pvol: Int32Array; primary: boolean }[];
  bytes: Float64Array;
}
