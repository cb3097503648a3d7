// Where pre-migration sends a volume of a running Copy Export: Redbook §11.5.1 — cache-only volumes
// of the export set are copied to the stacked volumes the run locked; everything else, including
// volumes assigned to the pool after the run began, to other volumes of the pool (not exported).
// A volume reaching its locked stacked volume moves the run on (E0014, end of the copy phase).

import type { GridState } from '../../world/state.js';
import type { ExportRun } from '../../world/tape/export-types.js';
import { PENDING } from '../../world/tape/export-types.js';
import { libraryMessage } from './messages.js';
import { exportRunAt } from '../physical/tape-state.js';
import { NO_PVOL } from '../../world/tape/library.js';

export function activeRun(state: GridState): ExportRun | null {
  const i = state.tape.activeExport;
  return i >= 0 ? exportRunAt(state, i) : null;
}

/** Position of volume v in the run's export set (volumes ascending), or -1. */
export function slotOf(run: ExportRun, v: number): number {
  const a = run.volumes;
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = a[mid]!;
    if (x === v) return mid;
    if (x < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The run id whose locked volumes take v's secondary copy in `pool` on `cluster`, or -1. */
export function exportIdFor(state: GridState, cluster: number, pool: number, v: number): number {
  const run = activeRun(state);
  if (!run || run.cluster !== cluster || run.pool !== pool || run.state !== 'premigrating') return -1;
  const i = slotOf(run, v);
  if (i < 0 || run.reason[i] !== PENDING || (run.pvolOf[i] ?? NO_PVOL) >= 0) return -1;
  return run.id;
}

/** An export-set volume reached a locked stacked volume. */
export function notePremigrated(state: GridState, v: number, pvol: number): void {
  const run = activeRun(state);
  if (!run) return;
  const i = slotOf(run, v);
  if (i < 0 || (run.pvolOf[i] ?? NO_PVOL) >= 0) return;
  run.pvolOf[i] = pvol;
  noteResumed(state, run);
  run.outstanding = Math.max(0, run.outstanding - 1);
  if (run.outstanding === 0) copyFinished(state, run);
}

export const LOCK_DELAY_MS = 1_000;

/** All cache-only export volumes are on stacked volumes (E0017): on to the stacked volumes. */
export function copyFinished(state: GridState, run: ExportRun): void {
  if (run.state !== 'premigrating') return;
  libraryMessage(state, run.library, 'E0017');
  run.copyEndedAt = state.now;
  run.state = 'exporting';
  state.events.push(state.now + LOCK_DELAY_MS, { kind: 'ce-lock', args: [run.id, run.generation] });
}

/** A pre-migration of an export volume got through after a scratch wait (E0014). */
export function noteResumed(state: GridState, run: ExportRun): void {
  if (run.scratchWaitSince === null) return;
  run.scratchWaitSince = null;
  libraryMessage(state, run.library, 'E0014');
}
