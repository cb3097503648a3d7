// The volume table: virtualized rows over volumes.page, any number of volumes. Past a few million
// pixels the browser cannot make a scroll area tall enough, so the scrollbar maps onto the row range
// proportionally (scale > 1) while rows still render at their real size. Column headers sort: the
// engine host sorts the whole list (services/volume-sort.ts), the table only shows pages of it.
// The rows in view sit one after another in a single window that a frame of scrolling moves (one
// transform, not one per row), in a fixed number of places, so scrolling never makes or discards row
// elements. A row's cells render again only when its row changed (RowCells is memoized on the row
// object), and the table alone redraws when a page of rows in view arrives (subscribe).

import { useEffect, useMemo, useReducer, useRef, type UIEvent } from 'react';
import { elementScroll, observeElementOffset, useVirtualizer } from '@tanstack/react-virtual';
import type { VolumeRow, VolumeSort } from '../../../contract/api';
import { count } from '../../lib/format';
import { COLUMNS, RowCells, copyColumns } from './RowCells';
import { placeKey, rowSpan } from './row-places';

const ROW = 30;
const MAX_PX = 6_000_000;

// One copy column per cluster of the grid (up to 8): ✓ where that cluster holds a consistent copy.
const FIXED_WIDTHS = [90, 80, 100, 80, 60, 90, 100];
const FIXED_TRACKS = FIXED_WIDTHS.map((w) => `${w}px`).join(' ');
const COPY_MIN = 44;
const NO_COPIES_MIN = 120;
/** A row's padding on both sides (.vrow), inside its width. */
const ROW_PADDING = 20;
const tracks = (clusters: number) => (clusters > 0 ? `${FIXED_TRACKS} repeat(${clusters}, minmax(${COPY_MIN}px, 1fr))` : `${FIXED_TRACKS} minmax(${NO_COPIES_MIN}px, 1fr)`);
/**
 * The narrowest a row can be: every track at its least, and the padding. A row is never narrower, so
 * when the table scrolls sideways its background, border and selection span every column.
 */
const minRowWidth = (clusters: number) => FIXED_WIDTHS.reduce((sum, w) => sum + w, 0) + (clusters > 0 ? clusters * COPY_MIN : NO_COPIES_MIN) + ROW_PADDING;

/** A column header that sorts: first click ascending (descending for sizes and levels), again reverses. */
function SortHeader({ by, label, sort, onSort }: { by: VolumeSort['by']; label: string; sort: VolumeSort; onSort: (s: VolumeSort) => void }) {
  const active = sort.by === by;
  const firstDir: VolumeSort['dir'] = by === 'size' || by === 'level' ? 'desc' : 'asc';
  const next: VolumeSort = { by, dir: active ? (sort.dir === 'asc' ? 'desc' : 'asc') : firstDir };
  return (
    <span role="columnheader" className={`vcell vcell-${by}`} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(next)} title={`Sort by ${label.toLowerCase()}, ${next.dir === 'asc' ? 'ascending' : 'descending'}`}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
        </span>
      </button>
    </span>
  );
}

interface Props {
  total: number;
  row: (index: number) => VolumeRow | null;
  ensure: (first: number, last: number) => void;
  /** calls its argument when rows in view arrive; returns the unsubscribe */
  subscribe: (redraw: () => void) => () => void;
  selected: string | null;
  onSelect: (volser: string) => void;
  resetKey: string;
  /** the grid's clusters in declaration order: one copy column each */
  clusters: string[];
  sort: VolumeSort;
  onSort: (sort: VolumeSort) => void;
}

