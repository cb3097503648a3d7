// Topology: the grid's sites, clusters, links and hosts as a diagram, its grid states, and the actions
// for whatever is selected. In a past moment it shows that moment's grid, read-only.

import { useId, useMemo, useState, type CSSProperties } from 'react';
import { useIssue } from '../../components/use-issue';
import { IssuedPanel } from '../../components/IssuedPanel';
import { useStore } from '../../state/store';
import { Actions } from './Actions';
import { Diagram, type Selection } from './Diagram';
import { layout } from './layout';
import type { GridView } from '../../../contract/show-api';
import { WorkloadBadge } from '../workload/WorkloadBadge';

export function TopologyView() {
  const present = useStore((s) => s.grid);
  const past = useStore((s) => s.past);
  const details = useStore((s) => s.clusterDetails);
  const info = useStore((s) => s.info);
  const busy = useStore((s) => s.pending > 0);
  const [selection, setSelection] = useState<Selection | null>(null);
  const { issue, last } = useIssue('Topology');
  const grid = past ? past.grid : present;
  const view = useMemo(() => (grid ? layout(grid) : null), [grid]);
  const disabled = busy || past !== null;
  const selectionValid = selection !== null && grid !== null && stillThere(selection, grid);

  return (
    <section className="view topology" aria-labelledby="view-title">
      <div className="view-head">
        <h1 id="view-title">Topology</h1>
        <SampleLoader key={info?.sample ?? ''} issue={issue} disabled={disabled} samples={info?.samples ?? []} loaded={info?.sample ?? null} />
      </div>
      <WorkloadBadge />
      {!grid ? (
        <div className="empty">
          {info?.grid === null
            ? 'No grid is loaded. Load a sample, or define one in the Console or a runbook (GRID, SITE, CLUSTER …).'
            : past
              ? 'Rebuilding the grid at that moment…'
              : 'Loading the grid…'}
        </div>
      ) : (
        <>
          <GridStates states={grid.states} name={grid.name ?? null} />
          <div className="topology-body" style={{ '--diagram-w': `${view!.width + 2}px` } as CSSProperties}>
            <div className="diagram-wrap">
              <Diagram grid={grid} view={view!} selection={selection} onSelect={setSelection} />
              <Legend />
            </div>
            <aside className="side" aria-label="Actions">
              {selectionValid ? (
                <Actions grid={grid} details={details} selection={selection!} disabled={disabled} issue={(l) => void issue(l)} />
              ) : (
                <p className="muted">Select a site, cluster, link or host in the diagram to see its actions.</p>
              )}
              <IssuedPanel last={last} />
            </aside>
          </div>
        </>
      )}
    </section>
  );
}

/** A selection survives a grid change only while what it names is still in the grid. */
function stillThere(s: Selection, grid: GridView): boolean {
  switch (s.kind) {
    case 'cluster':
      return s.name in grid.clusters;
    case 'link':
      return s.a in grid.clusters && s.b in grid.clusters;
    case 'hostlink':
      return s.cluster in grid.clusters;
    default:
      return true;
  }
}

function GridStates({ states, name }: { states: string[]; name: string | null }) {
  return (
    <section className="grid-states" aria-label="Grid states">
      <h2>Grid states{name ? ` of ${name}` : ''}</h2>
      {states.length === 0 ? (
        <p className="ok">No degraded states.</p>
      ) : (
        <ul>
          {states.map((s) => (
            <li key={s} className="state-chip">
              {s}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Starts on the sample the grid was loaded from (re-keyed when another one is loaded). */
function SampleLoader({ samples, loaded, issue, disabled }: { samples: { name: string; title: string }[]; loaded: string | null; issue: (line: string) => unknown; disabled: boolean }) {
  const id = useId();
  const [name, setName] = useState('');
  const chosen = name || loaded || '';
  return (
    <form
      className="sample-loader"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) void issue(`SAMPLE ${chosen}`);
      }}
    >
      <label htmlFor={id}>Sample grid</label>{' '}
      <select id={id} value={chosen} onChange={(e) => setName(e.target.value)} disabled={samples.length === 0}>
        {chosen === '' ? (
          <option value="" disabled>
            Choose a sample (this grid is not one)
          </option>
        ) : null}
        {samples.map((s) => (
          <option key={s.name} value={s.name}>
            {s.name} — {s.title}
          </option>
        ))}
      </select>{' '}
      <button type="submit" disabled={disabled || !chosen}>
        Load sample
      </button>
    </form>
  );
}

function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
      <li>
        <span className="swatch sw-online" /> online
      </li>
      <li>
        <span className="swatch sw-degraded" /> in a grid state
      </li>
      <li>
        <span className="swatch sw-failed" /> failed
      </li>
      <li>
        <span className="swatch sw-service" /> service
      </li>
      <li>
        <span className="swatch sw-takeover" /> takeover enabled
      </li>
      <li>
        <span className="line-sw ln-degraded" /> link degraded
      </li>
      <li>
        <span className="line-sw ln-failed" /> link failed
      </li>
    </ul>
  );
}
