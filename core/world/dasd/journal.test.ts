// Seed 001 FIG. 2: the journal's four streams in fixed-size segments from one pool, undo/redo, and
// history released when the pool runs dry.

import { describe, expect, it } from 'vitest';
import { BlockMap, contentWord, digest } from './blocks.js';
import { Journal, SEGMENT_BYTES } from './journal.js';
import { TxLog } from './tx-log.js';

function receive(j: Journal, seq: number, start: number, count: number, seed: number): void {
  const w = j.receive(seq, seq * 1000, start, count);
  expect(w).toBeGreaterThanOrEqual(0);
  for (let k = 0; k < count; k++) j.doLog.words[w + k] = contentWord(seed, start + k);
}

describe('journal streams and segment pool (seed 001 FIG. 2)', () => {
  it('cuts the journal into 1 MB segments that the DO, DO METADATA, UNDO and UNDO METADATA streams draw from', () => {
    const j = new Journal(16 * SEGMENT_BYTES);
    expect(j.segments).toBe(16);
    receive(j, 1, 0, 300, 7); // 300 blocks of 4 KB: 1.17 MB of DO data → 2 segments
    const s = j.describeStreams();
    expect(s.DO.segments).toBe(2);
    expect(s['DO METADATA'].segments).toBe(1);
    expect(j.free.length).toBe(13);
  });

  it('records the overwritten data in the UNDO stream when distributing, and frees the DO segments', () => {
    const replica = new BlockMap(1000);
    replica.set(5, 42);
    const j = new Journal(8 * SEGMENT_BYTES);
    receive(j, 1, 5, 1, 9);
    expect(j.distributeOne(replica)).toBe(true);
    expect(replica.get(5)).toBe(contentWord(9, 5));
    expect(j.undoLog.words[j.undoLog.wordsAt(j.undoLog.head)]).toBe(42);
    const s = j.describeStreams();
    expect(s.DO.records).toBe(0);
    expect(s.DO.segments).toBe(0);
    expect(s.UNDO.records).toBe(1);
  });

  it('undoes newest first and keeps the newer data at the beginning of the DO stream (backward direction)', () => {
    const replica = new BlockMap(1000);
    const j = new Journal(8 * SEGMENT_BYTES);
    const before = digest(replica);
    for (let seq = 1; seq <= 3; seq++) {
      receive(j, seq, 10, 4, seq);
      j.distributeOne(replica);
    }
    const after = digest(replica);
    j.undoOne(replica);
    j.undoOne(replica);
    expect(j.doLog.seq[j.doLog.at(j.doLog.head)]).toBe(2);
    j.undoOne(replica);
    expect(digest(replica)).toBe(before);
    while (j.distributeOne(replica));
    expect(digest(replica)).toBe(after);
  });

  it('releases the oldest history when the pool runs dry: the earliest point in time moves forward', () => {
    const replica = new BlockMap(100_000);
    const j = new Journal(4 * SEGMENT_BYTES);
    for (let seq = 1; seq <= 2000; seq++) {
      receive(j, seq, seq * 2, 2, seq);
      j.distributeOne(replica);
    }
    expect(j.released).toBeGreaterThan(0);
    expect(j.releasedSeq).toBe(j.undoLog.seqAt(j.undoLog.head) - 1);
    expect(j.usedSegments()).toBeLessThanOrEqual(4);
  });

  describe('a delivery distributed as one batch', () => {
    /** In-flight transactions as a split leaves them: overlapping blocks, sizes 1 to 3, data words per block. */
    function inFlight(n: number): TxLog {
      const log = new TxLog();
      for (let seq = 1; seq <= n; seq++) {
        const start = (seq * 7919) % 500;
        const count = 1 + (seq % 3);
        const w = log.pushBack(seq, seq * 10, start, count, seq * 10 + 5);
        for (let k = 0; k < count; k++) log.words[w + k] = contentWord(seq, start + k);
      }
      return log;
    }

    /** What the journal and replica show afterwards: history, streams, pool and data. */
    function seen(j: Journal, replica: BlockMap) {
      const u = j.undoLog;
      const history = [];
      for (let i = u.head; i < u.tail; i++) {
        const words = Array.from(u.words.subarray(u.wordsAt(i), u.wordsAt(i) + u.countAt(i)));
        history.push([u.seqAt(i), u.timeAt(i), u.startAt(i), u.countAt(i), words]);
      }
      return { history, streams: j.streams, free: [...j.free], released: j.released, replica: digest(replica) };
    }

    it('leaves the same history, segments and replica as distributing transaction by transaction', () => {
      const one = { j: new Journal(64 * SEGMENT_BYTES), replica: new BlockMap(1000), log: inFlight(600) };
      const batch = { j: new Journal(64 * SEGMENT_BYTES), replica: new BlockMap(1000), log: inFlight(600) };
      for (const side of [one, batch]) for (let b = 0; b < 1000; b += 3) side.replica.set(b, b + 1);
      // Arrived by t = 4000: the first 399 transactions.
      const end = batch.log.arrivedBy(4000);
      expect(end).toBe(399);
      while (one.log.head < end) {
        const i = one.log.head;
        one.j.receiveAndDistribute(one.log.seqAt(i), one.log.timeAt(i), one.log.startAt(i), one.log.countAt(i), one.log.words, one.log.wordsAt(i), one.replica);
        one.log.popFront();
      }
      expect(batch.j.distributeArrived(batch.log, end, batch.replica)).toBe(true);
      expect(seen(batch.j, batch.replica)).toEqual(seen(one.j, one.replica));
      // The later arrivals stay in flight, untouched.
      expect([batch.log.length, batch.log.seqAt(batch.log.head), batch.log.blocks]).toEqual([one.log.length, 400, one.log.blocks]);
    });

    it('declines a batch that would release history, changing nothing: one by one releases only what it must', () => {
      const j = new Journal(4 * SEGMENT_BYTES);
      const replica = new BlockMap(1000);
      const log = inFlight(3000); // about 6,000 blocks of undo: more than the 4 segments hold
      const before = seen(j, replica);
      expect(j.distributeArrived(log, log.tail, replica)).toBe(false);
      expect(seen(j, replica)).toEqual(before);
      expect(log.length).toBe(3000);
    });
  });
});
