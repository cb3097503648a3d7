// Plan and export: choose the Copy Export pool and the export list volume, see what the export would
// take before it runs (export.plan: volumes, stacked volumes, scratch, time, and the checks of Redbook
// §11.5.1 / §11.6.2), then Export — the two host steps of §11.6.3: the export list volume (EXPORTLIST,
// three files of 80-byte records) and LIBRARY EXPORT. While an export runs it can be cancelled (§11.6.4).

import { useId, useState } from 'react';
import type { ExportOverviewDto, ExportPlanDto } from '../../../contract/export-api';
import { count, duration, megabytes } from '../../lib/format';

type Library = ExportOverviewDto['libraries'][number];

interface Props {
  library: Library;
  /** the Copy Export pool chosen, and its plan (the view fetches it: the limit gauges read it too) */
  pool: number | null;
  setPool: (pool: number) => void;
  /** LMTDBPVL changes the plan's database backup time, so the view holds it too */
  lmtdbpvl: boolean;
  setLmtdbpvl: (on: boolean) => void;
  plan: ExportPlanDto | null;
  activeExport: string | null;
  busy: boolean;
  issue: (line: string) => Promise<{ ok: boolean }>;
}

const VOLSER = /^[A-Z0-9]{1,6}$/;

export function exportLines(cluster: string, pool: number, listVolser: string, option: 'EJECT' | 'HOLD', lmtdbpvl: boolean, mc: string): string[] {
  const list = `EXPORTLIST ${listVolser} ON ${cluster} POOL ${pool} ${option}${lmtdbpvl ? ' LMTDBPVL' : ''}${mc ? ` MC ${mc}` : ''}`;
  return [list, `LIBRARY EXPORT,${listVolser}`];
}

