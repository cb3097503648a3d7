// Copy Export (Redbook §11.5–11.6, spec §8): per tape-attached cluster its physical volume pools, the
// stacked volumes with state and location, the limit gauges of §11.6.2 (copy-exported volumes against
// the limit, scratch stacked volumes, drives, the I/O station), the planner and the Export action, and
// the export history with the status files. Every action is a runbook line through the Console path.

import { useId, useState } from 'react';
import type { ExportOverviewDto, ExportPlanDto } from '../../../contract/export-api';
import { client } from '../../api/client';
import { IssuedPanel } from '../../components/IssuedPanel';
import { useIssue } from '../../components/use-issue';
import { count, megabytes } from '../../lib/format';
import { reportError } from '../../state/actions';
import { useStore } from '../../state/store';
import { ExportHistory } from './ExportHistory';
import { saveExportSetFile, suggestedName } from './exportset-files';
import { Gauge } from './Gauge';
import { Planner } from './Planner';
import { StackedVolumes } from './StackedVolumes';
import { useChannel } from './use-channel';
import './copy-export.css';

type Library = ExportOverviewDto['libraries'][number];

/** Redbook §11.5.1: "A minimum of four physical tape drives must be available". */
const MIN_DRIVES = 4;

export function CopyExportView() {
  const hasGrid = useStore((s) => s.info?.grid != null);
  const pending = useStore((s) => s.pending);
  const { data } = useChannel(hasGrid ? () => client().call('export.overview', {}) : null, 'export.overview');
  const [chosen, setChosen] = useState<string>('');
  const { issue, last } = useIssue('Copy Export');
  const id = useId();
  const library = data?.libraries.find((l) => l.cluster === chosen) ?? data?.libraries.find((l) => l.pools.some((p) => p.copyExport)) ?? data?.libraries[0];
  const [poolChoice, setPoolChoice] = useState<number | null>(null);
  const exportPools = library?.pools.filter((p) => p.copyExport) ?? [];
  const pool = exportPools.find((p) => p.pool === poolChoice)?.pool ?? exportPools[0]?.pool ?? null;
  const [lmtdbpvl, setLmtdbpvl] = useState(false);
  const { data: plan } = useChannel(
    library && pool !== null ? () => client().call('export.plan', { cluster: library.cluster, pool, lmtdbpvl }) : null,
    'export.plan',
    `${library?.cluster}/${pool}/${lmtdbpvl}`,
  );
  const issueOk = async (line: string) => {
    const out = await issue(line);
    return { ok: out !== null && out.errors.length === 0 && out.records.every((r) => r.ok) };
  };

  return (
    <section className="view copy-export" aria-labelledby="view-title">
      <div className="view-head">
        <h1 id="view-title">Copy Export</h1>
        {data && data.libraries.length > 0 ? (
          <div className="ce-library-pick">
            <label htmlFor={`${id}-library`}>Exporting cluster</label>{' '}
            <select id={`${id}-library`} value={library?.cluster ?? ''} onChange={(e) => setChosen(e.target.value)}>
              {data.libraries.map((l) => (
                <option key={l.cluster} value={l.cluster}>
                  {l.cluster}
                  {l.pools.some((p) => p.copyExport) ? ' (Copy Export pool)' : ''}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {!hasGrid ? (
        <p className="empty">No grid loaded.</p>
      ) : !data ? (
        <p className="muted">Loading…</p>
      ) : !library ? (
        <p className="empty">No cluster of this grid is tape-attached: Copy Export is performed by a TS7740 with a physical library (Redbook §11.5.2).</p>
      ) : (
        <>
          <IssuedPanel last={last} />
          <div className="ce-top">
            <Limits library={library} overview={data} plan={plan} />
            <Planner
              library={library}
              pool={pool}
              setPool={setPoolChoice}
              lmtdbpvl={lmtdbpvl}
              setLmtdbpvl={setLmtdbpvl}
              plan={plan}
              activeExport={data.activeExport}
              busy={pending > 0}
              issue={issueOk}
            />
          </div>
          <Pools library={library} />
          <StackedVolumes library={library} />
          <Offsite library={library} now={data.time} busy={pending > 0} issue={issueOk} />
          <ExportHistory runs={data.exports.filter((r) => r.library === library.cluster)} />
        </>
      )}
    </section>
  );
}

function Limits({ library, overview, plan }: { library: Library; overview: ExportOverviewDto; plan: ExportPlanDto | null }) {
  const id = useId();
  const common = library.pools.find((p) => p.pool === 0)?.scratch ?? 0;
  const planned = plan && plan.cluster === library.cluster ? plan : null;
  const poolScratch = planned ? (library.pools.find((p) => p.pool === planned.pool)?.scratch ?? 0) : 0;
  return (
    <section className="panel ce-limits" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Limits and resources</h2>
        {overview.activeExport ? <span className="badge">export {overview.activeExport} running</span> : null}
        {overview.insertInProgress ? <span className="badge badge-bad">insert in progress</span> : null}
      </div>
      <Gauge
        label="Copy-exported stacked volumes"
        value={library.copyExported}
        max={library.copyExportLimit}
        high={Math.floor(library.copyExportLimit * 0.9)}
        detail={`limit ${count(library.copyExportLimit)} (default 2,000, at most 10,000: SETTING ${library.cluster} COPYEXPORTLIMIT <n>)`}
        testId="gauge-copy-exported"
      />
      {planned ? (
        <Gauge
          label={`Scratch the export needs (pool ${planned.pool})`}
          value={planned.scratch.needed}
          max={Math.max(planned.scratch.available, planned.scratch.needed, 1)}
          high={planned.scratch.available + 1}
          detail={`${count(planned.scratch.available)} available (${count(poolScratch)} in the pool, ${count(common)} common scratch); when short the export waits, E0013, and ends after 60 minutes, E0015 (§11.5.1)`}
          testId="gauge-scratch"
        />
      ) : null}
      <Gauge label="Physical drives available" value={library.drivesAvailable} max={library.drives} low={MIN_DRIVES} detail={`Copy Export needs at least ${MIN_DRIVES} (§11.5.1)`} />
      {library.ioStation.present ? (
        <Gauge
          label="I/O station slots in use"
          value={library.ioStation.held}
          max={library.ioStation.slots}
          high={library.ioStation.slots}
          detail={library.ioStation.full ? 'marked full: empty it before Copy Export (§11.5.1)' : 'empty it before Copy Export and keep it from going full (§11.5.1)'}
        />
      ) : (
        <p className="bad small">No I/O station: Copy Export is not accepted on {library.cluster} (§11.5.1).</p>
      )}
    </section>
  );
}

function Pools({ library }: { library: Library }) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Physical volume pools</h2>
        <span className="small muted">POOLCNT counts (Redbook §11.6.2 Example 11-3)</span>
      </div>
      <table className="table compact ce-pools">
        <caption className="sr-only">Physical volume pools of {library.cluster}</caption>
        <thead>
          <tr>
            <th scope="col">Pool</th>
            <th scope="col">Media</th>
            <th scope="col">Copy Export</th>
            <th scope="col">Reclaim pool</th>
            <th scope="col">Empty</th>
            <th scope="col">Filling</th>
            <th scope="col">Full</th>
            <th scope="col">Erase</th>
            <th scope="col">ROR</th>
            <th scope="col">Unavail</th>
            <th scope="col">Copy-exported</th>
            <th scope="col">Active data</th>
            <th scope="col">Logical vols</th>
          </tr>
        </thead>
        <tbody>
          {library.pools.map((p) => (
            <tr key={p.pool} data-pool={p.pool}>
              <th scope="row">{p.pool === 0 ? '0 (common scratch)' : p.pool}</th>
              <td>
                {p.media} {p.format}
                {p.encryptKey ? ' (encrypted)' : ''}
              </td>
              <td>{p.copyExport ? 'yes' : ''}</td>
              <td>{p.pool === 0 ? '' : p.reclaimPool}</td>
              <td>{count(p.scratch)}</td>
              <td>{count(p.filling)}</td>
              <td>{count(p.full)}</td>
              <td>{count(p.erase)}</td>
              <td>{count(p.ror)}</td>
              <td>{count(p.unavailable)}</td>
              <td>{count(p.copyExported)}</td>
              <td>{megabytes(p.activeMB)}</td>
              <td>{count(p.logicalVolumes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** After the export: the cartridges leave (export-hold eject, I/O station emptied) and, for an offline rehearsal, their set is saved as a file. */
function Offsite({ library, now, busy, issue }: { library: Library; now: string; busy: boolean; issue: (line: string) => Promise<{ ok: boolean }> }) {
  const id = useId();
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const held = library.stackedVolumes.filter((p) => p.location === 'export-hold').length;
  const fileName = name || suggestedName(library.cluster, now);
  const nameValid = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(fileName);
  async function save() {
    setSaved(null);
    const out = await issue(`SAVE EXPORTSET FROM ${library.cluster} ${fileName}`);
    if (!out.ok) return;
    try {
      const where = await saveExportSetFile(fileName);
      setSaved(where);
    } catch (e) {
      reportError(e, `saving ${fileName}`);
    }
  }
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Offsite</h2>
        <span className="small muted">
          {count(library.ejectedCopyExported)} ejected copy-exported stacked volume(s), {count(held)} in export-hold, {count(library.ioStation.held)} in the I/O station
        </span>
      </div>
      <div className="button-row">
        <button type="button" disabled={busy || held === 0} onClick={() => void issue(`EJECT ${library.cluster} EXPORTHOLD`)}>
          Eject export-hold volumes
        </button>
        <button type="button" disabled={busy || !library.ioStation.present} onClick={() => void issue(`IOSTATION ${library.cluster} EMPTY`)}>
          Empty the I/O station
        </button>
      </div>
      <form
        className="ce-save"
        onSubmit={(e) => {
          e.preventDefault();
          if (nameValid) void save();
        }}
      >
        <label htmlFor={`${id}-file`}>Export set file</label>{' '}
        <input id={`${id}-file`} className="mono" size={28} placeholder={suggestedName(library.cluster, now)} value={name} aria-invalid={!nameValid} onChange={(e) => setName(e.target.value)} />{' '}
        <button type="submit" disabled={busy || library.ejectedCopyExported === 0 || !nameValid}>
          Save export set
        </button>
        <p className="small muted">
          The portable set for an offline recovery rehearsal: the ejected stacked volumes, their logical volumes and the database backup, in a versioned, checksummed file (SAVE EXPORTSET; load it in
          the Recovery view of any console).
        </p>
        {saved ? (
          <p className="ok small" role="status">
            Saved {saved}.
          </p>
        ) : null}
      </form>
    </section>
  );
}
