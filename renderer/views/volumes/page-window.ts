// Which pages of volumes.page the table asks for and which it lets go: the pages covering the rows in
// view, and, while the list scrolls steadily, the next ones in the direction it moves, so rows arrive
// before they come into view instead of showing "loading row …" and then their cells. A jump (a drag of
// the scrollbar thumb, End) asks only for what it lands on: pages fetched ahead of a jump go unseen.

export const PAGE = 200;

/** Pages held at most: the rest, farthest from the view first, are fetched again if scrolled back to. */
export const KEEP_PAGES = 40;

/**
 * A move of more rows than this between two frames is a jump, not a scroll. A fling over millions of
 * rows moves about 70 rows a frame (the scrollbar maps onto them proportionally), a frame late on a
 * busy machine several times that; dragging the thumb moves thousands.
 */
const JUMP = 4 * PAGE;

/** Pages to ask for, in the order to ask: those in view, then those ahead of a steady scroll. */
export function pagesWanted(first: number, last: number, previousFirst: number, total: number): number[] {
  const lastRow = Math.max(0, total - 1);
  const from = Math.floor(Math.max(0, first) / PAGE);
  const to = Math.floor(Math.min(Math.max(0, last), lastRow) / PAGE);
  const wanted: number[] = [];
  for (let p = from; p <= to; p++) wanted.push(p);
  const moved = first - previousFirst;
  if (moved === 0 || Math.abs(moved) > JUMP) return wanted;
  // Far enough ahead for a few more moves of the same size: the frames a page takes to arrive.
  const ahead = Math.min(JUMP, Math.max(PAGE / 2, 4 * Math.abs(moved)));
  if (moved > 0) {
    const end = Math.floor(Math.min(last + ahead, lastRow) / PAGE);
    for (let p = to + 1; p <= end; p++) wanted.push(p);
  } else {
    const start = Math.floor(Math.max(0, first - ahead) / PAGE);
    for (let p = from - 1; p >= start; p--) wanted.push(p);
  }
  return wanted;
}

/** Held pages to let go so that at most `keep` stay: the farthest from rows [first, last]. */
export function pagesToDrop(held: Iterable<number>, first: number, last: number, keep = KEEP_PAGES): number[] {
  const from = Math.floor(Math.max(0, first) / PAGE);
  const to = Math.floor(Math.max(0, last) / PAGE);
  const distance = (p: number) => (p < from ? from - p : p > to ? p - to : 0);
  const pages = [...held];
  if (pages.length <= keep) return [];
  return pages.sort((a, b) => distance(b) - distance(a)).slice(0, pages.length - keep);
}

/** Whether page `page` holds any of rows [first, last]. */
export function pageInView(page: number, first: number, last: number): boolean {
  return page * PAGE <= last && (page + 1) * PAGE > first;
}
