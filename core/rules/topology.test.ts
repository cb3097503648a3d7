// GRID starts a new grid (spec §3): nothing of the grid it replaces may act on the new one.

import { describe, expect, it } from 'vitest';
import { Rig } from '../runbook/testing.js';

describe('GRID over a grid with work in flight', () => {
  it('drops the old grid’s pending copies, pre-migrations and timers (found by the engine fuzz test)', () => {
    const rig = new Rig(`GRID G
SITE A
SITE B
CLUSTER CL0 SITE A MODEL DISK
CLUSTER CL1 SITE B MODEL TAPE
HOST H SITE A ROLE PRODUCTION DEVICES CL0,CL1
MC DEF COPY RD
CATEGORY 0002 SCRATCH
INSERT S00000-S00099 ON CL0
ADVANCE 1m`);
    for (let i = 0; i < 20; i++) {
      const volser: string = rig.ok('MOUNT SCRATCH ON CL0 HOST H MC DEF').volser;
      rig.ok(`WRITE ${volser} 4GB`);
      rig.ok(`DEMOUNT ${volser}`);
    }
    expect(rig.session.engine.state.events.size).toBeGreaterThan(0);
    rig.ok('GRID NEXT');
    expect(rig.session.engine.state.events.size).toBe(0);
    rig.all(`ADVANCE 50m
SITE A
CLUSTER C0 SITE A MODEL DISK`);
    const grid = rig.ok('SHOW GRID');
    expect(grid.name).toBe('NEXT');
    expect(grid.volumes).toBe(0);
    expect(rig.session.engine.state.events.size).toBe(0);
  });
});

describe('the simulated clock', () => {
  it('refuses to run past the last ISO time instead of failing (found by the engine fuzz test)', () => {
    const rig = new Rig('SITE A');
    for (let i = 0; i < 79; i++) rig.ok('ADVANCE 36500d');
    expect(rig.refused('ADVANCE 36500d')).toBe('TIME_LIMIT');
    expect(rig.ok('SHOW GRID').time).toMatch(/^\d{4}-/);
  });
});
