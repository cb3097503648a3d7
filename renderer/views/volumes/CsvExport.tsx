// CSV export of the Volumes view's current filter and sort: the engine host writes the rows in
// chunks (volumes.csv) and the browser keeps each chunk as a Blob part, so millions of rows never
// sit in one JavaScript string. A determinate bar with an estimate; Cancel is always safe (nothing
// in the grid changes, the partial file is dropped).

import { useRef, useState } from 'react';
import type { VolumeQuery, VolumeSort } from '../../../contract/api';
import { client } from '../../api/client';
import { count, duration } from '../../lib/format';
import { useStore } from '../../state/store';
import { describeError } from './words';

const CHUNK_ROWS = 50_000;

interface Running {
  done: number;
  total: number;
  startedAt: number;
}

export function CsvExport({ query, sort, disabled }: { query: VolumeQuery | null; sort: VolumeSort; disabled: boolean }) {
  const [running, setRunning] = useState<Running | null>(null);
  const [note, setNote] = useState<{ text: string; bad: boolean } | null>(null);
  const cancelled = useRef(false);
  const gridName = useStore((s) => s.info?.grid ?? 'grid');

  async function run() {
    if (!query) return;
    cancelled.current = false;
    setNote(null);
    const startedAt = Date.now();
    setRunning({ done: 0, total: 0, startedAt });
    try {
      const { journalLength, time } = await client().call('session.info', {});
      const parts: Blob[] = [];
      let offset = 0;
      let total = Infinity;
      while (offset < total) {
        if (cancelled.current) {
          setNote({ text: `Export cancelled after ${count(offset)} rows; no file was saved.`, bad: false });
          return;
        }
        const chunk = await client().call('volumes.csv', { offset, limit: CHUNK_ROWS, query, sort, journalLength });
        total = chunk.total;
        parts.push(new Blob([chunk.text], { type: 'text/csv' }));
        offset += chunk.rows;
        setRunning({ done: offset, total, startedAt });
        if (chunk.rows === 0) break;
      }
      if (cancelled.current) {
        setNote({ text: 'Export cancelled; no file was saved.', bad: false });
        return;
      }
      const name = `volumes-${gridName}-${time.replace(/[:]/g, '').replace(/\.\d+Z$/, 'Z')}.csv`;
      const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setNote({ text: `Saved ${count(total)} volume${total === 1 ? '' : 's'} as ${name}.`, bad: false });
    } catch (e) {
      setNote({ text: `The export stopped: ${describeError(e)}`, bad: true });
    } finally {
      setRunning(null);
    }
  }

  const fraction = running && running.total > 0 ? running.done / running.total : 0;
  const elapsed = running ? Date.now() - running.startedAt : 0;
  const left = fraction > 0 ? (elapsed / fraction) * (1 - fraction) : null;
  return (
    <div className="csv-export">
      {running ? (
        <>
          <progress max={running.total || 1} value={running.done} aria-label="CSV export" />
          <span className="small" aria-live="polite">
            {running.total > 0 ? `${count(running.done)} of ${count(running.total)} rows` : 'Starting…'}
            {left !== null && running.done < running.total ? ` · about ${duration(Math.max(1000, left))} left` : ''}
          </span>
          <button type="button" onClick={() => (cancelled.current = true)}>
            Cancel export
          </button>
        </>
      ) : (
        <button type="button" onClick={() => void run()} disabled={disabled || !query} title="Every volume matching the filters, in the current sort order">
          Export CSV
        </button>
      )}
      {note ? (
        <span className={`small ${note.bad ? 'bad' : 'muted'}`} role={note.bad ? 'alert' : 'status'}>
          {note.text}
        </span>
      ) : null}
    </div>
  );
}
