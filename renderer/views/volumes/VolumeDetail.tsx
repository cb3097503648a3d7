// One volume (volume.show): its copies per cluster with level, consistency and cache residency, its
// ownership and level, and the journal lines that touched it. In a past moment, as it was then.

import { useEffect, useState } from 'react';
import type { Response } from '../../../contract/api';
import { client } from '../../api/client';
import { read, volumeDetail, type VolumeDetail as Detail } from '../../api/shapes';
import { count, showTime } from '../../lib/format';
import { reportError } from '../../state/actions';
import { useStore } from '../../state/store';

const HISTORY_SHOWN = 200;

export function VolumeDetail({ volser, onClose }: { volser: string; onClose: () => void }) {
  const revision = useStore((s) => s.revision);
  const at = useStore((s) => s.past?.at);
  const [state, setState] = useState<{ volume: Detail; history: Response<'volume.show'>['history'] } | null>(null);
  useEffect(() => {
    let live = true;
    client()
      .call('volume.show', at ? { volser, at } : { volser })
      .then((res) => live && setState({ volume: read(volumeDetail, res.volume, `volume.show ${volser}`), history: res.history }))
      .catch((e) => live && reportError(e, `volume.show ${volser}`));
    return () => {
      live = false;
    };
  }, [volser, at, revision]);

  const v = state?.volume.volser === volser ? state.volume : null;
  const history = v ? state!.history : [];
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
      {!v ? (
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
          {history.length === 0 ? (
            <p className="muted">No commands have touched this volume.</p>
          ) : (
            <ol className="history">
              {history.slice(-HISTORY_SHOWN).map((h, i) => (
                <li key={i} className={h.ok ? undefined : 'bad'}>
                  <time className="mono">{showTime(h.time)}</time> <code>{h.command}</code>
                  {h.ok ? '' : ' — refused'}
                </li>
              ))}
            </ol>
          )}
          {history.length > HISTORY_SHOWN ? <p className="muted small">Latest {HISTORY_SHOWN} of {count(history.length)}.</p> : null}
        </>
      )}
    </aside>
  );
}
