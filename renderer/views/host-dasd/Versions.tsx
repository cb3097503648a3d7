// Copy versions of a source pool (seed 002): the replication records (RR) and pre-pairing records (PPR)
// with their pairs, the chronology of the seed's Appendix A tables (records before and after each
// copy), and the notifications sent when no target volume fits.

import { useId } from 'react';
import { showTime } from '../../lib/format';
import type { Issue, Versions } from './use-dasd';
import { cite } from '../../lib/sources';

const pairsText = (pairs: { source: string; target: string }[]) => (pairs.length === 0 ? '—' : pairs.map((p) => `${p.source}→${p.target}`).join(', '));

export function CopyVersions({ pools, busy, issue }: { pools: Versions[]; busy: boolean; issue: Issue }) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Copy versions</h2>
        <span className="small muted">source and target pools, replication and pre-pairing records ({cite('copyVersions')})</span>
      </div>
      {pools.length === 0 ? (
        <p className="muted small">None: SOURCEPOOL and TARGETPOOL define the pools; PREPAIR and BACKUP make the records.</p>
      ) : (
        pools.map((v) => <Pool key={v.pool} v={v} busy={busy} issue={issue} />)
      )}
    </section>
  );
}

function Pool({ v, busy, issue }: { v: Versions; busy: boolean; issue: Issue }) {
  const id = useId();
  return (
    <div className="hd-pool" data-pool={v.pool}>
      <h3 id={`${id}-title`}>
        Source pool {v.pool}{' '}
        <span className="small muted">
          ({v.sourceVolumes.join(', ') || 'no volumes'}; targets {v.targetPools.map((t) => `${t.name}: ${t.volumes.join(', ')}`).join('; ') || 'none'})
        </span>
      </h3>
      <div className="button-row">
        <button type="button" disabled={busy} onClick={() => void issue(`PREPAIR ${v.pool}`)}>
          Pre-pair
        </button>
        <button type="button" disabled={busy} onClick={() => void issue(`BACKUP ${v.pool}`)}>
          Back up (make a copy version)
        </button>
      </div>
      <table className="table compact">
        <caption>Versions of {v.pool}</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Time</th>
            <th scope="col">Record</th>
            <th scope="col">Target pool</th>
            <th scope="col">Pairs</th>
          </tr>
        </thead>
        <tbody>
          {v.versions.length === 0 ? (
            <tr>
              <td colSpan={5} className="muted">
                no version yet
              </td>
            </tr>
          ) : (
            v.versions.map((r) => (
              <tr key={`${r.record}-${r.version}`}>
                <th scope="row">V{r.version}</th>
                <td className="mono">{showTime(r.time)}</td>
                <td>{r.record}</td>
                <td>{r.targetPool}</td>
                <td className="mono">{pairsText(r.pairs)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {v.chronology.length > 0 ? (
        <table className="table compact" data-testid="chronology">
          <caption>
            Chronology of {v.pool} ({cite('copyVersions', 'Appendix A')})
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Time</th>
              <th scope="col">Records kept</th>
            </tr>
          </thead>
          <tbody>
            {v.chronology.map((c, i) => (
              <tr key={i}>
                <th scope="row">{c.label}</th>
                <td className="mono">{showTime(c.time)}</td>
                <td className="mono">{c.records.length === 0 ? '—' : c.records.map((r) => `${r.record}(V${r.version}) ${pairsText(r.pairs)}`).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {v.notifications.length > 0 ? (
        <ul className="hd-notes" aria-label={`Notifications of ${v.pool}`}>
          {v.notifications.map((n, i) => (
            <li key={i} className="bad small">
              {n}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
