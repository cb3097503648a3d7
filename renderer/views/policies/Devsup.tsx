// Host DEVSUP categories (spec §12, z/OS DEVSUPxx; Redbook §11.10.1 step 8): the categories a host's
// scratch mounts draw from, and its private and error volumes become. A DR host gets its own so it
// never takes production's scratch volumes.

import { useId, useState } from 'react';
import type { PoliciesDto } from '../../../contract/policies-api';
import { devsupLine, type DevsupForm } from './lines';
import { PolicyForm, TextField } from './PolicyForm';
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
    <PolicyForm
      className="pol-form pol-host"
      label={`DEVSUP of ${host.name}`}
      host={host.name}
      title={
        <>
          {host.name}{' '}
          <span className="small muted">
            {host.role === 'DR' ? 'DR host' : 'production host'} at {host.site}
          </span>
        </>
      }
      built={built}
      problemId={`${id}-problem`}
      busy={busy}
      issue={issue}
      ready={changed}
      primary={false}
      submit={`Set DEVSUP of ${host.name}`}
    >
      {(['scratch', 'private', 'error'] as const).map((key) => (
        <span key={key} className="pol-pair">
          <TextField
            id={`${id}-${key}`}
            label={key === 'scratch' ? 'Scratch' : key === 'private' ? 'Private' : 'Error'}
            size={6}
            list={`${id}-cats`}
            value={form[key]}
            onChange={(value) => setForm({ ...form, [key]: value })}
          />
        </span>
      ))}
      <datalist id={`${id}-cats`}>
        {categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
    </PolicyForm>
  );
}
