// Host DEVSUP categories (spec §12, z/OS DEVSUPxx; Redbook §11.10.1 step 8): the categories a host's
// scratch mounts draw from, and its private and error volumes become. A DR host gets its own so it
// never takes production's scratch volumes.

import { useId, useState } from 'react';
import type { PoliciesDto } from '../../../contract/policies-api';
import { devsupLine, type DevsupForm } from './lines';
import { FormProblem } from './Problem';
import type { IssueLine } from './use-policies';

type Host = PoliciesDto['hosts'][number];

export function Devsup({ data, busy, issue }: { data: PoliciesDto; busy: boolean; issue: IssueLine }) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Host DEVSUP categories</h2>
        <span className="small muted">per host: the scratch category its scratch mounts use, and the categories its volumes become (Redbook §11.10.1)</span>
      </div>
      {data.hosts.length === 0 ? (
        <p className="empty small">No host yet: HOST &lt;name&gt; SITE &lt;site&gt; ROLE PRODUCTION|DR DEVICES &lt;clusters&gt; defines one.</p>
      ) : (
        <div className="pol-hosts">
          {data.hosts.map((h) => (
            <HostForm key={`${h.name}-${h.scratch}-${h.private}-${h.error}`} host={h} categories={data.categories.map((c) => c.category)} busy={busy} issue={issue} />
          ))}
        </div>
      )}
    </section>
  );
}

function HostForm({ host, categories, busy, issue }: { host: Host; categories: string[]; busy: boolean; issue: IssueLine }) {
  const id = useId();
  const [form, setForm] = useState<DevsupForm>({ host: host.name, scratch: host.scratch, private: host.private, error: host.error });
  const built = devsupLine(form);
  const changed = form.scratch.toUpperCase() !== host.scratch || form.private.toUpperCase() !== host.private || form.error.toUpperCase() !== host.error;
  return (
    <form
      className="pol-form pol-host"
      aria-label={`DEVSUP of ${host.name}`}
      data-host={host.name}
      onSubmit={(e) => {
        e.preventDefault();
        if ('line' in built) void issue(built.line);
      }}
    >
      <h3>
        {host.name}{' '}
        <span className="small muted">
          {host.role === 'DR' ? 'DR host' : 'production host'} at {host.site}
        </span>
      </h3>
      <div className="pol-fields">
        {(['scratch', 'private', 'error'] as const).map((key) => (
          <span key={key} className="pol-pair">
            <label htmlFor={`${id}-${key}`}>{key === 'scratch' ? 'Scratch' : key === 'private' ? 'Private' : 'Error'}</label>
            <input id={`${id}-${key}`} className="mono" size={6} list={`${id}-cats`} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value.trim() })} />
          </span>
        ))}
        <datalist id={`${id}-cats`}>
          {categories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </div>
      {changed ? <FormProblem built={built} id={`${id}-problem`} /> : null}
      <div className="button-row">
        <button type="submit" disabled={busy || !changed || !('line' in built)}>
          Set DEVSUP of {host.name}
        </button>
      </div>
    </form>
  );
}
