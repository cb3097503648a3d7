// When a session should take a checkpoint. Rebuilding the present (or a past instant) costs one
// checkpoint restore plus replaying the journal entries after it, so a checkpoint is due once that
// replay would cost more than a restore: after many entries, or after a little heavy work. A
// checkpoint of a 4,000,000-volume grid is about 230 MB and one to two seconds to serialise and
// commit, so taking one after every command would cost more than it saves.

/** Entries replayed from the last checkpoint at most (cheap commands: SHOW, MOUNT, small JOBs). */
export const CHECKPOINT_EVERY_ENTRIES = 200;
/** Wall-clock work since the last checkpoint (≈ the time replaying it would take), in ms. */
export const CHECKPOINT_AFTER_WALL_MS = 1000;
/** Simulated time since the last checkpoint, so SHOW … AT lands near a base even in quiet grids. */
export const CHECKPOINT_AFTER_SIM_MS = 86_400_000;

/**
 * @param entriesSinceLast journal entries appended since the last checkpoint, this one included
 * @param msSinceLastCheckpointWall wall-clock ms spent *running* those entries (sum of their run
 *   times, not idle time at the console): what replaying them would roughly cost
 * @param simMsSince simulated ms from the last checkpoint's time to the end of this entry
 */
export function shouldCheckpoint(entriesSinceLast: number, msSinceLastCheckpointWall: number, simMsSince: number): boolean {
  if (entriesSinceLast <= 0) return false; // nothing new to save
  return entriesSinceLast >= CHECKPOINT_EVERY_ENTRIES || msSinceLastCheckpointWall >= CHECKPOINT_AFTER_WALL_MS || simMsSince >= CHECKPOINT_AFTER_SIM_MS;
}
