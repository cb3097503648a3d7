// DASD volumes hold real block contents (spec §9): sparse typed arrays, and a content digest that
// depends only on the data, however it was reached.

import { describe, expect, it } from 'vitest';
import { BlockMap, contentWord, differingBlocks, digest, hashText } from './blocks.js';

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
});
