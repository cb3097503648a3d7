// Readiness (seed 000 claim 1's resolution order, for every volume): what would serve a DR mount at
// time-zero, or nothing — totals, which copies would serve, and what would be lost per Management
// Class and per category. Before a test it is the answer "as of now".

import { useId } from 'react';
import { count, showTime } from '../../lib/format';
import type { ReadinessView, Tally } from '../../../contract/show-api';

export function Readiness({ r, members, via, onVia }: { r: ReadinessView; members: string[]; via: string; onVia: (cluster: string) => void }) {
  const id = useId();
  const sources = [...Object.entries(r.bySource.snapshot).map(([c, n]) => [`snapshot on ${c}`, n] as const), ...Object.entries(r.bySource.backup).map(([c, n]) => [`live copy on ${c}`, n] as const)];
  return (
    <section className="readiness" aria-labelledby={`${id}-h`}>
      <div className="panel-head">
        <h3 id={`${id}-h`}>{r.timeZero ? `Readiness at time-zero ${showTime(r.timeZero)}` : `Readiness now (${showTime(r.asOf)}; no time-zero yet)`}</h3>
        <label htmlFor={`${id}-via`}>DR mounts through</label>
        <select id={`${id}-via`} value={via} onChange={(e) => onVia(e.target.value)}>
          {members.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <p className="readiness-summary" data-testid="readiness-summary">
        {count(r.volumes)} volumes: <span className="ok">{count(r.recoverable)} recoverable</span>, <span className={r.lost > 0 ? 'bad' : undefined}>{count(r.lost)} lost</span> at{' '}
        {r.timeZero ? 'time-zero' : 'this moment'} (mounts through {r.mountCluster}).
      </p>
      <div className="readiness-tables">
        <table className="table">
          <caption>Served by</caption>
          <thead>
            <tr>
              <th scope="col">Copy</th>
              <th scope="col">Volumes</th>
            </tr>
          </thead>
          <tbody>
            {sources.length === 0 ? (
              <tr>
                <td colSpan={2} className="muted">
                  no copy would serve
                </td>
              </tr>
            ) : (
              sources.map(([what, n]) => (
                <tr key={what}>
                  <th scope="row">{what}</th>
                  <td>{count(n)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
        <TallyTable caption="Per Management Class" head="Management Class" rows={r.byMc} />
        <TallyTable caption="Per category" head="Category" rows={r.byCategory} />
      </div>
      {r.lostVolumes.length > 0 ? (
        <details>
          <summary>Lost volumes{r.lostVolumes.length < r.lost ? ` (first ${r.lostVolumes.length} of ${count(r.lost)})` : ''}</summary>
          <p className="mono lost-list">{r.lostVolumes.join(' ')}</p>
        </details>
      ) : null}
    </section>
  );
}

function TallyTable({ caption, head, rows }: { caption: string; head: string; rows: Record<string, Tally> }) {
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">Volumes</th>
          <th scope="col">Recoverable</th>
          <th scope="col">Lost</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(rows).map(([name, t]) => (
          <tr key={name} className={t.lost > 0 ? 'has-lost' : undefined}>
            <th scope="row" className="mono">
              {name}
            </th>
            <td>{count(t.volumes)}</td>
            <td>{count(t.recoverable)}</td>
            <td className={t.lost > 0 ? 'bad' : undefined}>{count(t.lost)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
