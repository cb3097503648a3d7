// EXPECT MESSAGE windows (spec §10: "since the previous EXPECT MESSAGE line (or the start)"): a block of
// EXPECT lines after a command checks that command's messages; the next command starts a new window.

import { describe, expect, it } from 'vitest';
import { Rig } from './testing.js';

const GRID = `GRID G
SITE A
SITE B
CLUSTER CL0 SITE A MODEL DISK
CLUSTER CL1 SITE B MODEL DISK
HOST H SITE A ROLE PRODUCTION DEVICES CL0,CL1`;

describe('EXPECT MESSAGE', () => {
  it('lets several EXPECT MESSAGE lines check the messages of the same failure', () => {
    const rig = new Rig(GRID);
    const records = rig.lines(`FAIL LINK CL0 CL1
EXPECT MESSAGE CALLHOME
EXPECT MESSAGE G0013
EXPECT result.states contains "Copy Operation Disabled"
EXPECT MESSAGE CBR3785E
EXPECT NO MESSAGE G0009`);
    expect(records.map((r) => r.ok)).toEqual([true, true, true, true, true, true]);
  });

  it('starts a new window with the next command', () => {
    const rig = new Rig(GRID);
    const records = rig.lines(`FAIL LINK CL0 CL1
EXPECT MESSAGE CALLHOME
SHOW GRID
EXPECT NO MESSAGE CALLHOME
REPAIR LINK CL0 CL1
EXPECT NO MESSAGE CALLHOME
EXPECT MESSAGE TZ0101I`);
    expect(records.map((r) => r.ok)).toEqual([true, true, true, true, true, true, true]);
  });

  it('covers everything since the start before the first EXPECT MESSAGE', () => {
    const rig = new Rig(GRID);
    const records = rig.lines(`FAIL CLUSTER CL1
SHOW GRID
ADVANCE 1m
EXPECT MESSAGE CALLHOME`);
    expect(records.at(-1)!.ok).toBe(true);
  });
});
