// Logical volume copies on stacked volumes (Redbook §11.5): pre-migration writes a tape-attached
// cluster's primary copy to the primary pool and, when the Management Class names a secondary pool
// that the cluster defines, a secondary copy there; a new data level invalidates both; recall reads
// the primary. Hooked into core/rules/cache.ts (pre-migration, new level) and topology (PRELOAD).

import type { GridState } from '../../world/state.js';
import { refuse } from '../../world/refusal.js';
import { NO_COPY } from '../../model/volumes.js';
import { allocate, DEFAULT_PRIMARY_POOL, materialize, NO_PVOL, poolOf, release, type PhysicalLibrary, type Pool, pvolAt, definedPool } from '../../world/tape/library.js';
import { libraryOf, placementOf } from './tape-state.js';
import { type Placement } from '../../world/tape/tape-state.js';
import { exportIdFor, notePremigrated } from '../copy-export/routing.js';
import { premigrationOf } from '../premigration-queue.js';

/** The cluster's secondary pool for a volume's Management Class, or null when it keeps no second copy. */
export function secondaryPoolOf(state: GridState, lib: PhysicalLibrary, v: number): number | null {
  const pool = state.mcs[state.volumes.get(v, 'mc')]?.secondaryPool ?? null;
  return pool !== null && poolOf(lib, pool) ? pool : null;
}

function dropCopies(lib: PhysicalLibrary, pl: Placement, v: number, tapeBytes: Float64Array): void {
  const bytes = tapeBytes[v] ?? 0;
  const primary = pl.primary[v] ?? NO_PVOL;
  const secondary = pl.secondary[v] ?? NO_PVOL;
  if (primary >= 0) release(lib, primary, bytes, true);
  if (secondary >= 0) release(lib, secondary, bytes, false);
  pl.primary[v] = NO_PVOL;
  pl.secondary[v] = NO_PVOL;
  pl.tapeLevel[v] = -1;
}

/**
 * Pre-migration of cluster's copy of v finished on a drive: lay the copies on stacked volumes.
 * Returns false when the pool has no scratch stacked volume left: the volume waits (cache-resident)
 * until one is made available (Redbook §11.5.1, E0013).
 */
export function writeToStackedVolumes(state: GridState, cluster: number, v: number): boolean {
  const lib = libraryOf(state, cluster);
  if (!lib) return true;
  const pl = placementOf(state, cluster);
  const level = state.volumes.copyLevelOf(cluster, v);
  const secPool = secondaryPoolOf(state, lib, v);
  const bytes = state.volumes.get(v, 'sizeBytes');
  const sizes = tapeBytesOf(state, cluster);
  const onTape = pl.tapeLevel[v] ?? -1;
  if (onTape === level && (pl.primary[v] ?? NO_PVOL) >= 0) {
    if (secPool === null || (pl.secondary[v] ?? NO_PVOL) >= 0) return true;
    // A second copy the volume lacks (its MC gained a secondary pool): made from the primary.
    const exportId = exportIdFor(state, cluster, secPool, v);
    const sec = allocate(lib, secPool, sizes[v] ?? 0, false, state.now, exportId);
    if (sec === NO_PVOL) return wait(lib, v, level);
    pl.secondary[v] = sec;
    if (exportId >= 0) notePremigrated(state, v, sec);
    return true;
  }
  if (onTape >= 0) dropCopies(lib, pl, v, sizes);
  const primary = allocate(lib, DEFAULT_PRIMARY_POOL, bytes, true, state.now);
  if (primary === NO_PVOL) return wait(lib, v, level);
  let secondary = NO_PVOL;
  const exportId = secPool === null ? -1 : exportIdFor(state, cluster, secPool, v);
  if (secPool !== null) {
    secondary = allocate(lib, secPool, bytes, false, state.now, exportId);
    if (secondary === NO_PVOL) {
      release(lib, primary, bytes, true);
      return wait(lib, v, level);
    }
  }
  pl.primary[v] = primary;
  pl.secondary[v] = secondary;
  pl.tapeLevel[v] = level;
  sizes[v] = bytes;
  if (exportId >= 0) notePremigrated(state, v, secondary);
  return true;
}

