// Running and saving the runbook in the editor: runbook.step over [next, to), records into the
// runbook slice and the console transcript; Save through the desktop's dialog or a download.

import { client } from '../api/client';
import { reportError, scheduleRefresh, tracked } from './actions';
import { useStore } from './store';
import { confirmLines } from './confirm-gate';

const get = () => useStore.getState();

export async function stepRunbook(to: number, total: number): Promise<void> {
  const { text, name, next } = get().runbook;
  get().setRunbookRun({ running: true });
  try {
    // The same questions as the Console asks before a line that throws data away; No runs nothing.
    if (!(await confirmLines(text, { from: next, to }))) {
      get().setIssued({ command: `(runbook ${name})`, origin: 'Runbooks', ok: false, detail: 'Cancelled: nothing was run.' });
      return;
    }
    get().addInput(`(runbook ${name}: commands ${next + 1}–${to} of ${total})`, 'Runbooks');
    const out = await tracked(() => client().call('runbook.step', { text, from: next, to }));
    if (out.errors.length > 0) {
      get().setRunbookRun({ runErrors: out.errors });
      get().addLineErrors(out.errors);
      return;
    }
    get().addRecords(out.records);
    // The editor may have changed while the step ran; the run is of the text sent.
    // Cancelled (work.cancel): the step stopped after records.length whole commands; the next run starts after them.
    get().setRunbookRun({ runErrors: [], records: [...get().runbook.records, ...out.records], next: out.cancelled ? next + out.records.length : Math.min(to, out.total) });
    if (out.cancelled)
      get().setIssued({
        command: `(runbook ${name})`,
        origin: 'Runbooks',
        ok: false,
        detail: `Cancelled after ${out.records.length} whole command${out.records.length === 1 ? '' : 's'}; the rest did not run.`,
      });
    void scheduleRefresh();
  } catch (e) {
    reportError(e, 'runbook.step');
  } finally {
    get().setRunbookRun({ running: false });
  }
}

export function fileName(name: string): string {
  return name.endsWith('.runbook') ? name : `${name}.runbook`;
}

/** Desktop: a native Save dialog (file.save). Browser: a download. */
export async function saveRunbook(): Promise<void> {
  const { name, text } = get().runbook;
  const file = fileName(name);
  if (client().kind === 'electron') {
    try {
      await client().call('file.save', { kind: 'runbook', name: file, text });
    } catch (e) {
      reportError(e, `saving ${file}`);
    }
    return;
  }
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
