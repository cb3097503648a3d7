// Categories (spec §3, §12; Redbook §11.9.7, §11.10.1): scratch (Fast Ready) or private, and a
// scratch category's Expire Hold — while it lasts no host can mount the returned volumes.

import { useId, useState } from 'react';
import type { PoliciesDto } from '../../../contract/policies-api';
import { count } from '../../lib/format';
import { categoryLine, durationText, type CategoryForm } from './lines';
import { PolicyForm, TextField } from './PolicyForm';
import type { IssueLine } from './use-policies';

export function Categories({ data, busy, issue }: { data: PoliciesDto; busy: boolean; issue: IssueLine }) {
  const id = useId();
  const [form, setForm] = useState<CategoryForm>({ category: '', scratch: true, expireHold: '' });
  const built = categoryLine(form);
  const existing = data.categories.some((c) => c.category === form.category.trim().toUpperCase());
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Categories</h2>
        <span className="small muted">scratch (Fast Ready) mounts give a blank volume; Expire Hold keeps returned scratch volumes from any mount</span>
      </div>
      <table className="table compact">
        <caption className="sr-only">Categories</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Kind</th>
            <th scope="col">Expire Hold</th>
            <th scope="col">Volumes</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data.categories.map((c) => (
            <tr key={c.category} data-category={c.category}>
              <th scope="row" className="mono">
                {c.category}
              </th>
              <td>{c.scratch ? 'scratch' : 'private'}</td>
              <td>{durationText(c.expireHoldSeconds) || '—'}</td>
              <td>{count(c.volumes)}</td>
              <td>
                <button type="button" className="linklike" onClick={() => setForm({ category: c.category, scratch: c.scratch, expireHold: durationText(c.expireHoldSeconds) })}>
                  Edit<span className="sr-only"> category {c.category}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <PolicyForm
        label="Category"
        title={existing ? `Change category ${form.category.trim().toUpperCase()}` : 'Define a category'}
        built={built}
        problemId={`${id}-problem`}
        busy={busy}
        issue={issue}
        submit={existing ? 'Change category' : 'Define category'}
      >
        <TextField id={`${id}-hex`} label="Category" size={6} placeholder="0002" value={form.category} describedBy={`${id}-problem`} onChange={(category) => setForm({ ...form, category })} />
        <span id={`${id}-kind`}>Kind</span>
        <div className="segmented" role="radiogroup" aria-labelledby={`${id}-kind`}>
          {([true, false] as const).map((scratch) => (
            <label key={String(scratch)}>
              <input type="radio" name={`${id}-kind`} checked={form.scratch === scratch} onChange={() => setForm({ ...form, scratch, expireHold: scratch ? form.expireHold : '' })} />{' '}
              {scratch ? 'Scratch (Fast Ready)' : 'Private'}
            </label>
          ))}
        </div>
        <TextField id={`${id}-hold`} label="Expire Hold" size={6} placeholder="none" disabled={!form.scratch} value={form.expireHold} onChange={(expireHold) => setForm({ ...form, expireHold })} />
      </PolicyForm>
    </section>
  );
}
