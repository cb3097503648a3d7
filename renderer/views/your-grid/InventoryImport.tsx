// Import a volume inventory from CSV: choose the file, map its columns (volser, category, Management
// Class, size, the clusters holding consistent copies), preview the first rows, check every row (row
// and column named for each problem), then import — one journaled IMPORT INVENTORY line. A progress
// bar follows sending the file and the engine host reading it.

import { useId, useState } from 'react';
import type { InventoryCheckDto, InventoryPreviewDto } from '../../../contract/your-grid-api';
import { MAX_CHUNK_CHARS, PREVIEW_CHARS } from '../../../contract/your-grid-api';
import { client } from '../../api/client';
import { bytes, count } from '../../lib/format';
import { reportError } from '../../state/actions';
import { useStore } from '../../state/store';

/** The engine host splits the preview as the import will split the file, and guesses the mapping. */
type Field = keyof InventoryPreviewDto['mapping'];
const PREVIEW_ROWS = 8;

const FIELDS: { field: Field; label: string; required: boolean; help: string }[] = [
  { field: 'volser', label: 'VOLSER', required: true, help: '1-6 characters A-Z 0-9' },
  { field: 'category', label: 'Category', required: false, help: '4 hex digits; 000F (private) when absent' },
  { field: 'mc', label: 'Management Class', required: false, help: 'a class the grid defines; none when absent' },
  { field: 'size', label: 'Size', required: false, help: '800MB, 4GB, or a number of MB; 800MB when absent' },
  { field: 'copies', label: 'Consistent copies on', required: true, help: 'cluster names separated by ; (the first owns the volume)' },
];

type Phase =
  | { kind: 'idle' }
  | { kind: 'sending'; sent: number; total: number }
  | { kind: 'checking' }
  | { kind: 'checked'; result: InventoryCheckDto }
  | { kind: 'importing' }
  | { kind: 'imported'; line: string; imported: number };

