// Completion of runbook lines in the Console and the Runbooks editor (issue 14 item 1): a listbox of
// the words that may stand at the cursor. Typing a word opens it, Tab opens it on demand, ↑/↓ move,
// Tab takes the choice (the first one when none is chosen), Enter takes one chosen with ↑/↓ (otherwise
// Enter keeps its meaning: the Console runs the line), Escape closes it. The input keeps focus and points at the active
// option (aria-activedescendant), so a screen reader follows the list.

import { useCallback, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { CommandDocDto } from '../../contract/language-api';
import { client } from '../api/client';
import { accept, complete, contextAt, wantsVolser, type Item, type Names } from '../lib/completion';
import { useStore } from '../state/store';

let commandDocs: Promise<CommandDocDto[]> | null = null;

/** The language's commands, asked of the engine host once. */
export function useCommandDocs(): CommandDocDto[] {
  const [docs, setDocs] = useState<CommandDocDto[]>([]);
  useEffect(() => {
    let live = true;
    commandDocs ??= client()
      .call('language.commands', {})
      .then((r) => r.commands)
      .catch(() => {
        commandDocs = null;
        return [];
      });
    void commandDocs.then((d) => {
      if (live) setDocs(d);
    });
    return () => {
      live = false;
    };
  }, []);
  return docs;
}

function useNames(): Names {
  const grid = useStore((s) => s.grid);
  if (!grid) return { clusters: [], hosts: [], sites: [] };
  return { clusters: Object.keys(grid.clusters), hosts: grid.hosts.map((h) => h.name), sites: grid.sites.map((s) => s.id) };
}

interface Open {
  items: Item[];
  active: number;
  from: number;
  to: number;
}

export interface Completion {
  /** call after every edit (and on Tab): recomputes the list for the word at the cursor */
  update(line: string, cursor: number, explicit?: boolean): void;
  /** handles the list's keys; true when the key was the list's */
  onKeyDown(e: KeyboardEvent, line: string, cursor: number, apply: (line: string, cursor: number) => void): boolean;
  close(): void;
  open: Open | null;
  /** attributes for the input or textarea that owns the list */
  inputProps: { 'aria-controls': string; 'aria-autocomplete': 'list'; 'aria-activedescendant'?: string };
  listId: string;
}

export function useCompletion(listId: string): Completion {
  const commands = useCommandDocs();
  const names = useNames();
  const [open, setOpen] = useState<Open | null>(null);
  const asked = useRef(0);
  // The edit the list stands for. The command list comes from the engine host once, after the view
  // opens; an operator who types before it arrives gets the list for what they typed when it does.
  const lastEdit = useRef<{ line: string; cursor: number; explicit: boolean } | null>(null);

  const update = useCallback(
    (line: string, cursor: number, explicit = false) => {
      const ctx = contextAt(line, cursor, commands);
      const ask = ++asked.current;
      lastEdit.current = { line, cursor, explicit };
      if (!explicit && ctx.prefix === '') {
        setOpen(null);
        return;
      }
      const items = complete(ctx, commands, names);
      setOpen(items.length > 0 ? { items, active: -1, from: ctx.from, to: ctx.to } : null);
      if (!wantsVolser(ctx)) return;
      client()
        .call('language.volsers', { prefix: ctx.prefix })
        .then((r) => {
          if (asked.current !== ask || r.volsers.length === 0) return;
          const volsers = r.volsers.map((v) => ({ text: v, kind: 'volser', detail: 'volume' }));
          setOpen({ items: [...volsers, ...items].slice(0, 50), active: -1, from: ctx.from, to: ctx.to });
        })
        .catch(() => undefined);
    },
    [commands, names],
  );

  const close = useCallback(() => {
    asked.current++;
    lastEdit.current = null;
    setOpen(null);
  }, []);

  const updateNow = useRef(update);
  updateNow.current = update;
  useEffect(() => {
    const edit = lastEdit.current;
    if (commands.length > 0 && edit) updateNow.current(edit.line, edit.cursor, edit.explicit);
  }, [commands]);

  const onKeyDown = (e: KeyboardEvent, line: string, cursor: number, apply: (line: string, cursor: number) => void): boolean => {
    if (!open) {
      if ((e.key === 'Tab' && !e.shiftKey) || (e.key === ' ' && e.ctrlKey)) {
        const ctx = contextAt(line, cursor, commands);
        const items = complete(ctx, commands, names);
        if (items.length === 0 && !wantsVolser(ctx)) return false;
        e.preventDefault();
        update(line, cursor, true);
        return true;
      }
      return false;
    }
    const take = (item: Item | undefined) => {
      if (!item) return;
      const next = accept(line, open.from, open.to, item.text);
      close();
      apply(next.line, next.cursor);
    };
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        setOpen({ ...open, active: (open.active + 1) % open.items.length });
        return true;
      case 'ArrowUp':
        e.preventDefault();
        setOpen({ ...open, active: open.active <= 0 ? open.items.length - 1 : open.active - 1 });
        return true;
      case 'Tab':
        e.preventDefault();
        take(open.items[Math.max(0, open.active)]);
        return true;
      case 'Enter':
        if (open.active < 0) {
          close();
          return false;
        }
        e.preventDefault();
        take(open.items[open.active]);
        return true;
      case 'Escape':
        e.preventDefault();
        close();
        return true;
      default:
        return false;
    }
  };

  const inputProps: Completion['inputProps'] = { 'aria-controls': listId, 'aria-autocomplete': 'list' };
  if (open && open.active >= 0) inputProps['aria-activedescendant'] = `${listId}-${open.active}`;
  return { update, onKeyDown, close, open, inputProps, listId };
}

/** The list itself; `onPick` takes an option by mouse (the input keeps focus). */
export function CompletionList({ completion, style, onPick }: { completion: Completion; style?: CSSProperties; onPick(item: Item): void }) {
  const { open, listId } = completion;
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (open) list.current?.querySelector(`#${CSS.escape(`${listId}-${open.active}`)}`)?.scrollIntoView({ block: 'nearest' });
  }, [open, listId]);
  if (!open) return <ul id={listId} role="listbox" aria-label="Completions" className="completion-list" hidden />;
  return (
    <ul id={listId} ref={list} role="listbox" aria-label="Completions" tabIndex={0} className="completion-list mono" style={style}>
      {open.items.map((item, i) => (
        <li
          key={`${item.kind}:${item.text}`}
          id={`${listId}-${i}`}
          role="option"
          aria-selected={i === open.active}
          className={i === open.active ? 'active' : undefined}
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(item);
          }}
        >
          <span className="completion-text">{item.text}</span>
          <span className="completion-kind muted small">{item.kind}</span>
        </li>
      ))}
    </ul>
  );
}
