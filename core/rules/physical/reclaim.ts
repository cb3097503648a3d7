// Reclamation (Redbook §11.5.3): the valid copies on a stacked volume below the threshold move to the
// reclaim pool (RCLS source drive, RCLT target drive) and the emptied volume is erased (SECE) and
// goes back to the common scratch pool. A copy-exported volume is not brought back: "a new secondary
// copy of the remaining valid logical volumes is made using the primary logical volume copy as a
// source"; the next export takes the new copies offsite and the old volume holds nothing active.

import type { GridState } from '../../world/state.js';
import { refuse } from '../../world/refusal.js';
import type { FiredEvent } from '../../world/events.js';
import { DRIVE_MOUNT_MS } from '../cache.js';
import { allocate, NO_PVOL, poolOf, release, returnToScratch, utilization, type PhysicalLibrary, type StackedVolume, type ReclaimJob, pvolAt } from '../../world/tape/library.js';
import { FORMAT_BYTES_PER_MS } from '../../world/tape/media.js';
import type { CopyColumns } from '../../world/tape/standalone.js';
import { libraryOf, placementOf } from './tape-state.js';
import { copyColumns } from '../recovery/standalone.js';

/** Erasing a reclaimed cartridge on a drive before it is scratch again (SECE). */
export const ERASE_MS = 5 * 60_000;

/** Resolves a library key: a cluster index (≥ 0) or a stand-alone library (-1 - index). */
function resolveLibrary(state: GridState, key: number): { lib: PhysicalLibrary; copies: CopyColumns } | null {
  if (key >= 0) {
    const lib = libraryOf(state, key);
    if (!lib) return null;
    const pl = placementOf(state, key);
    return {
      lib,
      copies: {
        count: state.volumes.count,
        columns: [
          { pvol: pl.primary, primary: true },
          { pvol: pl.secondary, primary: false },
        ],
        bytes: pl.tapeBytes,
      },
    };
  }
  const sa = state.tape.standalones[-1 - key];
  return sa ? { lib: sa.physical, copies: copyColumns(sa) } : null;
}

export function reclaimCandidates(lib: PhysicalLibrary, pool: number, threshold: number): StackedVolume[] {
  return lib.pvols.filter(
    (p) =>
      p.pool === pool &&
      // an emptied export-hold volume is reclaimed too: back to scratch after the next export (§11.5.3 tip)
      (p.activeCount > 0 || (p.state === 'copy-exported' && p.location === 'export-hold' && !p.reclaimed)) &&
      p.lockedBy < 0 &&
      (p.state === 'full' || p.state === 'copy-exported' || p.state === 'ror') &&
      p.location !== 'deleted' &&
      utilization(p) <= threshold,
  );
}

export function startReclaim(state: GridState, key: number, lib: PhysicalLibrary, pool: number, threshold: number | null, only: StackedVolume[] | null = null) {
  const def = poolOf(lib, pool);
  if (!def && !only) refuse('NO_SUCH_POOL', `pool ${pool} is not defined on ${lib.name}`);
  if (lib.reclaim && lib.reclaim.stopped === null && (lib.reclaim.current >= 0 || lib.reclaim.queue.length > 0)) {
    refuse('RECLAIM_IN_PROGRESS', `${lib.name} is already reclaiming pool ${lib.reclaim.pool}`);
  }
  const limit = threshold ?? def?.reclaimThreshold ?? 0;
  const queue = only ?? reclaimCandidates(lib, pool, limit);
  const generation = (lib.reclaim?.generation ?? 0) + 1;
  const job: ReclaimJob = { pool, threshold: limit, queue: queue.map((p) => p.id), current: -1, target: -1, startedAt: state.now, reclaimed: [], stopped: null, generation };
  lib.reclaim = job;
  next(state, key, lib, job);
  return { library: lib.name, pool, threshold: limit, candidates: queue.map((p) => ({ pvol: p.volser, utilization: utilization(p), state: p.state, location: p.location })) };
}

function next(state: GridState, key: number, lib: PhysicalLibrary, job: ReclaimJob): void {
  const id = job.queue.shift();
  if (id === undefined) {
    job.current = -1;
    return;
  }
  const p = pvolAt(lib, id);
  job.current = id;
  job.target = poolOf(lib, targetPool(lib, p))?.filling ?? -1;
  const ms = 2 * DRIVE_MOUNT_MS + Math.ceil(p.activeBytes / FORMAT_BYTES_PER_MS[p.format] / 1000) * 1000;
  state.events.push(state.now + ms, { kind: 'reclaim', args: [key, job.generation, id] });
}

/** Where the surviving copies go: the pool's reclaim pool; a Copy Export pool's is itself (§11.5.1). */
export function targetPool(lib: PhysicalLibrary, p: StackedVolume): number {
  return poolOf(lib, p.pool)?.reclaimPool ?? p.pool;
}

export function onReclaim(state: GridState, event: FiredEvent<'reclaim'>): void {
  const [key, generation, id] = event.args;
  const found = resolveLibrary(state, key);
  if (!found) return;
  const { lib, copies } = found;
  const job = lib.reclaim;
  if (!job || job.generation !== generation || job.current !== id) return;
  const p = pvolAt(lib, id);
  const target = targetPool(lib, p);
  for (const { pvol, primary } of copies.columns) {
    for (let v = 0; v < copies.count; v++) {
      if (pvol[v] !== id) continue;
      const bytes = copies.bytes[v] ?? 0;
      const to = allocate(lib, target, bytes, primary, state.now);
      if (to === NO_PVOL) {
        job.stopped = `no scratch stacked volume for pool ${target}`;
        job.current = -1;
        return;
      }
      release(lib, id, bytes, primary);
      pvol[v] = to;
    }
  }
  job.reclaimed.push(p.volser);
  if (p.state === 'copy-exported') {
    // Offsite: nothing to fetch back; in export-hold: to scratch after the next export (§11.5.3 tip).
    if (p.location === 'export-hold') p.reclaimed = true;
  } else if (p.location === 'library' && p.activeCount === 0) {
    p.state = 'erase';
    lib.erasing.push(id);
    state.events.push(state.now + ERASE_MS, { kind: 'erased', args: [key, id] });
  }
  next(state, key, lib, job);
}

export function onErased(state: GridState, event: FiredEvent<'erased'>): void {
  const [key, id] = event.args;
  const found = resolveLibrary(state, key);
  if (!found) return;
  const { lib } = found;
  lib.erasing = lib.erasing.filter((x) => x !== id);
  const p = lib.pvols[id];
  if (p && p.state === 'erase') returnToScratch(lib, p);
}

export function reclaimBusy(lib: PhysicalLibrary): boolean {
  return lib.erasing.length > 0 || (lib.reclaim !== null && lib.reclaim.stopped === null && lib.reclaim.current >= 0);
}
