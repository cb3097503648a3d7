// Stacked volumes of one library with state and location (Redbook §11.5, §11.6.2 POOLCNT states), a
// virtualized table: a library holds thousands of cartridges. Filters by pool and state.

import { useId, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ExportOverviewDto } from '../../../contract/export-api';
import { count, showTime, megabytes } from '../../lib/format';

type Library = ExportOverviewDto['libraries'][number];
type Pvol = Library['stackedVolumes'][number];

const ROW = 28;
const STATES = ['empty', 'filling', 'full', 'erase', 'ror', 'unavailable', 'copy-exported'] as const;
const LOCATION: Record<string, string> = {
  library: 'in the library',
  'export-hold': 'export-hold',
  'eject-pending': 'eject pending (I/O station full)',
  'io-station': 'I/O station',
  vault: 'offsite (vault)',
};

export function locationText(location: string): string {
  if (location.startsWith('standalone:')) return `recovery library ${location.slice('standalone:'.length)}`;
  return LOCATION[location] ?? location;
}

const COLUMNS: { key: string; label: string; cell: (p: Pvol) => string }[] = [
  { key: 'pool', label: 'Pool', cell: (p) => String(p.pool) },
  { key: 'media', label: 'Media', cell: (p) => `${p.media} ${p.format}` },
  { key: 'state', label: 'State', cell: (p) => p.state },
  { key: 'location', label: 'Location', cell: (p) => locationText(p.location) },
  { key: 'active', label: 'Active data', cell: (p) => megabytes(p.activeMB) },
  { key: 'util', label: 'Used %', cell: (p) => String(p.utilization) },
  { key: 'lvols', label: 'Logical vols', cell: (p) => count(p.logicalVolumes) },
  { key: 'exported', label: 'Exported', cell: (p) => (p.exported ? showTime(p.exported) : '—') },
  { key: 'db', label: 'DB backup', cell: (p) => (p.dbBackup ? 'yes' : '') },
];

export function StackedVolumes({ library }: { library: Library }) {
  const id = useId();
  const [pool, setPool] = useState('all');
  const [state, setState] = useState('all');
  const rows = useMemo(() => library.stackedVolumes.filter((p) => (pool === 'all' || String(p.pool) === pool) && (state === 'all' || p.state === state)), [library, pool, state]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Stacked volumes</h2>
        <label htmlFor={`${id}-pool`}>Pool</label>
        <select id={`${id}-pool`} value={pool} onChange={(e) => setPool(e.target.value)}>
          <option value="all">all</option>
          {library.pools.map((p) => (
            <option key={p.pool} value={String(p.pool)}>
              {p.pool}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-state`}>State</label>
        <select id={`${id}-state`} value={state} onChange={(e) => setState(e.target.value)}>
          <option value="all">all</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      {library.stackedVolumes.length === 0 ? (
        <p className="muted">No stacked volume holds data yet: empty cartridges are counted per pool above.</p>
      ) : (
        <div className="vtable ce-pvols" role="table" aria-label={`Stacked volumes of ${library.cluster}`} aria-rowcount={rows.length + 1}>
          <div role="rowgroup" className="vtable-head">
            <div role="row" aria-rowindex={1} className="vrow">
              <span role="columnheader" className="vcell">
                Stacked volume
              </span>
              {COLUMNS.map((c) => (
                <span key={c.key} role="columnheader" className="vcell">
                  {c.label}
                </span>
              ))}
            </div>
          </div>
          <div ref={scroller} className="vtable-scroll ce-pvols-scroll" role="rowgroup" tabIndex={0} aria-label="Stacked volume rows">
            <div className="virtual-spacer" style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => {
                const p = rows[item.index]!;
                return (
                  <div
                    key={p.pvol}
                    role="row"
                    aria-rowindex={item.index + 2}
                    className={`vrow virtual-row pvol-${p.state}${item.index % 2 ? ' odd' : ''}`}
                    style={{ transform: `translateY(${item.start}px)`, height: ROW }}
                    data-pvol={p.pvol}
                  >
                    <span role="cell" className="vcell mono">
                      {p.pvol}
                    </span>
                    {COLUMNS.map((c) => (
                      <span key={c.key} role="cell" className={`vcell vcell-${c.key}`}>
                        {c.cell(p)}
                      </span>
                    ))}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      )}
      <p className="small muted">
        {count(rows.length)} shown
        {library.stackedVolumesTotal > library.stackedVolumes.length
          ? ` (the first ${count(library.stackedVolumes.length)} of ${count(library.stackedVolumesTotal)} by VOLSER)`
          : ` of ${count(library.stackedVolumesTotal)}`}
      </p>
    </section>
  );
}
