// Production load as runbook lines (spec §4 JOB; README `JOB … OVER <duration>`): a workload — scratch
// writes and specific reads per hour, a size distribution, a Management Class, a host — becomes, for
// each slice of simulated time, the JOB lines that do that much work spread over the slice. Pure and
// seeded: the same workload, seed and slice give the same lines, so the journal of a run replays it
// and a rerun from the same grid gives the same grid. Counts are exact over time (writes up to t =
// floor(rate × elapsed)), so stopping and going on never loses or doubles work.

import { Rng } from '../sim/rng.js';
import { formatRange, parseVolserRange, rangeSize, rangeVolser, type VolserRange } from '../model/volser.js';

export interface SizeShare {
  /** a runbook size such as 800MB or 4GB */
  size: string;
  /** share of the writes, in percent (the shares add up to 100) */
  percent: number;
}

export interface Workload {
  host: string;
  /** the cluster whose devices the scratch mounts use */
  cluster: string;
  mc: string | null;
  writesPerHour: number;
  sizes: SizeShare[];
  readsPerHour: number;
  /** the volumes specific reads pick from, such as A00000-A09999 */
  readRange: string | null;
  /** the cluster whose devices the specific mounts use */
  readCluster: string;
  seed: number;
}

export interface WorkloadProblem {
  field: string;
  message: string;
}

export const SLICE_MS = 10 * 60_000;
const HOUR_MS = 3_600_000;
/** at most this many volumes read back to back by one JOB READ: a restore job reading a set */
const MAX_READ_RUN = 25;
const SIZE = /^\d+(\.\d+)?(KB|MB|GB|TB)$/i;

/** What is wrong with a workload before any line is planned, named by field. */
export function checkWorkload(w: Workload): WorkloadProblem | null {
  if (!Number.isInteger(w.writesPerHour) || w.writesPerHour < 0 || w.writesPerHour > 1_000_000) return { field: 'writesPerHour', message: 'a whole number of writes per hour, 0 to 1,000,000' };
  if (!Number.isInteger(w.readsPerHour) || w.readsPerHour < 0 || w.readsPerHour > 1_000_000) return { field: 'readsPerHour', message: 'a whole number of reads per hour, 0 to 1,000,000' };
  if (w.writesPerHour === 0 && w.readsPerHour === 0) return { field: 'writesPerHour', message: 'a workload writes or reads something' };
  if (w.writesPerHour > 0) {
    if (w.sizes.length === 0) return { field: 'sizes', message: 'at least one volume size' };
    for (const [i, s] of w.sizes.entries()) {
      if (!SIZE.test(s.size)) return { field: `sizes[${i}].size`, message: `'${s.size}' is not a size such as 800MB or 4GB` };
      if (!Number.isFinite(s.percent) || s.percent < 0) return { field: `sizes[${i}].percent`, message: 'a share of 0 to 100 percent' };
    }
    const total = w.sizes.reduce((sum, s) => sum + s.percent, 0);
    if (Math.abs(total - 100) > 0.01) return { field: 'sizes', message: `the shares add up to ${Math.round(total * 100) / 100}%, not 100%` };
  }
  if (w.readsPerHour > 0) {
    if (!w.readRange) return { field: 'readRange', message: 'specific reads need a range of volumes to read, such as A00000-A09999' };
    const range = parseVolserRange(w.readRange);
    if (typeof range === 'string') return { field: 'readRange', message: range };
  }
  if (!Number.isInteger(w.seed) || w.seed < 0 || w.seed > 2 ** 31 - 1) return { field: 'seed', message: 'a whole number 0 to 2147483647' };
  return null;
}

/** How many of `perHour` events fall in [from, to), counted from `start` (exact over any split). */
export function countIn(perHour: number, start: number, from: number, to: number): number {
  const upTo = (t: number) => Math.floor((perHour * (t - start)) / HOUR_MS);
  return upTo(to) - upTo(from);
}

