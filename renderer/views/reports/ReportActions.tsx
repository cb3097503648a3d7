// Save a stored evidence report as HTML, PDF or JSON, and verify it against the journal.

import { useState } from 'react';
import { client } from '../../api/client';
import { reportError } from '../../state/actions';
import { saveReport, type ExportFormat } from './report-files';

export function ReportActions({ id, title }: { id: string; title: string }) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async (format: ExportFormat) => {
    setBusy(true);
    setStatus(`Rendering the ${format.toUpperCase()}…`);
    setStatus((await saveReport(id, format)) ?? '');
    setBusy(false);
  };
  const verify = async () => {
    setBusy(true);
    try {
      const outcome = await client().call('reports.verify', { id });
      setStatus(
        outcome.ok
          ? `Verified: the report and journal entries match their SHA-256 digests.`
          : `NOT verified: ${outcome.checks
              .filter((c) => !c.ok)
              .map((c) => c.detail)
              .join(' ')}`,
      );
    } catch (error) {
      reportError(error, `verifying report ${id}`);
    }
    setBusy(false);
  };
  return (
    <div className="button-row report-actions" role="group" aria-label={`Report ${title}`}>
      <button type="button" disabled={busy} onClick={() => void save('html')}>
        Save HTML
      </button>
      <button type="button" disabled={busy} onClick={() => void save('pdf')}>
        Save PDF
      </button>
      <button type="button" disabled={busy} onClick={() => void save('json')}>
        Save JSON
      </button>
      <button type="button" disabled={busy} onClick={() => void verify()}>
        Verify digest
      </button>
      <span role="status" className="small" data-testid="report-action-status">
        {status}
      </span>
    </div>
  );
}
