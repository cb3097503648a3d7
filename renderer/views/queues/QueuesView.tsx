// Copy Queues: per target cluster the queue depth, bytes, oldest entry and drain rate by copy type
// (SHOW QUEUE), the backlog over simulated time, and the queued volumes. A queue with work and no way
// to move it (its cluster down, or copy operations disabled) is marked blocked.

import { useEffect, useId, useState } from 'react';
import type { Response } from '../../../contract/api';
import { client } from '../../api/client';
import { COPY_TYPES, type QueueView } from '../../../contract/show-api';
import { bytes, count, duration, megabytes, ms, showTime } from '../../lib/format';
import { reportError } from '../../state/actions';
import { useStore } from '../../state/store';
import { LineChart } from './LineChart';
import { WorkloadBadge } from '../workload/WorkloadBadge';

type Queue = Response<'queues.show'>[number];

const COPY_DISABLED = 'Copy Operation Disabled';

/** The queues of the present, or of the past moment being viewed (null while they load). */
function useQueues(at: string | null): Queue[] | null {
  const revision = useStore((s) => s.revision);
  const hasGrid = useStore((s) => s.info?.grid != null);
  const [queues, setQueues] = useState<{ at: string | null; list: Queue[] } | null>(null);
  useEffect(() => {
    if (!hasGrid) {
      setQueues({ at, list: [] });
      return;
    }
    let live = true;
    client()
      .call('queues.show', at ? { at } : {})
      .then((res) => live && setQueues({ at, list: res }))
      .catch((e) => live && reportError(e, at ? `queues.show at ${at}` : 'queues.show'));
    return () => {
      live = false;
    };
  }, [revision, hasGrid, at]);
  // Never the present's queues under the past banner, nor the reverse, while the other loads.
  return queues && queues.at === at ? queues.list : null;
}

