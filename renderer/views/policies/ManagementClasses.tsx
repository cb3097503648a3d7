// Management Classes (spec §3; Redbook §11.1): copy consistency point per cluster, the secondary pool
// a tape-attached cluster writes a second copy to (what a Copy Export carries, Redbook §11.5.1), and the
// cache preference group. Editing a class issues `MC … COPY …` again: the engine replaces the class.

import { useId, useState } from 'react';
import type { PoliciesDto } from '../../../contract/policies-api';
import { count } from '../../lib/format';
import { mcLine, type CopyMode, type McForm } from './lines';
import { PolicyForm, TextField } from './PolicyForm';
import type { IssueLine } from './use-policies';

const MODE_NAMES: Record<CopyMode, string> = { R: 'RUN', D: 'Deferred', N: 'No Copy', S: 'Synchronous' };

function blank(clusters: number): McForm {
  return { name: '', modes: Array.from({ length: clusters }, () => 'D' as CopyMode), secondaryPool: '', preference: 'PG1' };
}

export function ManagementClasses({ data, busy, issue }: { data: PoliciesDto; busy: boolean; issue: IssueLine }) {
  const id = useId();
  const [form, setForm] = useState<McForm>(() => blank(data.clusters.length));
  const modes = form.modes.length === data.clusters.length ? form.modes : blank(data.clusters.length).modes;
  const built = mcLine({ ...form, modes });
  const existing = data.managementClasses.some((m) => m.name === form.name.trim().toUpperCase());
  const secondaryPools = [...new Set(data.pools.filter((p) => p.pool > 0).map((p) => p.pool))].sort((a, b) => a - b);
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Management Classes</h2>
        <span className="small muted">copy consistency points: R = RUN (before demount returns), D = Deferred (queued), N = No Copy, S = Synchronous (exactly two)</span>
      </div>
      {data.managementClasses.length === 0 ? (
        <p className="empty small">No Management Class yet: define one below; scratch writes and preloads name one.</p>
      ) : (
        <div className="pol-scroll">
          <table className="table compact">
            <caption className="sr-only">Management Classes</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                {data.clusters.map((c) => (
                  <th scope="col" key={c.name}>
                    {c.name}
                  </th>
                ))}
                <th scope="col">Secondary pool</th>
                <th scope="col">Preference</th>
                <th scope="col">Volumes</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.managementClasses.map((m) => (
                <tr key={m.name} data-mc={m.name}>
                  <th scope="row">{m.name}</th>
                  {m.modes.map((mode, i) => (
                    <td key={i} title={MODE_NAMES[mode]} className="mono">
                      {mode}
                    </td>
                  ))}
                  <td>{m.secondaryPool ?? '—'}</td>
                  <td>{m.preference}</td>
                  <td>{count(m.volumes)}</td>
                  <td>
                    <button
                      type="button"
                      className="linklike"
                      onClick={() => setForm({ name: m.name, modes: [...m.modes], secondaryPool: m.secondaryPool === null ? '' : String(m.secondaryPool), preference: m.preference })}
                    >
                      Edit<span className="sr-only"> {m.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PolicyForm
        label="Management Class"
        title={existing ? `Change ${form.name.trim().toUpperCase()}` : 'New Management Class'}
        built={built}
        problemId={`${id}-problem`}
        busy={busy}
        issue={issue}
        submit={existing ? 'Change Management Class' : 'Define Management Class'}
        buttons={
          <button type="button" onClick={() => setForm(blank(data.clusters.length))}>
            Clear
          </button>
        }
      >
        <TextField id={`${id}-name`} label="Name" size={12} trim={false} value={form.name} describedBy={`${id}-problem`} onChange={(name) => setForm({ ...form, name })} />
        <span id={`${id}-modes`}>Copy modes</span>
        <div className="pol-modes" role="group" aria-labelledby={`${id}-modes`}>
          {data.clusters.map((c, i) => (
            <label key={c.name}>
              {c.name}{' '}
              <select aria-label={`Copy mode on ${c.name}`} value={modes[i]} onChange={(e) => setForm({ ...form, modes: modes.map((m, j) => (j === i ? (e.target.value as CopyMode) : m)) })}>
                {(Object.keys(MODE_NAMES) as CopyMode[]).map((m) => (
                  <option key={m} value={m}>
                    {m} — {MODE_NAMES[m]}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
        <TextField
          id={`${id}-secondary`}
          label="Secondary pool"
          size={4}
          list={`${id}-pools`}
          placeholder="none"
          value={form.secondaryPool}
          onChange={(secondaryPool) => setForm({ ...form, secondaryPool })}
          after={
            <>
              <datalist id={`${id}-pools`}>
                {secondaryPools.map((p) => (
                  <option key={p} value={String(p)} />
                ))}
              </datalist>{' '}
              <span className="small muted">a tape-attached cluster also writes each volume to this pool: a Copy Export exports it</span>
            </>
          }
        />
        <span id={`${id}-pg`}>Preference group</span>
        <div className="segmented" role="radiogroup" aria-labelledby={`${id}-pg`}>
          {(['PG0', 'PG1'] as const).map((pg) => (
            <label key={pg}>
              <input type="radio" name={`${id}-pg`} value={pg} checked={form.preference === pg} onChange={() => setForm({ ...form, preference: pg })} />{' '}
              {pg === 'PG0' ? 'PG0 (leaves the cache once on tape)' : 'PG1 (stays in cache, LRU)'}
            </label>
          ))}
        </div>
      </PolicyForm>
    </section>
  );
}
