// DR readiness (issue 4 item 2; seed 000 claim 1): the totals must be exactly what a DR host mount of
// every volume would meet at time-zero, before the test and during it, when production has changed
// volumes since time-zero and their before-images are counted apart from the live columns.
import { assert, describe, expect, it } from 'vitest';
import { Rig } from '../runbook/testing.js';
import { resolveAtTimeZero } from './dr-family.js';
import { readiness } from './readiness.js';
import { clusterAt } from '../model/grid-lookup.js';

const SETUP = `SAMPLE flash-dr-family
LI REQ,GRID01,DRSETUP,DRFAM,ADD,CL2
LI REQ,GRID01,DRSETUP,DRFAM,ADD,CL3
LI REQ,GRID01,DRSETUP,DRFAM,ADD,CL4
LI REQ,GRID01,DRSETUP,DRFAM,LIVECOPY,FAMILY
JOB PRODHOST WRITE 40 SCRATCH ON CL0 MC MCPROD`;

/** What claim 1's mount resolution says of every volume that existed at time-zero, tallied. */
function expected(rig: Rig, mountCluster: number) {
  const state = rig.session.engine.state;
  const [f] = state.families;
  assert.isDefined(f, 'the DR family');
  const bySource: Record<'snapshot' | 'backup', Record<string, number>> = { snapshot: {}, backup: {} };
  const lost: string[] = [];
  for (let v = 0; v < f.volumesAtTimeZero; v++) {
    const source = resolveAtTimeZero(state, f, v, mountCluster);
    if (source.kind === 'none') lost.push(state.volumes.volser(v));
    else {
      const name = clusterAt(state, source.cluster).name;
      const tally = bySource[source.kind];
      tally[name] = (tally[name] ?? 0) + 1;
    }
  }
  return { volumes: f.volumesAtTimeZero, lost: lost.length, bySource, lostVolumes: lost.slice(0, 100) };
}

/** The fields claim 1's resolution pins down, compared exactly (no extra sources or volumes). */
function outcome(r: ReturnType<typeof readiness>) {
  return { volumes: r.volumes, lost: r.lost, bySource: r.bySource, lostVolumes: r.lostVolumes };
}

describe('readiness at time-zero', () => {
  it('agrees with the DR-host mount resolution for every volume while production changes volumes after time-zero', () => {
    const rig = new Rig(SETUP);
    rig.ok('LI REQ,GRID01,DRSETUP,DRFAM,FLASH,ENABLE');
    const state = rig.session.engine.state;
    const [f] = state.families;
    assert.isDefined(f, 'the DR family');
    const cl2 = state.clusters.findIndex((c) => c.name === 'CL2');
    const before = readiness(state, f, cl2);
    expect(outcome(before)).toEqual(expected(rig, cl2));
    // Production after time-zero: the Deferred copies drain, some volumes are rewritten (with new
    // copies that must not count), the A-volumes too; then a DR cluster fails.
    rig.all(`ADVANCE 10m
MOUNT A00000 ON CL0 HOST PRODHOST
WRITE A00000 1GB
DEMOUNT A00000
JOB PRODHOST WRITE 15 SCRATCH ON CL0 MC MCPROD
ADVANCE 1h`);
    expect(f.images.size).toBeGreaterThan(10);
    const during = readiness(state, f, cl2);
    const truth = expected(rig, cl2);
    expect(outcome(during)).toEqual(truth);
    expect(during.recoverable + during.lost).toBe(during.volumes);
    rig.all('FAIL CLUSTER CL3');
    expect(outcome(readiness(state, f, cl2))).toEqual(expected(rig, cl2));
    // The lost list is in volume order, whichever pass (changed or unchanged volumes) found them.
    const list = readiness(state, f, cl2).lostVolumes;
    expect(list).toEqual([...list].sort());
  });
});
