// Long commands (a PRELOAD of a million volumes) do their work in slices: a generator that yields how
// far it is between two slices. The console host resumes it from its event loop, so it can show
// progress and take a Cancel in between; everything else runs the same generator to its end at once,
// so a command's effect and result do not depend on whether anyone watched it.

/** How far a long command's work is: `done` of `total` units (volumes, rows). */
export interface WorkProgress {
  done: number;
  total: number;
}

export type Sliced<T> = Generator<WorkProgress, T, void>;

/** Runs sliced work to its end in one go. */
export function whole<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}
