// A plain textarea over a backdrop that marks lines: errors (from validation) and the line last run.
// The gutter numbers lines; both scroll with the textarea.

import { forwardRef, useImperativeHandle, useMemo, useRef } from 'react';

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
        <textarea ref={area} className="editor-text mono" aria-label={label} spellCheck={false} autoCapitalize="off" autoComplete="off" wrap="off" value={text} onChange={(e) => onChange(e.target.value)} onScroll={sync} />
      </div>
    </div>
  );
});
