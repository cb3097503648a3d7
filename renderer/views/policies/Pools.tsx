// Physical volume pools of the tape-attached clusters (README "Copy Export additions"; Redbook §11.5.1):
// media, recording format, Copy Export, reclaim pool. A Copy Export pool holds the secondary copies of
// volumes whose Management Class names it with SECONDARY: without such a class it exports nothing,
// which this panel says next to the pool.

import { useId, useState } from 'react';
import type { PoliciesDto } from '../../../contract/policies-api';
import { count } from '../../lib/format';
import { poolLine, type PoolForm } from './lines';
import { PolicyForm, TextField } from './PolicyForm';
import type { IssueLine } from './use-policies';

export function Pools({ data, busy, issue }: { data: PoliciesDto; busy: boolean; issue: IssueLine }) {
  const id = useId();
  const tape = data.clusters.filter((c) => c.model === 'TAPE').map((c) => c.name);
  const [form, setForm] = useState<PoolForm>({ cluster: tape[0] ?? '', pool: '', media: '', format: '', copyExport: false, reclaimPool: '' });
  const cluster = tape.includes(form.cluster) ? form.cluster : (tape[0] ?? '');
  const built = poolLine({ ...form, cluster });
  const current = data.pools.find((p) => p.cluster === cluster && String(p.pool) === form.pool.trim());
  const formatMedia = data.formats.find((f) => f.format === (form.format || current?.format))?.media ?? data.media;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Storage pools</h2>
        <span className="small muted">physical volume pools of the tape-attached clusters</span>
      </div>
      <p className="pol-note" data-testid="copy-export-note">
        A Copy Export takes the <strong>secondary</strong> copies out of the library: it needs a Management Class with <code>SECONDARY &lt;pool&gt;</code> naming the Copy Export pool, and the volumes
        written with that class (Redbook §11.5.1).
      </p>
      {tape.length === 0 ? (
        <p className="empty small">This grid has no tape-attached cluster (MODEL TAPE): disk-only clusters have no physical pools.</p>
      ) : (
        <div className="pol-scroll">
          <table className="table compact">
            <caption className="sr-only">Storage pools</caption>
            <thead>
              <tr>
                <th scope="col">Cluster</th>
                <th scope="col">Pool</th>
                <th scope="col">Media</th>
                <th scope="col">Format</th>
                <th scope="col">Copy Export</th>
                <th scope="col">Reclaim pool</th>
                <th scope="col">Reclaim at</th>
                <th scope="col">Empty cartridges</th>
                <th scope="col">Secondary pool of</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.pools.map((p) => (
                <tr key={`${p.cluster}-${p.pool}`} data-pool={`${p.cluster}/${p.pool}`}>
                  <td>{p.cluster}</td>
                  <th scope="row">{p.pool === 0 ? '0 (common scratch)' : p.pool}</th>
                  <td>{p.media}</td>
                  <td>{p.format}</td>
                  <td>{p.copyExport ? 'yes' : 'no'}</td>
                  <td>{p.reclaimPool}</td>
                  <td>{p.reclaimThreshold}% active</td>
                  <td>{count(p.scratch)}</td>
                  <td className={p.copyExport && p.secondaryOf.length === 0 ? 'bad small' : 'small'}>
                    {p.secondaryOf.length > 0 ? p.secondaryOf.join(', ') : p.copyExport ? `no Management Class: give one SECONDARY ${p.pool}` : '—'}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="linklike"
                      onClick={() => setForm({ cluster: p.cluster, pool: String(p.pool), media: p.media, format: p.format, copyExport: p.copyExport, reclaimPool: String(p.reclaimPool) })}
                    >
                      Edit
                      <span className="sr-only">
                        {' '}
                        pool {p.pool} of {p.cluster}
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {tape.length > 0 ? (
        <PolicyForm
          label="Storage pool"
          title={current ? `Change pool ${current.pool} of ${current.cluster}` : 'Define a pool'}
          built={built}
          problemId={`${id}-problem`}
          busy={busy}
          issue={issue}
          submit={current ? 'Change pool' : 'Define pool'}
        >
          <label htmlFor={`${id}-cluster`}>Cluster</label>
          <select id={`${id}-cluster`} value={cluster} onChange={(e) => setForm({ ...form, cluster: e.target.value })}>
            {tape.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
          <TextField id={`${id}-pool`} label="Pool" size={4} value={form.pool} describedBy={`${id}-problem`} onChange={(pool) => setForm({ ...form, pool })} />
          <label htmlFor={`${id}-media`}>Media</label>
          <select id={`${id}-media`} value={form.media} onChange={(e) => setForm({ ...form, media: e.target.value })}>
            <option value="">{current ? `keep (${current.media})` : 'default for the format'}</option>
            {formatMedia.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
          <label htmlFor={`${id}-format`}>Format</label>
          <select id={`${id}-format`} value={form.format} onChange={(e) => setForm({ ...form, format: e.target.value })}>
            <option value="">{current ? `keep (${current.format})` : "the drives' format"}</option>
            {data.formats.map((f) => (
              <option key={f.format} value={f.format}>
                {f.format} (writes {f.media.join(', ')})
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-export`}>Copy Export</label>
          <div>
            <input
              id={`${id}-export`}
              type="checkbox"
              checked={form.copyExport}
              disabled={current?.copyExport === true}
              onChange={(e) => setForm({ ...form, copyExport: e.target.checked, reclaimPool: e.target.checked ? form.pool : form.reclaimPool })}
            />{' '}
            <span className="small muted">{current?.copyExport ? 'a Copy Export pool stays one' : 'its reclaim pool becomes itself'}</span>
          </div>
          <TextField id={`${id}-reclaim`} label="Reclaim pool" size={4} placeholder="itself" value={form.reclaimPool} onChange={(reclaimPool) => setForm({ ...form, reclaimPool })} />
        </PolicyForm>
      ) : null}
    </section>
  );
}
