// Copy Export messages reach the hosts as "CBR3750I Message from library <distributed library>:
// <text>" (Redbook §11.6.3 step 6, Example 11-6); the completion and error messages stand alone.

import type { GridState } from '../../world/state.js';
import { MESSAGES, type MessageId } from '../../runbook/messages.js';
import { isoTime } from '../../sim/time.js';

export type LibraryMessageId = Extract<MessageId, `E00${string}`>;

export function libraryMessage(state: GridState, library: string, id: LibraryMessageId, ...args: string[]): void {
  const body = MESSAGES[id].text(...args);
  state.messages.push({ time: isoTime(state.now), id: 'CBR3750I', text: MESSAGES.CBR3750I.text(library, body) });
}

export function hostMessage(state: GridState, id: MessageId, ...args: string[]): void {
  state.messages.push({ time: isoTime(state.now), id, text: MESSAGES[id].text(...args) });
}

/** Pool numbers print as two digits (Redbook: "EXPORT PROCESSING STARTED FOR POOL XX"). */
export function pool2(pool: number): string {
  return String(pool).padStart(2, '0');
}
