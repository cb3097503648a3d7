// Checkpoint form of the tape state (core/engine/checkpoint.ts calls these): the few — libraries,
// pools, stacked volumes, export runs, stand-alone libraries — as JSON; the columns — placements,
// export sets, database backups, stand-alone volumes — as blobs named tape/…, byte for byte.

import type { ExportRun } from '../../world/tape/export-types.js';
import { DB_COLUMN_NAMES, type DbColumn } from '../copy-export/db-backup.js';
import { type DbBackup } from '../../world/tape/db-backup.js';
import { STANDALONE_COLUMN_NAMES } from '../recovery/standalone.js';
import { type StandaloneLibrary } from '../../world/tape/standalone.js';
import { PLACEMENT_COLUMNS } from './tape-state.js';
import { type Placement, type TapeState } from '../../world/tape/tape-state.js';

type Blobs = Record<string, Uint8Array>;
type Typed = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array;
type TypedConstructor<T extends Typed> = { new (n: number): T; BYTES_PER_ELEMENT: number };

const RUN_COLUMN_NAMES = ['volumes', 'reason', 'pvolOf'] as const;
type RunColumn = (typeof RUN_COLUMN_NAMES)[number];

export interface TapeMeta extends Omit<TapeState, 'placements' | 'exports' | 'databases' | 'standalones'> {
  /** per cluster: null, or the placement columns' length (blobs tape/placement/<c>/<column>) */
  placements: (number | null)[];
  exports: (Omit<ExportRun, RunColumn> & { [K in RunColumn]: null })[];
  databases: (Omit<DbBackup, DbColumn> & { [K in DbColumn]: null })[];
  standalones: (Omit<StandaloneLibrary, 'volumes'> & { volumes: { count: number } })[];
}

function bytes(array: Typed): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function typed<T extends Typed>(Type: TypedConstructor<T>, raw: Uint8Array, name: string, length: number | null): T {
  if (raw.byteLength % Type.BYTES_PER_ELEMENT !== 0 || (length !== null && raw.byteLength !== length * Type.BYTES_PER_ELEMENT)) {
    throw new Error(`${name}: ${raw.byteLength} bytes do not make ${length ?? 'whole'} values of ${Type.BYTES_PER_ELEMENT} bytes`);
  }
  const out = new Type(raw.byteLength / Type.BYTES_PER_ELEMENT);
  new Uint8Array(out.buffer).set(raw);
  return out;
}

/** Placement columns saved at exactly the volume count, so the layout does not depend on growth history. */
export function serializeTape(tape: TapeState, volumeCount: number, blobs: Blobs): TapeMeta {
  const placements = tape.placements.map((p, c) => {
    if (!p) return null;
    for (const name of PLACEMENT_COLUMNS) {
      const out = new Int32Array(volumeCount).fill(-1);
      out.set(p[name].subarray(0, Math.min(volumeCount, p[name].length)));
      blobs[`tape/placement/${c}/${name}`] = bytes(out);
    }
    const sizes = new Float64Array(volumeCount);
    sizes.set(p.tapeBytes.subarray(0, Math.min(volumeCount, p.tapeBytes.length)));
    blobs[`tape/placement/${c}/tapeBytes`] = bytes(sizes);
    return volumeCount;
  });
  const exports = tape.exports.map((run, i) => {
    for (const name of RUN_COLUMN_NAMES) blobs[`tape/exports/${i}/${name}`] = bytes(run[name]);
    return { ...run, volumes: null, reason: null, pvolOf: null };
  });
  const databases = tape.databases.map((db, i) => {
    for (const name of DB_COLUMN_NAMES) blobs[`tape/databases/${i}/${name}`] = bytes(db[name]);
    return { ...db, volser: null, level: null, tapeLevel: null, sizeBytes: null, category: null, mc: null, pvol: null };
  });
  const standalones = tape.standalones.map((sa, i) => {
    const count = sa.volumes.count;
    for (const name of STANDALONE_COLUMN_NAMES) blobs[`tape/standalones/${i}/${name}`] = bytes(sa.volumes[name].slice(0, count));
    return { ...sa, volumes: { count } };
  });
  return { ...tape, placements, exports, databases, standalones };
}

export function restoreTape(meta: TapeMeta, blob: (name: string) => Uint8Array): TapeState {
  const placements = meta.placements.map((length, c): Placement | null => {
    if (length === null) return null;
    const col = <T extends Typed>(name: string, Type: TypedConstructor<T>) => typed(Type, blob(`tape/placement/${c}/${name}`), `tape/placement/${c}/${name}`, length);
    return { primary: col('primary', Int32Array), secondary: col('secondary', Int32Array), tapeLevel: col('tapeLevel', Int32Array), tapeBytes: col('tapeBytes', Float64Array) };
  });
  const exports = meta.exports.map((run, i): ExportRun => {
    const col = <T extends Typed>(name: RunColumn, Type: TypedConstructor<T>) => typed(Type, blob(`tape/exports/${i}/${name}`), `tape/exports/${i}/${name}`, null);
    return { ...run, volumes: col('volumes', Int32Array), reason: col('reason', Uint8Array), pvolOf: col('pvolOf', Int32Array) };
  });
  const databases = meta.databases.map((db, i): DbBackup => {
    const col = <T extends Typed>(name: DbColumn, Type: TypedConstructor<T>) => typed(Type, blob(`tape/databases/${i}/${name}`), `tape/databases/${i}/${name}`, null);
    return {
      ...db,
      volser: col('volser', Uint32Array),
      level: col('level', Int32Array),
      tapeLevel: col('tapeLevel', Int32Array),
      sizeBytes: col('sizeBytes', Float64Array),
      category: col('category', Uint16Array),
      mc: col('mc', Uint8Array),
      pvol: col('pvol', Int32Array),
    };
  });
  const standalones = meta.standalones.map((sa, i): StandaloneLibrary => {
    const count = sa.volumes.count;
    const col = <T extends Typed>(name: string, Type: TypedConstructor<T>) => typed(Type, blob(`tape/standalones/${i}/${name}`), `tape/standalones/${i}/${name}`, count);
    const volumes = {
      count,
      volser: col('volser', Uint32Array),
      level: col('level', Int32Array),
      sizeBytes: col('sizeBytes', Float64Array),
      category: col('category', Uint16Array),
      mc: col('mc', Uint8Array),
      pvol: col('pvol', Int32Array),
    };
    return { ...sa, volumes };
  });
  return { ...meta, placements, exports, databases, standalones };
}
