// Long commands (a PRELOAD of a million volumes) do their work in slices: a generator that yields how
// far it is between two slices. The console host resumes it from its event loop, so it can show
// progress and take a Cancel in between; everything else runs the same generator to its end at once,
// so a command's effect and result do not depend on whether anyone watched it.

/** How far a long command's work is: `done` of `total` units (volumes, rows). */
export interface WorkProgress {
  done: number;
  total: number;
  /** what is working when it is not the command itself (the checkpoint written after it) */
  label?: string;
  /** the units counted when they are not the command's own (MB of a checkpoint) */
  unit?: string;
  /**
   * Why this part cannot be stopped: set, a Cancel waits for it to end (the grid half written to the
   * database is never kept, so the write runs to its commit) and the bar says so in these words.
   */
  notCancellable?: string;
}

export type Sliced<T> = Generator<WorkProgress, T, void>;

/** Runs sliced work to its end in one go. */
export function whole<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}
