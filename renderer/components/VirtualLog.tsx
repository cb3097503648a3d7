// A virtualized, append-only list of variable-height entries that follows new entries while the reader
// is at the bottom (and stays put while they read back). Console output and runbook results use it.

import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

interface Props<T> {
  items: T[];
  itemKey: (item: T, index: number) => string | number;
  render: (item: T, index: number) => ReactNode;
  label: string;
  className?: string;
  empty?: ReactNode;
  estimate?: number;
}

export function VirtualLog<T>({ items, itemKey, render, label, className, empty, estimate = 44 }: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimate,
    overscan: 12,
    getItemKey: (i) => itemKey(items[i]!, i),
  });

  useLayoutEffect(() => {
    if (stick.current && items.length > 0) virtualizer.scrollToIndex(items.length - 1, { align: 'end' });
  }, [items.length, virtualizer]);

  return (
    <div
      ref={scroller}
      className={`virtual-log ${className ?? ''}`}
      role="log"
      aria-label={label}
      tabIndex={0}
      onScroll={(e) => {
        const el = e.currentTarget;
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
      }}
    >
      {items.length === 0 ? empty : null}
      <div className="virtual-spacer" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="virtual-row" style={{ transform: `translateY(${item.start}px)` }}>
            {render(items[item.index]!, item.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
