// The smaller wizard steps of Redbook §11.7.2: erase (steps 2–4), set up (step 5), recover with the
// confirmation of step 8 (steps 7–9), and the results with the post-recovery checklist (steps 11–13,
// §11.7.3).

import { useId, useState } from 'react';
import { count, showTime } from '../../lib/format';
import type { LoadedVolume } from './LoadStep';
import type { RecoveryView, StandaloneView } from '../../../contract/export-api';

type Issue = (line: string) => Promise<{ ok: boolean }>;

export function EraseStep({ library, busy, issue }: { library: StandaloneView; busy: boolean; issue: Issue }) {
  const [confirm, setConfirm] = useState(false);
  const erasing = library.job?.kind === 'ERASE' && library.job.status === 'in progress';
  if (library.empty && !erasing) return <p className="ok">{library.name} is empty: Copy Export Recovery can proceed (§11.7.2 step 6: "The TS7740 determines that it is empty").</p>;
  return (
    <div>
      {erasing ? (
        <p>Erasing {library.name}: follow the steps in the status window.</p>
      ) : (
        <>
          <p className="bad">
            {library.name} contains {count(library.volumes)} logical volume(s): Copy Export Recovery cannot be performed until it is empty (§11.7.2 step 2).
          </p>
          <label className="ce-check">
            <input type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} /> Erase all existing volumes before the recovery
          </label>
          <p className="small muted">Settings such as VOLSER ranges, pools and keys are kept; the data and database records are erased (§11.7.2 steps 3, 5).</p>
          <div className="button-row">
            <button type="button" className="danger" disabled={busy || !confirm} onClick={() => void issue(`ERASE ${library.name}`)}>
              Erase {library.name}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

export function SetupStep({ library }: { library: StandaloneView }) {
  return (
    <ol className="rc-setup">
      <li>Verify or define the VOLSER range(s) of the physical volumes this library owns (§11.7.2 step 5a).</li>
      <li>Encryption: {library.keys.length > 0 ? `the key manager serves ${library.keys.join(', ')}` : 'no key labels defined'} — encrypted copy-exported volumes need the source's keys (step 5b).</li>
      <li>DR test: keep Disaster Recovery Test Mode selected and the library performs no reclamation; for a real disaster, define the reclamation policies (step 5c).</li>
      <li>
        Drives: {library.drivesAvailable} of {library.drives} available, formats {library.formats.join(', ')}; code level {library.code}.
      </li>
    </ol>
  );
}

export function RecoverStep({ library, loaded, busy, issue }: { library: StandaloneView; loaded: LoadedVolume[]; busy: boolean; issue: Issue }) {
  const id = useId();
  const withDb = loaded.filter((p) => p.dbBackup).sort((a, b) => (b.databaseTime ?? '').localeCompare(a.databaseTime ?? '') || a.pvol.localeCompare(b.pvol));
  const [from, setFrom] = useState('LATEST');
  const [testMode, setTestMode] = useState(true);
  const [asking, setAsking] = useState(false);
  const chosen = from === 'LATEST' ? (withDb[0]?.pvol ?? null) : from;
  const line = `RECOVER ${library.name} FROM ${from} TESTMODE ${testMode ? 'ON' : 'OFF'}`;
  const running = library.job?.kind === 'RECOVER' && library.job.status === 'in progress';
  return (
    <div>
      <div className="ce-fields">
        <label htmlFor={`${id}-from`}>Recovery volume (database backup)</label>
        <select id={`${id}-from`} value={from} onChange={(e) => setFrom(e.target.value)} aria-describedby={`${id}-from-help`}>
          <option value="LATEST">The latest set exported{withDb[0] ? ` (${withDb[0].pvol})` : ''}</option>
          {loaded.map((p) => (
            <option key={p.pvol} value={p.pvol}>
              {p.pvol}
              {p.dbBackup ? `: backup of ${showTime(p.databaseTime)}` : ': no database backup'}
            </option>
          ))}
        </select>
        <span id={`${id}-from-help`} className="small muted ce-help">
          A volume of the last set exported holds the last database backup; the export status file of the latest export lists them (§11.7.2 step 7).
        </span>
        <label className="ce-check">
          <input type="checkbox" checked={testMode} onChange={(e) => setTestMode(e.target.checked)} /> Disaster Recovery Test Mode: no reclamation, volumes keep the Copy Exported status, no construct
          re-check on unload
        </label>
      </div>
      {asking ? (
        <div className="rc-confirm" role="alertdialog" aria-labelledby={`${id}-ask`} aria-describedby={`${id}-ask-text`}>
          <p id={`${id}-ask`}>
            <strong>Restore the database from {chosen ?? from}?</strong>
          </p>
          <p id={`${id}-ask-text`} className="small">
            The database backup on {chosen ?? from} will be used to restore {library.name}'s database{testMode ? ' in DR test mode' : ' for a real recovery (test mode off)'} (§11.7.2 step 8).
          </p>
          <div className="button-row">
            <button
              type="button"
              disabled={busy}
              autoFocus
              onClick={() => {
                setAsking(false);
                void issue(line);
              }}
            >
              Yes, recover
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              No
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <button type="button" disabled={busy || running || loaded.length === 0 || !library.empty} title={line} onClick={() => setAsking(true)}>
            Submit
          </button>
          {loaded.length === 0 ? <span className="small muted">Load the exported stacked volumes first (step 4).</span> : null}
        </div>
      )}
    </div>
  );
}

/** §11.7.2 step 11: "Now, add scratch physical volumes to the library. Two scratch volumes are required for each active pool." */
const ADD_SCRATCH = /^Add scratch physical volumes to pool (\d+)/;

export function ResultsStep({ library, recovery, busy, issue }: { library: string; recovery: RecoveryView | null; busy: boolean; issue: Issue }) {
  const summary = recovery?.operation === 'RECOVER' ? recovery.summary : null;
  if (!summary) return <p className="muted">No recovery has completed in this library yet.</p>;
  const lost = summary.lost.incompleteCopy + summary.lost.stackedVolumeNotLoaded;
  return (
    <div>
      <dl className="facts inline" data-testid="recovery-results">
        <dt>Source</dt>
        <dd>
          {summary.sourceLibrary}
          {summary.sourceGrid ? ` of ${summary.sourceGrid}` : ''}, database of {showTime(summary.databaseTime)} from {summary.fromPvol}
        </dd>
        <dt>Recovered</dt>
        <dd data-testid="recovered-count">
          {count(summary.recovered)} of {count(summary.inDatabase)} logical volumes
        </dd>
        <dt>Lost: copy incomplete</dt>
        <dd>{count(summary.lost.incompleteCopy)}</dd>
        <dt>Lost: stacked volume not loaded</dt>
        <dd>{count(summary.lost.stackedVolumeNotLoaded)}</dd>
        <dt>VOLSER conflicts</dt>
        <dd>{count(summary.lost.volserConflict)}</dd>
        <dt>Mode</dt>
        <dd>
          {summary.testMode ? 'DR test' : 'real recovery'}: reclamation {summary.reclamation}, construct check {summary.constructCheck}
        </dd>
      </dl>
      {lost > 0 ? (
        <table className="table compact">
          <caption className="small">Lost volumes (§11.5.2: modified elsewhere before the export; §11.7.2 step 6: every stacked volume must be loaded)</caption>
          <thead>
            <tr>
              <th scope="col">Volser</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {summary.lostVolumes.map((v) => (
              <tr key={v.volser}>
                <th scope="row" className="mono">
                  {v.volser}
                </th>
                <td>{v.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {summary.conflicts.length > 0 ? <p className="bad small">VOLSER conflicts with another partition, not recovered (§11.7.1): {summary.conflicts.join(', ')}</p> : null}
      {summary.missingStackedVolumes.length > 0 ? <p className="bad small">Stacked volumes in the database but not loaded: {summary.missingStackedVolumes.join(', ')}</p> : null}
      {summary.ignoredStackedVolumes.length > 0 ? (
        <ul className="small">
          {summary.ignoredStackedVolumes.map((p) => (
            <li key={p.pvol}>
              <span className="mono">{p.pvol}</span> ignored: {p.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <h3>Post-recovery checklist</h3>
      <ul className="rc-checklist plain" aria-label="Post-recovery checklist">
        {recovery!.checklist.map((c, i) => (
          <li key={i} className={`rc-check-${c.status}`}>
            <span className={`badge ${c.status === 'done' ? 'badge-ok' : c.status === 'warning' ? 'badge-warn' : ''}`}>{c.status === 'todo' ? 'to do' : c.status}</span> {c.step}{' '}
            <span className="muted small">({c.source})</span>
            {c.status === 'todo' && ADD_SCRATCH.test(c.step) ? (
              <button type="button" className="rc-act" disabled={busy} onClick={() => void issue(`POOL ${library} ${ADD_SCRATCH.exec(c.step)![1]} SCRATCH 2`)}>
                Add 2 scratch cartridges to pool {ADD_SCRATCH.exec(c.step)![1]}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
