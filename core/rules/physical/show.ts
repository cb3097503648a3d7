// Physical views: SHOW POOL, SHOW PVOL, and the Library Request responses PDRIVE and POOLCNT in the
// layout of Redbook §11.6.2 Examples 11-2 and 11-3.

import type { GridState } from '../../world/state.js';
import { isoTime, MB } from '../../sim/time.js';
import { COMMON_SCRATCH_POOL, countedHere, poolOf, utilization, type PhysicalLibrary, type PvolState, type StackedVolume, pvolAt, definedPool } from '../../world/tape/library.js';
import { DRIVE_TYPE } from '../../world/tape/media.js';
import { targetPool } from './reclaim.js';

const STACKED_LIST_LIMIT = 200;

function counts(lib: PhysicalLibrary, pool: number) {
  const c: Record<PvolState, number> = { empty: 0, filling: 0, full: 0, erase: 0, ror: 0, unavailable: 0, 'copy-exported': 0 };
  for (const p of lib.pvols) if (p.pool === pool && countedHere(p)) c[p.state]++;
  c.empty += poolOf(lib, pool)?.scratch ?? 0;
  return c;
}

export function describePvol(p: StackedVolume) {
  return {
    pvol: p.volser,
    pool: p.pool,
    media: p.media,
    format: p.format,
    state: p.state,
    location: p.location,
    capacityMB: Math.trunc(p.capacityBytes / MB),
    writtenMB: Math.ceil(p.writtenBytes / MB),
    activeMB: Math.trunc(p.activeBytes / MB),
    utilization: utilization(p),
    logicalVolumes: p.activeCount,
    primaryCopies: p.primaryCount,
    encrypted: p.encryptKey !== null,
    keyLabel: p.encryptKey,
    locked: p.lockedBy >= 0,
    exported: p.exportedAt === null ? null : isoTime(p.exportedAt),
    dbBackup: p.dbBackup !== null,
    reclaimed: p.reclaimed,
    source: p.source,
  };
}

export function showPool(lib: PhysicalLibrary, number: number) {
  const pool = definedPool(lib, number);
  const c = counts(lib, number);
  const pvols = lib.pvols.filter((p) => p.pool === number && p.location !== 'deleted');
  return {
    library: lib.name,
    pool: number,
    media: pool.media,
    format: pool.format,
    copyExport: pool.copyExport,
    reclaimPool: pool.reclaimPool,
    reclaimThreshold: pool.reclaimThreshold,
    encryptKey: pool.encryptKey,
    scratch: c.empty,
    empty: c.empty,
    filling: c.filling,
    full: c.full,
    erase: c.erase,
    ror: c.ror,
    unavailable: c.unavailable,
    copyExported: c['copy-exported'],
    activeMB: Math.trunc(pvols.reduce((s, p) => s + p.activeBytes, 0) / MB),
    logicalVolumes: pvols.reduce((s, p) => s + p.activeCount, 0),
    stackedVolumes: pvols
      .slice(0, STACKED_LIST_LIMIT)
      .map((p) => ({ pvol: p.volser, state: p.state, location: p.location, activeMB: Math.trunc(p.activeBytes / MB), utilization: utilization(p), logicalVolumes: p.activeCount })),
    stackedVolumesTotal: pvols.length,
  };
}

