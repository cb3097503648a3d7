// The runbook text the benchmark drives through the real Session path: a 3-cluster grid (two disk-only
// production clusters, one tape-attached DR cluster, spec §3), the PRELOAD ranges for a 4,000,000-volume
// grid (seed 000: "grid architectures … handling four million virtual tapes or more"), and a day of
// production writes with deferred copies to both peers (spec §5).

/** The grid both scenarios start from; defaults everywhere (600 TiB disk cache, 28 TiB tape cache). */
export const GRID = `GRID BENCH
SITE PROD
SITE DR
CLUSTER CL0 SITE PROD MODEL DISK
CLUSTER CL1 SITE PROD MODEL DISK
CLUSTER CL2 SITE DR MODEL TAPE DRIVES 8
HOST PRODHOST SITE PROD ROLE PRODUCTION DEVICES CL0,CL1
CATEGORY 0002 SCRATCH
CATEGORY 000F PRIVATE
MC M COPY RRD
MC MD COPY RDD`;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

interface Segment {
  prefix: string;
  width: number;
  size: number;
}

/**
 * The bench's volser space, in order: one block of 100,000 per single-character prefix (`A00000-A99999`
 * … `Z…`, then all-numeric `000000-099999` … `9…`), then blocks of 10,000 per two-letter prefix
 * (`AA0000-AA9999` …), which no earlier block can contain. 36 × 100,000 + 676 × 10,000 volumes.
 */
const SEGMENTS: Segment[] = [
  ...[...(LETTERS + DIGITS)].map((prefix) => ({ prefix, width: 5, size: 100_000 })),
  ...[...LETTERS].flatMap((a) => [...LETTERS].map((b) => ({ prefix: a + b, width: 4, size: 10_000 }))),
];

/** Volser ranges (one per block at most) covering volume numbers [from, to) of the bench's space. */
export function volserRanges(from: number, to: number): string[] {
  const ranges: string[] = [];
  let start = 0;
  for (const seg of SEGMENTS) {
    const lo = Math.max(from, start);
    const hi = Math.min(to, start + seg.size);
    if (lo < hi) ranges.push(`${volserIn(seg, lo - start)}-${volserIn(seg, hi - 1 - start)}`);
    start += seg.size;
    if (start >= to) return ranges;
  }
  throw new Error(`volserRanges: ${to} volumes is more than the bench's volser space holds`);
}

/** The volser of volume number `n` of the bench's space. */
export function volserAt(n: number): string {
  for (const seg of SEGMENTS) {
    if (n < seg.size) return volserIn(seg, n);
    n -= seg.size;
  }
  throw new Error("volserAt: beyond the bench's volser space");
}

function volserIn(seg: Segment, i: number): string {
  return seg.prefix + String(i).padStart(seg.width, '0');
}

/** PRELOAD lines for `count` 1 GB volumes under MC M (RRD), ownership alternating CL0 / CL1. */
export function preloadLines(count: number): string[] {
  return volserRanges(0, count).map((range, i) => `PRELOAD ${range} ON CL${i % 2} MC M SIZE 1GB`);
}

/** `samples` volsers among the first `count`, picked by a fixed LCG so runs are comparable. */
export function sampleVolsers(count: number, samples: number): string[] {
  const out: string[] = [];
  let seed = 12345;
  for (let i = 0; i < samples; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    out.push(volserAt(seed % count));
  }
  return out;
}

/**
 * A production day: `scratch` scratch volumes (60 % owned by CL0, 20 % each by CL1 and CL2), then
 * `jobs` scratch writes of 1 GB on CL0 spread over one simulated day under MC MD (RUN on the TVC,
 * Deferred to CL1 and CL2), then ADVANCE UNTIL IDLE and the two copy queues.
 */
export function dayLines(scratch: number, jobs: number): { setup: string[]; day: string[] } {
  const cuts = [0, Math.floor(scratch * 0.6), Math.floor(scratch * 0.8), scratch];
  const setup: string[] = [];
  for (let cluster = 0; cluster < 3; cluster++) {
    for (const range of volserRanges(cuts[cluster]!, cuts[cluster + 1]!)) setup.push(`INSERT ${range} ON CL${cluster}`);
  }
  return {
    setup,
    day: [`JOB PRODHOST WRITE ${jobs} SCRATCH ON CL0 MC MD SIZE 1GB OVER 1d`, 'ADVANCE UNTIL IDLE', 'SHOW QUEUE CL1', 'SHOW QUEUE CL2'],
  };
}
