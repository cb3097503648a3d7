// A plain textarea over a backdrop that marks lines: errors (from validation) and the line last run.
// The gutter numbers lines; both scroll with the textarea. Completion (Tab, or typing a word) and hover
// help on a line's command word come from the language's command table (issue 14 item 1).

import { forwardRef, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { CompletionList, useCommandDocs, useCompletion } from '../../components/Completion';
import { accept, commandsFor } from '../../lib/completion';
import type { CommandDocDto } from '../../../contract/language-api';

export interface EditorHandle {
  goTo(line: number, col: number): void;
}

interface Props {
  text: string;
  onChange(text: string): void;
  errorLines: Set<number>;
  currentLine: number | null;
  label: string;
}

const MAX_MARKED_LINES = 20_000;

export const Editor = forwardRef<EditorHandle, Props>(function Editor({ text, onChange, errorLines, currentLine, label }, ref) {
  const area = useRef<HTMLTextAreaElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const lines = useMemo(() => text.split('\n'), [text]);
  const completion = useCompletion('editor-completions');
  const commands = useCommandDocs();
  const [hover, setHover] = useState<{ word: string; line: number; forms: CommandDocDto[]; top: number; left: number } | null>(null);
  const [scroll, setScroll] = useState({ top: 0, left: 0 });

  /** The line and column of a text offset, and the line's text. */
  function where(offset: number) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    const start = before.lastIndexOf('\n') + 1;
    const end = text.indexOf('\n', start);
    return { line, start, col: offset - start, text: text.slice(start, end < 0 ? text.length : end) };
  }

  /** Puts a completed line in place and the caret after the word taken. */
  function replaceLine(at: { start: number; text: string }, next: string, cursor: number) {
    const updated = text.slice(0, at.start) + next + text.slice(at.start + at.text.length);
    onChange(updated);
    requestAnimationFrame(() => area.current?.setSelectionRange(at.start + cursor, at.start + cursor));
  }

  function metrics() {
    const el = area.current;
    if (!el) return null;
    const style = getComputedStyle(el);
    const canvas = document.createElement('canvas').getContext('2d');
    if (canvas) canvas.font = `${style.fontSize} ${style.fontFamily}`;
    return {
      lineHeight: parseFloat(style.lineHeight) || 20,
      charWidth: canvas?.measureText('MMMMMMMMMM').width ? canvas.measureText('MMMMMMMMMM').width / 10 : 7.8,
      padLeft: parseFloat(style.paddingLeft) || 8,
      padTop: parseFloat(style.paddingTop) || 6,
    };
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    const at = where(e.currentTarget.selectionStart);
    completion.onKeyDown(e, at.text, at.col, (next, cursor) => replaceLine(at, next, cursor));
  }

  function onMouseMove(e: MouseEvent<HTMLTextAreaElement>) {
    const m = metrics();
    if (!m) return;
    const box = e.currentTarget.getBoundingClientRect();
    const line = Math.floor((e.clientY - box.top - m.padTop + e.currentTarget.scrollTop) / m.lineHeight);
    const col = Math.floor((e.clientX - box.left - m.padLeft + e.currentTarget.scrollLeft) / m.charWidth);
    const lineText = lines[line] ?? '';
    const word = /^\s*(\S+)/.exec(lineText.replace(/#.*$/, ''));
    const first = word?.[1]?.split(',')[0] ?? '';
    const startCol = word ? lineText.indexOf(first) : -1;
    const forms = first && col >= startCol && col < startCol + first.length ? commandsFor(first, commands) : [];
    if (forms.length === 0) {
      if (hover) setHover(null);
      return;
    }
    if (hover && hover.word === first && hover.line === line) return;
    setHover({
      word: first,
      line,
      forms,
      top: (line + 1) * m.lineHeight + m.padTop - e.currentTarget.scrollTop + 2,
      left: Math.max(0, startCol * m.charWidth + m.padLeft - e.currentTarget.scrollLeft),
    });
  }

  const listStyle = (() => {
    const open = completion.open;
    const el = area.current;
    const m = open ? metrics() : null;
    if (!open || !el || !m) return undefined;
    const at = where(el.selectionStart);
    return { top: (at.line + 1) * m.lineHeight + m.padTop - scroll.top + 2, left: Math.max(0, open.from * m.charWidth + m.padLeft - scroll.left) };
  })();

  useImperativeHandle(ref, () => ({
    goTo(line, col) {
      const el = area.current;
      if (!el) return;
      let offset = 0;
      for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
      offset += Math.max(0, col - 1);
      el.focus();
      el.setSelectionRange(offset, offset);
      const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 18;
      el.scrollTop = Math.max(0, (line - 3) * lineHeight);
      sync();
    },
  }));

  function sync() {
    const el = area.current;
    if (!el) return;
    if (backdrop.current) {
      backdrop.current.scrollTop = el.scrollTop;
      backdrop.current.scrollLeft = el.scrollLeft;
    }
    if (gutter.current) gutter.current.scrollTop = el.scrollTop;
    setScroll({ top: el.scrollTop, left: el.scrollLeft });
  }

  const marked = lines.length <= MAX_MARKED_LINES;
  return (
    <div className="editor">
      <div className="editor-gutter mono" ref={gutter} aria-hidden="true">
        {lines.map((_, i) => (
          <div key={i} className={errorLines.has(i + 1) ? 'gutter-error' : currentLine === i + 1 ? 'gutter-current' : undefined}>
            {i + 1}
          </div>
        ))}
      </div>
      <div className="editor-body">
        <div className="editor-backdrop mono" ref={backdrop} aria-hidden="true">
          {marked
            ? lines.map((l, i) => (
                <div key={i} className={`bd-line${errorLines.has(i + 1) ? ' line-error' : ''}${currentLine === i + 1 ? ' line-current' : ''}`} data-line={i + 1}>
                  {l || ' '}
                </div>
              ))
            : null}
        </div>
        <textarea
          ref={area}
          className="editor-text mono"
          aria-label={label}
          {...completion.inputProps}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          wrap="off"
          value={text}
          onChange={(e) => {
            onChange(e.target.value);
            const offset = e.target.selectionStart;
            const start = e.target.value.lastIndexOf('\n', offset - 1) + 1;
            const end = e.target.value.indexOf('\n', offset);
            completion.update(e.target.value.slice(start, end < 0 ? e.target.value.length : end), offset - start);
          }}
          onKeyDown={onKeyDown}
          onBlur={completion.close}
          onClick={completion.close}
          onScroll={sync}
          onMouseMove={onMouseMove}
          onMouseLeave={() => setHover(null)}
        />
        <CompletionList
          completion={completion}
          {...(listStyle ? { style: listStyle } : {})}
          onPick={(item) => {
            const el = area.current;
            const open = completion.open;
            if (!el || !open) return;
            const at = where(el.selectionStart);
            const next = accept(at.text, open.from, open.to, item.text);
            completion.close();
            replaceLine(at, next.line, next.cursor);
          }}
        />
        {hover ? (
          <div className="hover-help" role="tooltip" style={{ top: hover.top, left: hover.left }}>
            {hover.forms.map((f) => (
              <div key={f.words + f.syntax}>
                <code>{f.syntax}</code>
                <span>{f.summary}</span>
              </div>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
});
