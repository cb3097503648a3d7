// One volume (volume.show): its copies per cluster with level, consistency and cache residency, its
// ownership and level, and its history: the journal lines that named it and what the engine did to
// it (mounts, writes, copies and their source, cache removals, changes, exports), newest first. In a
// past moment, as it was then.

import { useEffect, useState } from 'react';
import type { Response } from '../../../contract/api';
import { client } from '../../api/client';
import type { VolumeDetail as Detail } from '../../../contract/show-api';
import { count, showTime } from '../../lib/format';
import { useStore } from '../../state/store';
import { describeError } from './words';

const HISTORY_SHOWN = 200;

type HistoryKind = NonNullable<Response<'volume.show'>['history'][number]['kind']>;
const KIND_LABELS: Record<HistoryKind, string> = {
  command: 'command',
  mount: 'mount',
  'scratch-mount': 'mount',
  'dr-mount': 'DR mount',
  recall: 'recall',
  write: 'write',
  demount: 'demount',
  copy: 'copy',
  'cache-removal': 'cache',
  category: 'category',
  mc: 'MC',
  export: 'export',
};

export function VolumeDetail({ volser, onClose }: { volser: string; onClose: () => void }) {
  const revision = useStore((s) => s.revision);
  const at = useStore((s) => s.past?.at);
  const [state, setState] = useState<{ volume: Detail; history: Response<'volume.show'>['history']; dropped: number } | null>(null);
  const [failure, setFailure] = useState<{ volser: string; text: string } | null>(null);
  useEffect(() => {
    let live = true;
    client()
      .call('volume.show', at ? { volser, at } : { volser })
      .then((res) => {
        if (!live) return;
        setState({ volume: res.volume, history: res.history, dropped: res.historyDropped ?? 0 });
        setFailure(null);
      })
      .catch((e: unknown) => {
        if (!live) return;
        const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
        setFailure({ volser, text: code === 'UNKNOWN_VOLUME' ? `${volser} is not in the grid${at ? ' at that moment' : ''}: it was not created yet, or the grid was replaced.` : describeError(e) });
      });
    return () => {
      live = false;
    };
  }, [volser, at, revision]);

  const v = state?.volume.volser === volser ? state.volume : null;
  const history = v ? state!.history : [];
  const failed = failure?.volser === volser ? failure.text : null;
  return (
    <aside className="side volume-detail" aria-label={`Volume ${volser}`}>
      <div className="side-head">
        <h2>
          Volume <span className="mono">{volser}</span>
          {at ? <span className="muted small"> as at {showTime(at)}</span> : null}
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {failed ? (
        <p className="bad" role="alert">
          {failed}
        </p>
      ) : !v ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <dl className="facts">
            <dt>Level</dt>
            <dd>{v.level}</dd>
            <dt>Owner</dt>
            <dd>{v.owner ?? '—'}</dd>
            <dt>Category</dt>
            <dd className="mono">{v.category}</dd>
            <dt>Management class</dt>
            <dd>{v.mc ?? '—'}</dd>
            <dt>Size</dt>
            <dd>{count(v.sizeMB)} MB</dd>
            <dt>Mounted on</dt>
            <dd>{v.mountedOn ?? 'not mounted'}</dd>
            {v.created ? (
              <>
                <dt>Created</dt>
                <dd>{showTime(v.created)}</dd>
              </>
            ) : null}
            {v.lastAccess ? (
              <>
                <dt>Last access</dt>
                <dd>{showTime(v.lastAccess)}</dd>
              </>
            ) : null}
          </dl>
          <h3>Copies</h3>
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">Cluster</th>
                <th scope="col">Level</th>
                <th scope="col">Consistent</th>
                <th scope="col">In cache</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(v.copies).map(([cl, c]) => (
                <tr key={cl}>
                  <th scope="row">{cl}</th>
                  <td>{c.level}</td>
                  <td className={c.consistent ? 'ok' : 'bad'}>{c.consistent ? 'yes' : 'no'}</td>
                  <td>
                    {c.inCache ? 'yes' : 'no'}
                    {c.premigrated ? ' · premigrated' : ''}
                  </td>
                </tr>
              ))}
              {Object.keys(v.copies).length === 0 ? (
                <tr>
                  <td colSpan={4} className="muted">
                    No copies
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
          <h3>History</h3>
          <p className="muted small">Newest first: the commands that named this volume and what the grid did to it.</p>
          {history.length === 0 ? (
            <p className="muted">Nothing has happened to this volume yet.</p>
          ) : (
            <ol className="history" aria-label="History">
              {history.slice(0, HISTORY_SHOWN).map((h, i) => {
                const kind = h.kind ?? 'command';
                return (
                  <li key={i} className={`history-${kind === 'command' ? 'command' : 'event'}${h.ok ? '' : ' bad'}`}>
                    <time className="mono">{showTime(h.time)}</time> <span className="history-kind">{KIND_LABELS[kind]}</span>{' '}
                    {kind === 'command' ? <code>{h.command}</code> : <span>{h.command}</span>}
                    {h.ok ? '' : ' — refused'}
                  </li>
                );
              })}
            </ol>
          )}
          {history.length >= HISTORY_SHOWN ? <p className="muted small">The latest {count(HISTORY_SHOWN)} entries.</p> : null}
          {state!.dropped > 0 ? (
            <p className="muted small">
              The grid keeps the latest {count(1 << 20)} volume events of all volumes; {count(state!.dropped)} older ones are no longer kept, so early events may be missing.
            </p>
          ) : null}
        </>
      )}
    </aside>
  );
}
