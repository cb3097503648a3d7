// The Host Console pane: type a runbook line (Enter runs it through console.execute), see every issued
// line — from here or any other view — with its result and the console messages in z/OS form.
// The transcript is virtualized (it grows all day); ArrowUp/ArrowDown walk the command history.

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { VirtualLog } from '../../components/VirtualLog';
import { Message, Record } from '../../components/Record';
import { execute } from '../../state/actions';
import { useStore } from '../../state/store';
import type { ConsoleEntry } from '../../state/console-slice';
import { CompletionList, useCompletion } from '../../components/Completion';
import { accept } from '../../lib/completion';

export function ConsoleView() {
  return (
    <section className="view console" aria-labelledby="view-title">
      <div className="view-head">
        <h1 id="view-title">Console</h1>
        <ClearButton />
      </div>
      <Transcript />
      <CommandLine />
    </section>
  );
}

function ClearButton() {
  const clear = useStore((s) => s.clearConsole);
  return (
    <button type="button" onClick={clear}>
      Clear output
    </button>
  );
}

function Entry({ entry }: { entry: ConsoleEntry }) {
  switch (entry.kind) {
    case 'input':
      return (
        <div className="entry-input">
          <span aria-hidden="true">&gt; </span>
          <code>{entry.line}</code>
          {entry.origin !== 'Console' ? <span className="muted small"> (from {entry.origin})</span> : null}
        </div>
      );
    case 'record':
      return <Record record={entry.record} showLine={false} />;
    case 'errors':
      return (
        <div className="record-error">
          {entry.errors.map((e, i) => (
            <div key={i}>
              {e.line}:{e.col}: {e.message}
            </div>
          ))}
        </div>
      );
    case 'message':
      return <Message message={entry.message} />;
  }
}

function Transcript() {
  const entries = useStore((s) => s.entries);
  return (
    <VirtualLog
      items={entries}
      itemKey={(e) => e.key}
      render={(e) => <Entry entry={e} />}
      label="Console output"
      className="transcript"
      empty={<p className="muted">Output of every issued line appears here. Try SHOW GRID.</p>}
    />
  );
}

function CommandLine() {
  const history = useStore((s) => s.history);
  const remember = useStore((s) => s.remember);
  const busy = useStore((s) => s.pending > 0);
  const [line, setLine] = useState('');
  const [cursor, setCursor] = useState<number | null>(null);
  const draft = useRef('');
  const input = useRef<HTMLInputElement>(null);
  const completion = useCompletion('console-completions');
  useEffect(() => input.current?.focus(), []);

  /** puts a completed line in the input with the cursor after the word taken */
  const applyLine = (next: string, cursor: number) => {
    setLine(next);
    setCursor(null);
    requestAnimationFrame(() => input.current?.setSelectionRange(cursor, cursor));
  };

  const run = async () => {
    const text = line.trim();
    if (!text) return;
    remember(text);
    setLine('');
    setCursor(null);
    completion.close();
    await execute(text, 'Console');
    input.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (completion.onKeyDown(e, line, e.currentTarget.selectionStart ?? line.length, applyLine)) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      void run();
    } else if (e.key === 'ArrowUp') {
      if (history.length === 0) return;
      e.preventDefault();
      if (cursor === null) draft.current = line;
      const next = cursor === null ? history.length - 1 : Math.max(0, cursor - 1);
      setCursor(next);
      setLine(history[next]!);
    } else if (e.key === 'ArrowDown') {
      if (cursor === null) return;
      e.preventDefault();
      const next = cursor + 1;
      if (next >= history.length) {
        setCursor(null);
        setLine(draft.current);
      } else {
        setCursor(next);
        setLine(history[next]!);
      }
    }
  };

  return (
    <div className="command-line">
      <label htmlFor="console-command">Command</label>
      <div className="completion-anchor">
        <input
          id="console-command"
          ref={input}
          className="mono"
          type="text"
          {...completion.inputProps}
          autoComplete="off"
          spellCheck={false}
          value={line}
          placeholder="SHOW GRID"
          aria-describedby="console-hint"
          onChange={(e) => {
            setLine(e.target.value);
            setCursor(null);
            completion.update(e.target.value, e.target.selectionStart ?? e.target.value.length);
          }}
          onKeyDown={onKeyDown}
          onBlur={completion.close}
        />
        <CompletionList
          completion={completion}
          onPick={(item) => {
            const open = completion.open;
            if (!open) return;
            const next = accept(line, open.from, open.to, item.text);
            completion.close();
            applyLine(next.line, next.cursor);
          }}
        />
      </div>
      <button type="button" onClick={() => void run()} disabled={!line.trim()}>
        Run
      </button>
      <span id="console-hint" className="muted small">
        Enter runs · ↑/↓ history{busy ? ' · working…' : ''}
      </span>
    </div>
  );
}
