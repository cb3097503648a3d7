// A PRELOAD works in slices so the console can show its progress and take a Cancel in between; the
// grid it leaves must not depend on the slice size (one slice is one pass over the range), and a
// refused range changes nothing, however far the check got.

import { describe, expect, it } from 'vitest';
import { Session } from '../session.js';
import { CONSOLE_SAMPLE } from '../samples/index.js';
import { expectSameState } from '../store/agreement.fixture.js';
import { preloadSlices } from './topology.js';
import { parseVolserRange } from '../model/volser.js';
import { whole, type WorkProgress } from '../sim/work-slices.js';
import { CATEGORY_PRIVATE } from '../model/grid.js';

function sampleSession(): Session {
  const session = new Session(null, 7);
  const { commands, errors } = session.validate(`SAMPLE ${CONSOLE_SAMPLE}`);
  expect(errors).toEqual([]);
  for (const command of commands) expect(session.run(command).ok).toBe(true);
  return session;
}

function range(text: string) {
  const r = parseVolserRange(text);
  if (typeof r === 'string') throw new Error(r);
  return r;
}

describe('PRELOAD in slices', () => {
  it('leaves the same grid whatever the slice size, evictions and stacked volumes included', () => {
    const oneSlice = sampleSession();
    const sliced = sampleSession();
    const r = range('P00000-P99999');
    const a = whole(preloadSlices(oneSlice.engine.state, r, 0, 'MCPROD', 800e6, CATEGORY_PRIVATE, 100_000));
    const steps: WorkProgress[] = [];
    const work = preloadSlices(sliced.engine.state, r, 0, 'MCPROD', 800e6, CATEGORY_PRIVATE, 7_777);
    let step = work.next();
    while (!step.done) {
      steps.push(step.value);
      step = work.next();
    }
    expect(step.value).toEqual(a);
    expect(a).toEqual({ preloaded: 100_000 });
    expect(oneSlice.engine.state.clusters.map((c) => c.cacheUsed)).toEqual(sliced.engine.state.clusters.map((c) => c.cacheUsed));
    expectSameState(sliced.engine, oneSlice.engine, 'sliced vs one pass');
    // Determinate: checked first (done 0), then volumes added, up to all of them.
    expect(steps.every((s) => s.total === 100_000)).toBe(true);
    expect(steps.map((s) => s.done)).toEqual([...steps.map((s) => s.done)].sort((x, y) => x - y));
    expect(steps.at(-1)?.done).toBe(100_000);
  });

  it('refuses a range with a volser already in the grid before changing anything', () => {
    const before = sampleSession();
    const again = sampleSession();
    for (const session of [before, again]) whole(preloadSlices(session.engine.state, range('Q00500-Q00500'), 0, 'MCPROD', 800e6, CATEGORY_PRIVATE));
    // Q00500 is found by the sixth slice of the check: the five before it added nothing.
    expect(() => whole(preloadSlices(again.engine.state, range('Q00000-Q00999'), 0, 'MCPROD', 800e6, CATEGORY_PRIVATE, 100))).toThrow(/Q00500 is already in the grid/);
    expectSameState(again.engine, before.engine, 'refused PRELOAD');
  });
});
