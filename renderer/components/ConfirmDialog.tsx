// The one question asked before anything that replaces, erases or hands away data: a modal native
// <dialog> (focus moves in, Escape or Cancel closes, focus returns), titled with the action, listing
// what will be lost, and saying whether a backup is taken first. Cancel has the focus, so Enter
// never destroys anything by accident. `useConfirm` gives an awaitable ask() for event handlers.

import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useStore } from '../state/store';
import { settleConfirm, useConfirmGate } from '../state/confirm-gate';

export interface ConfirmRequest {
  /** the action as a question's title: "Load the sample grid three-cluster-ha-dr?" */
  title: string;
  /** what will be lost or changed, one item each */
  loses: ReactNode[];
  /** taken: the host backs the database up first (GRID, SAMPLE, LOAD, ERASE, RECOVER, LOAD EXPORTSET, a restore); otherwise how to undo it */
  backup: 'taken' | { undo: string } | { note: string };
  /** the confirming button's label: the action's verb ("Load sample", "Erase CL9") */
  confirmLabel: string;
  /** the runbook line(s) that will be issued, shown so the operator knows what lands in the journal */
  lines?: string[];
}

interface Props extends ConfirmRequest {
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ title, loses, backup, confirmLabel, lines, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();
  const persistent = useStore((s) => s.info?.persistent ?? false);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    cancel.current?.focus();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => (e.preventDefault(), onCancel())}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`}>
        <p>This will:</p>
        <ul className="confirm-loses">
          {loses.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
        <p className="confirm-backup">
          {backup === 'taken'
            ? persistent
              ? 'A backup of the grid database is taken first: Backups (in the header) restores it.'
              : 'This console keeps its grid in memory (started with --memory): no backup can be taken, so this cannot be undone.'
            : 'note' in backup
              ? backup.note
              : `No backup is taken for this: ${backup.undo}`}
        </p>
        {lines && lines.length > 0 ? (
          <p className="small muted">
            Issues <code>{lines.join(' · ')}</code>
          </p>
        ) : null}
      </div>
      <div className="button-row">
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" ref={cancel} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}

/** The shell's one place for the question a destructive line asks (state/confirm-gate.ts). */
export function ConfirmHost() {
  const pending = useConfirmGate((s) => s.pending);
  return pending ? (
    <ConfirmDialog key={pending.request.title + (pending.request.lines ?? []).join()} {...pending.request} onConfirm={() => settleConfirm(true)} onCancel={() => settleConfirm(false)} />
  ) : null;
}

/** [the dialog to render (or null), ask(request) resolving true when confirmed]. */
export function useConfirm(): [ReactNode, (request: ConfirmRequest) => Promise<boolean>] {
  const [pending, setPending] = useState<{ request: ConfirmRequest; resolve: (ok: boolean) => void } | null>(null);
  const ask = useCallback((request: ConfirmRequest) => new Promise<boolean>((resolve) => setPending({ request, resolve })), []);
  const settle = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };
  const element = pending ? <ConfirmDialog {...pending.request} onConfirm={() => settle(true)} onCancel={() => settle(false)} /> : null;
  return [element, ask];
}
