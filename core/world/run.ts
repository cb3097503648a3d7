// Moves simulated time: pops events in (time, sequence) order and hands each to its rule.

import type { GridState } from './state.js';
import type { SimEvent } from '../sim/event-queue.js';

export type EventHandler = (state: GridState, event: SimEvent) => void;

const handlers = new Map<string, EventHandler>();
let afterEvent: (state: GridState) => void = () => {};

/** Runs after every event: grid states follow the queues as they drain. */
export function setAfterEvent(hook: (state: GridState) => void): void {
  afterEvent = hook;
}

export function onEvent(kind: string, handler: EventHandler): void {
  handlers.set(kind, handler);
}

function dispatch(state: GridState, event: SimEvent): void {
  state.now = Math.max(state.now, event.time);
  const handler = handlers.get(event.kind);
  if (!handler) throw new Error(`no handler for simulated event '${event.kind}'`);
  handler(state, event);
  afterEvent(state);
}

/** Runs every event due up to `until`, then sets the clock to `until`. */
export function advanceTo(state: GridState, until: number): void {
  for (;;) {
    const next = state.events.peek();
    if (!next || next.time > until) break;
    dispatch(state, state.events.pop()!);
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
    dispatch(state, state.events.pop()!);
  }
  return true;
}
