// Describe a real grid, step by step: sites, clusters, grid links, hosts, Management Classes. The form
// writes the grid file (README "Grid files"); Check has the engine host read it as LOAD would and
// name the field at fault; Save downloads it; Open replaces the console's grid with it (after a backup).

import { useId, useState } from 'react';
import { client } from '../../api/client';
import { reportError, scheduleRefresh } from '../../state/actions';
import { exampleForm, gridFileText, renameCluster, type GridForm } from './grid-form';

type Checked = { runbook: string | null; error: string | null; lines: number } | null;

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function GridBuilder({ disabled }: { disabled: boolean }) {
  const id = useId();
  const [form, setForm] = useState<GridForm>(exampleForm);
  const [checked, setChecked] = useState<Checked>(null);
  const [confirm, setConfirm] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  const edit = (next: GridForm) => {
    setForm(next);
    setChecked(null);
    setOpened(null);
  };
  const text = gridFileText(form);
  const clusters = form.clusters.map((c) => c.name.trim().toUpperCase()).filter(Boolean);
  const fileName = `${form.grid.trim().toLowerCase() || 'grid'}.json`;

  const check = async () => {
    try {
      setChecked(await client().call('gridfile.check', { text }));
    } catch (e) {
      reportError(e, 'gridfile.check');
    }
  };
  const open = async () => {
    setConfirm(false);
    try {
      const r = await client().call('gridfile.open', { name: fileName, text });
      setOpened(r.ok ? `Opened ${fileName}: ${r.lines} lines ran; the console now shows ${form.grid.trim().toUpperCase()}.` : `Not opened: ${r.error}`);
      void scheduleRefresh();
    } catch (e) {
      reportError(e, 'gridfile.open');
    }
  };

  return (
    <section className="panel yg-builder" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Describe your grid</h2>
        <span className="small muted">writes a grid file: the JSON that LOAD &lt;file&gt; and File › Open read</span>
      </div>
      <form aria-label="Grid description" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>1. Grid and sites</legend>
          <label htmlFor={`${id}-grid`}>Composite library name</label>{' '}
          <input id={`${id}-grid`} className="mono" size={12} value={form.grid} onChange={(e) => edit({ ...form, grid: e.target.value })} />
          <div className="yg-rows">
            {form.sites.map((s, i) => (
              <span key={i} className="yg-row">
                <input aria-label={`Site ${i + 1}`} className="mono" size={10} value={s} onChange={(e) => edit({ ...form, sites: form.sites.map((x, j) => (j === i ? e.target.value : x)) })} />
                <button type="button" className="linklike" disabled={form.sites.length === 1} onClick={() => edit({ ...form, sites: form.sites.filter((_, j) => j !== i) })}>
                  Remove<span className="sr-only"> site {i + 1}</span>
                </button>
              </span>
            ))}
            <button type="button" onClick={() => edit({ ...form, sites: [...form.sites, `SITE${form.sites.length + 1}`] })}>
              Add a site
            </button>
          </div>
        </fieldset>
        <fieldset>
          <legend>2. Clusters (at most 8)</legend>
          <table className="table compact">
            <caption className="sr-only">Clusters</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Site</th>
                <th scope="col">Model</th>
                <th scope="col">Cache</th>
                <th scope="col">Drives</th>
                <th scope="col">I/O station</th>
                <th scope="col">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {form.clusters.map((c, i) => {
                const set = (patch: Partial<typeof c>) => edit({ ...form, clusters: form.clusters.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
                return (
                  <tr key={i}>
                    <td>
                      <input
                        aria-label={`Cluster ${i + 1} name`}
                        className="mono"
                        size={8}
                        value={c.name}
                        onChange={(e) => {
                          const renamed = renameCluster(form, c.name.trim().toUpperCase(), e.target.value.trim().toUpperCase());
                          edit({ ...renamed, clusters: form.clusters.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) });
                        }}
                      />
                    </td>
                    <td>
                      <select aria-label={`Cluster ${i + 1} site`} value={c.site} onChange={(e) => set({ site: e.target.value })}>
                        {form.sites.map((s) => (
                          <option key={s}>{s}</option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <select aria-label={`Cluster ${i + 1} model`} value={c.model} onChange={(e) => set({ model: e.target.value as 'DISK' | 'TAPE' })}>
                        <option value="DISK">DISK (cache only)</option>
                        <option value="TAPE">TAPE (tape-attached)</option>
                      </select>
                    </td>
                    <td>
                      <input aria-label={`Cluster ${i + 1} cache`} className="mono" size={7} placeholder="default" value={c.cache} onChange={(e) => set({ cache: e.target.value })} />
                    </td>
                    <td>
                      <input aria-label={`Cluster ${i + 1} drives`} className="mono" size={3} disabled={c.model !== 'TAPE'} value={c.drives} onChange={(e) => set({ drives: e.target.value })} />
                    </td>
                    <td>
                      <input type="checkbox" aria-label={`Cluster ${i + 1} I/O station`} disabled={c.model !== 'TAPE'} checked={c.ioStation} onChange={(e) => set({ ioStation: e.target.checked })} />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="linklike"
                        disabled={form.clusters.length === 1}
                        onClick={() =>
                          edit({
                            ...renameCluster(form, c.name.trim().toUpperCase(), null),
                            clusters: form.clusters.filter((_, j) => j !== i),
                            mcs: form.mcs.map((m) => ({ ...m, copy: m.copy.slice(0, i) + m.copy.slice(i + 1) })),
                          })
                        }
                      >
                        Remove<span className="sr-only"> cluster {i + 1}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button
            type="button"
            disabled={form.clusters.length >= 8}
            onClick={() =>
              edit({
                ...form,
                clusters: [...form.clusters, { name: `CL${form.clusters.length}`, site: form.sites[0] ?? '', model: 'DISK', cache: '', drives: '', ioStation: false }],
                mcs: form.mcs.map((m) => ({ ...m, copy: m.copy + 'N' })),
              })
            }
          >
            Add a cluster
          </button>
        </fieldset>
        <fieldset>
          <legend>3. Grid links (clusters without one are meshed: 2 links, 10 Gb/s)</legend>
          {form.links.map((l, i) => {
            const set = (patch: Partial<typeof l>) => edit({ ...form, links: form.links.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
            return (
              <div key={i} className="yg-row">
                <select aria-label={`Link ${i + 1} from`} value={l.a} onChange={(e) => set({ a: e.target.value })}>
                  {clusters.map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
                <span aria-hidden="true">↔</span>
                <select aria-label={`Link ${i + 1} to`} value={l.b} onChange={(e) => set({ b: e.target.value })}>
                  {clusters.map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
                <label>
                  links <input aria-label={`Link ${i + 1} count`} className="mono" size={2} value={l.count} onChange={(e) => set({ count: e.target.value })} />
                </label>
                <label>
                  Gb/s each <input aria-label={`Link ${i + 1} Gb/s`} className="mono" size={4} value={l.gbps} onChange={(e) => set({ gbps: e.target.value })} />
                </label>
                <button type="button" className="linklike" onClick={() => edit({ ...form, links: form.links.filter((_, j) => j !== i) })}>
                  Remove<span className="sr-only"> link {i + 1}</span>
                </button>
              </div>
            );
          })}
          <button type="button" disabled={clusters.length < 2} onClick={() => edit({ ...form, links: [...form.links, { a: clusters[0]!, b: clusters[1]!, count: '2', gbps: '10' }] })}>
            Add a link
          </button>
        </fieldset>
        <fieldset>
          <legend>4. Hosts</legend>
          {form.hosts.map((h, i) => {
            const set = (patch: Partial<typeof h>) => edit({ ...form, hosts: form.hosts.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
            return (
              <div key={i} className="yg-row">
                <input aria-label={`Host ${i + 1} name`} className="mono" size={10} value={h.name} onChange={(e) => set({ name: e.target.value })} />
                <select aria-label={`Host ${i + 1} site`} value={h.site} onChange={(e) => set({ site: e.target.value })}>
                  {form.sites.map((s) => (
                    <option key={s}>{s}</option>
                  ))}
                </select>
                <select aria-label={`Host ${i + 1} role`} value={h.role} onChange={(e) => set({ role: e.target.value as 'PRODUCTION' | 'DR' })}>
                  <option value="PRODUCTION">production</option>
                  <option value="DR">DR</option>
                </select>
                <span className="small muted">devices on</span>
                {clusters.map((c) => (
                  <label key={c} className="small">
                    <input type="checkbox" checked={h.devices.includes(c)} onChange={(e) => set({ devices: e.target.checked ? [...h.devices, c] : h.devices.filter((d) => d !== c) })} /> {c}
                    <span className="sr-only"> for host {i + 1}</span>
                  </label>
                ))}
                <button type="button" className="linklike" onClick={() => edit({ ...form, hosts: form.hosts.filter((_, j) => j !== i) })}>
                  Remove<span className="sr-only"> host {i + 1}</span>
                </button>
              </div>
            );
          })}
          <button
            type="button"
            onClick={() => edit({ ...form, hosts: [...form.hosts, { name: `HOST${form.hosts.length + 1}`, site: form.sites[0] ?? '', role: 'PRODUCTION', devices: clusters.slice(0, 1) }] })}
          >
            Add a host
          </button>
        </fieldset>
        <fieldset>
          <legend>5. Management Classes (one copy mode per cluster, in cluster order: R RUN, D Deferred, N No Copy, S Synchronous)</legend>
          {form.mcs.map((m, i) => {
            const set = (patch: Partial<typeof m>) => edit({ ...form, mcs: form.mcs.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
            return (
              <div key={i} className="yg-row">
                <input aria-label={`Management Class ${i + 1} name`} className="mono" size={10} value={m.name} onChange={(e) => set({ name: e.target.value })} />
                <label>
                  copy modes{' '}
                  <input
                    aria-label={`Management Class ${i + 1} copy modes`}
                    className="mono"
                    size={9}
                    placeholder={clusters.map(() => 'D').join('')}
                    value={m.copy}
                    onChange={(e) => set({ copy: e.target.value.toUpperCase() })}
                  />
                </label>
                <select aria-label={`Management Class ${i + 1} preference`} value={m.preference} onChange={(e) => set({ preference: e.target.value as 'PG0' | 'PG1' })}>
                  <option value="PG1">PG1</option>
                  <option value="PG0">PG0</option>
                </select>
                <button type="button" className="linklike" onClick={() => edit({ ...form, mcs: form.mcs.filter((_, j) => j !== i) })}>
                  Remove<span className="sr-only"> Management Class {i + 1}</span>
                </button>
              </div>
            );
          })}
          <button type="button" onClick={() => edit({ ...form, mcs: [...form.mcs, { name: `MC${form.mcs.length + 1}`, copy: clusters.map(() => 'D').join(''), preference: 'PG1' }] })}>
            Add a Management Class
          </button>
        </fieldset>
        <div className="button-row">
          <button type="button" className="primary" onClick={() => void check()}>
            Check
          </button>
          <button type="button" onClick={() => download(fileName, text)}>
            Save grid file
          </button>
          <button type="button" disabled={disabled || checked?.error !== null || !checked} onClick={() => setConfirm(true)}>
            Open in the console…
          </button>
        </div>
        {confirm ? (
          <div className="button-row" role="group" aria-label="Confirm opening the grid file">
            <span>This replaces the grid in the console with {form.grid.trim().toUpperCase()}: its volumes and journal go (a backup is taken first when the grid is kept in a database).</span>
            <button type="button" className="danger" onClick={() => void open()}>
              Replace the grid
            </button>
            <button type="button" onClick={() => setConfirm(false)}>
              Cancel
            </button>
          </div>
        ) : null}
        {checked ? (
          checked.error ? (
            <p className="field-problem" role="status" data-testid="grid-check">
              {checked.error}
            </p>
          ) : (
            <p className="ok" role="status" data-testid="grid-check">
              The grid file is good: {checked.lines} topology lines.
            </p>
          )
        ) : null}
        {opened ? (
          <p role="status" data-testid="grid-opened">
            {opened}
          </p>
        ) : null}
        <details>
          <summary>The grid file ({fileName})</summary>
          <pre className="yg-file mono small" data-testid="grid-file">
            {text}
          </pre>
        </details>
      </form>
    </section>
  );
}
