// Host DASD console messages: the ids and texts live in the one catalog (core/runbook/messages.ts).

import type { GridState } from '../world/state.js';
import { MESSAGES, type MessageId } from '../runbook/messages.js';
import { isoTime } from '../sim/time.js';

export function dasdMessage(state: GridState, id: Extract<MessageId, `TZ06${string}`>, ...args: string[]): void {
  state.messages.push({ time: isoTime(state.now), id, text: MESSAGES[id].text(...args) });
}
