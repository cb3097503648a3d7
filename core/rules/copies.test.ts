// Copy consistency points and the copy scheduler (spec §5; Redbook §11.1 "Copy Consistency Policies").

import { describe, expect, it } from 'vitest';
import { Rig } from '../runbook/testing.js';

const GIB = 2 ** 30;
/** Two 10 Gbps grid links (the default mesh, spec §3): 2 × 10 × 125,000,000 bytes/s (spec §1). */
const TWO_BY_TEN_GBPS = 2 * 10 * 125_000_000;

const GRID = `GRID G
SITE A
SITE B
CLUSTER CL0 SITE A MODEL DISK
CLUSTER CL1 SITE B MODEL DISK
HOST H SITE A ROLE PRODUCTION DEVICES CL0,CL1
MC RUN COPY RR
MC DEF COPY RD
MC NOCOPY COPY RN
MC SYNC COPY SS
CATEGORY 0002 SCRATCH
INSERT S00000-S00099 ON CL0`;

function writeOne(rig: Rig, mc: string, size = '1GB') {
  const volser = rig.ok(`MOUNT SCRATCH ON CL0 HOST H MC ${mc}`).volser as string;
  rig.ok(`WRITE ${volser} ${size}`);
  return volser;
}

describe('RUN (Rewind Unload) copy consistency point', () => {
  it('completes the copy before DEMOUNT returns, taking size / link bandwidth (spec §5; Redbook §11.1)', () => {
    const rig = new Rig(GRID);
    const volser = writeOne(rig, 'RUN');
    const before = rig.elapsedMs;
    const demount = rig.ok(`DEMOUNT ${volser}`);
    const expected = GIB / TWO_BY_TEN_GBPS; // 1 GiB over 2 × 10 Gbps = 0.4295 s
    expect(demount.runCopies).toEqual(['CL1']);
    expect(demount.deferredCopies).toEqual([]);
    expect(demount.waitedSeconds).toBeCloseTo(expected, 2);
    expect((rig.elapsedMs - before) / 1000).toBeCloseTo(expected, 2);
    // "for completed jobs, a copy of the volume will exist on both TS7700 clusters"
    const v = rig.ok(`SHOW VOLUME ${volser}`);
    expect(v.copies.CL0.consistent).toBe(true);
    expect(v.copies.CL1.consistent).toBe(true);
  });

  it('takes longer over slower links: one 1 Gbps link moves 1 GiB in 8.59 s', () => {
    const rig = new Rig(`${GRID}\nLINK CL0 CL1 COUNT 1 GBPS 1`);
    const volser = writeOne(rig, 'RUN');
    const demount = rig.ok(`DEMOUNT ${volser}`);
    expect(demount.waitedSeconds).toBeCloseTo(GIB / 125_000_000, 2);
  });

  it('turns immediate-deferred when the target is unreachable, with the grid state until it drains (spec §5)', () => {
    const rig = new Rig(GRID);
    rig.ok('FAIL LINK CL0 CL1');
    const volser = writeOne(rig, 'RUN');
    const demount = rig.ok(`DEMOUNT ${volser}`);
    expect(demount.runCopies).toEqual([]);
    expect(demount.deferredCopies).toEqual(['CL1']);
    expect(demount.waitedSeconds).toBe(0);
    expect(rig.ok('SHOW GRID').states).toContain("Immediate Mode Copy Completion's Deferred");
    expect(rig.ok('SHOW QUEUE CL1').byType['immediate-deferred'].count).toBe(1);
    // Repaired, the state stays until the copy has actually been made.
    expect(rig.ok('REPAIR LINK CL0 CL1').states).toEqual(["Immediate Mode Copy Completion's Deferred"]);
    rig.ok('ADVANCE UNTIL IDLE');
    expect(rig.ok('SHOW GRID').states).toEqual([]);
    expect(rig.ok(`SHOW VOLUME ${volser}`).copies.CL1.consistent).toBe(true);
  });
});

