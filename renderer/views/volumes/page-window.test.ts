import { describe, expect, it } from 'vitest';
import { PAGE, pageInView, pagesToDrop, pagesWanted } from './page-window';

describe('the pages the volume table asks for', () => {
  it('asks only for the pages in view when the list has not moved', () => {
    expect(pagesWanted(0, 35, 0, 4_000_000)).toEqual([0]);
    expect(pagesWanted(190, 225, 190, 4_000_000)).toEqual([0, 1]);
  });

  it('asks for the next pages ahead of a steady scroll, in its direction', () => {
    // 70 rows a frame downwards: the rows of four more such frames, into page 2.
    expect(pagesWanted(140, 175, 70, 4_000_000)).toEqual([0, 1, 2]);
    // Upwards from page 10: 280 rows ahead reach into page 8.
    expect(pagesWanted(2_030, 2_065, 2_100, 4_000_000)).toEqual([10, 9, 8]);
  });

  it('asks for no pages past either end of the list', () => {
    expect(pagesWanted(960, 999, 900, 1_000)).toEqual([4]);
    expect(pagesWanted(10, 45, 80, 1_000)).toEqual([0]);
  });

  it('asks only for what a jump lands on', () => {
    expect(pagesWanted(2_000_000, 2_000_035, 1_000, 4_000_000)).toEqual([10_000]);
  });

  it('lets go of the pages farthest from the view, never those in it', () => {
    const held = Array.from({ length: 45 }, (_, i) => i);
    const dropped = pagesToDrop(held, 20 * PAGE, 20 * PAGE + 35, 40);
    // Page 20 in view: pages 41–44 are 21–24 pages away, page 0 is 20.
    expect(dropped.sort((a, b) => a - b)).toEqual([0, 41, 42, 43, 44]);
    expect(pagesToDrop(held.slice(0, 40), 0, 35, 40)).toEqual([]);
  });

  it('knows which pages hold rows in view', () => {
    expect(pageInView(1, 190, 225)).toBe(true);
    expect(pageInView(2, 190, 225)).toBe(false);
    expect(pageInView(0, 200, 230)).toBe(false);
  });
});
