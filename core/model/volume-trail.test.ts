// The volume trail keeps the latest events in a bounded ring (issue 14 item 5: a volume's history
// from the engine's events) and a checkpoint carries it, so history survives a restart.

import { describe, expect, it } from 'vitest';
import { TrailKind, VolumeTrail } from './volume-trail.js';
import { restoreState, serializeState } from '../engine/checkpoint.js';
import { EVENT_RULES } from '../engine/event-handlers.js';
import { createState } from '../world/state.js';

describe('volume trail', () => {
  it('keeps the latest events when full, oldest first per volume, and counts what gave way', () => {
    const trail = new VolumeTrail(8, 2);
    trail.begin('JOB A');
    for (let i = 0; i < 12; i++) trail.push(i, i % 2, TrailKind.write, 0, -1, i, 1000);
    expect(trail.length).toBe(8);
    expect(trail.dropped).toBe(4);
    expect(trail.forVolume(0).map((e) => e.level)).toEqual([4, 6, 8, 10]);
    expect(trail.forVolume(1, 2).map((e) => e.level)).toEqual([9, 11]);
    expect(trail.forVolume(1)[0]?.command).toBe('JOB A');
  });

  it('travels in a checkpoint with the commands that caused its events', () => {
    const state = createState(EVENT_RULES, 1);
    state.trail.begin('ADVANCE 1h');
    state.trail.push(5, 3, TrailKind.copy, 1, 0, 2);
    state.trail.begin('SHOW GRID');
    state.trail.begin('CHANGE A00003 MC MCX');
    state.trail.push(9, 3, TrailKind.mc, 0, -1, 0, 1 * 256 + 2);
    const restored = restoreState(serializeState(state)).trail;
    expect(restored.forVolume(3)).toEqual(state.trail.forVolume(3));
    expect(restored.texts).toEqual(['ADVANCE 1h', 'CHANGE A00003 MC MCX']);
  });
});
