// Volumes: search by volser prefix or range, filter by category, MC, owner and consistency, scroll
// through any number of them (pages fetched as they come into view), sort by any column (in the
// engine host), export the filtered list as CSV, open one for its detail. Empty, wrong-filter and
// failed states are said in words, with the way out beside them.

import { useEffect, useId, useMemo, useState } from 'react';
import { volumeQuery, type VolumeQuery } from '../../../contract/api';
import { count } from '../../lib/format';
import { useStore } from '../../state/store';
import type { VolumeFilters } from '../../state/volumes-slice';
import { useVolumePages } from './use-volume-pages';
import { VolumeDetail } from './VolumeDetail';
import { VolumeTable } from './VolumeTable';
import { CsvExport } from './CsvExport';
import { filterProblem } from './words';

type Filters = VolumeFilters;

function toQuery(f: Filters): { query: VolumeQuery | null; problem: string | null } {
  const problem = filterProblem(f);
  if (problem) return { query: null, problem };
  const raw: Record<string, string> = {};
  if (f.search.trim()) raw.search = f.search.trim().toUpperCase();
  if (f.category.trim()) raw.category = f.category.trim().toUpperCase();
  if (f.mc.trim()) raw.mc = f.mc.trim().toUpperCase();
  if (f.owner) raw.owner = f.owner;
  if (f.consistency !== 'all') raw.consistency = f.consistency;
  const parsed = volumeQuery.safeParse(raw);
  // filterProblem said it in words first; this is the contract's own check, kept as a backstop.
  return parsed.success ? { query: parsed.data, problem: null } : { query: null, problem: 'These filters cannot be used as typed; check each field.' };
}

export function VolumesView() {
  const hasGrid = useStore((s) => s.info?.grid != null);
  const clusters = useStore((s) => s.grid?.clusters);
  const revision = useStore((s) => s.revision);
  const pastAt = useStore((s) => s.past?.at ?? null);
  const filters = useStore((s) => s.volumeFilters);
  const setFilters = useStore((s) => s.setVolumeFilters);
  const selected = useStore((s) => s.selectedVolser);
  const sort = useStore((s) => s.volumeSort);
  const setSort = useStore((s) => s.setVolumeSort);
  const setSelected = useStore((s) => s.selectVolume);
  const [settled, setSettled] = useState<Filters>(filters);
  const id = useId();

  // Typing settles before a query goes out.
  useEffect(() => {
    const t = setTimeout(() => setSettled(filters), 250);
    return () => clearTimeout(t);
  }, [filters]);

  const { query, problem } = useMemo(() => toQuery(settled), [settled]);
  const { total, row, ensure, subscribe, failure, retry } = useVolumePages(hasGrid ? query : null, revision, sort);
  const set = (patch: Partial<Filters>) => setFilters(patch);
  const filtered = query !== null && Object.keys(query).length > 0;
  const headline = !hasGrid
    ? 'No grid loaded'
    : problem
      ? 'Fix the filter to search'
      : failure
        ? 'Could not load the list'
        : total === null
          ? 'Loading…'
          : `${count(total)} volume${total === 1 ? '' : 's'}${filtered ? ' match' : ''}`;

  let body: React.ReactNode;
  if (!hasGrid) {
    body = <EmptyState title="No grid is loaded">Load a sample or a grid file from the Topology view, or build one in the Console, to see its volumes here.</EmptyState>;
  } else if (problem) {
    body = <EmptyState title="The filter needs fixing">{problem}</EmptyState>;
  } else if (failure) {
    body = (
      <EmptyState title="The volume list could not be loaded" alert>
        {failure}{' '}
        <button type="button" onClick={retry}>
          Try again
        </button>
      </EmptyState>
    );
  } else if (total === 0 && filtered) {
    body = (
      <EmptyState title="No volume matches these filters">
        Nothing in this grid has {describeFilters(settled)}.{' '}
        <button type="button" onClick={() => setFilters(null)}>
          Clear filters
        </button>
      </EmptyState>
    );
  } else if (total === 0) {
    body = <EmptyState title="This grid has no volumes yet">Add some in the Console: INSERT for empty scratch volumes, PRELOAD for volumes already written, then JOB to write to them.</EmptyState>;
  } else if (query && total !== null) {
    body = (
      <VolumeTable
        total={total}
        row={row}
        ensure={ensure}
        subscribe={subscribe}
        selected={selected}
        onSelect={setSelected}
        resetKey={JSON.stringify([query, sort])}
        clusters={Object.keys(clusters ?? {})}
        sort={sort}
        onSort={setSort}
      />
    );
  } else {
    body = <div className="vtable-placeholder muted">Loading the volume list…</div>;
  }

  return (
    <section className="view volumes" aria-labelledby="view-title">
      <div className="view-head">
        <h1 id="view-title">Volumes</h1>
        <p className="muted" aria-live="polite" data-testid="volume-total">
          {headline}
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
        <CsvExport query={query} sort={sort} disabled={!hasGrid || !total} />
        {problem ? (
          <p className="field-problem" role="status">
            {problem}
          </p>
        ) : null}
      </form>
      <div className="volumes-body">
        {body}
        {selected ? <VolumeDetail volser={selected} onClose={() => setSelected(null)} /> : null}
      </div>
    </section>
  );
}

function EmptyState({ title, children, alert }: { title: string; children: React.ReactNode; alert?: boolean }) {
  return (
    <div className="vtable-placeholder empty-state" role={alert ? 'alert' : 'status'}>
      <div>
        <p className="empty-title">{title}</p>
        <p className="muted">{children}</p>
      </div>
    </div>
  );
}

/** The filters in words: "volser A00010-A00019, category 000F and owner CL1". */
function describeFilters(f: Filters): string {
  const parts: string[] = [];
  if (f.search.trim()) parts.push(`${f.search.includes('-') ? 'a volser in' : 'a volser starting'} ${f.search.trim().toUpperCase()}`);
  if (f.category.trim()) parts.push(`category ${f.category.trim().toUpperCase()}`);
  if (f.mc.trim()) parts.push(`Management Class ${f.mc.trim().toUpperCase()}`);
  if (f.owner) parts.push(`owner ${f.owner}`);
  if (f.consistency === 'copies-pending') parts.push('copies still pending');
  if (f.consistency === 'consistent-everywhere') parts.push('a consistent copy on every cluster its Management Class asks for');
  return parts.length <= 1 ? (parts[0] ?? 'these filters') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
