// Replication sets (seed 001 FIG. 1): source → replica, transfer mode, lag (the delta marking stream:
// written at the source, not yet in the replica's journal), journal usage and the reachable window.

import { useId } from 'react';
import { bytes, count, duration, ms, showTime } from '../../lib/format';
import { Meter } from './Meter';
import type { Replication } from './use-dasd';
import { cite } from '../../lib/sources';

const BLOCK = 4096;

export function lagText(r: Replication, now: string): string {
  const behind = Math.max(0, ms(now) - ms(r.latestPointInTime));
  const inflight = r.deltaMarking.transactions === 0 ? 'nothing in flight' : `${count(r.deltaMarking.transactions)} tx, ${bytes(r.deltaMarking.blocks * BLOCK)} in flight`;
  return `${inflight}; latest point ${behind === 0 ? 'now' : `${duration(behind)} ago`}`;
}

function accessText(r: Replication): string {
  const a = r.imageAccess;
  if (!a) return 'none';
  return `${a.mode} at ${a.pointInTime}${a.rolling ? ` (rolling, ready ${showTime(a.readyAt)})` : ''}`;
}

export function Replications({ replications, now, selected, select }: { replications: Replication[]; now: string; selected: string | null; select: (replica: string) => void }) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Replication sets</h2>
        <span className="small muted">journal replication: SYNC waits for the replica, ASYNC sends behind, SNAPSHOT aggregates ({cite('continuousReplication')})</span>
      </div>
      {replications.length === 0 ? (
        <p className="empty" data-testid="no-replications">
          No replication is defined. Define DASD volumes and a replication with runbook lines (Console or Runbooks): <code>DASD CAT SITE PROD SIZE 2GB</code>, <code>DASD CATR SITE DR SIZE 2GB</code>,{' '}
          <code>REPLICATE CAT TO CATR ASYNC JOURNAL 64MB</code> (spec §9).
        </p>
      ) : (
        <table className="table compact hd-replications">
          <caption className="sr-only">Replication sets</caption>
          <thead>
            <tr>
              <th scope="col">Source → replica</th>
              <th scope="col">Mode</th>
              <th scope="col">Lag</th>
              <th scope="col">Journal</th>
              <th scope="col">Reachable window</th>
              <th scope="col">Image access</th>
              <th scope="col">Distribution</th>
            </tr>
          </thead>
          <tbody>
            {replications.map((r) => (
              <tr key={r.replica} data-replica={r.replica} className={r.replica === selected ? 'is-selected' : undefined}>
                <th scope="row">
                  <button type="button" className="linklike" aria-pressed={r.replica === selected} onClick={() => select(r.replica)}>
                    {r.source} → {r.replica}
                  </button>
                </th>
                <td>{r.mode}</td>
                <td className="small">{lagText(r, now)}</td>
                <td>
                  <Meter label={`Journal of ${r.replica}`} value={r.usedSegments} max={r.segments} warnAt={r.segments} detail={`${count(r.usedSegments)}/${count(r.segments)} segments`} />
                </td>
                <td className="small mono">
                  {showTime(r.earliestPointInTime)} – {showTime(r.latestPointInTime)}
                </td>
                <td className="small">{accessText(r)}</td>
                <td className={r.blocked ? 'bad small' : 'small'}>{r.blocked ? 'blocked: journal full' : r.distribution}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
