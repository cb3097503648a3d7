// Workload: production load a storage admin recognises — scratch writes and specific reads per hour, a
// size distribution, a Management Class, a host — started and stopped over simulated time. The engine
// host runs it as JOB lines (spec §4), seeded and journaled; while it is active the time bar's Advance
// runs it too, so Copy Queues and Topology show the grid under load.

import { useEffect, useId, useState } from 'react';
import type { WorkloadSpecDto } from '../../../contract/workload-api';
import { client } from '../../api/client';
import { count, showTime } from '../../lib/format';
import { reportError } from '../../state/actions';
import { useStore } from '../../state/store';
import { usePolicies } from '../policies/use-policies';
import { describeWorkload } from './describe';
import { useWorkload } from './use-workload';
import './workload.css';

interface Form {
  host: string;
  cluster: string;
  mc: string;
  writesPerHour: string;
  sizes: { size: string; percent: string }[];
  readsPerHour: string;
  readRange: string;
  readCluster: string;
  seed: string;
}

const DEFAULT_SIZES = [
  { size: '800MB', percent: '60' },
  { size: '4GB', percent: '30' },
  { size: '20GB', percent: '10' },
];

/** The form as a workload, or the first problem with the field it names. */
export function toWorkload(f: Form): { workload: WorkloadSpecDto } | { field: string; problem: string } {
  const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : NaN);
  const writesPerHour = whole(f.writesPerHour);
  if (!Number.isInteger(writesPerHour) || writesPerHour > 1_000_000) return { field: 'Scratch writes per hour', problem: 'a whole number, 0 to 1,000,000' };
  const readsPerHour = whole(f.readsPerHour);
  if (!Number.isInteger(readsPerHour) || readsPerHour > 1_000_000) return { field: 'Specific reads per hour', problem: 'a whole number, 0 to 1,000,000' };
  if (writesPerHour === 0 && readsPerHour === 0) return { field: 'Scratch writes per hour', problem: 'a workload writes or reads something' };
  const sizes = f.sizes.map((s) => ({ size: s.size.trim().toUpperCase(), percent: Number(s.percent) }));
  if (writesPerHour > 0) {
    for (const [i, s] of sizes.entries()) {
      if (!/^\d+(\.\d+)?(KB|MB|GB|TB)$/.test(s.size)) return { field: `Size ${i + 1}`, problem: 'a size such as 800MB or 4GB' };
      if (!Number.isFinite(s.percent) || s.percent < 0 || s.percent > 100) return { field: `Share ${i + 1}`, problem: '0 to 100 percent' };
    }
    const total = sizes.reduce((sum, s) => sum + s.percent, 0);
    if (Math.abs(total - 100) > 0.01) return { field: 'Size distribution', problem: `the shares add up to ${Math.round(total * 100) / 100}%, not 100%` };
  }
  const readRange = f.readRange.trim().toUpperCase();
  if (readsPerHour > 0 && !/^[A-Z0-9]{1,6}(-[A-Z0-9]{1,6})?$/.test(readRange)) return { field: 'Read from', problem: 'a VOLSER range such as A00000-A09999' };
  const seed = whole(f.seed);
  if (!Number.isInteger(seed) || seed > 2 ** 31 - 1) return { field: 'Seed', problem: 'a whole number 0 to 2147483647' };
  if (!f.host) return { field: 'Host', problem: 'the grid has no host: define one first' };
  return {
    workload: {
      host: f.host,
      cluster: f.cluster,
      mc: f.mc || null,
      writesPerHour,
      sizes: writesPerHour > 0 ? sizes : [],
      readsPerHour,
      readRange: readsPerHour > 0 ? readRange : null,
      readCluster: f.readCluster,
      seed,
    },
  };
}

