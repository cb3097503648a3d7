// Moves simulated time: pops events in (time, sequence) order and hands each to the rule the state's
// handler table names for its kind.

import type { EventKind, FiredEvent } from './events.js';
import type { EventHandlers, GridState } from './state.js';

function handle<K extends EventKind>(state: GridState, handlers: EventHandlers, event: FiredEvent<K>): void {
  const handler: EventHandlers[K] | undefined = handlers[event.kind];
  // a checkpoint written by another build may hold a kind this one does not know
  if (!handler) throw new Error(`no handler for simulated event '${event.kind}'`);
  handler(state, event);
}

function dispatch(state: GridState, event: FiredEvent<EventKind>): void {
  state.now = Math.max(state.now, event.time);
  handle(state, state.eventRules.handlers, event);
  state.eventRules.afterEvent(state);
}

/** Runs every event due up to `until`, then sets the clock to `until`. */
export function advanceTo(state: GridState, until: number): void {
  for (;;) {
    const next = state.events.peek();
    if (!next || next.time > until) break;
    state.events.pop();
    dispatch(state, next);
  }
  state.now = Math.max(state.now, until);
}

/**
 * Runs events until `done()` holds or nothing is left before `limit`. Returns whether done() held.
 * DEMOUNT uses it to wait for RUN copies; ADVANCE UNTIL IDLE for pending work.
 */
export function advanceUntil(state: GridState, done: () => boolean, limit: number): boolean {
  while (!done()) {
    const next = state.events.peek();
    if (!next || next.time > limit) return false;
    state.events.pop();
    dispatch(state, next);
  }
  return true;
}