/** Example 11-3: PHYSICAL MEDIA COUNTS V2, a row per pool and media. */
export function poolCount(lib: PhysicalLibrary) {
  const rows: { pool: number; media: string; empty: number; filling: number; full: number; erase: number; ror: number; unavailable: number; copyExported: number }[] = [];
  for (const pool of lib.pools) {
    const media = new Set<string>([pool.media]);
    for (const p of lib.pvols) if (p.pool === pool.number && p.location !== 'deleted') media.add(p.media);
    for (const m of media) {
      const row = { pool: pool.number, media: m, empty: 0, filling: 0, full: 0, erase: 0, ror: 0, unavailable: 0, copyExported: 0 };
      for (const p of lib.pvols) {
        if (p.pool !== pool.number || p.media !== m || !countedHere(p)) continue;
        const key = p.state === 'copy-exported' ? 'copyExported' : p.state;
        row[key]++;
      }
      if (m === pool.media) row.empty += pool.scratch;
      rows.push(row);
    }
  }
  const n = (x: number, w: number) => String(x).padStart(w);
  const lines = [
    'PHYSICAL MEDIA COUNTS V2',
    '    POOL MEDIA   EMPTY FILLING    FULL   ERASE     ROR UNAVAIL    CXPT',
    ...rows.map((r) =>
      r.pool === COMMON_SCRATCH_POOL
        ? `${n(r.pool, 8)} ${r.media.padEnd(5)} ${n(r.empty, 7)}`
        : `${n(r.pool, 8)} ${r.media.padEnd(5)} ${n(r.empty, 7)} ${n(r.filling, 7)} ${n(r.full, 7)} ${n(r.erase, 7)} ${n(r.ror, 7)} ${n(r.unavailable, 7)} ${n(r.copyExported, 7)}`,
    ),
  ];
  return { pools: rows, lines };
}

export interface DriveActivity {
  role: 'MIGR' | 'RECA' | 'RCLS' | 'RCLT' | 'SECE';
  pool: number | null;
  pvol: string | null;
  lvol: string | null;
}

/** Example 11-2: PHYSICAL DRIVES V2, a row per drive, roles from what the library is doing now. */
export function physicalDrives(lib: PhysicalLibrary, key: number, drives: number, available: number, activities: DriveActivity[]) {
  const encrypting = lib.pools.some((p) => p.encryptKey !== null);
  const mode = lib.driveFormat + (encrypting ? 'E' : '');
  const rows = [];
  let a = 0;
  for (let i = 0; i < drives; i++) {
    const serial = '0000013D' + (0x0500 + (key & 0xff) * 0x40 + i).toString(16).toUpperCase().padStart(4, '0');
    const avail = i < available;
    const act = avail ? (activities[a++] ?? null) : null;
    rows.push({ serial, type: DRIVE_TYPE[lib.driveFormat], mode, avail: avail ? 'Y' : 'N', role: act?.role ?? 'IDLE', pool: act?.pool ?? null, pvol: act?.pvol ?? null, lvol: act?.lvol ?? null });
  }
  const lines = [
    'PHYSICAL DRIVES V2',
    'SERIAL NUM   TYPE    MODE AVAIL ROLE POOL PVOL   LVOL',
    ...rows.map((r) =>
      `${r.serial} ${r.type} ${r.mode.padEnd(4)} ${r.avail.padEnd(5)} ${r.role} ${r.pool === null ? '    ' : String(r.pool).padStart(2, '0').padEnd(4)} ${(r.pvol ?? '').padEnd(6)} ${r.lvol ?? ''}`.trimEnd(),
    ),
  ];
  return { drives: rows, lines };
}

export function reclaimActivities(lib: PhysicalLibrary): DriveActivity[] {
  const out: DriveActivity[] = [];
  const job = lib.reclaim;
  if (job && job.stopped === null && job.current >= 0) {
    const p = pvolAt(lib, job.current);
    // An exported volume is not brought back: the source drive reads the primary copies instead (§11.5.3).
    out.push({ role: 'RCLS', pool: p.pool, pvol: p.location === 'library' ? p.volser : null, lvol: null });
    const t = job.target >= 0 ? lib.pvols[job.target] : undefined;
    out.push({ role: 'RCLT', pool: t?.pool ?? targetPool(lib, p), pvol: t?.volser ?? null, lvol: null });
  }
  for (const id of lib.erasing) out.push({ role: 'SECE', pool: pvolAt(lib, id).pool, pvol: pvolAt(lib, id).volser, lvol: null });
  return out;
}

export function gridTime(state: GridState): string {
  return isoTime(state.now);
}