export function InventoryImport({ disabled }: { disabled: boolean }) {
  const id = useId();
  const [file, setFile] = useState<{ name: string; text: string; preview: InventoryPreviewDto } | null>(null);
  const [mapping, setMapping] = useState<Record<Field, number | null>>({ volser: null, category: null, mc: null, size: null, copies: null });
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [uploaded, setUploaded] = useState<string | null>(null);
  const progress = useStore((s) => s.progress);
  const preview = file?.preview ?? null;
  const complete = mapping.volser !== null && mapping.copies !== null;
  const busy = phase.kind === 'sending' || phase.kind === 'checking' || phase.kind === 'importing';
  const uploadId = `inv-${id.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;

  const choose = async (f: File | undefined) => {
    if (!f) return;
    const text = await f.text();
    let preview: InventoryPreviewDto;
    try {
      preview = await client().call('inventory.preview', { text: text.slice(0, PREVIEW_CHARS), rows: PREVIEW_ROWS });
    } catch (e) {
      reportError(e, 'inventory.preview');
      return;
    }
    setFile({ name: f.name, text, preview });
    setUploaded(null);
    setPhase({ kind: 'idle' });
    setMapping(preview.mapping);
  };

  const send = async (): Promise<boolean> => {
    if (!file) return false;
    if (uploaded === file.name + file.text.length) return true;
    const total = file.text.length;
    for (let offset = 0; offset === 0 || offset < total; offset += MAX_CHUNK_CHARS) {
      setPhase({ kind: 'sending', sent: offset, total });
      await client().call('inventory.upload', { upload: uploadId, offset, text: file.text.slice(offset, offset + MAX_CHUNK_CHARS) });
      if (total === 0) break;
    }
    setUploaded(file.name + file.text.length);
    return true;
  };

  const wire = () => ({ volser: mapping.volser!, category: mapping.category, mc: mapping.mc, size: mapping.size, copies: mapping.copies! });

  const check = async () => {
    try {
      if (!(await send())) return;
      setPhase({ kind: 'checking' });
      setPhase({ kind: 'checked', result: await client().call('inventory.check', { upload: uploadId, mapping: wire() }) });
    } catch (e) {
      setPhase({ kind: 'idle' });
      reportError(e, 'inventory.check');
    }
  };

  const importNow = async () => {
    try {
      if (!(await send())) return;
      setPhase({ kind: 'importing' });
      const r = await client().call('inventory.import', { upload: uploadId, mapping: wire() });
      setUploaded(null);
      setPhase({ kind: 'imported', line: r.line, imported: r.imported });
    } catch (e) {
      setPhase({ kind: 'idle' });
      reportError(e, 'inventory.import');
    }
  };

  const engineProgress = progress && progress.label.startsWith('inventory') ? progress : null;
  const bar =
    phase.kind === 'sending'
      ? { label: `Sending ${file?.name}`, value: phase.sent, max: phase.total, text: `${bytes(phase.sent)} of ${bytes(phase.total)}` }
      : (phase.kind === 'checking' || phase.kind === 'importing') && engineProgress
        ? {
            label: phase.kind === 'checking' ? 'Reading the rows' : 'Importing',
            value: engineProgress.done,
            max: engineProgress.total,
            text: `${Math.round((100 * engineProgress.done) / Math.max(1, engineProgress.total))}%`,
          }
        : null;

  return (
    <section className="panel yg-import" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Import a volume inventory</h2>
        <span className="small muted">CSV with a header row, one volume a row; the rows are kept with the grid and the import is journaled</span>
      </div>
      <label className="file-button">
        <span>Choose a CSV file…</span>
        <input type="file" accept=".csv,text/csv" aria-label="Inventory CSV file" disabled={disabled || busy} onChange={(e) => void choose(e.target.files?.[0])} />
      </label>{' '}
      {file ? (
        <span className="small" data-testid="inventory-file">
          {file.name}: {bytes(file.text.length)}
        </span>
      ) : null}
      {preview ? (
        <>
          <fieldset className="yg-mapping">
            <legend>Columns</legend>
            {FIELDS.map((f) => (
              <span key={f.field} className="yg-map">
                <label htmlFor={`${id}-${f.field}`}>
                  {f.label}
                  {f.required ? ' *' : ''}
                </label>
                <select
                  id={`${id}-${f.field}`}
                  value={mapping[f.field] ?? ''}
                  onChange={(e) => {
                    setMapping({ ...mapping, [f.field]: e.target.value === '' ? null : Number(e.target.value) });
                    if (phase.kind === 'checked') setPhase({ kind: 'idle' });
                  }}
                >
                  <option value="">{f.required ? '(choose a column)' : '(not in the file)'}</option>
                  {preview.header.map((h, i) => (
                    <option key={i} value={i}>
                      {h || `column ${i + 1}`}
                    </option>
                  ))}
                </select>
                <span className="small muted">{f.help}</span>
              </span>
            ))}
          </fieldset>
          <div className="yg-preview" tabIndex={0} role="region" aria-label="Preview, scrollable">
            <table className="table compact">
              <caption>First rows, as mapped</caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  {FIELDS.map((f) => (
                    <th scope="col" key={f.field}>
                      {f.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r, i) => (
                  <tr key={i}>
                    <td>{i + 2}</td>
                    {FIELDS.map((f) => (
                      <td key={f.field} className="mono small">
                        {mapping[f.field] === null ? '—' : (r[mapping[f.field]!] ?? '')}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="button-row">
            <button type="button" className="primary" disabled={disabled || busy || !complete} onClick={() => void check()}>
              Check all rows
            </button>
            <button type="button" disabled={disabled || busy || phase.kind !== 'checked' || phase.result.errorCount > 0 || phase.result.rows === 0} onClick={() => void importNow()}>
              Import {phase.kind === 'checked' && phase.result.errorCount === 0 ? `${count(phase.result.rows)} volumes` : 'volumes'}
            </button>
            {!complete ? <span className="small muted">Map the VOLSER and consistent-copies columns first.</span> : null}
          </div>
        </>
      ) : (
        <p className="muted small">
          Columns: VOLSER, category, Management Class, size, and the clusters that hold consistent copies (for example <code>A00001,000F,MCPROD,4GB,CL0;CL1</code>).
        </p>
      )}
      {bar || busy ? (
        <div className="yg-progress" role="status">
          <span>{bar?.label ?? (phase.kind === 'importing' ? 'Importing…' : 'Reading the rows…')}</span> <progress aria-label="Inventory progress" value={bar?.value} max={bar?.max} />{' '}
          <span className="small">{bar?.text ?? ''}</span>
        </div>
      ) : null}
      {phase.kind === 'checked' ? <CheckResult result={phase.result} /> : null}
      {phase.kind === 'imported' ? (
        <p className="ok" role="status" data-testid="inventory-imported">
          Imported {count(phase.imported)} volumes: issued <code>{phase.line}</code> (in the journal).
        </p>
      ) : null}
    </section>
  );
}

function CheckResult({ result }: { result: InventoryCheckDto }) {
  return (
    <div data-testid="inventory-check">
      <p className={result.errorCount > 0 ? 'bad' : 'ok'}>
        {count(result.rows)} good rows ({bytes(result.summary.bytes)}), {count(result.errorCount)} with errors{result.errorCount > 0 ? ': nothing can be imported until every row is good.' : '.'}
      </p>
      {result.rows > 0 ? (
        <p className="small muted">
          Copies per cluster:{' '}
          {Object.entries(result.summary.byCluster)
            .map(([c, n]) => `${c} ${count(n)}`)
            .join(', ')}
          ; per category:{' '}
          {Object.entries(result.summary.byCategory)
            .map(([c, n]) => `${c} ${count(n)}`)
            .join(', ')}
        </p>
      ) : null}
      {result.errors.length > 0 ? (
        <div className="yg-errors" tabIndex={0} role="region" aria-label="Row errors, scrollable">
          <table className="table compact">
            <caption>Row errors{result.errorCount > result.errors.length ? ` (the first ${count(result.errors.length)} of ${count(result.errorCount)})` : ''}</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {result.errors.map((e, i) => (
                <tr key={i}>
                  <td>{e.row}</td>
                  <td>{e.column || '(the row)'}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
