// Volumes: search by volser prefix or range, filter by category, MC, owner and consistency, scroll
// through any number of them (pages fetched as they come into view), open one for its detail.

import { useEffect, useId, useMemo, useState } from 'react';
import { describeIssue, volumeQuery, type VolumeQuery } from '../../../contract/api';
import { count } from '../../lib/format';
import { useStore } from '../../state/store';
import type { VolumeFilters } from '../../state/volumes-slice';
import { useVolumePages } from './use-volume-pages';
import { VolumeDetail } from './VolumeDetail';
import { VolumeTable } from './VolumeTable';

type Filters = VolumeFilters;

function toQuery(f: Filters): { query: VolumeQuery | null; problem: string | null } {
  const raw: Record<string, string> = {};
  if (f.search.trim()) raw.search = f.search.trim().toUpperCase();
  if (f.category.trim()) raw.category = f.category.trim().toUpperCase();
  if (f.mc.trim()) raw.mc = f.mc.trim().toUpperCase();
  if (f.owner) raw.owner = f.owner;
  if (f.consistency !== 'all') raw.consistency = f.consistency;
  const parsed = volumeQuery.safeParse(raw);
  return parsed.success ? { query: parsed.data, problem: null } : { query: null, problem: describeIssue(parsed.error) };
}

export function VolumesView() {
  const hasGrid = useStore((s) => s.info?.grid != null);
  const clusters = useStore((s) => s.grid?.clusters);
  const revision = useStore((s) => s.revision);
  const pastAt = useStore((s) => s.past?.at ?? null);
  const filters = useStore((s) => s.volumeFilters);
  const setFilters = useStore((s) => s.setVolumeFilters);
  const selected = useStore((s) => s.selectedVolser);
  const setSelected = useStore((s) => s.selectVolume);
  const [settled, setSettled] = useState<Filters>(filters);
  const id = useId();

  // Typing settles before a query goes out.
  useEffect(() => {
    const t = setTimeout(() => setSettled(filters), 250);
    return () => clearTimeout(t);
  }, [filters]);

  const { query, problem } = useMemo(() => toQuery(settled), [settled]);
  const { total, row, ensure } = useVolumePages(hasGrid ? query : null, revision);
  const set = (patch: Partial<Filters>) => setFilters(patch);

  return (
    <section className="view volumes" aria-labelledby="view-title">
      <div className="view-head">
        <h1 id="view-title">Volumes</h1>
        <p className="muted" aria-live="polite" data-testid="volume-total">
          {!hasGrid ? 'No grid loaded' : total === null ? 'Loading…' : `${count(total)} volume${total === 1 ? '' : 's'}`}
        </p>
      </div>
      {pastAt ? <p className="muted">The list shows the volumes as they are now; a volume's detail shows it as it was at the moment you are viewing.</p> : null}
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Volume filters">
        <label htmlFor={`${id}-search`}>Volser</label>
        <input id={`${id}-search`} className="mono" size={14} placeholder="A00 or A00000-A00099" value={filters.search} onChange={(e) => set({ search: e.target.value })} />
        <label htmlFor={`${id}-cat`}>Category</label>
        <input id={`${id}-cat`} className="mono" size={5} placeholder="000F" value={filters.category} onChange={(e) => set({ category: e.target.value })} />
        <label htmlFor={`${id}-mc`}>MC</label>
        <input id={`${id}-mc`} className="mono" size={10} value={filters.mc} onChange={(e) => set({ mc: e.target.value })} />
        <label htmlFor={`${id}-owner`}>Owner</label>
        <select id={`${id}-owner`} value={filters.owner} onChange={(e) => set({ owner: e.target.value })}>
          <option value="">any</option>
          {Object.keys(clusters ?? {}).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-cons`}>Consistency</label>
        <select id={`${id}-cons`} value={filters.consistency} onChange={(e) => set({ consistency: e.target.value as Filters['consistency'] })}>
          <option value="all">all</option>
          <option value="consistent-everywhere">consistent everywhere</option>
          <option value="copies-pending">copies pending</option>
        </select>
        <button type="button" onClick={() => setFilters(null)}>
          Clear filters
        </button>
        {problem ? (
          <p className="field-problem" role="status">
            {problem}
          </p>
        ) : null}
      </form>
      <div className="volumes-body">
        {hasGrid && query && total !== null ? <VolumeTable total={total} row={row} ensure={ensure} selected={selected} onSelect={setSelected} resetKey={JSON.stringify(query)} clusters={Object.keys(clusters ?? {})} /> : <div className="vtable-placeholder muted">{hasGrid ? (problem ? 'Fix the filter to search.' : 'Loading…') : 'Load a grid to see its volumes.'}</div>}
        {selected ? <VolumeDetail volser={selected} onClose={() => setSelected(null)} /> : null}
      </div>
    </section>
  );
}
