// Reports: every DR test evidence report kept with the grid (DR-test wizard runs, Copy Export
// Recoveries, runbook runs), newest first. Open one to read its verdict and rules, save it again as
// HTML, PDF or JSON, verify its digests against the journal; or make one on demand.

import { useEffect, useState } from 'react';
import type { Response } from '../../../contract/api';
import { client } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { showTime } from '../../lib/format';
import { reportError } from '../../state/actions';
import { useStore } from '../../state/store';
import { ReportActions } from './ReportActions';
import './reports.css';

type Summary = Response<'reports.list'>['reports'][number];
type Report = Response<'reports.get'>;

const KIND: Record<string, string> = { 'flash-dr-test': 'FlashCopy DR test', 'procedure-dr-test': 'DR test procedure', 'copy-export-recovery': 'Copy Export Recovery', runbook: 'Runbook run' };
const badge = (verdict: string) => (verdict === 'PASS' ? 'badge-ok' : verdict === 'FAIL' ? 'badge-bad' : 'badge-warn');

export function ReportsView() {
  const [open, setOpen] = useState<Report | null>(null);
  const [made, setMade] = useState(0);
  const list = useChannel('reports.list', {}, made).data;
  const openReport = async (id: string) => {
    try {
      setOpen(await client().call('reports.get', { id }));
    } catch (error) {
      reportError(error, `opening report ${id}`);
    }
  };
  return (
    <section className="view reports-view" aria-labelledby="view-title">
      <div className="view-head">
        <h1 id="view-title">Reports</h1>
        <p className="muted">DR test evidence: every DR-test wizard run, Copy Export Recovery and runbook run reported, kept with the grid.</p>
      </div>
      <section className="panel" aria-labelledby="reports-title">
        <div className="panel-head">
          <h2 id="reports-title">Kept reports</h2>
          <span className="muted">{list ? `${list.reports.length} kept ${list.persistent ? 'in the grid database' : 'in memory only (no database)'}` : 'Loading…'}</span>
        </div>
        <CreateReport onMade={() => setMade((n) => n + 1)} />
        {list && list.reports.length === 0 ? <p className="muted">No report yet: finish a DR-test wizard in DR Families, or make one above.</p> : null}
        {list && list.reports.length > 0 ? (
          <table className="reports-table" aria-label="Kept reports">
            <thead>
              <tr>
                <th>Report</th>
                <th>Kind</th>
                <th>Verdict</th>
                <th>Made</th>
                <th>Digest</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.reports.map((r: Summary) => (
                <tr key={r.id} data-report-id={r.id}>
                  <td>{r.title}</td>
                  <td>{KIND[r.kind] ?? r.kind}</td>
                  <td>
                    <span className={`badge ${badge(r.verdict)}`}>{r.verdict}</span>
                  </td>
                  <td>{showTime(r.createdAt)}</td>
                  <td className="mono small">{r.digest.slice(0, 12)}…</td>
                  <td>
                    <button type="button" onClick={() => void openReport(r.id)}>
                      Open
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      {open ? <OpenReport report={open} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}

function OpenReport({ report: r, onClose }: { report: Report; onClose: () => void }) {
  const skipped = r.steps.filter((s) => s.outcome !== 'done' && s.outcome !== 'confirmed');
  return (
    <section className="panel report-open" aria-labelledby="report-open-title" data-testid="report-open">
      <div className="panel-head">
        <h2 id="report-open-title">{r.title}</h2>
        <span className={`badge ${badge(r.verdict.result)}`} data-testid="report-verdict">
          {r.verdict.result}
        </span>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted small">
        {r.cover.subject} · {r.cover.procedure} · simulated {r.cover.simulatedStart ? showTime(r.cover.simulatedStart) : '—'} to {r.cover.simulatedEnd ? showTime(r.cover.simulatedEnd) : '—'} ·{' '}
        {r.steps.length} steps
        {skipped.length > 0 ? `, ${skipped.length} skipped, failed or not run` : ''} · report {r.id}
      </p>
      <ReportActions id={r.id} title={r.title} />
      <table className="reports-table" aria-label="Verdict rules">
        <thead>
          <tr>
            <th>Rule</th>
            <th>Held</th>
            <th>Detail</th>
          </tr>
        </thead>
        <tbody>
          {r.verdict.rules.map((rule) => (
            <tr key={rule.rule} className={rule.held ? undefined : rule.breaks === 'FAIL' ? 'rule-fail' : 'rule-exception'}>
              <td>{rule.rule}</td>
              <td>{rule.held ? 'yes' : rule.breaks === 'FAIL' ? 'NO (fails the test)' : 'NO (exception)'}</td>
              <td>{rule.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function CreateReport({ onMade }: { onMade: () => void }) {
  const revision = useStore((s) => s.revision);
  const [libraries, setLibraries] = useState<string[]>([]);
  const [library, setLibrary] = useState('');
  const [status, setStatus] = useState('');
  useEffect(() => {
    let live = true;
    client()
      .call('recovery.status', {})
      .then((l) => {
        if (!live) return;
        const names = l.map((x) => (x.library as { name?: string } | null)?.name).filter((n): n is string => typeof n === 'string');
        setLibraries(names);
        setLibrary((now) => (names.includes(now) ? now : (names[0] ?? '')));
      })
      .catch(() => live && setLibraries([]));
    return () => {
      live = false;
    };
  }, [revision]);
  // A runbook run (or any stretch of console work) on demand: the journal entries fromSeq..toSeq (1-based).
  const journalLength = useStore((st) => st.journalLength);
  const [fromSeq, setFromSeq] = useState(1);
  const [toSeq, setToSeq] = useState<number | null>(null);
  const [title, setTitle] = useState('');
  const lastSeq = toSeq ?? journalLength;
  const make = async (request: { source: 'wizard' } | { source: 'recovery'; library: string } | { source: 'journal'; fromSeq: number; toSeq: number; title?: string }) => {
    try {
      const made = await client().call('reports.create', request);
      setStatus(`Made ${made.title}: ${made.verdict}`);
      onMade();
    } catch (error) {
      reportError(error, 'making a report');
    }
  };
  return (
    <div className="button-row create-report" role="group" aria-label="Make a report">
      <button type="button" onClick={() => void make({ source: 'wizard' })}>
        Report of the DR-test wizard run
      </button>
      {libraries.length > 0 ? (
        <>
          <label>
            Stand-alone library{' '}
            <select value={library} onChange={(e) => setLibrary(e.target.value)}>
              {libraries.map((l) => (
                <option key={l}>{l}</option>
              ))}
            </select>
          </label>
          <button type="button" disabled={!library} onClick={() => void make({ source: 'recovery', library })}>
            Copy Export Recovery report
          </button>
        </>
      ) : null}
      <fieldset className="journal-report">
        <legend>Report of journal entries (a runbook run)</legend>
        <label>
          From # <input type="number" min={1} max={Math.max(1, journalLength)} value={fromSeq} onChange={(e) => setFromSeq(Math.max(1, Number(e.target.value) || 1))} />
        </label>
        <label>
          to # <input type="number" min={1} max={Math.max(1, journalLength)} value={lastSeq} onChange={(e) => setToSeq(Math.max(1, Number(e.target.value) || 1))} />
        </label>
        <label>
          Title <input type="text" maxLength={200} value={title} placeholder="e.g. quarterly failover runbook" onChange={(e) => setTitle(e.target.value)} />
        </label>
        <button
          type="button"
          disabled={journalLength === 0 || fromSeq > lastSeq}
          onClick={() => void make({ source: 'journal', fromSeq, toSeq: lastSeq, ...(title.trim() ? { title: title.trim() } : {}) })}
        >
          Journal report
        </button>
      </fieldset>
      <span role="status" className="small">
        {status}
      </span>
    </div>
  );
}