export function Planner({ library, pool, setPool, lmtdbpvl, setLmtdbpvl, plan, activeExport, busy, issue }: Props) {
  const id = useId();
  const exportPools = library.pools.filter((p) => p.copyExport);
  const [listVolser, setListVolser] = useState('');
  const [option, setOption] = useState<'EJECT' | 'HOLD'>('EJECT');
  const [mc, setMc] = useState('');
  const volserValid = VOLSER.test(listVolser);
  const mcValid = mc === '' || /^[A-Z0-9$@#]{1,8}$/.test(mc);

  async function runExport() {
    if (pool === null) return;
    const [list, start] = exportLines(library.cluster, pool, listVolser, option, lmtdbpvl, mc);
    const written = await issue(list!);
    if (written.ok) await issue(start!);
  }

  return (
    <section className="panel ce-planner" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Plan and export</h2>
      </div>
      {exportPools.length === 0 ? (
        <p className="muted">
          {library.cluster} has no Copy Export pool. Define one in the Console, its reclaim pool itself (Redbook §11.5.1, §11.6.1 step 5):{' '}
          <code>POOL {library.cluster} 8 COPYEXPORT RECLAIM 8 SCRATCH 10</code>
        </p>
      ) : (
        <form
          className="ce-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (volserValid && mcValid && !activeExport) void runExport();
          }}
        >
          <div className="ce-fields">
            <label htmlFor={`${id}-pool`}>Copy Export pool</label>
            <select id={`${id}-pool`} value={pool ?? ''} onChange={(e) => setPool(Number(e.target.value))}>
              {exportPools.map((p) => (
                <option key={p.pool} value={p.pool}>
                  {p.pool} ({p.media} {p.format})
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-list`}>Export list volume</label>
            <input
              id={`${id}-list`}
              className="mono"
              size={8}
              placeholder="EXP000"
              value={listVolser}
              aria-invalid={listVolser !== '' && !volserValid}
              aria-describedby={`${id}-list-help`}
              onChange={(e) => setListVolser(e.target.value.toUpperCase())}
            />
            <span id={`${id}-list-help`} className="small muted ce-help">
              A logical volume valid only on {library.cluster} and not in the exported pool (§11.5.2, §11.6.3).
            </span>
            <label htmlFor={`${id}-mc`}>Its Management Class</label>
            <input id={`${id}-mc`} className="mono" size={10} placeholder="(its own)" value={mc} aria-invalid={!mcValid} onChange={(e) => setMc(e.target.value.toUpperCase())} />
            <fieldset className="segmented ce-option">
              <legend>Stacked volumes when exported</legend>
              <label>
                <input type="radio" name={`${id}-option`} checked={option === 'EJECT'} onChange={() => setOption('EJECT')} /> eject to the I/O station
              </label>
              <label>
                <input type="radio" name={`${id}-option`} checked={option === 'HOLD'} onChange={() => setOption('HOLD')} /> export-hold
              </label>
            </fieldset>
            <label className="ce-check">
              <input type="checkbox" checked={lmtdbpvl} onChange={(e) => setLmtdbpvl(e.target.checked)} /> LMTDBPVL: database backup on the first two and last two volumes only
            </label>
          </div>
          {plan ? <Prediction plan={plan} /> : <p className="muted">Planning…</p>}
          <div className="button-row">
            <button
              type="submit"
              disabled={busy || !volserValid || !mcValid || activeExport !== null}
              title={pool !== null && volserValid ? exportLines(library.cluster, pool, listVolser, option, lmtdbpvl, mc).join('\n') : undefined}
            >
              Export
            </button>
            {activeExport ? (
              <button type="button" className="danger" disabled={busy} onClick={() => void issue(`LIBRARY EXPORT,${activeExport},CANCEL`)}>
                Cancel export {activeExport}
              </button>
            ) : null}
          </div>
          {activeExport ? <p className="small">The export for list volume {activeExport} is in progress: advance simulated time (time bar) to let it run.</p> : null}
        </form>
      )}
    </section>
  );
}

function Prediction({ plan }: { plan: ExportPlanDto }) {
  const id = useId();
  return (
    <div className="ce-prediction" role="group" aria-labelledby={`${id}-title`} data-testid="export-plan">
      <h3 id={`${id}-title`}>
        Before you export: pool {plan.pool} on {plan.cluster}
      </h3>
      <dl className="facts inline">
        <dt>Logical volumes requested</dt>
        <dd data-testid="plan-requested">{count(plan.requested)}</dd>
        <dt>Exportable</dt>
        <dd>{count(plan.exportable)}</dd>
        <dt>To copy from cache first</dt>
        <dd>
          {count(plan.toCopyFromCache)} ({megabytes(plan.mbToCopy)})
        </dd>
        <dt>MBytes to export</dt>
        <dd>{count(plan.mbToExport)}</dd>
        <dt>Stacked volumes</dt>
        <dd data-testid="plan-stacked">
          {count(plan.stackedVolumes.total)} ({count(plan.stackedVolumes.existing)} holding data, {count(plan.stackedVolumes.new)} new)
        </dd>
        <dt>Scratch stacked volumes</dt>
        <dd className={plan.scratch.short > 0 ? 'bad' : undefined}>
          needs {count(plan.scratch.needed)}, {count(plan.scratch.available)} available
        </dd>
        <dt>Copy-exported after</dt>
        <dd>
          {count(plan.copyExported.after)} of the limit {count(plan.copyExported.limit)}
        </dd>
        <dt>Estimated time</dt>
        <dd data-testid="plan-time">
          {duration(plan.seconds.total * 1000)} (copy {duration(plan.seconds.copy * 1000)}, database backup {duration(plan.seconds.databaseBackup * 1000)}, eject {duration(plan.seconds.eject * 1000)})
        </dd>
      </dl>
      {plan.checks.length > 0 ? (
        <ul className="ce-checks plain">
          {plan.checks.map((c, i) => (
            <li key={i} className={c.level === 'error' ? 'bad' : 'ce-warn'}>
              <span className={`badge ${c.level === 'error' ? 'badge-bad' : 'badge-warn'}`}>{c.level === 'error' ? 'will refuse' : 'warning'}</span> {c.message}{' '}
              <span className="muted small">({c.source})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="ok small">LIBRARY EXPORT would be accepted: drives, I/O station, scratch and the copy-exported limit are fine.</p>
      )}
    </div>
  );
}
