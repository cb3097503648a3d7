// The TS7700 database backup a Copy Export writes to its stacked volumes (Redbook §11.5: "writes a
// complete TS7740 Virtualization Engine database to each of the physical volumes in the Copy Export
// set"). What recovery needs of it (§11.7.2): every logical volume whose secondary copy is on a
// copy-exported stacked volume — its grid data level, the level of that copy, size, category and
// Management Class — the copy-exported stacked volumes, and the constructs. Columnar, one per run.

import type { GridState } from '../../world/state.js';
import type { DbBackup, DbPool, DbPvol } from '../../world/tape/db-backup.js';
import type { PhysicalLibrary } from '../../world/tape/library.js';
import { pvolAt } from '../../world/tape/library.js';
import { placementOf, libraryAt } from '../physical/tape-state.js';
import type { ExportRun } from '../../world/tape/export-types.js';
import { clusterAt } from '../../model/grid-lookup.js';

export const DB_COLUMN_NAMES = ['volser', 'level', 'tapeLevel', 'sizeBytes', 'category', 'mc', 'pvol'] as const;
export type DbColumn = (typeof DB_COLUMN_NAMES)[number];
export const DB_COLUMNS = { volser: Uint32Array, level: Int32Array, tapeLevel: Int32Array, sizeBytes: Float64Array, category: Uint16Array, mc: Uint8Array, pvol: Int32Array } as const satisfies Record<
  DbColumn,
  unknown
>;

/** Bytes of the backup on a stacked volume: a fixed part plus a record per logical volume. */
export function dbBackupBytes(db: Pick<DbBackup, 'inventory'>): number {
  return 64 * 2 ** 20 + db.inventory * 512;
}

export function sourceTag(state: GridState, cluster: number): string {
  return `${state.name ?? 'GRID'}/${clusterAt(state, cluster).name}`;
}

/**
 * The backup as of now, for `run`: volumes whose valid secondary copy is on a copy-exported stacked
 * volume of the cluster, or on one this run is about to export (`exporting`).
 */
export function takeDbBackup(state: GridState, run: ExportRun, exporting: Set<number>): DbBackup {
  const lib = libraryAt(state, run.cluster);
  const pl = placementOf(state, run.cluster);
  const cols = state.volumes.cols;
  const n = state.volumes.count;
  const offsite = (id: number) => {
    const p = pvolAt(lib, id);
    return (p.state === 'copy-exported' && p.location !== 'deleted') || exporting.has(id);
  };
  const pvolIndex = new Int32Array(lib.pvols.length).fill(-1);
  const pvols: DbPvol[] = [];
  for (const p of lib.pvols) {
    if (!offsite(p.id)) continue;
    pvolIndex[p.id] = pvols.length;
    pvols.push({ volser: p.volser, pool: p.pool, media: p.media, format: p.format, encryptKey: p.encryptKey, exportedAt: p.exportedAt ?? state.now });
  }
  // -1: the secondary copy is not on an offsite stacked volume (or there is none).
  const offsiteIndex = (s: number) => (s < 0 ? -1 : (pvolIndex[s] ?? -1));
  let count = 0;
  for (const s of pl.secondary.subarray(0, n)) if (offsiteIndex(s) >= 0) count++;
  const db: DbBackup = {
    id: state.tape.databases.length,
    time: state.now,
    sourceGrid: state.name,
    sourceLibrary: lib.name,
    sourceTag: sourceTag(state, run.cluster),
    sourceCode: clusterAt(state, run.cluster).code,
    exportListVolser: run.listVolser,
    pool: run.pool,
    inventory: n,
    mcs: state.mcs.map((m) => ({ name: m.name, modes: [...m.modes], secondaryPool: m.secondaryPool, preference: m.preference })),
    pools: poolsOf(lib),
    pvols,
    volser: new Uint32Array(count),
    level: new Int32Array(count),
    tapeLevel: new Int32Array(count),
    sizeBytes: new Float64Array(count),
    category: new Uint16Array(count),
    mc: new Uint8Array(count),
    pvol: new Int32Array(count),
  };
  let k = 0;
  for (let v = 0; v < n; v++) {
    const at = offsiteIndex(pl.secondary[v] ?? -1);
    if (at < 0) continue;
    db.volser[k] = cols.code[v]!;
    db.level[k] = cols.level[v]!;
    db.tapeLevel[k] = pl.tapeLevel[v]!;
    db.sizeBytes[k] = pl.tapeBytes[v]!;
    db.category[k] = cols.category[v]!;
    db.mc[k] = cols.mc[v]!;
    db.pvol[k] = at;
    k++;
  }
  state.tape.databases.push(db);
  return db;
}

export function poolsOf(lib: PhysicalLibrary): DbPool[] {
  return lib.pools.map((p) => ({
    number: p.number,
    media: p.media,
    format: p.format,
    copyExport: p.copyExport,
    reclaimPool: p.reclaimPool,
    reclaimThreshold: p.reclaimThreshold,
    encryptKey: p.encryptKey,
  }));
}