describe('Deferred copy consistency point', () => {
  it('queues at DEMOUNT and copies later, without delaying the job (Redbook §11.1)', () => {
    const rig = new Rig(GRID);
    const volser = writeOne(rig, 'DEF');
    const demount = rig.ok(`DEMOUNT ${volser}`);
    expect(demount.deferredCopies).toEqual(['CL1']);
    expect(demount.waitedSeconds).toBe(0);
    expect(rig.ok(`SHOW VOLUME ${volser}`).copies.CL1?.consistent ?? false).toBe(false);
    rig.ok('ADVANCE 1s');
    expect(rig.ok(`SHOW VOLUME ${volser}`).copies.CL1.consistent).toBe(true);
  });

  it('shares the link bandwidth equally among the copies in flight (spec §5)', () => {
    const rig = new Rig(GRID);
    rig.ok('JOB H WRITE 4 SCRATCH ON CL0 MC DEF SIZE 1GB');
    const queue = rig.ok('SHOW QUEUE CL1');
    expect(queue.count).toBe(4);
    expect(queue.inFlight).toBe(4);
    // Each gets a quarter of 2.5 GB/s, so all four finish together at 4 × 0.4295 s = 1.718 s; one at a
    // time, three would be done by 1.7 s.
    rig.ok('ADVANCE 1700ms');
    expect(rig.ok('SHOW QUEUE CL1').count).toBe(4);
    rig.ok('ADVANCE 20ms');
    expect(rig.ok('SHOW QUEUE CL1').count).toBe(0);
    expect(rig.ok('SHOW QUEUE CL1').byType.deferred.completed).toBe(4);
  });

  it('keeps at most 20 copies in flight per target and drains the queue in demount order (spec §5)', () => {
    const rig = new Rig(GRID);
    const job = rig.ok('JOB H WRITE 30 SCRATCH ON CL0 MC DEF SIZE 1GB');
    expect(job.volsers[0]).toBe('S00000');
    expect(job.volsers[29]).toBe('S00029');
    let queue = rig.ok('SHOW QUEUE CL1');
    expect(queue.count).toBe(30);
    expect(queue.inFlight).toBe(20);
    expect(queue.oldest).toBe('2026-01-01T00:00:00Z');
    // The first 20 demounted share 2.5 GB/s and finish at 20 × 0.4295 s = 8.59 s.
    rig.ok('ADVANCE 8600ms');
    queue = rig.ok('SHOW QUEUE CL1');
    expect(queue.count).toBe(10);
    expect(queue.inFlight).toBe(10);
    expect(rig.ok('SHOW VOLUME S00019').copies.CL1.consistent).toBe(true);
    expect(rig.ok('SHOW VOLUME S00020').copies.CL1?.consistent ?? false).toBe(false);
    rig.ok('ADVANCE UNTIL IDLE');
    expect(rig.ok('SHOW VOLUME S00029').copies.CL1.consistent).toBe(true);
    // The second batch: 10 × 1 GiB at 2.5 GB/s after the first, 12.885 s in all.
    expect(rig.elapsedMs / 1000).toBeCloseTo((30 * GIB) / TWO_BY_TEN_GBPS, 1);
  });

  it('stops while the target is unreachable and resumes after repair (Redbook §11.2.3)', () => {
    const rig = new Rig(GRID);
    rig.ok('FAIL LINK CL0 CL1');
    rig.ok('JOB H WRITE 3 SCRATCH ON CL0 MC DEF SIZE 1GB');
    rig.ok('ADVANCE 1h');
    expect(rig.ok('SHOW QUEUE CL1').count).toBe(3);
    expect(rig.ok('SHOW GRID').states).not.toContain("Immediate Mode Copy Completion's Deferred");
    rig.ok('REPAIR LINK CL0 CL1');
    rig.ok('ADVANCE UNTIL IDLE');
    expect(rig.ok('SHOW QUEUE CL1').count).toBe(0);
  });
});

describe('No Copy and Synchronous copy consistency points', () => {
  it('No Copy makes no copy at all (Redbook §11.1)', () => {
    const rig = new Rig(GRID);
    const volser = writeOne(rig, 'NOCOPY');
    const demount = rig.ok(`DEMOUNT ${volser}`);
    expect(demount.runCopies).toEqual([]);
    expect(demount.deferredCopies).toEqual([]);
    rig.ok('ADVANCE UNTIL IDLE');
    // CL1 knows only the empty inserted volume (level 0), never the data.
    const v = rig.ok(`SHOW VOLUME ${volser}`);
    expect(v.level).toBe(1);
    expect(v.copies.CL0.consistent).toBe(true);
    expect(v.copies.CL1?.consistent ?? false).toBe(false);
    expect(rig.ok('SHOW QUEUE CL1').count).toBe(0);
    // "If the cluster to which data was written fails, the data is inaccessible until it is restored."
    rig.ok('FAIL CLUSTER CL0');
    expect(rig.refused(`MOUNT ${volser} ON CL1 HOST H`)).toBe('NO_VALID_COPY');
  });

  it('Synchronous writes both S clusters at once, with nothing queued (spec §5; Redbook §11.1)', () => {
    const rig = new Rig(GRID);
    const volser = writeOne(rig, 'SYNC');
    const before = rig.elapsedMs;
    const demount = rig.ok(`DEMOUNT ${volser}`);
    expect(demount.runCopies).toEqual(['CL1']);
    expect(demount.waitedSeconds).toBe(0);
    expect(rig.elapsedMs).toBe(before);
    const v = rig.ok(`SHOW VOLUME ${volser}`);
    expect(v.copies.CL0.consistent).toBe(true);
    expect(v.copies.CL1.consistent).toBe(true);
    expect(rig.ok('SHOW QUEUE CL1').count).toBe(0);
  });

  it('the parser insists on exactly two S clusters (Redbook §11.1: "two clusters must be defined as sync points")', () => {
    expect(() => new Rig(`${GRID.replace('MC SYNC COPY SS', 'MC SYNC COPY SR')}`)).toThrow(/Synchronous needs exactly two/);
  });
});
