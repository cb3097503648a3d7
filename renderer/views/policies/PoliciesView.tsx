// Policies: the constructs a storage admin edits day to day — Management Classes, physical pools,
// categories and host DEVSUP categories. Reads policies.show; every change is the runbook line the
// Console would take (MC, POOL, CATEGORY, DEVSUP), shown as issued and kept in the journal.

import { IssuedPanel } from '../../components/IssuedPanel';
import { useIssue } from '../../components/use-issue';
import { useStore } from '../../state/store';
import { Categories } from './Categories';
import { Devsup } from './Devsup';
import { ManagementClasses } from './ManagementClasses';
import { Pools } from './Pools';
import { usePolicies, type IssueLine } from './use-policies';
import './policies.css';

export function PoliciesView() {
  const data = usePolicies();
  const busy = useStore((s) => s.pending > 0 || s.past !== null || s.connection.state !== 'open');
  const hasGrid = useStore((s) => s.info?.grid != null);
  const { issue: issueLine, last } = useIssue('Policies');
  const issue: IssueLine = async (line) => {
    const out = await issueLine(line);
    return !!out && out.errors.length === 0 && out.records.every((r) => r.ok);
  };
  return (
    <section className="view policies" aria-labelledby="view-title">
      <div className="view-head">
        <h1 id="view-title">Policies</h1>
        <span className="small muted">each change issues one runbook line, shown below and kept in the journal like any Console line</span>
      </div>
      <IssuedPanel last={last} />
      {!hasGrid ? (
        <p className="empty">No grid is loaded: open a sample or a grid file first.</p>
      ) : !data ? (
        <p className="muted">Reading the policies…</p>
      ) : (
        <>
          <ManagementClasses data={data} busy={busy} issue={issue} />
          <Pools data={data} busy={busy} issue={issue} />
          <div className="pol-columns">
            <Categories data={data} busy={busy} issue={issue} />
            <Devsup data={data} busy={busy} issue={issue} />
          </div>
        </>
      )}
    </section>
  );
}
