// DR Families: the DR families of the grid (spec §7; seed 000, Redbook §11.4.1) with their state and
// readiness, a form to add a cluster to a family, and the guided DR tests of Redbook §11.10 and seed
// 000 — chosen, filled in, stepped through, paused, resumed and abandoned here.

import { useEffect, useId, useState } from 'react';
import { IssuedPanel } from '../../components/IssuedPanel';
import { useIssue } from '../../components/use-issue';
import { useStore } from '../../state/store';
import { FamilyCard } from './FamilyCard';
import { useFamilies } from './use-families';
import { WizardRun } from './WizardRun';
import { WizardStart } from './WizardStart';
import { loadWizards, refreshWizard, useWizard, wireWizard } from './wizard-store';
import './dr-families.css';
import { cite } from '../../lib/sources';

const FAMILY_NAME = /^[A-Za-z0-9_.$@#-]{1,32}$/;

export function DrFamiliesView() {
  const families = useFamilies();
  const grid = useStore((s) => s.grid);
  const composite = useStore((s) => s.info?.grid ?? '');
  const revision = useStore((s) => s.revision);
  const past = useStore((s) => s.past);
  const { issue, last } = useIssue('DR Families');
  const wizards = useWizard((s) => s.wizards);
  const wizardState = useWizard((s) => s.state);

  useEffect(() => wireWizard(), []);
  // The next step's checks look at the grid: ask again whenever it changed.
  useEffect(() => {
    if (revision === 0) return;
    void refreshWizard();
    void loadWizards(); // their defaults follow the grid
  }, [revision]);

  const hosts = grid ? grid.hosts : [];
  const drHosts = [...hosts.filter((h) => h.role === 'DR'), ...hosts.filter((h) => h.role !== 'DR')].map((h) => h.name);
  const disabled = past !== null;
  const run = wizardState?.run ?? null;

  return (
    <section className="view dr-families" aria-labelledby="view-title">
      <div className="view-head">
        <h1 id="view-title">DR Families</h1>
        {past ? <p className="muted">Families and tests are the present; return to the present to act.</p> : null}
      </div>
      <IssuedPanel last={last} />
      {families === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          {families.length === 0 ? (
            <p className="empty" data-testid="no-families">
              No DR family is defined. A family names the clusters that share one time-zero for a FlashCopy DR test ({cite('flashCopyDr', 'claims 1 and 4')}): add a cluster below, or let the FlashCopy
              wizard define it.
            </p>
          ) : (
            <div className="family-cards">
              {families.map((item) => (
                <FamilyCard key={item.family.name} item={item} composite={composite} drHosts={drHosts} disabled={disabled} issue={(l) => void issue(l)} />
              ))}
            </div>
          )}
          <DefineFamily composite={composite} clusters={grid ? Object.keys(grid.clusters) : []} families={families.map((f) => f.family.name)} disabled={disabled} issue={(l) => void issue(l)} />
        </>
      )}
      <section className="panel wizard" aria-labelledby="wizard-title">
        <div className="panel-head">
          <h2 id="wizard-title">DR test wizard</h2>
          <span className="muted small">Redbook §11.10 procedures and the FlashCopy DR-family test: each step says what and why, checks the grid, and shows the lines it issues.</span>
        </div>
        {!wizards || !wizardState ? (
          <p className="muted">Loading…</p>
        ) : (
          <>
            {run ? <WizardRun state={wizardState} wizard={wizards.find((w) => w.id === run.wizardId)} families={(families ?? []).map((f) => f.family.name)} disabled={disabled} /> : null}
            {!run || run.status === 'finished' ? <WizardStart wizards={wizards} disabled={disabled} /> : null}
          </>
        )}
      </section>
    </section>
  );
}

function DefineFamily({ composite, clusters, families, disabled, issue }: { composite: string; clusters: string[]; families: string[]; disabled: boolean; issue: (line: string) => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [cluster, setCluster] = useState('');
  const chosen = cluster || clusters[0] || '';
  const problem = name && !FAMILY_NAME.test(name) ? '1–32 letters, digits or _.$@#-' : families.length >= 8 && !families.includes(name.toUpperCase()) ? 'a grid has at most 8 DR families' : null;
  return (
    <form
      className="panel define-family filters"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!name || problem || !chosen) return;
        issue(`LI REQ,${composite},DRSETUP,${name.toUpperCase()},ADD,${chosen}`);
      }}
    >
      <h2 id={`${id}-h`}>Add a cluster to a DR family</h2>
      <label htmlFor={`${id}-name`}>Family</label>
      <input
        id={`${id}-name`}
        className="mono"
        size={12}
        value={name}
        list={`${id}-families`}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-problem`}
        onChange={(e) => setName(e.target.value)}
      />
      <datalist id={`${id}-families`}>
        {families.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      <label htmlFor={`${id}-cluster`}>Cluster</label>
      <select id={`${id}-cluster`} value={chosen} onChange={(e) => setCluster(e.target.value)}>
        {clusters.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
      <button type="submit" disabled={disabled || !name || problem !== null || !chosen}>
        Add to family
      </button>
      <span className="muted small mono">LI REQ,{composite},DRSETUP,&lt;family&gt;,ADD,&lt;cluster&gt; — up to 8 families of up to 7 clusters; a cluster may be in several</span>
      <p id={`${id}-problem`} className="field-problem" role="status">
        {problem ?? ''}
      </p>
    </form>
  );
}