export function VolumeTable({ total, row, ensure, subscribe, selected, onSelect, resetKey, clusters, sort, onSort }: Props) {
  const [, redraw] = useReducer((x: number) => x + 1, 0);
  useEffect(() => subscribe(redraw), [subscribe]);
  const clusterKey = clusters.join('\n');
  // A new array of the same names each time the view renders: one per grid, so rows can skip rendering.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const copies = useMemo(() => copyColumns(clusters), [clusterKey]);
  const columns = useMemo(() => ({ gridTemplateColumns: tracks(copies.length), minWidth: minRowWidth(copies.length) }), [copies]);
  const rowStyle = useMemo(() => ({ ...columns, height: ROW }), [columns]);
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  const headLeft = useRef(0);
  // A table wider than its place (the volume detail open at 1280 px, eight copy columns) scrolls
  // sideways: the header follows the rows, so every column stays under its name.
  const followSideways = (e: UIEvent<HTMLDivElement>) => {
    const left = e.currentTarget.scrollLeft;
    if (left === headLeft.current || !head.current) return;
    headLeft.current = left;
    head.current.scrollLeft = left;
  };
  const scale = useRef(1);
  // Rows past the edges cover what the compositor scrolls before the rows are rendered again; when the
  // scrollbar maps onto the rows proportionally every frame renders them anyway, and each row drawn
  // beyond the view is work in every frame of a scroll through millions of rows.
  const overscan = total * ROW > MAX_PX ? 2 : 6;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan,
    observeElementOffset: (instance, cb) => observeElementOffset(instance, (offset, scrolling) => cb(offset * scale.current, scrolling)),
    scrollToFn: (offset, options, instance) => elementScroll(offset / scale.current, { ...options, adjustments: (options.adjustments ?? 0) / scale.current }, instance),
  });
  const viewport = virtualizer.scrollRect?.height ?? 600;
  const virtualTotal = total * ROW;
  const realTotal = Math.min(virtualTotal, MAX_PX);
  scale.current = virtualTotal > MAX_PX && realTotal > viewport ? (virtualTotal - viewport) / (realTotal - viewport) : 1;

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const span = rowSpan(viewport, ROW, overscan, items.length);
  const places = Math.max(0, Math.min(total - first, span));
  const last = first + places - 1;
  useEffect(() => {
    if (total > 0) ensure(first, last);
  }, [first, last, total, ensure]);

  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [resetKey]);

  const virtualOffset = virtualizer.scrollOffset ?? 0;
  const realOffset = virtualOffset / scale.current;
  const proportional = scale.current > 1;
  // Where the first row in view is drawn; the others follow it at ROW pixels each.
  const windowTop = realOffset + ((items[0]?.start ?? 0) - virtualOffset);

  return (
    <div className="vtable" role="table" aria-label="Volumes" aria-rowcount={total + 1}>
      <div ref={head} role="rowgroup" className="vtable-head">
        <div role="row" aria-rowindex={1} className="vrow" style={columns}>
          <SortHeader by="volser" label="Volser" sort={sort} onSort={onSort} />
          {COLUMNS.map((c) => (
            <SortHeader key={c.key} by={c.key} label={c.label} sort={sort} onSort={onSort} />
          ))}
          {clusters.map((name) => (
            <span key={name} role="columnheader" className="vcell vcell-copy" title={`Consistent copy on ${name}`}>
              {name}
            </span>
          ))}
        </div>
      </div>
      <div ref={scroller} className="vtable-scroll" role="rowgroup" tabIndex={0} aria-label="Volume rows" onScroll={followSideways}>
        <div className="virtual-spacer" style={{ height: realTotal }}>
          <div className="vtable-window" style={{ transform: `translateY(${windowTop}px)`, height: places * ROW }}>
            {Array.from({ length: places }, (_, place) => {
              const index = first + place;
              const r = row(index);
              return (
                <div
                  key={placeKey(index, first, span, proportional)}
                  role="row"
                  aria-rowindex={index + 2}
                  aria-current={r && r.volser === selected ? 'true' : undefined}
                  className={r && r.volser === selected ? 'vrow volume-row is-selected' : 'vrow volume-row'}
                  style={rowStyle}
                  onClick={() => r && onSelect(r.volser)}
                >
                  {r ? (
                    <RowCells row={r} copies={copies} onSelect={onSelect} />
                  ) : (
                    <span role="cell" className="vcell muted">
                      loading row {count(index + 1)}…
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
