// Writes to the grid run one at a time. A handler that changes the grid (or what is kept with it:
// a wizard run, the export-set shelf, a restored database) is marked where it is registered with
// `mutator(...)`, as actualbudget/actual does, instead of being named in a separate list that a new
// channel can be left out of (one such list missed `wizard.step`, which then ran in the middle of a
// runbook step: issue 11 item 8). The writer queue runs marked handlers in order; and the session's
// `run` is guarded so that a grid change from an unmarked handler fails loudly (INTERNAL) in every
// test that calls it, instead of interleaving silently.

import type { Session } from '../core/session.js';

const MUTATORS = new WeakSet<object>();

/** Marks a handler as one that changes the grid: the service runs it in the writer queue. */
export function mutator<F extends (...args: never[]) => unknown>(handler: F): F {
  MUTATORS.add(handler);
  return handler;
}

export function isMutator(handler: unknown): boolean {
  return typeof handler === 'function' && MUTATORS.has(handler);
}

/** One writer at a time, in the order the requests came. */
export interface WriterQueue {
  /** runs `work` after every write queued before it; a failure does not stop the ones after */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** true while a queued write is running (across its awaits) */
  readonly writing: boolean;
}

export function writerQueue(): WriterQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let writing = false;
  return {
    run(work) {
      const next = tail.then(async () => {
        writing = true;
        try {
          return await work();
        } finally {
          writing = false;
        }
      });
      tail = next.catch(() => undefined);
      return next;
    },
    get writing() {
      return writing;
    },
  };
}

/**
 * Makes `session.run` refuse to change the grid outside the writer queue (after `openedAt`, the
 * commands that build the opening grid). A handler that runs commands without `mutator(...)` then
 * answers INTERNAL instead of slipping between the steps of another write. Returns what takes the
 * guard off again (the service's close: a session that outlives it, as in the bench, runs unguarded).
 */
export function guardSessionWrites(session: Session, queue: WriterQueue): () => void {
  const unguarded = { run: session.run, runInSlices: session.runInSlices };
  const run = session.run.bind(session);
  session.run = ((...args: Parameters<Session['run']>) => {
    if (!queue.writing) throw new Error('a grid change outside the writer queue: its handler must be registered with mutator(...)');
    return run(...args);
  }) as Session['run'];
  const runInSlices = session.runInSlices.bind(session);
  session.runInSlices = (command, source) => {
    if (!queue.writing) throw new Error('a grid change outside the writer queue: its handler must be registered with mutator(...)');
    return runInSlices(command, source);
  };
  return () => {
    session.run = unguarded.run;
    session.runInSlices = unguarded.runInSlices;
  };
}
