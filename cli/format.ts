// Transcript output: JSON Lines for machines (spec §2), a readable line per message for people.

import type { RunRecord } from '../core/session.js';

export function jsonLine(record: RunRecord): string {
  return JSON.stringify({ line: record.line, command: record.command, time: record.time, ok: record.ok, error: record.error, result: record.result, messages: record.messages });
}

function summary(result: unknown): string {
  if (result === null || result === undefined) return '';
  const text = JSON.stringify(result);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

export function humanLines(record: RunRecord): string[] {
  const out: string[] = [];
  const status = record.ok ? 'ok' : `FAILED ${record.error?.code}: ${record.error?.message}`;
  out.push(`${record.time}  ${String(record.line).padStart(4)}  ${record.command}  -> ${status}${record.ok ? `  ${summary(record.result)}` : ''}`);
  for (const m of record.messages) out.push(`${m.time}        ${m.id} ${m.text}`);
  return out;
}
