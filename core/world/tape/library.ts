// A tape-attached library's physical side (Redbook §11.5, §11.6.2): physical volume pools, stacked
// volumes (the few: objects, indexed by number), the I/O station and the copy-exported limit. A pool's
// empty cartridges are a count until one is taken; a stacked volume exists as an object from then on.

import { refuse } from '../refusal.js';
import { capacityOf, defaultFormatFor, defaultMediaFor, DEFAULT_FORMAT, DEFAULT_MEDIA, type Format, type Media } from './media.js';

export type PvolState = 'empty' | 'filling' | 'full' | 'erase' | 'ror' | 'unavailable' | 'copy-exported';
/** Where a cartridge physically is. */
export type PvolLocation = 'library' | 'export-hold' | 'eject-pending' | 'io-station' | 'vault' | 'deleted' | `standalone:${string}`;

export interface StackedVolume {
  id: number;
  volser: string;
  pool: number;
  media: Media;
  format: Format;
  encryptKey: string | null;
  state: PvolState;
  /** state to return to when an ROR / unavailable condition clears */
  priorState: PvolState | null;
  location: PvolLocation;
  capacityBytes: number;
  /** append point: everything ever written since it was last empty */
  writtenBytes: number;
  /** valid (active) logical volume data on it */
  activeBytes: number;
  activeCount: number;
  /** valid primary copies among them (Redbook §11.5.1: such a volume is not exported) */
  primaryCount: number;
  filledAt: number | null;
  /** a Copy Export run holds it: only that run's volumes are written to it */
  lockedBy: number;
  exportedAt: number | null;
  exportId: number | null;
  /** data MB on it when exported: the MB integer of §11.6.5 */
  exportedBytes: number;
  /** database backup on it: an id in tape.databases */
  dbBackup: number | null;
  /** the database of the export that took it offsite: it lists this volume's logical volumes */
  contentDb: number | null;
  /** reclaimed while in export-hold: back to scratch after the next export (Redbook §11.5.3 tip) */
  reclaimed: boolean;
  /** the library it came from, for cartridges that were transported in */
  source: string | null;
}

export interface Pool {
  number: number;
  media: Media;
  format: Format;
  copyExport: boolean;
  reclaimPool: number;
  /** percent of active data at or below which a full volume is reclaimed */
  reclaimThreshold: number;
  /** empty cartridges not yet taken (pool 0: the common scratch pool) */
  scratch: number;
  encryptKey: string | null;
  /** the volume being filled, or -1 */
  filling: number;
  /** during a Copy Export of this pool: the locked volume being filled with the export's volumes */
  exportFilling: number;
}

export interface IoStation {
  present: boolean;
  slots: number;
  /** the operator marked it full (cartridges that are not ours) */
  full: boolean;
  held: number[];
}

export interface PhysicalLibrary {
  name: string;
  /** two letters every stacked volume VOLSER of this library starts with */
  prefix: string;
  nextSerial: number;
  driveFormat: Format;
  pools: Pool[];
  pvols: StackedVolume[];
  ioStation: IoStation;
  /** ejected cartridges waiting for room in the I/O station */
  ejectQueue: number[];
  copyExportLimit: number;
  /** pre-migrations waiting for a scratch stacked volume: volume number and level */
  waiting: { volume: number[]; level: number[] };
  /** reclamation in progress (RCLS/RCLT drives), null when none */
  reclaim: ReclaimJob | null;
  /** reclaimed volumes being erased on a drive (SECE) before they return to scratch */
  erasing: number[];
}

export interface ReclaimJob {
  pool: number;
  threshold: number;
  /** stacked volumes still to reclaim, in order */
  queue: number[];
  /** the one on the drives now, -1 between volumes */
  current: number;
  target: number;
  startedAt: number;
  reclaimed: string[];
  /** why it stopped early, null while running or when it finished its queue */
  stopped: string | null;
  generation: number;
}

