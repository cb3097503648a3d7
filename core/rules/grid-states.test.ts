// Grid states and the messages raised with them (spec §6; Redbook §11.1 OAM messages, §11.2 effects).

import { describe, expect, it } from 'vitest';
import { Rig } from '../runbook/testing.js';

const GRID = `GRID G
SITE A
SITE B
CLUSTER CL0 SITE A MODEL TAPE DRIVES 4
CLUSTER CL1 SITE B MODEL TAPE DRIVES 4
HOST H SITE A ROLE PRODUCTION DEVICES CL0,CL1
MC RD COPY RD
CATEGORY 0002 SCRATCH
INSERT S00000-S00009 ON CL0`;

const GLD = 'Grid Links Degraded';
const VOD = 'VTS Operations Degraded';
const COD = 'Copy Operation Disabled';
const IMCD = "Immediate Mode Copy Completion's Deferred";
const LOD = 'Library Operations Degraded';

describe('grid states per failure (Redbook §11.2)', () => {
  it('a host link: no state, no Call Home, a host channel error (§11.2.2)', () => {
    const rig = new Rig(GRID);
    const fail = rig.do('FAIL HOSTLINK H CL0');
    expect(Rig.messageIds(fail)).toEqual(['IOS050I']);
    expect(rig.ok('SHOW GRID').states).toEqual([]);
  });

  it('one of two grid links: Grid Links Degraded and VTS Operations Degraded (§11.2.4)', () => {
    const rig = new Rig(GRID);
    const fail = rig.do('FAIL LINK CL0 CL1 ONE');
    expect(fail.result).toMatchObject({ states: [GLD, VOD] });
    expect(Rig.messageIds(fail)).toEqual(expect.arrayContaining(['CALLHOME', 'CBR3786E']));
    expect(Rig.messageIds(fail)).not.toContain('G0013');
  });

  it('every grid link: Copy Operation Disabled too, and the peers report each other (§11.2.3)', () => {
    const rig = new Rig(GRID);
    const fail = rig.do('FAIL LINK CL0 CL1');
    expect(fail.result).toMatchObject({ states: [GLD, VOD, COD] });
    expect(Rig.messageIds(fail)).toEqual(expect.arrayContaining(['CALLHOME', 'G0013', 'CBR3786E', 'CBR3785E']));
    // A RUN copy that cannot be made adds the immediate-deferred state.
    rig.ok('MC RR COPY RR');
    rig.ok('JOB H WRITE 1 SCRATCH ON CL0 MC RR');
    expect(rig.ok('SHOW GRID').states).toEqual([GLD, VOD, COD, IMCD]);
  });

  it('a cluster: VTS Operations Degraded and Copy Operation Disabled, but the links are fine (§11.2.6)', () => {
    const rig = new Rig(GRID);
    const fail = rig.do('FAIL CLUSTER CL1');
    expect(fail.result).toMatchObject({ states: [VOD, COD], clusters: { CL1: { states: [], status: 'failed' } } });
  });

  it('unavailable physical drives: Library Operations Degraded with CBR3758E (Redbook §11.1)', () => {
    const rig = new Rig(GRID);
    const drives = rig.do('DRIVES CL0 AVAILABLE 2');
    expect(Rig.messageIds(drives)).toContain('CBR3758E');
    const grid = rig.ok('SHOW GRID');
    expect(grid.states).toEqual([LOD]);
    expect(grid.clusters.CL1.states).toEqual([]);
  });

  it('states clear after repair, with a notice for each state left', () => {
    const rig = new Rig(GRID);
    rig.ok('FAIL LINK CL0 CL1');
    const repair = rig.do('REPAIR LINK CL0 CL1');
    expect(repair.result).toMatchObject({ states: [] });
    expect(Rig.messageIds(repair).filter((id) => id === 'TZ0101I')).toHaveLength(6);
    expect(Rig.messageIds(repair)).not.toContain('CALLHOME');
  });
});
