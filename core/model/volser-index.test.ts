import { describe, expect, it } from 'vitest';
import { VolserIndex } from './volser-index.js';
import { encodeVolser, parseVolserRange, rangeCodes } from './volser.js';

function codesOf(text: string): Uint32Array {
  const range = parseVolserRange(text);
  if (typeof range === 'string') throw new Error(range);
  return rangeCodes(range);
}

describe('VolserIndex', () => {
  it('finds every volser of ranges added in batches across many growths, and none it was not given', () => {
    const index = new VolserIndex();
    const ranges = ['A00000-A49999', 'B00000-B09999', 'C000-C999', 'ZZ0000-ZZ0099'].map(codesOf);
    let next = 0;
    for (const codes of ranges) {
      index.setMany(codes, next);
      next += codes.length;
    }
    expect(index.size).toBe(next);
    let v = 0;
    for (const codes of ranges) for (const code of codes) expect(index.get(code)).toBe(v++);
    for (const absent of ['A50000', 'B10000', 'C1000', 'ZZ0100', 'D00000']) expect(index.get(encodeVolser(absent))).toBe(-1);
  });

  it.each([
    [10_000, 6_000],
    [150_000, 70_000],
  ])('leaves a batch of %i with repeated volsers as set() one by one would: the later number wins', (n, distinct) => {
    const codes = new Uint32Array(n);
    for (let i = 0; i < codes.length; i++) codes[i] = 1 + (i % distinct);
    const batch = new VolserIndex();
    const single = new VolserIndex();
    batch.setMany(codes, 100);
    codes.forEach((code, i) => single.set(code, 100 + i));
    expect(batch.size).toBe(distinct);
    for (let code = 1; code <= distinct; code++) expect(batch.get(code)).toBe(single.get(code));
    expect(batch.get(1)).toBe(100 + Math.floor((n - 1) / distinct) * distinct);
  });

  it('keeps what it holds when a batch is added after single volsers', () => {
    const index = new VolserIndex();
    index.set(encodeVolser('X00001'), 7);
    const codes = Uint32Array.from({ length: 5_000 }, (_, i) => 1_000_000 + i * 37);
    index.setMany(codes, 8);
    expect(index.get(encodeVolser('X00001'))).toBe(7);
    expect(index.get(1_000_000 + 4_999 * 37)).toBe(8 + 4_999);
  });
});
