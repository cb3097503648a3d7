// Production load as JOB lines (spec §4 JOB, README `JOB … OVER <duration>`): exact rates over any
// split of time, the size distribution honoured, seeded (the same workload and seed give the same
// lines), and every line one the runbook parser takes.

import { describe, expect, it } from 'vitest';
import { isLineError, parseLine } from '../runbook/parser.js';
import { EPOCH_START } from '../sim/time.js';
import { checkWorkload, countIn, planSlice, slices, SLICE_MS, type Workload } from './plan.js';

const W: Workload = {
  host: 'PRODHOST',
  cluster: 'CL0',
  mc: 'MCPROD',
  writesPerHour: 1000,
  sizes: [
    { size: '800MB', percent: 60 },
    { size: '4GB', percent: 30 },
    { size: '20GB', percent: 10 },
  ],
  readsPerHour: 300,
  readRange: 'A00000-A09999',
  readCluster: 'CL1',
  seed: 42,
};
const HOUR = 3_600_000;

function jobCounts(lines: string[]) {
  let writes = 0;
  let reads = 0;
  const bySize: Record<string, number> = {};
  for (const line of lines) {
    const w = /^JOB \S+ WRITE (\d+) SCRATCH ON CL0 MC MCPROD SIZE (\S+)/.exec(line);
    if (w) {
      writes += Number(w[1]);
      bySize[w[2]!] = (bySize[w[2]!] ?? 0) + Number(w[1]);
    }
    const r = /^JOB \S+ READ (\w+)(?:-(\w+))? ON CL1$/.exec(line);
    if (r) reads += r[2] ? Number(r[2].slice(1)) - Number(r[1]!.slice(1)) + 1 : 1;
  }
  return { writes, reads, bySize };
}

describe('workload plan', () => {
  it('an hour in 10-minute slices issues exactly the hourly rates, sizes near their shares', () => {
    const lines: string[] = [];
    for (const [a, b] of slices(EPOCH_START, EPOCH_START, EPOCH_START + HOUR)) lines.push(...planSlice(W, EPOCH_START, a, b).lines);
    const c = jobCounts(lines);
    expect(c.writes).toBe(1000);
    expect(c.reads).toBe(300);
    expect(c.bySize['800MB']! / 1000).toBeCloseTo(0.6, 1);
    expect(c.bySize['20GB']! / 1000).toBeCloseTo(0.1, 1);
  });

  it('every line parses as the JOB it stands for, and the OVER seconds of a slice add up to at most the slice', () => {
    const plan = planSlice(W, EPOCH_START, EPOCH_START, EPOCH_START + SLICE_MS);
    let over = 0;
    for (const [i, line] of plan.lines.entries()) {
      const parsed = parseLine(line, i + 1);
      expect(parsed === null || isLineError(parsed), line).toBe(false);
      const m = / OVER (\d+)s$/.exec(line);
      if (m) over += Number(m[1]);
    }
    expect(over).toBe(SLICE_MS / 1000);
  });

  it('is seeded: the same workload and seed plan the same lines; another seed other ones', () => {
    const a = planSlice(W, EPOCH_START, EPOCH_START, EPOCH_START + SLICE_MS).lines;
    expect(planSlice(W, EPOCH_START, EPOCH_START, EPOCH_START + SLICE_MS).lines).toEqual(a);
    expect(planSlice({ ...W, seed: 43 }, EPOCH_START, EPOCH_START, EPOCH_START + SLICE_MS).lines).not.toEqual(a);
  });

  it('counts are exact over any split of time: stopping and going on neither loses nor doubles work', () => {
    const start = EPOCH_START;
    const cuts = [0, 7_000, 61_000, 600_000, 1_234_567, 3_600_000].map((t) => start + t);
    let sum = 0;
    for (let i = 1; i < cuts.length; i++) sum += countIn(1000, start, cuts[i - 1]!, cuts[i]!);
    expect(sum).toBe(1000);
    expect(slices(start, start + 5 * 60_000, start + 25 * 60_000)).toEqual([
      [start + 5 * 60_000, start + 10 * 60_000],
      [start + 10 * 60_000, start + 20 * 60_000],
      [start + 20 * 60_000, start + 25 * 60_000],
    ]);
  });

  it('names the field of a bad workload', () => {
    expect(checkWorkload({ ...W, sizes: [{ size: '800MB', percent: 60 }] })).toMatchObject({ field: 'sizes' });
    expect(checkWorkload({ ...W, sizes: [{ size: 'big', percent: 100 }] })).toMatchObject({ field: 'sizes[0].size' });
    expect(checkWorkload({ ...W, readRange: null })).toMatchObject({ field: 'readRange' });
    expect(checkWorkload({ ...W, readRange: 'A00009-A00000' })).toMatchObject({ field: 'readRange' });
    expect(checkWorkload({ ...W, writesPerHour: 0, readsPerHour: 0 })).toMatchObject({ field: 'writesPerHour' });
    expect(checkWorkload(W)).toBeNull();
  });
});
