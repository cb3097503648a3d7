// Active/active distributed volumes (seed 001 FIGS. 5-8): change sets with write-order fidelity, each
// site's journal of undo, and fracture / roll one site to a point in time / unfracture keeping the
// point in time or the current image. Actions are runbook lines through the Console path.

import { useId, useState } from 'react';
import { count, showTime } from '../../lib/format';
import type { Distributed as DistributedDto, Issue } from './use-dasd';
import { cite } from '../../lib/sources';

const POINT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z|[A-Za-z0-9_.$@#-]{1,32})$/;

export function DistributedVolumes({ volumes, busy, issue }: { volumes: DistributedDto[]; busy: boolean; issue: Issue }) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Distributed volumes</h2>
        <span className="small muted">active/active with write-order fidelity ({cite('continuousReplication', 'FIGS. 5–8')})</span>
      </div>
      {volumes.length === 0 ? (
        <p className="muted small">None: DISTRIBUTE &lt;dasd&gt; SITES &lt;s1&gt;,&lt;s2&gt; CHANGESET &lt;duration&gt; makes one.</p>
      ) : (
        volumes.map((d) => <Volume key={d.dasd} d={d} busy={busy} issue={issue} />)
      )}
    </section>
  );
}

function Volume({ d, busy, issue }: { d: DistributedDto; busy: boolean; issue: Issue }) {
  const id = useId();
  const [site, setSite] = useState(d.sites[1] ?? '');
  const [point, setPoint] = useState('');
  const pointValid = POINT.test(point.trim());
  return (
    <div className="hd-distributed" data-distributed={d.dasd}>
      <h3 id={`${id}-title`}>
        {d.dasd} <span className="small muted">{d.sites.join(' ⇄ ')}</span>{' '}
        <span className={`badge ${d.fractured ? 'badge-bad' : 'badge-ok'}`}>{d.fractured ? `fractured${d.rolledTo ? `, ${d.stoppedSite} rolled to ${showTime(d.rolledTo)}` : ''}` : 'in sync'}</span>
      </h3>
      <dl className="facts inline">
        <dt>Change set</dt>
        <dd>every {d.changeSetSeconds}s</dd>
        <dt>Open writes</dt>
        <dd>{count(d.openWrites)}</dd>
        <dt>Pending change sets</dt>
        <dd>{count(d.pendingChangeSets)}</dd>
        <dt>Flushed change sets</dt>
        <dd>{count(d.flushedChangeSets)}</dd>
        <dt>Quiesces</dt>
        <dd>{count(d.quiesces)}</dd>
        <dt>Latest consistent point</dt>
        <dd className="mono">{showTime(d.latestPointInTime)}</dd>
      </dl>
      <table className="table compact">
        <caption className="sr-only">Site journals of {d.dasd}</caption>
        <thead>
          <tr>
            <th scope="col">Site</th>
            <th scope="col">Journal segments</th>
            <th scope="col">Undo records</th>
            <th scope="col">Redo records</th>
          </tr>
        </thead>
        <tbody>
          {d.journals.map((j) => (
            <tr key={j.site}>
              <th scope="row">{j.site}</th>
              <td>
                {count(j.usedSegments)}/{count(j.segments)}
              </td>
              <td>{count(j.undoRecords)}</td>
              <td>{count(j.redoRecords)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" disabled={busy || d.fractured} onClick={() => void issue(`FRACTURE ${d.dasd}`)}>
          Fracture
        </button>
        <button type="button" disabled={busy || !d.fractured} onClick={() => void issue(`UNFRACTURE ${d.dasd} KEEP PIT`)}>
          Unfracture, keep the point in time
        </button>
        <button type="button" disabled={busy || !d.fractured} onClick={() => void issue(`UNFRACTURE ${d.dasd} KEEP CURRENT`)}>
          Unfracture, keep the current image
        </button>
      </div>
      <form
        className="hd-inline"
        aria-label={`Roll a site of ${d.dasd}`}
        onSubmit={(e) => {
          e.preventDefault();
          if (pointValid) void issue(`ROLL ${d.dasd} SITE ${site} TO ${point.trim()}`);
        }}
      >
        <label htmlFor={`${id}-site`}>Roll site</label>{' '}
        <select id={`${id}-site`} value={site} onChange={(e) => setSite(e.target.value)}>
          {d.sites.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>{' '}
        <label htmlFor={`${id}-to`}>to (time or bookmark)</label>{' '}
        <input id={`${id}-to`} className="mono" size={24} value={point} aria-invalid={point !== '' && !pointValid} onChange={(e) => setPoint(e.target.value)} />{' '}
        <button type="submit" disabled={busy || !d.fractured || !pointValid}>
          Roll
        </button>
      </form>
    </div>
  );
}