/** Redbook §11.5.1: "The default limit is 2,000 per TS7700 ... adjusted to a maximum of 10,000." */
export const DEFAULT_COPY_EXPORT_LIMIT = 2000;
export const MAX_COPY_EXPORT_LIMIT = 10_000;
/** Empty cartridges a tape-attached cluster starts with in its common scratch pool. */
export const DEFAULT_COMMON_SCRATCH = 10_000;
export const DEFAULT_RECLAIM_THRESHOLD = 35;
export const IO_STATION_SLOTS = 32;
export const COMMON_SCRATCH_POOL = 0;
export const DEFAULT_PRIMARY_POOL = 1;
export const NO_PVOL = -1;

function newPool(number: number, format: Format, media: Media, scratch: number): Pool {
  return { number, media, format, copyExport: false, reclaimPool: number, reclaimThreshold: DEFAULT_RECLAIM_THRESHOLD, scratch, encryptKey: null, filling: NO_PVOL, exportFilling: NO_PVOL };
}

export function createLibrary(name: string, prefix: string, ioStation: boolean, commonScratch: number, driveFormat: Format = DEFAULT_FORMAT): PhysicalLibrary {
  const media = capacityOf(driveFormat, DEFAULT_MEDIA) !== null ? DEFAULT_MEDIA : defaultMediaFor(driveFormat);
  return {
    name,
    prefix,
    nextSerial: 0,
    driveFormat,
    pools: [newPool(COMMON_SCRATCH_POOL, driveFormat, media, commonScratch), newPool(DEFAULT_PRIMARY_POOL, driveFormat, media, 0)],
    pvols: [],
    ioStation: { present: ioStation, slots: IO_STATION_SLOTS, full: false, held: [] },
    ejectQueue: [],
    copyExportLimit: DEFAULT_COPY_EXPORT_LIMIT,
    waiting: { volume: [], level: [] },
    reclaim: null,
    erasing: [],
  };
}

export function poolOf(lib: PhysicalLibrary, number: number): Pool | undefined {
  return lib.pools.find((p) => p.number === number);
}

/** A pool the caller knows is defined (a run's or a volume's own pool). */
export function definedPool(lib: PhysicalLibrary, number: number): Pool {
  const pool = poolOf(lib, number);
  if (pool === undefined) throw new Error(`${lib.name} has no physical volume pool ${number}`);
  return pool;
}

/** Stacked volume number `id` of the library (ids are indexes into pvols, never reused). */
export function pvolAt(lib: PhysicalLibrary, id: number): StackedVolume {
  const pvol = lib.pvols[id];
  if (pvol === undefined) throw new Error(`${lib.name} has no stacked volume #${id} (${lib.pvols.length} known)`);
  return pvol;
}

export interface PoolSpec {
  media: Media | null;
  format: Format | null;
  copyExport: boolean;
  reclaimPool: number | null;
  scratch: number | null;
  encryptKey: string | null;
}

/** POOL <cl> <n> …: defines or changes a physical volume pool. */
export function definePool(lib: PhysicalLibrary, number: number, spec: PoolSpec): Pool {
  let pool = poolOf(lib, number);
  const format = spec.format ?? pool?.format ?? (spec.media ? defaultFormatFor(spec.media, lib.driveFormat) : lib.driveFormat);
  const media = spec.media ?? (pool && capacityOf(format, pool.media) !== null ? pool.media : capacityOf(format, DEFAULT_MEDIA) !== null ? DEFAULT_MEDIA : defaultMediaFor(format));
  if (capacityOf(format, media) === null) refuse('MEDIA_FORMAT', `format ${format} cannot write ${media} media`);
  const copyExport = spec.copyExport || (pool?.copyExport ?? false);
  const reclaimPool = spec.reclaimPool ?? pool?.reclaimPool ?? number;
  // Redbook §11.5.1: "For the secondary pool used for Copy Export, the designated reclaim pool must be
  // the same value as the secondary volume pool" — else primary and backup copies can share a tape.
  if (copyExport && reclaimPool !== number) {
    refuse('RECLAIM_POOL', `pool ${number} is a Copy Export pool: its reclaim pool must be ${number} itself, not ${reclaimPool}`);
  }
  if (number === COMMON_SCRATCH_POOL && (copyExport || spec.encryptKey)) refuse('COMMON_SCRATCH_POOL', 'pool 0 is the common scratch pool: it holds empty cartridges only');
  if (spec.reclaimPool !== null && spec.reclaimPool === COMMON_SCRATCH_POOL) refuse('RECLAIM_POOL', 'the reclaim pool cannot be the common scratch pool 0');
  if (!pool) {
    pool = newPool(number, format, media, 0);
    lib.pools.push(pool);
    lib.pools.sort((a, b) => a.number - b.number);
  }
  pool.format = format;
  pool.media = media;
  pool.copyExport = copyExport;
  pool.reclaimPool = reclaimPool;
  if (spec.encryptKey !== null) pool.encryptKey = spec.encryptKey;
  if (spec.scratch !== null) pool.scratch = spec.scratch;
  return pool;
}