function sliceRng(seed: number, from: number): Rng {
  // mix the seed with the slice's start so every slice draws its own numbers
  let h = (seed ^ 0x9e3779b9) | 0;
  h = Math.imul(h ^ Math.floor(from / 1000), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h ^ Math.floor(from / 2 ** 32), 0xc2b2ae35);
  return new Rng(h ^ (h >>> 16));
}

export interface SlicePlan {
  lines: string[];
  writes: number;
  reads: number;
}

/**
 * The lines for simulated time [from, to) of a workload started at `start`: one JOB WRITE per size
 * drawn (each spread OVER its share of the slice, in a seeded order), specific reads as JOB READ runs
 * placed between them. Whoever runs the lines ends the slice with an ADVANCE to `to` (a RUN copy's
 * wait at demount can make a job end later than planned, so the rest is known only then).
 */
export function planSlice(w: Workload, start: number, from: number, to: number): SlicePlan {
  const rng = sliceRng(w.seed, from);
  const writes = countIn(w.writesPerHour, start, from, to);
  const reads = w.readRange ? countIn(w.readsPerHour, start, from, to) : 0;
  // each write draws its size from the distribution
  const perSize = w.sizes.map(() => 0);
  const cumulative: number[] = [];
  w.sizes.reduce((sum, s, i) => (cumulative[i] = sum + s.percent), 0);
  for (let i = 0; i < writes; i++) {
    const x = rng.next() * 100;
    let b = cumulative.findIndex((c) => x < c);
    if (b < 0) b = w.sizes.length - 1;
    perSize[b]!++;
  }
  const jobs = perSize.map((n, b) => ({ n, size: w.sizes[b]!.size.toUpperCase() })).filter((j) => j.n > 0);
  for (let i = jobs.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [jobs[i], jobs[j]] = [jobs[j]!, jobs[i]!];
  }
  const readLines = reads > 0 ? readRuns(parseVolserRange(w.readRange!) as VolserRange, reads, rng).map((r) => `JOB ${w.host} READ ${r} ON ${w.readCluster}`) : [];
  // the slice's seconds shared out by cumulative rounding, so the parts add up to the slice exactly
  const seconds = Math.floor((to - from) / 1000);
  const lines: string[] = [];
  let done = 0;
  let cum = 0;
  const gaps = jobs.length + 1;
  const readsAt = readLines.map(() => rng.below(gaps)).sort((a, b) => a - b);
  let r = 0;
  const emitReads = (gap: number) => {
    while (r < readLines.length && readsAt[r] === gap) lines.push(readLines[r++]!);
  };
  for (const [i, job] of jobs.entries()) {
    emitReads(i);
    cum += job.n;
    const end = Math.round((seconds * cum) / writes);
    const over = end - done;
    done = end;
    lines.push(`JOB ${w.host} WRITE ${job.n} SCRATCH ON ${w.cluster}${w.mc ? ` MC ${w.mc}` : ''} SIZE ${job.size}${over > 0 ? ` OVER ${over}s` : ''}`);
  }
  emitReads(jobs.length);
  return { lines, writes, reads };
}

/** `count` specific reads as runs of consecutive volsers at seeded places in the range. */
function readRuns(range: VolserRange, count: number, rng: Rng): string[] {
  const size = rangeSize(range);
  const runs: string[] = [];
  let left = count;
  while (left > 0) {
    const n = Math.min(left, 1 + rng.below(Math.min(MAX_READ_RUN, size)));
    const first = rng.below(size - n + 1);
    const run: VolserRange = { ...range, first: range.first + first, last: range.first + first + n - 1 };
    runs.push(range.width === 0 ? rangeVolser(range, 0) : formatRange(run));
    left -= n;
  }
  return runs;
}

/** The slices of [from, to): SLICE_MS each, aligned to the workload's start, the last one partial. */
export function slices(start: number, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let a = from;
  while (a < to) {
    const boundary = start + (Math.floor((a - start) / SLICE_MS) + 1) * SLICE_MS;
    const b = Math.min(to, boundary);
    out.push([a, b]);
    a = b;
  }
  return out;
}
