// The question before a destructive line: the engine host says what the line would throw away
// (command.impact); when it is anything, the ConfirmDialog asks, and the line runs only on yes.
// Every view's runbook line goes through execute(), so one gate covers Load sample, ERASE, write
// takeover, removal from a DR family, LOAD of a grid file and a PRELOAD that evicts, typed or clicked;
// the Runbooks view's Step and Run to end ask the same questions of the commands they are about to run.

import { create } from 'zustand';
import type { ConfirmRequest } from '../components/ConfirmDialog';
import { client } from '../api/client';

interface GateState {
  pending: { request: ConfirmRequest; resolve: (ok: boolean) => void } | null;
}

export const useConfirmGate = create<GateState>(() => ({ pending: null }));

/** Shows the dialog and resolves true on confirm, false on cancel. */
export function askConfirm(request: ConfirmRequest): Promise<boolean> {
  return new Promise((resolve) => {
    useConfirmGate.getState().pending?.resolve(false);
    useConfirmGate.setState({ pending: { request, resolve } });
  });
}

export function settleConfirm(ok: boolean): void {
  const pending = useConfirmGate.getState().pending;
  useConfirmGate.setState({ pending: null });
  pending?.resolve(ok);
}

/**
 * True when the lines may run: nothing is lost, or the operator said yes to each loss. With `range`,
 * only the runbook's commands [from, to) are judged: the ones a step (Run to end) is about to run.
 */
export async function confirmLines(text: string, range?: { from: number; to: number }): Promise<boolean> {
  let impacts;
  try {
    ({ impacts } = await client().call('command.impact', { text, ...range }));
  } catch {
    // A line the host cannot judge (it does not validate) runs and is refused with its own error.
    return true;
  }
  for (const impact of impacts) {
    const ok = await askConfirm({
      title: impact.title,
      loses: impact.loses,
      backup: impact.backup ? 'taken' : { undo: impact.undo ?? 'it cannot be undone.' },
      confirmLabel: impact.confirmLabel,
      lines: [impact.line],
    });
    if (!ok) return false;
  }
  return true;
}