/** Stacked volume VOLSERs: the library's two letters and four digits, the first letter stepping every 10,000. */
function nextVolser(lib: PhysicalLibrary): string {
  const n = lib.nextSerial++;
  const block = Math.floor(n / 10_000);
  const first = String.fromCharCode(lib.prefix.charCodeAt(0) + block);
  return `${first}${lib.prefix[1]}${String(n % 10_000).padStart(4, '0')}`;
}

export function materialize(lib: PhysicalLibrary, pool: Pool, now: number, source: Pool): StackedVolume {
  const pvol: StackedVolume = {
    id: lib.pvols.length,
    volser: nextVolser(lib),
    pool: pool.number,
    media: source.number === COMMON_SCRATCH_POOL ? pool.media : source.media,
    format: pool.format,
    encryptKey: pool.encryptKey,
    state: 'empty',
    priorState: null,
    location: 'library',
    capacityBytes: 0,
    writtenBytes: 0,
    activeBytes: 0,
    activeCount: 0,
    primaryCount: 0,
    filledAt: null,
    lockedBy: -1,
    exportedAt: null,
    exportId: null,
    exportedBytes: 0,
    dbBackup: null,
    contentDb: null,
    reclaimed: false,
    source: null,
  };
  pvol.capacityBytes = capacityOf(pvol.format, pvol.media) ?? capacityOf(pool.format, pool.media) ?? 0;
  void now;
  lib.pvols.push(pvol);
  return pvol;
}

/**
 * A scratch stacked volume for `pool`: an empty one already known in the pool, else one of its
 * uncounted cartridges, else one borrowed from the common scratch pool. Null when none is left.
 */
export function takeScratch(lib: PhysicalLibrary, poolNumber: number, now: number): StackedVolume | null {
  const pool = definedPool(lib, poolNumber);
  const common = definedPool(lib, COMMON_SCRATCH_POOL);
  for (const from of [pool, common]) {
    const known = lib.pvols.find((p) => p.state === 'empty' && p.pool === from.number && p.location === 'library');
    if (known) {
      known.pool = pool.number;
      known.format = pool.format;
      known.encryptKey = pool.encryptKey;
      known.capacityBytes = capacityOf(known.format, known.media) ?? capacityOf(pool.format, pool.media) ?? known.capacityBytes;
      return known;
    }
    if (from.scratch > 0) {
      from.scratch--;
      return materialize(lib, pool, now, from);
    }
  }
  return null;
}

/** Scratch cartridges a pool can still draw on (its own and the common pool's). */
export function scratchAvailable(lib: PhysicalLibrary, poolNumber: number): number {
  let n = 0;
  for (const number of poolNumber === COMMON_SCRATCH_POOL ? [COMMON_SCRATCH_POOL] : [poolNumber, COMMON_SCRATCH_POOL]) {
    const pool = poolOf(lib, number);
    if (!pool) continue;
    n += pool.scratch;
    for (const p of lib.pvols) if (p.state === 'empty' && p.pool === number && p.location === 'library') n++;
  }
  return n;
}

/**
 * Room for one logical volume copy of `bytes` in `pool`: the volume being filled, else a scratch one.
 * `forExport` writes to the volumes a running Copy Export locked (its own filling volume).
 * Returns the stacked volume number or NO_PVOL when no scratch volume is left.
 */
