// Runbooks: edit a runbook, validated as you type (errors at line:col, lines marked), then run it a
// command at a time (runbook.step from=i to=i+1) or to the end, with each record and every EXPECT's
// pass/fail. Open/Save go through a file input and a download in a browser; in the desktop app File >
// Open/Save use native dialogs (runbook.opened, app.menu save-runbook).

import { useEffect, useMemo, useRef } from 'react';
import { isExpect, Record } from '../../components/Record';
import { VirtualLog } from '../../components/VirtualLog';
import { reportError } from '../../state/actions';
import { saveRunbook, stepRunbook } from '../../state/runbook-actions';
import { saveDraft } from '../../state/runbook-slice';
import { useStore } from '../../state/store';
import { Editor, type EditorHandle } from './Editor';
import { useValidation } from './use-validation';
import { readFileCapped } from '../../lib/capped-file';

/** the contract's runbook cap (contract/api.ts) */
const MAX_RUNBOOK_FILE_BYTES = 4 * 2 ** 20;

export function RunbooksView() {
  const { name, text, next, records, runErrors, running } = useStore((s) => s.runbook);
  const setText = useStore((s) => s.setRunbookText);
  const setName = useStore((s) => s.setRunbookName);
  const openRunbook = useStore((s) => s.openRunbook);
  const restart = useStore((s) => s.restartRunbook);
  const past = useStore((s) => s.past);
  const editor = useRef<EditorHandle>(null);
  const { validation, checking } = useValidation(text);

  useEffect(() => saveDraft(name, text), [name, text]);

  const errors = useMemo(() => validation?.errors ?? [], [validation]);
  const total = validation?.commands ?? 0;
  const allErrors = useMemo(() => [...errors, ...runErrors], [errors, runErrors]);
  const errorLines = useMemo(() => new Set(allErrors.map((e) => e.line)), [allErrors]);
  const currentLine = records.length ? records[records.length - 1]!.line : null;
  const fresh = validation?.text === text && !checking;
  const canRun = fresh && errors.length === 0 && next < total && !running && !past;
  const expects = records.filter(isExpect);
  const passed = expects.filter((r) => r.ok).length;

  async function open(file: File) {
    try {
      openRunbook(file.name, await readFileCapped(file, MAX_RUNBOOK_FILE_BYTES));
    } catch (e) {
      reportError(e, `opening ${file.name}`);
    }
  }

  return (
    <section className="view runbooks" aria-labelledby="view-title">
      <div className="view-head">
        <h1 id="view-title">Runbooks</h1>
        <div className="file-actions">
          <label className="file-button">
            Open runbook…
            <input
              type="file"
              accept=".runbook,.txt,text/plain"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void open(f);
                e.target.value = '';
              }}
            />
          </label>
          <input className="mono" size={22} value={name} onChange={(e) => setName(e.target.value)} aria-label="File name" />
          <button type="button" onClick={() => void saveRunbook()}>
            Save
          </button>
        </div>
      </div>
      <div className="runbook-body">
        <div className="runbook-edit">
          <Editor ref={editor} text={text} onChange={setText} errorLines={errorLines} currentLine={currentLine} label="Runbook" />
          <div className="validation" aria-live="polite">
            <span data-testid="validation-status">
              {checking ? 'Checking…' : errors.length ? `${errors.length} error${errors.length > 1 ? 's' : ''}` : `Valid: ${total} command${total === 1 ? '' : 's'}`}
            </span>
          </div>
          {allErrors.length > 0 ? (
            <ul className="error-list" aria-label="Validation errors">
              {allErrors.map((e, i) => (
                <li key={i}>
                  <button type="button" className="linklike" onClick={() => editor.current?.goTo(e.line, e.col)}>
                    <span className="mono">
                      {e.line}:{e.col}
                    </span>{' '}
                    {e.message}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div className="runbook-run">
          <div className="button-row">
            <button type="button" disabled={!canRun} onClick={() => void stepRunbook(next + 1, total)}>
              Run step
            </button>
            <button type="button" disabled={!canRun} onClick={() => void stepRunbook(total, total)}>
              Run to end
            </button>
            <button type="button" disabled={running || (next === 0 && records.length === 0)} onClick={restart}>
              Restart
            </button>
          </div>
          <p className="run-status" data-testid="run-status">
            {next >= total && total > 0 ? `Ran all ${total} commands` : `Next: command ${Math.min(next + 1, Math.max(total, 1))} of ${total}`}
            {expects.length ? ` · EXPECT ${passed} passed, ${expects.length - passed} failed` : ''}
          </p>
          <VirtualLog
            items={records}
            itemKey={(_, i) => i}
            render={(r) => <Record record={r} />}
            label="Run results"
            className="run-records"
            empty={<p className="muted">Results of the steps you run appear here.</p>}
          />
        </div>
      </div>
    </section>
  );
}
