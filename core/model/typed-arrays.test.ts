import { describe, expect, it } from 'vitest';
import { extended } from './typed-arrays.js';
import { VolserIndex } from './volser-index.js';
import { encodeVolser } from './volser.js';

describe('extended', () => {
  it('keeps the values and zero-fills the new tail, like a fresh copy', () => {
    const a = Int32Array.from([1, -2, 3]);
    const b = extended(a, 5);
    expect([...b]).toEqual([1, -2, 3, 0, 0]);
    // A second growth within the room reuses the memory: the values written after the first stay.
    b[4] = 9;
    const c = extended(b, 10);
    expect(c.buffer).toBe(b.buffer);
    expect([...c]).toEqual([1, -2, 3, 0, 9, 0, 0, 0, 0, 0]);
  });

  it('never grows into memory another column may use', () => {
    const shared = new ArrayBuffer(64);
    const first = new Float64Array(shared, 0, 2);
    const second = new Float64Array(shared, 16, 2);
    second.fill(7);
    const grown = extended(first, 4);
    expect(grown.buffer).not.toBe(shared);
    grown.fill(1);
    expect([...second]).toEqual([7, 7]);
  });

  it('refuses to shrink', () => {
    expect(() => extended(new Uint8Array(4), 2)).toThrow(RangeError);
  });
});

describe('VolserIndex', () => {
  it('finds what it holds and nothing of an untouched range, across growth', () => {
    const index = new VolserIndex(4);
    for (let i = 0; i < 5000; i++) index.set(encodeVolser(`A${String(i).padStart(5, '0')}`), i);
    index.reserve(100_000);
    expect(index.get(encodeVolser('A04999'))).toBe(4999);
    expect(index.get(encodeVolser('A05000'))).toBe(-1);
    expect(index.get(encodeVolser('B00000'))).toBe(-1);
    expect(index.get(encodeVolser('ZZZZZZ'))).toBe(-1);
  });
});
