// volume.show history: the journal entries that name a volume, by its volser or by a range holding
// it (PRELOAD A00000-A09999 names A00042), newest first. Scans backwards and stops at the limit.

import type { JournalRecord } from '../core/session.js';
import { parseVolserRange, rangeSize, type VolserRange } from '../core/model/volser.js';
import { isoTime } from '../core/sim/time.js';

export interface HistoryEntry {
  time: string;
  command: string;
  ok: boolean;
}

const RANGE_TOKEN = /(?<![A-Z0-9])([A-Z0-9]{1,6})-([A-Z0-9]{1,6})(?![A-Z0-9])/g;

export function volumeHistory(journal: readonly JournalRecord[], volser: string, limit = 50): HistoryEntry[] {
  const alone = new RegExp(`(?<![A-Z0-9])${volser}(?![A-Z0-9])`);
  const out: HistoryEntry[] = [];
  for (let i = journal.length - 1; i >= 0 && out.length < limit; i--) {
    const entry = journal[i]!;
    const text = entry.text.toUpperCase();
    if (!mentions(text, volser, alone)) continue;
    // SAMPLE and LOAD journal the lines they expanded to; the first line is what the operator typed.
    const newline = entry.text.indexOf('\n');
    out.push({ time: isoTime(entry.startedAt), command: newline < 0 ? entry.text : entry.text.slice(0, newline), ok: entry.outcome.ok });
  }
  return out;
}

function mentions(text: string, volser: string, alone: RegExp): boolean {
  if (!text.includes(volser) && !text.includes('-')) return false;
  if (alone.test(text)) return true;
  for (const match of text.matchAll(RANGE_TOKEN)) {
    const range = parseVolserRange(match[0]);
    if (typeof range !== 'string' && inRange(range, volser)) return true;
  }
  return false;
}

function inRange(range: VolserRange, volser: string): boolean {
  const width = range.width;
  if (volser.length !== range.prefix.length + width || !volser.startsWith(range.prefix)) return false;
  const tail = volser.slice(range.prefix.length);
  if (!/^\d*$/.test(tail)) return false;
  const n = Number(tail);
  return rangeSize(range) > 0 && n >= range.first && n <= range.last;
}
