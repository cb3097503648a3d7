// The volume table's row places: a fixed number of row elements in the window that scrolling moves,
// and which element shows which row. A number of places that changed with the fraction of a row the
// view starts at would make and drop a row element every few frames of a scroll.

/** Places the window holds: every row a view of `viewportPx` can show at any alignment, and the overscan on both sides. */
export function rowSpan(viewportPx: number, rowPx: number, overscan: number, rowsInRange: number): number {
  return Math.max(rowsInRange, Math.floor(viewportPx / rowPx) + 2 + 2 * overscan);
}

/**
 * The key of the element showing row `index` when the window starts at row `first`. Scrolling row by row,
 * a row keeps its element while it is in view (index modulo span): only the elements that wrapped around
 * move, and a focused volser keeps naming its volume. When the scrollbar maps onto millions of rows
 * (proportional) every row is new each frame: keyed by place, the elements stay put and only their text
 * changes, where keyed by row half of them would move (and a moved element is laid out anew).
 */
export function placeKey(index: number, first: number, span: number, proportional: boolean): number {
  return proportional ? index - first : index % span;
}
