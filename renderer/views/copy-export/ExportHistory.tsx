// Export history: every LIBRARY EXPORT run, newest first, with the §11.6.5 statistics, its completion
// message (CBR3855I or CBR3856I) and, on request, the export status file the library wrote back to the
// export list volume (Redbook §11.5: "It is essential that you keep this file").

import { useId, useState } from 'react';
import type { ExportOverviewDto } from '../../../contract/export-api';
import { client } from '../../api/client';
import { count, showTime } from '../../lib/format';
import { useChannel } from './use-channel';
import { locationText } from './StackedVolumes';

type Run = ExportOverviewDto['exports'][number];

export function ExportHistory({ runs }: { runs: Run[] }) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Export history</h2>
      </div>
      {runs.length === 0 ? (
        <p className="muted">No Copy Export has run yet.</p>
      ) : (
        <ol className="ce-history plain">
          {runs.map((run, i) => (
            <RunItem key={`${run.listVolser}-${run.started}`} run={run} open={i === 0} />
          ))}
        </ol>
      )}
    </section>
  );
}

function completionBadge(run: Run) {
  if (run.completion === 'CBR3855I') return <span className="badge badge-ok">CBR3855I completed successfully</span>;
  if (run.completion === 'CBR3856I') return <span className="badge badge-bad">CBR3856I completed with exceptions or errors</span>;
  return <span className="badge">{run.state}</span>;
}

function RunItem({ run, open }: { run: Run; open: boolean }) {
  const id = useId();
  const [showFile, setShowFile] = useState(open);
  return (
    <li className="ce-run" data-list-volser={run.listVolser} aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h3 id={`${id}-title`}>
          <span className="mono">{run.listVolser}</span> on {run.library}, pool {run.pool} ({run.option === 'EJECT' ? 'eject' : 'export-hold'}
          {run.lmtdbpvl ? ', LMTDBPVL' : ''})
        </h3>
        {completionBadge(run)}
      </div>
      <dl className="facts ce-stats">
        <dt>Started</dt>
        <dd>{showTime(run.started)}</dd>
        <dt>Ended</dt>
        <dd>{run.ended ? showTime(run.ended) : `— (${run.state})`}</dd>
        <dt>Requested</dt>
        <dd>{count(run.requested)}</dd>
        <dt>Exportable</dt>
        <dd>{count(run.exportable)}</dd>
        <dt>Exported</dt>
        <dd data-testid="run-exported">{count(run.exported)}</dd>
        <dt>Stacked volumes</dt>
        <dd>{count(run.stacked)}</dd>
        <dt>MBytes exported</dt>
        <dd>{count(run.mbExported)}</dd>
        <dt>MBytes moved</dt>
        <dd>{count(run.mbMoved)}</dd>
        {run.toCopy > 0 ? (
          <>
            <dt>Still to copy from cache</dt>
            <dd>{count(run.toCopy)}</dd>
          </>
        ) : null}
        {run.stopReason ? (
          <>
            <dt>Stopped</dt>
            <dd className="bad">{run.stopReason}</dd>
          </>
        ) : null}
      </dl>
      <button type="button" aria-expanded={showFile} onClick={() => setShowFile((v) => !v)}>
        {showFile ? 'Hide status file' : 'Show status file'}
      </button>
      {showFile ? <StatusFile volser={run.listVolser} runId={run.id} started={run.started} /> : null}
    </li>
  );
}

/** The status file of this run: a list volume reused by later exports keeps each run's own file. */
function StatusFile({ volser, runId, started }: { volser: string; runId: number; started: string }) {
  const { data } = useChannel(() => client().call('export.status', { volser, run: runId }), `status file of ${volser}`, `${volser}@${started}`);
  if (!data) return <p className="muted">Reading the status file…</p>;
  const file = data.statusFile;
  return (
    <div className="ce-status">
      <h4 className="small">
        Export status file (file 3 of <span className="mono">{volser}</span>): {count(file.recordCount)} records
        {file.records.length < file.recordCount ? `, the first ${count(file.records.length)} shown` : ''}
      </h4>
      <pre className="ce-status-file" tabIndex={0} aria-label={`Export status file of ${volser}`} data-testid="status-file">
        {[file.header, ...file.records].join('\n')}
      </pre>
      {data.stackedVolumes.length > 0 ? (
        <table className="table compact">
          <caption className="small">Exported stacked volumes</caption>
          <thead>
            <tr>
              <th scope="col">Stacked volume</th>
              <th scope="col">Pool</th>
              <th scope="col">MB written</th>
              <th scope="col">Used %</th>
              <th scope="col">DB backup</th>
              <th scope="col">Location</th>
            </tr>
          </thead>
          <tbody>
            {data.stackedVolumes.map((p) => (
              <tr key={p.pvol}>
                <th scope="row" className="mono">
                  {p.pvol}
                </th>
                <td>{p.pool}</td>
                <td>{count(p.mbWritten)}</td>
                <td>{p.utilization}</td>
                <td>{p.dbBackup ? 'yes' : 'no'}</td>
                <td>{locationText(p.location)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {data.excludedStackedVolumes.length > 0 ? (
        <p className="small">
          Left out:{' '}
          {data.excludedStackedVolumes.map((e) => (
            <span key={e.pvol} className="state-chip">
              {e.pvol}: {e.reason}
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}
