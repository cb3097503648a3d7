// The Copy Export planner and LIBRARY EXPORT share one set of checks (issue 12 item 9; Redbook §11.5.1,
// §11.5.2, §11.6.2 "check that the TS7700 … has the required physical drives and scratch physical volume
// resources", §11.6.3). Over many generated grids — list volume missing, valid on two clusters or in the
// exported pool, pool not Copy Export, cluster failed, drives short, no or full I/O station, an insert
// or another export in progress — the planner's verdict and refusal code equal what LIBRARY EXPORT then
// does, and a plan that approves is an export that starts.

import { describe, expect, it } from 'vitest';
import { Rig } from '../../runbook/testing.js';
import { Rng } from '../../sim/rng.js';
import { planExport } from './overview.js';

function generate(rng: Rng) {
  const pick = <T>(xs: T[]): T => {
    const x = xs[rng.below(xs.length)];
    if (x === undefined) throw new Error('nothing to pick from');
    return x;
  };
  const ioStation = rng.next() < 0.85;
  const drives = 2 + rng.below(7);
  const lines = [
    'SEED 1',
    'GRID GRID01',
    'SITE PROD',
    `CLUSTER CL0 SITE PROD MODEL TAPE DRIVES 8${ioStation ? ' IOSTATION' : ''}`,
    'CLUSTER CL1 SITE PROD MODEL TAPE DRIVES 8 IOSTATION',
    'HOST PRODHOST SITE PROD ROLE PRODUCTION DEVICES CL0,CL1',
    'MC MCCE COPY RR SECONDARY 8',
    'MC MCL0 COPY RN',
    'MC MCBOTH COPY RR',
    'MC MCINPOOL COPY RN SECONDARY 8',
    rng.next() < 0.85 ? 'POOL CL0 8 MEDIA JC COPYEXPORT SCRATCH 20' : 'POOL CL0 8 MEDIA JC SCRATCH 20',
    'POOL CL1 8 MEDIA JC COPYEXPORT SCRATCH 20',
    `PRELOAD A00000-A000${String(10 + rng.below(80)).padStart(2, '0')} ON CL0 MC MCCE SIZE 1GB`,
    'INSERT EXP000-EXP009 ON CL0 CATEGORY 000F',
    'ADVANCE 10m',
  ];
  const list = pick(['EXP000', 'EXP000', 'EXP000', 'EXP001', 'EXP002', 'EXP003', 'NOSUCH']);
  lines.push('EXPORTLIST EXP000 ON CL0 POOL 8 MC MCL0');
  if (list === 'EXP001') lines.push('EXPORTLIST EXP001 ON CL0 POOL 8 MC MCBOTH');
  if (list === 'EXP002') lines.push('EXPORTLIST EXP002 ON CL0 POOL 8 MC MCINPOOL');
  // EXP003 is inserted but never written: no valid copy anywhere.
  lines.push(`DRIVES CL0 AVAILABLE ${drives}`);
  if (ioStation && rng.next() < 0.15) lines.push('IOSTATION CL0 FULL');
  if (rng.next() < 0.1) lines.push('FAIL CLUSTER CL0');
  if (rng.next() < 0.15) lines.push('INSERT N00000-N00099 ON CL1');
  if (rng.next() < 0.15) lines.push('EXPORTLIST EXP009 ON CL1 POOL 8 MC MCL0', 'LIBRARY EXPORT,EXP009');
  return { text: lines.join('\n'), list };
}

describe('the Copy Export planner answers what LIBRARY EXPORT then does (issue 12 item 9)', () => {
  const rng = new Rng(9);
  const seen = new Map<string, number>();
  for (let trial = 0; trial < 160; trial++) {
    const { text, list } = generate(rng);
    it(`grid ${trial} (${list})`, () => {
      const rig = new Rig();
      rig.lines(text); // some setup lines may be refused on purpose (a failed cluster, a limit of 0)
      const state = rig.session.engine.state;
      const plan = planExport(state, 'CL0', 8, { listVolser: list });
      const record = rig.do(`LIBRARY EXPORT,${list}`);
      const actual = record.ok ? 'accepted' : 'refused';
      expect({ outcome: plan.verdict?.outcome, code: plan.verdict?.code }).toEqual({ outcome: actual, code: record.ok ? null : record.error?.code });
      // A refusal is an error check of the plan, so the planner's list never approves it.
      if (!record.ok) expect(plan.checks.some((c) => c.level === 'error' && c.code === record.error?.code)).toBe(true);
      const key = record.ok ? 'accepted' : (record.error?.code ?? 'no error code');
      seen.set(key, (seen.get(key) ?? 0) + 1);
    });
  }
  it('the generated grids reach acceptance and the refusals the issue names', () => {
    for (const code of ['accepted', 'NO_SUCH_VOLUME', 'FUNCTION_INCOMPATIBLE', 'NO_VALID_COPY', 'INSERT_IN_PROGRESS', 'TOO_FEW_DRIVES']) expect([code, seen.get(code) ?? 0]).not.toEqual([code, 0]);
  });
});