function wait(lib: PhysicalLibrary, v: number, level: number): false {
  lib.waiting.volume.push(v);
  lib.waiting.level.push(level);
  return false;
}

/** A new data level of v on cluster: the copies on tape are no longer valid (Redbook §11.5.3). */
export function invalidateTapeCopies(state: GridState, cluster: number, v: number): void {
  const pl = state.tape.placements[cluster];
  if (!pl || (pl.tapeLevel[v] ?? -1) < 0) return;
  const lib = libraryOf(state, cluster);
  if (lib) dropCopies(lib, pl, v, tapeBytesOf(state, cluster));
}

/**
 * Pre-migrations that waited for a scratch stacked volume, retried now that one may be there.
 * Returns how many were written.
 */
export function retryWaiting(state: GridState, cluster: number): number {
  const lib = libraryOf(state, cluster);
  if (!lib || lib.waiting.volume.length === 0) return 0;
  const volumes = state.volumes;
  const copyLevels = volumes.copyLevels(cluster);
  const waited = lib.waiting;
  lib.waiting = { volume: [], level: [] };
  let written = 0;
  for (const [i, v] of waited.volume.entries()) {
    const level = waited.level[i];
    if (level === undefined || copyLevels[v] !== level || level === NO_COPY) continue; // superseded
    if (lib.waiting.volume.length > 0) {
      // Once one waits again, the rest keep their order behind it.
      lib.waiting.volume.push(v);
      lib.waiting.level.push(level);
      continue;
    }
    if (writeToStackedVolumes(state, cluster, v)) {
      volumes.cols.premigrated[v] = volumes.get(v, 'premigrated') | (1 << cluster);
      premigrationOf(state, cluster).removable.push(v);
      written++;
    }
  }
  return written;
}

/**
 * PRELOAD: volumes written before the run are already on stacked volumes of every tape-attached
 * cluster that holds them — on cartridges that were in the library then, so no scratch is consumed.
 */
export function placePreloaded(state: GridState, first: number, n: number): void {
  if (n === 0) return;
  const volumes = state.volumes;
  for (let c = 0; c < state.clusters.length; c++) {
    const lib = libraryOf(state, c);
    if (!lib || !(volumes.get(first, 'premigrated') & (1 << c))) continue;
    const pl = placementOf(state, c);
    const sizes = tapeBytesOf(state, c);
    const secPool = secondaryPoolOf(state, lib, first);
    const bytes = volumes.get(first, 'sizeBytes');
    const level = volumes.copyLevelOf(c, first);
    const primary = new PreloadWriter(lib, definedPool(lib, DEFAULT_PRIMARY_POOL), state.now, true);
    const secondary = secPool === null ? null : new PreloadWriter(lib, definedPool(lib, secPool), state.now, false);
    // The same placements as one put() per volume (primary, then secondary, so cartridges are made in
    // the same order), but a run that fits on both current cartridges is filled in bulk.
    const end = first + n;
    for (let v = first; v < end;) {
      const run = Math.min(end - v, primary.room(bytes), secondary ? secondary.room(bytes) : Infinity);
      if (run === 0) {
        pl.primary[v] = primary.put(bytes);
        pl.secondary[v] = secondary ? secondary.put(bytes) : NO_PVOL;
        v++;
        continue;
      }
      pl.primary.fill(primary.putRun(bytes, run), v, v + run);
      pl.secondary.fill(secondary ? secondary.putRun(bytes, run) : NO_PVOL, v, v + run);
      v += run;
    }
    pl.tapeLevel.fill(level, first, first + n);
    sizes.fill(bytes, first, first + n);
  }
}

/** Fills a pool's volumes in sequence, adding full cartridges as it goes. */
class PreloadWriter {
  private current: ReturnType<typeof materialize> | null;
  constructor(
    private readonly lib: PhysicalLibrary,
    private readonly pool: Pool,
    private readonly now: number,
    private readonly primary: boolean,
  ) {
    const filling = pool.filling >= 0 ? pvolAt(lib, pool.filling) : null;
    this.current = filling && filling.state === 'filling' ? filling : null;
  }

