// Save the DR test report as HTML or PDF, and say where it went.

import { useState } from 'react';
import { saveDrReport, type ReportFormat, type Saved } from './report-save';

/** family null: a Redbook §11.10 procedure's test, which has no DR family; `subject` names it. */
export function ReportButtons({ family, drHost, label, subject }: { family: string | null; drHost: string; label: string; subject?: string }) {
  const [saving, setSaving] = useState<ReportFormat | null>(null);
  const [saved, setSaved] = useState<Saved[]>([]);
  const save = async (format: ReportFormat) => {
    setSaving(format);
    const outcome = await saveDrReport(family, drHost, format);
    setSaving(null);
    if (outcome) setSaved((s) => [...s.slice(-3), outcome]);
  };
  return (
    <div className="report-buttons" role="group" aria-label={family === null ? `${label} of ${subject ?? 'the DR test'}` : `${label} of family ${family}`}>
      <span>
        {label}{' '}
        <span className="muted small">
          ({family === null ? (subject ?? 'DR test') : `family ${family}`}, DR host {drHost})
        </span>
      </span>
      <button type="button" disabled={saving !== null} onClick={() => void save('html')}>
        Save report as HTML
      </button>
      <button type="button" disabled={saving !== null} onClick={() => void save('pdf')}>
        Save report as PDF
      </button>
      <span role="status" className="small" data-testid="report-saved">
        {saving ? `Rendering the ${saving.toUpperCase()} report…` : saved.length > 0 ? saved.map(describe).join(' · ') : ''}
      </span>
    </div>
  );
}

function describe(s: Saved): string {
  if (s.outcome === 'downloaded') return `Downloaded ${s.name}`;
  if (s.outcome === 'saved') return `Saved ${s.path}`;
  return `Save of ${s.name} cancelled`;
}
