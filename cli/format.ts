// Transcript output: JSON Lines for machines (spec §2), a readable line per message for people.

import type { RunRecord } from '../core/session.js';
import { LONG_MESSAGE_TOKEN, visibleText } from '../core/runbook/visible-text.js';

// What a runbook put in a line (a CODE level, a file name, an EXPECT text) reaches the operator's
// terminal only escaped and cut (core/runbook/visible-text.ts): JSON.stringify escapes C0 controls
// itself but leaves C1 controls (\x9b is a CSI) and U+2028/2029 raw, so those are escaped after it.
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const jsonEscape = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The engine's message for the terminal: escaped, and only a very long run cut (it may quote a result). */
const shownMessage = (text: string) => visibleText(text, LONG_MESSAGE_TOKEN);

export function jsonLine(record: RunRecord): string {
  const error = record.error ? { ...record.error, message: shownMessage(record.error.message) } : record.error;
  const messages = record.messages.map((m) => ({ ...m, text: shownMessage(m.text) }));
  return JSON.stringify({ line: record.line, command: visibleText(record.command), time: record.time, ok: record.ok, error, result: record.result, messages }).replace(RAW_IN_JSON, jsonEscape);
}

function summary(result: unknown): string {
  if (result === null || result === undefined) return '';
  const text = JSON.stringify(result).replace(RAW_IN_JSON, jsonEscape);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

export function humanLines(record: RunRecord): string[] {
  const out: string[] = [];
  const status = record.ok ? 'ok' : `FAILED ${record.error?.code}: ${shownMessage(record.error?.message ?? '')}`;
  out.push(`${record.time}  ${String(record.line).padStart(4)}  ${visibleText(record.command)}  -> ${status}${record.ok ? `  ${summary(record.result)}` : ''}`);
  for (const m of record.messages) out.push(`${m.time}        ${m.id} ${shownMessage(m.text)}`);
  return out;
}