export function allocate(lib: PhysicalLibrary, poolNumber: number, bytes: number, primary: boolean, now: number, exportId = -1): number {
  const pool = definedPool(lib, poolNumber);
  const slot = exportId >= 0 ? 'exportFilling' : 'filling';
  let pvol = pool[slot] >= 0 ? pvolAt(lib, pool[slot]) : null;
  if (pvol && pvol.state === 'filling' && pvol.writtenBytes > 0 && pvol.writtenBytes + bytes > pvol.capacityBytes) {
    pvol.state = 'full';
    pvol.filledAt = now;
    pvol = null;
  }
  if (!pvol || pvol.state !== 'filling' || pvol.location !== 'library') {
    const fresh = takeScratch(lib, poolNumber, now);
    if (!fresh) {
      pool[slot] = NO_PVOL;
      return NO_PVOL;
    }
    fresh.state = 'filling';
    fresh.writtenBytes = 0;
    fresh.lockedBy = exportId;
    pool[slot] = fresh.id;
    pvol = fresh;
  }
  pvol.writtenBytes += bytes;
  pvol.activeBytes += bytes;
  pvol.activeCount++;
  if (primary) pvol.primaryCount++;
  return pvol.id;
}

/** A copy on `id` became invalid (rewritten, reclaimed elsewhere): its space is no longer active. */
export function release(lib: PhysicalLibrary, id: number, bytes: number, primary: boolean): void {
  const pvol = lib.pvols[id];
  if (!pvol) return;
  pvol.activeBytes = Math.max(0, pvol.activeBytes - bytes);
  pvol.activeCount = Math.max(0, pvol.activeCount - 1);
  if (primary) pvol.primaryCount = Math.max(0, pvol.primaryCount - 1);
  // A full volume in the library with nothing active left needs no reclaim: it is empty again.
  if (pvol.activeCount === 0 && pvol.state === 'full' && pvol.location === 'library' && pvol.lockedBy < 0) returnToScratch(lib, pvol);
}

/** Back to the common scratch pool as an empty cartridge (Redbook §11.5.3). */
export function returnToScratch(lib: PhysicalLibrary, pvol: StackedVolume): void {
  for (const pool of lib.pools) {
    if (pool.filling === pvol.id) pool.filling = NO_PVOL;
    if (pool.exportFilling === pvol.id) pool.exportFilling = NO_PVOL;
  }
  pvol.state = 'empty';
  pvol.pool = COMMON_SCRATCH_POOL;
  pvol.location = 'library';
  pvol.writtenBytes = 0;
  pvol.activeBytes = 0;
  pvol.activeCount = 0;
  pvol.primaryCount = 0;
  pvol.filledAt = null;
  pvol.lockedBy = -1;
  pvol.exportedAt = null;
  pvol.exportId = null;
  pvol.exportedBytes = 0;
  pvol.dbBackup = null;
  pvol.contentDb = null;
  pvol.reclaimed = false;
}

export function findPvol(lib: PhysicalLibrary, volser: string): StackedVolume | undefined {
  return lib.pvols.find((p) => p.volser === volser && p.location !== 'deleted');
}

/**
 * Cartridges this library counts: not deleted, and not carried to a stand-alone library — except
 * copy-exported ones, which the source keeps managing wherever they are (Redbook §11.5.3).
 */
export function countedHere(p: StackedVolume): boolean {
  if (p.location === 'deleted') return false;
  return p.state === 'copy-exported' || !p.location.startsWith('standalone:');
}

export function copyExportedCount(lib: PhysicalLibrary): number {
  let n = 0;
  for (const p of lib.pvols) if (p.state === 'copy-exported' && p.location !== 'deleted') n++;
  return n;
}

/** Percent of the cartridge's capacity holding active data. */
export function utilization(pvol: StackedVolume): number {
  if (pvol.capacityBytes <= 0) return 0;
  return Math.min(100, Math.round((pvol.activeBytes / pvol.capacityBytes) * 1000) / 10);
}
