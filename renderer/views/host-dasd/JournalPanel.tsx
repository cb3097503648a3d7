// One replica's journal (seed 001 FIG. 2): segments used per stream, the reachable window, bookmarks,
// and the image access controls — access at a time or a bookmark, VIRTUAL or LOGGED, roll to the image
// in the background, disable (discarding what was written meanwhile), failover. Every action is a
// runbook line issued through the Console path.

import { useId, useState } from 'react';
import { bytes, count, showTime } from '../../lib/format';
import { Meter } from './Meter';
import type { Issue, Replication } from './use-dasd';
import { WindowBar } from './WindowBar';
import { cite } from '../../lib/sources';

const NAME = /^[A-Za-z0-9_.$@#-]{1,32}$/;
const SIZE = /^\d+(\.\d+)?(B|KB|MB|GB|TB)?$/i;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

/** The seed 001 FIG. 2 stream names for the result's identifier keys (spec §12). */
const STREAM_LABELS: Record<string, string> = { do: 'DO', doMetadata: 'DO METADATA', undo: 'UNDO', undoMetadata: 'UNDO METADATA', accessLog: 'ACCESS LOG' };

export function JournalPanel({ r, now, busy, issue }: { r: Replication; now: string; busy: boolean; issue: Issue }) {
  const id = useId();
  const [digests, setDigests] = useState<Record<string, string>>({});
  async function checksum(key: string, line: string) {
    const result = (await issue(line)) as { digest?: string } | null;
    if (result?.digest) setDigests((d) => ({ ...d, [key]: `${result.digest} at ${showTime(now)}` }));
  }
  const streams = Object.entries(r.streams);
  return (
    <section className="panel hd-journal" aria-labelledby={`${id}-title`} data-testid="journal-panel">
      <div className="panel-head">
        <h2 id={`${id}-title`}>Journal of {r.replica}</h2>
        <span className="small muted">
          {r.source} → {r.replica}, {r.mode}; {count(r.segments)} segments of {bytes(r.segmentBytes)}
        </span>
      </div>
      <div className="hd-journal-grid">
        <div>
          <h3>Reachable time window</h3>
          <dl className="facts">
            <dt>Earliest point in time</dt>
            <dd className="mono" data-testid="earliest-pit">
              {showTime(r.earliestPointInTime)}
            </dd>
            <dt>Latest point in time</dt>
            <dd className="mono" data-testid="latest-pit">
              {showTime(r.latestPointInTime)}
            </dd>
            <dt>History released</dt>
            <dd data-testid="released">
              {r.releasedTransactions === 0 ? 'none: the journal reaches back to the start' : `${count(r.releasedTransactions)} transaction(s): the journal filled and its oldest history went`}
            </dd>
            <dt>Distribution</dt>
            <dd>{r.blocked ? 'blocked: the journal is full' : r.distribution === 'paused' ? `paused during image access (${count(r.pendingDistribution)} transaction(s) waiting)` : 'running'}</dd>
          </dl>
          <WindowBar r={r} now={now} />
          <Meter
            label="Journal segments used"
            value={r.usedSegments}
            max={r.segments}
            warnAt={r.segments}
            detail={`${count(r.usedSegments)}/${count(r.segments)} (${r.usedPercent}%)`}
            testId="journal-usage"
          />
          <table className="table compact">
            <caption className="sr-only">Journal streams of {r.replica}</caption>
            <thead>
              <tr>
                <th scope="col">Stream</th>
                <th scope="col">Segments</th>
                <th scope="col">Bytes</th>
                <th scope="col">Records</th>
              </tr>
            </thead>
            <tbody>
              {streams.map(([name, s]) => (
                <tr key={name} data-stream={name}>
                  <th scope="row">{STREAM_LABELS[name] ?? name}</th>
                  <td>{count(s.segments)}</td>
                  <td>{bytes(s.bytes)}</td>
                  <td>{count(s.records)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <ImageAccess r={r} busy={busy} issue={issue} />
          <h3>Checksums</h3>
          <div className="button-row">
            <button type="button" disabled={busy} onClick={() => void checksum('source', `CHECKSUM ${r.source}`)}>
              Checksum {r.source}
            </button>
            <button type="button" disabled={busy} onClick={() => void checksum('replica', `CHECKSUM ${r.replica}`)}>
              Checksum {r.replica}
            </button>
            <button type="button" disabled={busy || !r.imageAccess} onClick={() => void checksum('image', `CHECKSUM ${r.replica} IMAGE`)}>
              Checksum the image
            </button>
          </div>
          <dl className="facts">
            <dt>{r.source}</dt>
            <dd className="mono" data-testid="checksum-source">
              {digests.source ?? '—'}
            </dd>
            <dt>{r.replica}</dt>
            <dd className="mono" data-testid="checksum-replica">
              {digests.replica ?? '—'}
            </dd>
            <dt>Accessed image</dt>
            <dd className="mono" data-testid="checksum-image">
              {digests.image ?? '—'}
            </dd>
          </dl>
        </div>
      </div>
      <div className="hd-journal-grid">
        <SourceWrite r={r} busy={busy} issue={issue} />
        <Bookmarks r={r} busy={busy} issue={issue} />
      </div>
    </section>
  );
}

function ImageAccess({ r, busy, issue }: { r: Replication; busy: boolean; issue: Issue }) {
  const id = useId();
  const reachable = r.bookmarks.filter((b) => b.reachable);
  const [point, setPoint] = useState('');
  const [time, setTime] = useState('');
  const [mode, setMode] = useState<'VIRTUAL' | 'LOGGED'>('VIRTUAL');
  const [confirmFailover, setConfirmFailover] = useState(false);
  const chosen = point === '' ? (reachable[reachable.length - 1]?.name ?? '@time') : point;
  const at = chosen === '@time' ? time.trim() : chosen;
  const valid = chosen === '@time' ? ISO.test(at) : reachable.some((b) => b.name === at);
  const a = r.imageAccess;
  return (
    <form
      className="hd-form"
      aria-label={`Image access on ${r.replica}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (valid && !a) void issue(`IMAGE ACCESS ${r.replica} AT ${at} ${mode}`);
      }}
    >
      <h3>Image access</h3>
      <p className="small" data-testid="access-state">
        {a
          ? `${a.mode === 'virtual' ? 'Virtual' : 'Logged'} access to ${a.pointInTime} (transaction ${count(a.seq)}) since ${showTime(a.enabledAt)}${a.rolling ? `; rolling to it in the background, ready ${showTime(a.readyAt)}` : ''}.`
          : 'No image access: the replica follows the source.'}
      </p>
      <div className="hd-fields">
        <label htmlFor={`${id}-point`}>Point in time</label>
        <select id={`${id}-point`} value={chosen} onChange={(e) => setPoint(e.target.value)} disabled={!!a}>
          {reachable.map((b) => (
            <option key={b.name} value={b.name}>
              bookmark {b.name} ({showTime(b.time)})
            </option>
          ))}
          <option value="@time">a time…</option>
        </select>
        {chosen === '@time' ? (
          <>
            <label htmlFor={`${id}-time`}>Time (UTC)</label>
            <input
              id={`${id}-time`}
              className="mono"
              size={24}
              placeholder={r.earliestPointInTime}
              value={time}
              aria-invalid={time !== '' && !ISO.test(time.trim())}
              onChange={(e) => setTime(e.target.value)}
              disabled={!!a}
            />
          </>
        ) : null}
        <span id={`${id}-mode`}>Mode</span>
        <div className="segmented" role="radiogroup" aria-labelledby={`${id}-mode`}>
          {(['VIRTUAL', 'LOGGED'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} disabled={!!a} />{' '}
              {m === 'VIRTUAL' ? 'Virtual (at once, from the journal)' : 'Logged (roll the replica)'}
            </label>
          ))}
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy || !!a || !valid}>
          Access image
        </button>
        <button type="button" disabled={busy || !a || a.mode === 'logged' || a.rolling} onClick={() => void issue(`IMAGE ROLL ${r.replica}`)}>
          Roll to image
        </button>
        <button type="button" disabled={busy || !a} onClick={() => void issue(`IMAGE DISABLE ${r.replica}`)}>
          Disable image access
        </button>
        {confirmFailover ? null : (
          <button type="button" disabled={busy} onClick={() => setConfirmFailover(true)}>
            Fail over to {r.replica}…
          </button>
        )}
      </div>
      {confirmFailover ? (
        <div className="button-row" role="group" aria-label={`Confirm failover to ${r.replica}`}>
          <span className="small">
            {r.replica} becomes the production copy and replication reverses ({cite('continuousReplication', 'failover')}).
          </span>
          <button type="button" className="primary" disabled={busy} onClick={() => void issue(`FAILOVER ${r.replica}`).then(() => setConfirmFailover(false))}>
            Fail over
          </button>
          <button type="button" onClick={() => setConfirmFailover(false)}>
            Cancel
          </button>
        </div>
      ) : null}
      <p className="small muted">Disable discards every write made to the image meanwhile; then distribution goes on from the image forward ({cite('continuousReplication')}).</p>
    </form>
  );
}

function SourceWrite({ r, busy, issue }: { r: Replication; busy: boolean; issue: Issue }) {
  const id = useId();
  const [offset, setOffset] = useState('0');
  const [size, setSize] = useState('8MB');
  const [pattern, setPattern] = useState('');
  const valid = SIZE.test(offset) && SIZE.test(size) && (pattern === '' || NAME.test(pattern));
  return (
    <form
      className="hd-form"
      aria-label={`Write to ${r.source}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) void issue(`DASDWRITE ${r.source} ${offset} ${size}${pattern ? ` PATTERN ${pattern}` : ''}`);
      }}
    >
      <h3>Host write to {r.source}</h3>
      <div className="hd-fields">
        <label htmlFor={`${id}-offset`}>Offset</label>
        <input id={`${id}-offset`} className="mono" size={8} value={offset} aria-invalid={!SIZE.test(offset)} onChange={(e) => setOffset(e.target.value.trim())} />
        <label htmlFor={`${id}-size`}>Size</label>
        <input id={`${id}-size`} className="mono" size={8} value={size} aria-invalid={!SIZE.test(size)} onChange={(e) => setSize(e.target.value.trim())} />
        <label htmlFor={`${id}-pattern`}>Pattern</label>
        <input
          id={`${id}-pattern`}
          className="mono"
          size={16}
          placeholder="(its own content)"
          value={pattern}
          aria-invalid={pattern !== '' && !NAME.test(pattern)}
          onChange={(e) => setPattern(e.target.value.trim())}
        />
      </div>
      <div className="button-row">
        <button type="submit" disabled={busy || !valid}>
          Write
        </button>
      </div>
    </form>
  );
}

function Bookmarks({ r, busy, issue }: { r: Replication; busy: boolean; issue: Issue }) {
  const id = useId();
  const [name, setName] = useState('');
  const valid = NAME.test(name) && !r.bookmarks.some((b) => b.name === name.toUpperCase());
  return (
    <div>
      <h3 id={`${id}-title`}>Bookmarks</h3>
      {r.bookmarks.length === 0 ? (
        <p className="muted small">No bookmark yet: a bookmark names a consistent point in the source's stream ({cite('continuousReplication')}).</p>
      ) : (
        <table className="table compact" aria-labelledby={`${id}-title`}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Time</th>
              <th scope="col">Transaction</th>
              <th scope="col">Reachable</th>
            </tr>
          </thead>
          <tbody>
            {r.bookmarks.map((b) => (
              <tr key={b.name} data-bookmark={b.name}>
                <th scope="row">{b.name}</th>
                <td className="mono">{showTime(b.time)}</td>
                <td>{count(b.seq)}</td>
                <td className={b.reachable ? 'ok' : 'bad'}>{b.reachable ? 'yes' : 'no: released'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="hd-inline"
        aria-label={`Bookmark ${r.source}`}
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) void issue(`BOOKMARK ${r.source} ${name}`).then((out) => out && setName(''));
        }}
      >
        <label htmlFor={`${id}-name`}>Bookmark name</label>{' '}
        <input id={`${id}-name`} className="mono" size={16} value={name} aria-invalid={name !== '' && !valid} onChange={(e) => setName(e.target.value.trim())} />{' '}
        <button type="submit" disabled={busy || !valid}>
          Bookmark
        </button>
      </form>
    </div>
  );
}