export function WorkloadView() {
  const id = useId();
  const policies = usePolicies();
  const { data, set } = useWorkload();
  const seedDefault = useStore((s) => s.info?.seed ?? 1);
  const disabled = useStore((s) => s.past !== null || s.connection.state !== 'open');
  const progress = useStore((s) => s.progress);
  const [form, setForm] = useState<Form | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    if (form || !policies) return;
    const host = policies.hosts.find((h) => h.role === 'PRODUCTION') ?? policies.hosts[0];
    const cluster = policies.clusters[0]?.name ?? '';
    setForm({
      host: host?.name ?? '',
      cluster,
      mc: policies.managementClasses[0]?.name ?? '',
      writesPerHour: '2000',
      sizes: DEFAULT_SIZES,
      readsPerHour: '0',
      readRange: '',
      readCluster: policies.clusters[1]?.name ?? cluster,
      seed: String(seedDefault),
    });
  }, [form, policies, seedDefault]);

  const call = async (work: () => Promise<typeof data>) => {
    setBusy(true);
    setRefusal(null);
    try {
      const next = await work();
      if (next) set(next);
    } catch (e) {
      setRefusal(e instanceof Error ? e.message : String(e));
      reportError(e, 'Workload');
    } finally {
      setBusy(false);
    }
  };

  const built = form ? toWorkload(form) : null;
  const active = data?.workload ?? null;
  const running = data?.running ?? false;
  return (
    <section className="view workload" aria-labelledby="view-title">
      <div className="view-head">
        <h1 id="view-title">Workload</h1>
        <span className="small muted">production load over simulated time: JOB lines, seeded, journaled like Console lines</span>
      </div>
      <section className="panel" aria-labelledby={`${id}-status`}>
        <div className="panel-head">
          <h2 id={`${id}-status`}>Load now</h2>
          {active ? <span className="badge badge-ok">active</span> : <span className="badge">stopped</span>}
        </div>
        {active && data ? (
          <>
            <p data-testid="workload-active">{describeWorkload(active)}.</p>
            <dl className="facts">
              <dt>Started</dt>
              <dd className="mono">{showTime(data.startedAt)}</dd>
              <dt>Ran until</dt>
              <dd className="mono" data-testid="workload-ran-until">
                {showTime(data.ranUntil)}
              </dd>
              <dt>Written</dt>
              <dd data-testid="workload-writes">
                {count(data.totals.writes)} volumes{data.totals.writesFailed > 0 ? `, ${count(data.totals.writesFailed)} failed` : ''}
              </dd>
              <dt>Read</dt>
              <dd data-testid="workload-reads">
                {count(data.totals.reads)} volumes{data.totals.readsFailed > 0 ? `, ${count(data.totals.readsFailed)} failed` : ''}
              </dd>
              {Object.keys(data.totals.failures).length > 0 ? (
                <>
                  <dt>Refusals</dt>
                  <dd className="bad">
                    {Object.entries(data.totals.failures)
                      .map(([code, n]) => `${code} × ${count(n)}`)
                      .join(', ')}
                  </dd>
                </>
              ) : null}
            </dl>
            <p className="small muted">
              While the load is active the time bar's Advance runs it (Run until idle only drains copies); <code>ADVANCE</code> typed in the Console or a runbook moves time without it. Each demount
              waits for its RUN copies (spec §5), so a run can end a little past its duration.
            </p>
            <div className="button-row" role="group" aria-label="Run the load">
              {['10m', '1h', '4h', '1d'].map((d) => (
                <button key={d} type="button" disabled={busy || running || disabled} onClick={() => void call(() => client().call('workload.run', { duration: d }))}>
                  Run {d} with load
                </button>
              ))}
              <button type="button" className="danger" disabled={disabled} onClick={() => void call(() => client().call('workload.stop', {}))}>
                Stop load
              </button>
            </div>
            {running && progress ? (
              <p className="small" role="status">
                Running: slice {count(progress.done)} of {count(progress.total)}
              </p>
            ) : null}
          </>
        ) : (
          <p className="muted">No load is running. Describe one below and start it; the grid then works under it whenever simulated time moves through the time bar or the buttons here.</p>
        )}
        {refusal ? (
          <p className="field-problem" role="alert">
            {refusal}
          </p>
        ) : null}
      </section>
      {form && policies ? (
        <form
          className="panel wl-form"
          aria-label="Workload"
          onSubmit={(e) => {
            e.preventDefault();
            if (built && 'workload' in built) void call(() => client().call('workload.start', { workload: built.workload }));
          }}
        >
          <div className="panel-head">
            <h2>{active ? 'Replace the load' : 'Start a load'}</h2>
          </div>
          <div className="wl-grid">
            <fieldset>
              <legend>Who and where</legend>
              <div className="pol-fields">
                <label htmlFor={`${id}-host`}>Host</label>
                <select id={`${id}-host`} value={form.host} onChange={(e) => setForm({ ...form, host: e.target.value })}>
                  {policies.hosts.map((h) => (
                    <option key={h.name} value={h.name}>
                      {h.name} ({h.role === 'DR' ? 'DR' : 'production'})
                    </option>
                  ))}
                </select>
                <label htmlFor={`${id}-mc`}>Management Class</label>
                <select id={`${id}-mc`} value={form.mc} onChange={(e) => setForm({ ...form, mc: e.target.value })}>
                  <option value="">(none)</option>
                  {policies.managementClasses.map((m) => (
                    <option key={m.name} value={m.name}>
                      {m.name} ({m.modes.join('')})
                    </option>
                  ))}
                </select>
                <label htmlFor={`${id}-seed`}>Seed</label>
                <input id={`${id}-seed`} className="mono" size={10} value={form.seed} onChange={(e) => setForm({ ...form, seed: e.target.value.trim() })} />
              </div>
            </fieldset>
            <fieldset>
              <legend>Scratch writes</legend>
              <div className="pol-fields">
                <label htmlFor={`${id}-writes`}>Scratch writes per hour</label>
                <input id={`${id}-writes`} className="mono" size={8} inputMode="numeric" value={form.writesPerHour} onChange={(e) => setForm({ ...form, writesPerHour: e.target.value.trim() })} />
                <label htmlFor={`${id}-cluster`}>Mount on</label>
                <ClusterSelect id={`${id}-cluster`} clusters={policies.clusters.map((c) => c.name)} value={form.cluster} onChange={(cluster) => setForm({ ...form, cluster })} />
              </div>
              <table className="table compact wl-sizes">
                <caption>Size distribution</caption>
                <thead>
                  <tr>
                    <th scope="col">Size</th>
                    <th scope="col">Share %</th>
                    <th scope="col">
                      <span className="sr-only">Remove</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {form.sizes.map((s, i) => (
                    <tr key={i}>
                      <td>
                        <input
                          aria-label={`Size ${i + 1}`}
                          className="mono"
                          size={7}
                          value={s.size}
                          onChange={(e) => setForm({ ...form, sizes: form.sizes.map((x, j) => (j === i ? { ...x, size: e.target.value.trim() } : x)) })}
                        />
                      </td>
                      <td>
                        <input
                          aria-label={`Share ${i + 1}`}
                          className="mono"
                          size={4}
                          value={s.percent}
                          onChange={(e) => setForm({ ...form, sizes: form.sizes.map((x, j) => (j === i ? { ...x, percent: e.target.value.trim() } : x)) })}
                        />
                      </td>
                      <td>
                        <button type="button" className="linklike" disabled={form.sizes.length === 1} onClick={() => setForm({ ...form, sizes: form.sizes.filter((_, j) => j !== i) })}>
                          Remove<span className="sr-only"> size {i + 1}</span>
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button type="button" disabled={form.sizes.length >= 8} onClick={() => setForm({ ...form, sizes: [...form.sizes, { size: '1GB', percent: '0' }] })}>
                Add a size
              </button>
            </fieldset>
            <fieldset>
              <legend>Specific reads</legend>
              <div className="pol-fields">
                <label htmlFor={`${id}-reads`}>Specific reads per hour</label>
                <input id={`${id}-reads`} className="mono" size={8} inputMode="numeric" value={form.readsPerHour} onChange={(e) => setForm({ ...form, readsPerHour: e.target.value.trim() })} />
                <label htmlFor={`${id}-range`}>Read from</label>
                <input id={`${id}-range`} className="mono" size={14} placeholder="A00000-A09999" value={form.readRange} onChange={(e) => setForm({ ...form, readRange: e.target.value.trim() })} />
                <label htmlFor={`${id}-rcluster`}>Mount on</label>
                <ClusterSelect id={`${id}-rcluster`} clusters={policies.clusters.map((c) => c.name)} value={form.readCluster} onChange={(readCluster) => setForm({ ...form, readCluster })} />
              </div>
              <p className="small muted">Reads come in runs of up to 25 consecutive volumes at seeded places in the range, as a restore job reads a set.</p>
            </fieldset>
          </div>
          {built && 'field' in built ? (
            <p className="field-problem" role="status">
              {built.field}: {built.problem}
            </p>
          ) : null}
          <div className="button-row">
            <button type="submit" className="primary" disabled={busy || running || disabled || !built || !('workload' in built)}>
              {active ? 'Replace load' : 'Start load'}
            </button>
          </div>
        </form>
      ) : (
        <p className="muted">Reading the grid…</p>
      )}
      {data && data.recent.length > 0 ? (
        <section className="panel" aria-labelledby={`${id}-recent`}>
          <div className="panel-head">
            <h2 id={`${id}-recent`}>Lines the load issued</h2>
            <span className="small muted">the latest {data.recent.length}; all of them are in the journal</span>
          </div>
          <div className="wl-recent" tabIndex={0} role="region" aria-label="Lines the load issued, scrollable">
            <table className="table compact">
              <caption className="sr-only">Lines the load issued</caption>
              <thead>
                <tr>
                  <th scope="col">Ended</th>
                  <th scope="col">Line</th>
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                {[...data.recent].reverse().map((r, i) => (
                  <tr key={i}>
                    <td className="mono small">{showTime(r.time)}</td>
                    <td className="mono small">{r.line}</td>
                    <td className={r.ok ? 'small' : 'bad small'}>{r.summary}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </section>
  );
}

function ClusterSelect({ id, clusters, value, onChange }: { id: string; clusters: string[]; value: string; onChange: (v: string) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {clusters.map((c) => (
        <option key={c}>{c}</option>
      ))}
    </select>
  );
}
