// DASD volumes hold real block contents (spec §9): sparse typed arrays, and a content digest that
// depends only on the data, however it was reached.

import { describe, expect, it } from 'vitest';
import { BlockMap, blockMapBlobs, blockMapFromBlobs, CHUNK_BLOCKS, contentWord, differingBlocks, digest, hashText } from './blocks.js';

describe('block contents and CHECKSUM digest', () => {
  it('gives the same digest for the same data and a different one when a single block differs', () => {
    const a = new BlockMap(1 << 20);
    const b = new BlockMap(1 << 20);
    for (const blk of [3, 70_000, 900_000]) {
      a.set(blk, contentWord(hashText('X'), blk));
      b.set(blk, contentWord(hashText('X'), blk));
    }
    expect(digest(a)).toBe(digest(b));
    b.set(70_000, contentWord(hashText('Y'), 70_000));
    expect(digest(a)).not.toBe(digest(b));
    expect(differingBlocks(a, b)).toEqual([70_000]);
  });

  it('reads through overlays: an overlay holding 0 hides data written after the point in time', () => {
    const base = new BlockMap(100);
    base.set(1, 11);
    const empty = digest(new BlockMap(100));
    const overlay = new BlockMap(0);
    overlay.set(1, 0);
    expect(digest(base, overlay)).toBe(empty);
  });

  it('allocates memory only for chunks that were written', () => {
    const m = new BlockMap(2 ** 28); // a 1 TB volume
    m.set(2 ** 27, 5);
    expect(m.chunkCount).toBe(1);
    expect(m.count()).toBe(1);
  });

  it('counts and lists the blocks written, once each, in block order, whatever wrote them', () => {
    const m = new BlockMap(3 * CHUNK_BLOCKS);
    m.set(31, 1);
    m.set(32, 2);
    m.set(CHUNK_BLOCKS + 7, 3);
    m.set(31, 4); // rewritten: still one block
    expect(m.exchange(32, 5)).toBe(2);
    expect(m.exchange(2 * CHUNK_BLOCKS + 4095, 6)).toBe(0);
    m.setIfAbsent(31, 99); // kept: the first value wins
    m.setIfAbsent(0, 7);
    expect(m.count()).toBe(5);
    const seen: [number, number][] = [];
    m.forEach((block, word) => seen.push([block, word]));
    expect(seen).toEqual([
      [0, 7],
      [31, 4],
      [32, 5],
      [CHUNK_BLOCKS + 7, 3],
      [2 * CHUNK_BLOCKS + 4095, 6],
    ]);
    expect([m.has(31), m.has(33), m.has(2 * CHUNK_BLOCKS + 4095)]).toEqual([true, false, true]);
  });

  it("saves a byte per block in the checkpoint and reads it back: an overlay's 0 stays a block held", () => {
    const m = new BlockMap(2 * CHUNK_BLOCKS);
    m.set(5, 0); // "unwritten at that time", held by an overlay
    m.set(CHUNK_BLOCKS + 100, 77);
    const blobs: Record<string, Uint8Array> = {};
    blockMapBlobs(m, 'v', blobs);
    const blob = (name: string): Uint8Array => {
      const b = blobs[name];
      if (b === undefined) throw new Error(`no blob ${name}`);
      return b;
    };
    const has = blob('v/has');
    expect(has.length).toBe(2 * CHUNK_BLOCKS);
    expect([has[5], has[6], has[CHUNK_BLOCKS + 100]]).toEqual([1, 0, 1]);
    const back = blockMapFromBlobs(m.blocks, 'v', blob);
    expect(back.count()).toBe(2);
    expect([back.has(5), back.get(5), back.has(6), back.get(CHUNK_BLOCKS + 100)]).toEqual([true, 0, false, 77]);
    expect(digest(back)).toBe(digest(m));
  });
});