  put(bytes: number): number {
    let p = this.current;
    if (!p || (p.writtenBytes > 0 && p.writtenBytes + bytes > p.capacityBytes)) {
      if (p) {
        p.state = 'full';
        p.filledAt = this.now;
      }
      p = materialize(this.lib, this.pool, this.now, this.pool);
      p.state = 'filling';
      this.pool.filling = p.id;
      this.current = p;
    }
    p.writtenBytes += bytes;
    p.activeBytes += bytes;
    p.activeCount++;
    if (this.primary) p.primaryCount++;
    return p.id;
  }

  /** How many put(bytes) calls in a row the current cartridge takes before put() would start another. */
  room(bytes: number): number {
    const p = this.current;
    if (!p) return 0;
    let written = p.writtenBytes;
    let n = 0;
    while (!(written > 0 && written + bytes > p.capacityBytes)) {
      written += bytes;
      n++;
    }
    return n;
  }

  /** `n` put(bytes) calls that room() says stay on the current cartridge: the same sums, in order. */
  putRun(bytes: number, n: number): number {
    const p = this.current;
    if (!p) throw new Error(`${this.lib.name}: a run of copies with no cartridge filling (room() was 0)`);
    let written = p.writtenBytes;
    let active = p.activeBytes;
    for (let i = 0; i < n; i++) {
      written += bytes;
      active += bytes;
    }
    p.writtenBytes = written;
    p.activeBytes = active;
    p.activeCount += n;
    if (this.primary) p.primaryCount += n;
    return p.id;
  }
}

/**
 * Redbook §11.5.1: "If the TS7700 cannot access the primary version of a logical volume designated for
 * Copy Export and the secondary version is in a pool also defined for Copy Export, that secondary
 * version is made inaccessible and the mount will fail ... When a Copy Export operation is not being
 * performed, if the primary version ... cannot be accessed and a secondary version exists, the
 * secondary becomes the primary." Called before a recall from cluster's tape.
 */
export function checkRecall(state: GridState, cluster: number, v: number): void {
  const lib = libraryOf(state, cluster);
  const pl = state.tape.placements[cluster];
  const primaryId = pl?.primary[v] ?? NO_PVOL;
  if (!lib || !pl || primaryId < 0) return;
  const primary = pvolAt(lib, primaryId);
  if (primary.state !== 'unavailable' && primary.location === 'library') return;
  const volser = state.volumes.volser(v);
  const secondaryId = pl.secondary[v] ?? NO_PVOL;
  const sec = secondaryId >= 0 ? pvolAt(lib, secondaryId) : null;
  // The first rule holds while any Copy Export runs ("regardless of whether that secondary pool is
  // involved"); with none running, the second: the secondary is promoted, wherever its pool.
  const exporting = state.tape.activeExport >= 0;
  if (sec && exporting && poolOf(lib, sec.pool)?.copyExport) {
    refuse(
      'PRIMARY_UNAVAILABLE',
      `${volser}: primary copy on ${primary.volser} is unavailable and its secondary copy is in Copy Export pool ${sec.pool} while a Copy Export runs: it is made inaccessible`,
    );
  }
  if (sec && sec.state !== 'unavailable' && sec.state !== 'copy-exported' && sec.location === 'library') {
    primary.primaryCount = Math.max(0, primary.primaryCount - 1);
    sec.primaryCount++;
    pl.primary[v] = sec.id;
    pl.secondary[v] = NO_PVOL;
    return;
  }
  refuse('PRIMARY_UNAVAILABLE', `${volser}: primary copy on ${primary.volser} is unavailable and no usable secondary copy exists`);
}

/** Bytes of each copy on tape (sizes change before a new level lands, so the old size is kept). */
function tapeBytesOf(state: GridState, cluster: number): Float64Array {
  return placementOf(state, cluster).tapeBytes;
}
