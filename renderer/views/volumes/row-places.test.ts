import { describe, expect, it } from 'vitest';
import { placeKey, rowSpan } from './row-places';

const ROW = 30;

/** Rows a view of `height` pixels scrolled to `offset` shows, partly or whole, plus `overscan` each side. */
function rowsInRange(offset: number, height: number, overscan: number): number {
  const first = Math.floor(offset / ROW);
  const last = Math.floor((offset + height - 1) / ROW);
  return last - first + 1 + 2 * overscan;
}

describe('volume table row places', () => {
  it('holds every row in view at any alignment, so scrolling neither makes nor drops a row element', () => {
    for (const height of [280, 600, 610, 739, 1000]) {
      const spans = new Set<number>();
      for (let offset = 0; offset < 3 * ROW; offset++) spans.add(rowSpan(height, ROW, 2, rowsInRange(offset, height, 2)));
      expect(spans.size).toBe(1);
      expect([...spans][0]).toBeGreaterThanOrEqual(rowsInRange(ROW / 2, height, 2));
    }
  });

  it('gives each row in the window its own key', () => {
    const span = rowSpan(600, ROW, 6, 0);
    for (const proportional of [false, true]) {
      for (const first of [0, 7, span - 1, 123_456]) {
        const keys = Array.from({ length: span }, (_, place) => placeKey(first + place, first, span, proportional));
        expect(new Set(keys).size).toBe(span);
      }
    }
  });

  it('keeps a row on its element while a short list scrolls by a row, and keeps elements in place in a proportional scroll', () => {
    const span = rowSpan(600, ROW, 6, 0);
    // Row 40 is in the window starting at row 30 and at row 31: the same element shows it.
    expect(placeKey(40, 31, span, false)).toBe(placeKey(40, 30, span, false));
    // Proportional: the third place is the same element whichever rows the window shows.
    expect(placeKey(2_000_002, 2_000_000, span, true)).toBe(placeKey(3_500_002, 3_500_000, span, true));
  });
});
