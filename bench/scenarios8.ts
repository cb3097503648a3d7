// The full-size grid of issue 16: a TS7700 grid at its limits — 8 clusters (the most a grid holds,
// spec §3) on 4 sites, 4,000,000 logical volumes (seed 000: "grid architectures … handling four
// million virtual tapes or more"), management classes copying every volume to 3, 5 or 7 other
// clusters — and a week of production on it, with a site failure in the middle of a day.

import { volserRanges } from './scenarios.js';

export const CLUSTERS8 = 8;

/**
 * Two sites of production (A and B), two of disaster recovery (C and D); a disk-only and a
 * tape-attached cluster at each. Disk caches hold every volume (6 PB for 4M volumes of 1 GB); tape
 * caches 1 PB. The model mounts a cartridge for each logical volume it pre-migrates (30 s + 1 GB at
 * 250 MB/s), so a tape cluster needs about 80 drives to keep pace with 200,000 volumes a day: 96 each.
 */
export const GRID8 = `GRID BENCH8
SITE A
SITE B
SITE C
SITE D
CLUSTER CL0 SITE A MODEL DISK CACHE 6PB
CLUSTER CL1 SITE A MODEL TAPE CACHE 1PB DRIVES 96
CLUSTER CL2 SITE B MODEL DISK CACHE 6PB
CLUSTER CL3 SITE B MODEL TAPE CACHE 1PB DRIVES 96
CLUSTER CL4 SITE C MODEL DISK CACHE 6PB
CLUSTER CL5 SITE C MODEL TAPE CACHE 1PB DRIVES 96
CLUSTER CL6 SITE D MODEL DISK CACHE 6PB
CLUSTER CL7 SITE D MODEL TAPE CACHE 1PB DRIVES 96
HOST PRODA SITE A ROLE PRODUCTION DEVICES CL0,CL1
CATEGORY 0002 SCRATCH
CATEGORY 000F PRIVATE
MC C3 COPY RDDDNNNN
MC C5 COPY RDDDDDNN
MC C7 COPY RDDDDDDD`;

/** The MCs in the order preload ranges and the week's jobs cycle through them; copies each makes. */
export const MCS8 = [
  { name: 'C3', copies: 3 },
  { name: 'C5', copies: 5 },
  { name: 'C7', copies: 7 },
] as const;

/** The DR family of FlashCopy for DR testing: the clusters of the DR sites C and D. */
export const DR_FAMILY = ['CL4', 'CL5', 'CL6', 'CL7'];

/** The site that fails during the week: its two clusters hold copies of every C5 and C7 volume. */
export const FAILED_SITE = 'B';

/**
 * PRELOAD lines for `count` 1 GB volumes: ranges cycle through the MCs. Private volumes are owned
 * alternately by the two production sites' disk clusters, CL0 and CL2; the last `scratch` volumes are
 * expired (scratch category 0002), the pool the week writes to, owned by site A's CL0 and CL1 so that
 * production on CL0 keeps finding scratch volumes while site B is down.
 */
export function preloadLines8(count: number, scratch: number): string[] {
  const privateCount = count - scratch;
  const owned = (owners: string[], cat: string, from: number, to: number) => volserRanges(from, to).map((r, i) => ({ r, cat, owner: owners[i % 2]! }));
  const ranges = [...owned(['CL0', 'CL2'], '000F', 0, privateCount), ...owned(['CL0', 'CL1'], '0002', privateCount, count)];
  return ranges.map(({ r, cat, owner }, i) => `PRELOAD ${r} ON ${owner} MC ${MCS8[i % MCS8.length]!.name} SIZE 1GB CATEGORY ${cat}`);
}

/** One production day on CL0: `jobs` scratch writes of 1 GB spread over the day, a third per MC. */
export function dayJobs8(jobs: number): string[] {
  const lines: string[] = [];
  let left = jobs;
  MCS8.forEach((mc, i) => {
    const n = i === MCS8.length - 1 ? left : Math.floor(jobs / MCS8.length);
    left -= n;
    lines.push(`JOB PRODA WRITE ${n} SCRATCH ON CL0 MC ${mc.name} SIZE 1GB OVER 8h`);
  });
  return lines;
}

/** The copies a day of `jobs` writes makes (each JOB line's MC, its copies to other clusters). */
export function dayCopies8(jobs: number): number {
  let left = jobs;
  let copies = 0;
  MCS8.forEach((mc, i) => {
    const n = i === MCS8.length - 1 ? left : Math.floor(jobs / MCS8.length);
    left -= n;
    copies += n * mc.copies;
  });
  return copies;
}
