// ADVANCE over a long stretch of simulated time (a week of production, a Copy Export's premigration,
// a recovery's task list) works in slices: every few thousand events it checks the wall clock and,
// when a slice's worth of time has passed, yields how far it is, so the console shows a bar and can
// take a Cancel. The events run in the same order with the same checks as one call of run.ts does,
// so the grid ends the same whether anyone watched; only where it pauses depends on the wall clock.

import type { Sliced, WorkProgress } from '../sim/work-slices.js';
import { advanceTo, advanceUntil } from './run.js';
import type { GridState } from './state.js';

const EVENTS_PER_CHECK = 2048;
const MS_PER_SLICE = 50;

/** advanceUntil() in slices: `progress` says how far it is at each pause. */
export function* advanceUntilInSlices(state: GridState, done: () => boolean, limit: number, progress: () => WorkProgress): Sliced<boolean> {
  let lastPause = performance.now();
  for (;;) {
    let events = 0;
    let paused = false;
    // done() is asked again at the same state after a pause: it only reads the grid.
    const held = advanceUntil(
      state,
      () => {
        if (done()) return true;
        if (++events < EVENTS_PER_CHECK) return false;
        paused = true;
        return true;
      },
      limit,
    );
    if (!paused) return held;
    if (performance.now() - lastPause >= MS_PER_SLICE) {
      yield progress();
      lastPause = performance.now();
    }
  }
}

/** advanceTo() in slices. */
export function* advanceToInSlices(state: GridState, until: number, progress: () => WorkProgress): Sliced<void> {
  yield* advanceUntilInSlices(state, () => false, until, progress);
  advanceTo(state, until);
}

/** How far an advance from `from` is, in simulated seconds, against `until` (or, without one, the latest event queued). */
export function simulatedProgress(state: GridState, from: number, until: number | null): WorkProgress {
  const end = until ?? Math.max(state.now, state.events.latestTime() ?? state.now);
  return { done: Math.floor((state.now - from) / 1000), total: Math.max(1, Math.ceil((end - from) / 1000)), unit: 'simulated seconds' };
}

/** Copies waiting or in flight to every cluster. */
function pendingCopies(state: GridState): number {
  let n = 0;
  for (const q of state.copies.targets) n += q.volume.length + q.inFlight.length;
  return n;
}

/**
 * How far ADVANCE UNTIL IDLE is: copies made of the most that were pending (the work that decides
 * when a grid is idle after a failure or a burst of writes); with no copies to make, simulated time
 * against the latest event queued (a Copy Export's or a recovery's timed tasks).
 */
export function idleProgress(state: GridState, from: number): () => WorkProgress {
  let most = pendingCopies(state);
  return () => {
    const pending = pendingCopies(state);
    most = Math.max(most, pending);
    return most > 0 ? { done: most - pending, total: most, unit: 'copies' } : simulatedProgress(state, from, null);
  };
}