export function QueuesView() {
  const past = useStore((s) => s.past);
  const queues = useQueues(past?.at ?? null);
  const present = useStore((s) => s.grid);
  const grid = past ? past.grid : present;
  const now = useStore((s) => s.now);
  const [metric, setMetric] = useState<'copies' | 'bytes'>('copies');
  const [shown, setShown] = useState<string>('');
  const id = useId();
  const nowMs = now ? ms(now) : 0;
  // Ages ("… ago") count from the moment shown.
  const shownMs = past ? ms(past.at) : nowMs;
  const shownQueue = queues?.find((q) => q.queue.cluster === shown) ?? queues?.find((q) => q.queue.count > 0) ?? queues?.[0];

  return (
    <section className="view queues" aria-labelledby="view-title">
      <div className="view-head">
        <h1 id="view-title">Copy Queues</h1>
        {past ? (
          <p className="muted" data-testid="queues-moment">
            Queues as they were at <time dateTime={past.at}>{showTime(past.at)}</time>; the chart shows the whole backlog and marks that moment.
          </p>
        ) : null}
      </div>
      <WorkloadBadge />
      {!queues ? (
        <p className="muted">{past ? 'Rebuilding the queues at that moment…' : 'Loading…'}</p>
      ) : queues.length === 0 ? (
        <p className="empty">No grid loaded.</p>
      ) : (
        <>
          {grid ? (
            <section className="grid-states" aria-label="Grid states">
              <h2>Grid states</h2>
              {grid.states.length === 0 ? (
                <p className="ok">No degraded states.</p>
              ) : (
                <ul>
                  {grid.states.map((s) => (
                    <li key={s} className="state-chip">
                      {s}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ) : null}
          <div className="queue-cards">
            {queues.map((q) => (
              <QueueCard key={q.queue.cluster} q={q.queue} status={grid?.clusters[q.queue.cluster]?.status ?? 'online'} states={grid?.clusters[q.queue.cluster]?.states ?? []} now={shownMs} />
            ))}
          </div>
          <section aria-labelledby={`${id}-chart`} className="panel">
            <div className="panel-head">
              <h2 id={`${id}-chart`}>Backlog over simulated time</h2>
              <fieldset className="segmented">
                <legend className="sr-only">Measure</legend>
                <label>
                  <input type="radio" name={`${id}-metric`} checked={metric === 'copies'} onChange={() => setMetric('copies')} /> copies
                </label>
                <label>
                  <input type="radio" name={`${id}-metric`} checked={metric === 'bytes'} onChange={() => setMetric('bytes')} /> bytes
                </label>
              </fieldset>
            </div>
            <LineChart
              label={`Queued ${metric} per target cluster`}
              unit={metric}
              end={nowMs}
              marker={past ? ms(past.at) : null}
              series={queues.map((q) => ({ name: q.queue.cluster, points: q.history.map((h) => ({ t: ms(h.time), v: metric === 'copies' ? h.count : h.bytes })) }))}
            />
          </section>
          <section aria-labelledby={`${id}-vols`} className="panel">
            <div className="panel-head">
              <h2 id={`${id}-vols`}>Queued volumes</h2>
              <label htmlFor={`${id}-target`}>Target cluster</label>
              <select id={`${id}-target`} value={shownQueue?.queue.cluster ?? ''} onChange={(e) => setShown(e.target.value)}>
                {queues.map((q) => (
                  <option key={q.queue.cluster} value={q.queue.cluster}>
                    {q.queue.cluster} ({count(q.queue.count)})
                  </option>
                ))}
              </select>
            </div>
            {shownQueue ? <QueuedVolumes q={shownQueue} /> : null}
          </section>
        </>
      )}
    </section>
  );
}

function QueueCard({ q, status, states, now }: { q: QueueView; status: string; states: string[]; now: number }) {
  const blocked = q.count > 0 && (status !== 'online' || states.includes(COPY_DISABLED));
  const titleId = useId();
  return (
    <section className={`queue-card${blocked ? ' is-blocked' : ''}`} aria-labelledby={titleId} data-cluster={q.cluster}>
      <div className="panel-head">
        <h2 id={titleId}>
          {q.cluster}
          <span className="muted small"> target queue</span>
        </h2>
        {blocked ? <span className="badge badge-bad">Blocked</span> : q.count > 0 ? <span className="badge">Draining</span> : <span className="badge badge-ok">Empty</span>}
      </div>
      <dl className="facts inline">
        <dt>Queued</dt>
        <dd data-testid={`queue-count-${q.cluster}`}>{count(q.count)}</dd>
        <dt>Bytes</dt>
        <dd>{bytes(q.bytes)}</dd>
        <dt>In flight</dt>
        <dd>{count(q.inFlight ?? 0)}</dd>
        <dt>Oldest</dt>
        <dd>{q.oldest ? `${showTime(q.oldest)} (${duration(now - ms(q.oldest))} ago)` : '—'}</dd>
      </dl>
      {states.length > 0 || status !== 'online' ? (
        <p className="card-states">
          {status !== 'online' ? <span className="state-chip">cluster {status}</span> : null}
          {states.map((s) => (
            <span key={s} className="state-chip">
              {s}
            </span>
          ))}
        </p>
      ) : null}
      {q.byType ? (
        <table className="table compact">
          <caption className="sr-only">{q.cluster} queue by copy type</caption>
          <thead>
            <tr>
              <th scope="col">Copy type</th>
              <th scope="col">Queued</th>
              <th scope="col">Bytes</th>
              <th scope="col">In flight</th>
              <th scope="col">Completed</th>
              <th scope="col">Drain MB/s</th>
            </tr>
          </thead>
          <tbody>
            {COPY_TYPES.map((t) => {
              const s = q.byType![t] ?? { count: 0, bytes: 0, inFlight: 0, completed: 0, drainMBps: 0 };
              return (
                <tr key={t} className={s.count === 0 ? 'muted' : undefined}>
                  <th scope="row">{t}</th>
                  <td>{count(s.count)}</td>
                  <td>{bytes(s.bytes)}</td>
                  <td>{count(s.inFlight)}</td>
                  <td>{count(s.completed)}</td>
                  <td>{s.drainMBps}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function QueuedVolumes({ q }: { q: Queue }) {
  if (q.volumes.length === 0) return <p className="muted">Nothing queued for {q.queue.cluster}.</p>;
  return (
    <>
      <table className="table compact">
        <caption className="sr-only">Volumes queued for {q.queue.cluster}, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Volser</th>
            <th scope="col">Copy type</th>
            <th scope="col">Size</th>
            <th scope="col">Enqueued</th>
            <th scope="col">State</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {q.volumes.map((v) => (
            <tr key={`${v.volser}-${v.enqueued}`}>
              <th scope="row" className="mono">
                {v.volser}
              </th>
              <td>{v.type}</td>
              <td>{megabytes(v.sizeMB)}</td>
              <td>{showTime(v.enqueued)}</td>
              <td>{v.inFlight ? 'in flight' : 'waiting'}</td>
              <td>{v.source ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {q.queue.count > q.volumes.length ? (
        <p className="muted small">
          The oldest {count(q.volumes.length)} of {count(q.queue.count)}.
        </p>
      ) : null}
    </>
  );
}
