// When a session takes a checkpoint: often enough that rebuilding any instant stays cheap, rarely
// enough that a large grid is not re-saved after every command.

import { describe, expect, it } from 'vitest';
import { CHECKPOINT_AFTER_SIM_MS, CHECKPOINT_AFTER_WALL_MS, CHECKPOINT_EVERY_ENTRIES, shouldCheckpoint } from './checkpoint-policy.js';

describe('checkpoint policy', () => {
  it('waits while replay since the last checkpoint is short and cheap', () => {
    expect(shouldCheckpoint(1, 5, 60_000)).toBe(false);
    expect(shouldCheckpoint(CHECKPOINT_EVERY_ENTRIES - 1, CHECKPOINT_AFTER_WALL_MS - 1, CHECKPOINT_AFTER_SIM_MS - 1)).toBe(false);
  });

  it('checkpoints after 200 entries', () => {
    expect(shouldCheckpoint(CHECKPOINT_EVERY_ENTRIES, 0, 0)).toBe(true);
  });

  it('checkpoints after a second of work, e.g. one heavy command, so replay stays cheap', () => {
    expect(shouldCheckpoint(1, 1500, 0)).toBe(true);
  });

  it('checkpoints after a simulated day, so SHOW … AT finds a base nearby', () => {
    expect(shouldCheckpoint(3, 10, CHECKPOINT_AFTER_SIM_MS)).toBe(true);
  });

  it('never checkpoints with nothing new since the last one', () => {
    expect(shouldCheckpoint(0, 10_000, 10 * CHECKPOINT_AFTER_SIM_MS)).toBe(false);
  });
});
