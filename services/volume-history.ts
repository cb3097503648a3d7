// volume.show history: the journal entries that name a volume, by its volser or by a range holding
// it (PRELOAD A00000-A09999 names A00042), together with what the engine did to it between and
// after commands (core/model/volume-trail.ts: mounts, writes, copies and their source, cache
// removals, category and MC changes, exports), newest first, each in words an operator reads.

import type { JournalRecord } from '../core/session.js';
import type { GridState } from '../core/world/state.js';
import { hex4 } from '../core/model/grid.js';
import { parseVolserRange, rangeSize, type VolserRange } from '../core/model/volser.js';
import { TrailKind, type TrailEvent, type TrailKindCode } from '../core/model/volume-trail.js';
import { isoTime } from '../core/sim/time.js';

export type HistoryKind = 'command' | 'mount' | 'scratch-mount' | 'dr-mount' | 'recall' | 'write' | 'demount' | 'copy' | 'cache-removal' | 'category' | 'mc' | 'export';

export interface HistoryEntry {
  time: string;
  /** the journal line, or what the engine did in words */
  command: string;
  ok: boolean;
  kind: HistoryKind;
}

/** The journal's lines and the engine's events for one volume, newest first, at most `limit`. */
export function fullVolumeHistory(journal: readonly JournalRecord[], state: GridState, v: number, limit = 200, until = Infinity): HistoryEntry[] {
  const volser = state.volumes.volser(v);
  const events = state.trail.forVolume(v, limit).filter((e) => e.time <= until);
  const mentions = volumeHistory(journal, volser, limit, until);
  // Journal order is time order: each event sorts just after the command it happened in, found by
  // its text. A JOB never names the volsers it wrote and an ADVANCE never names the volumes whose
  // copies finished during it, so such a command joins the history with its first event.
  const items: { seq: number; order: number; entry: HistoryEntry }[] = mentions.map((m) => ({ seq: m.seq, order: 0, entry: { time: m.time, command: m.command, ok: m.ok, kind: 'command' } }));
  const listed = new Set(mentions.map((m) => m.seq));
  const finder = new CommandFinder(journal);
  events.forEach((e, i) => {
    const seq = finder.find(e.command, e.time);
    if (seq >= 0 && !listed.has(seq)) {
      listed.add(seq);
      const entry = journal[seq]!;
      items.push({ seq, order: 0, entry: { time: isoTime(entry.startedAt), command: firstLine(entry.text), ok: entry.outcome.ok, kind: 'command' } });
    }
    items.push({ seq: seq >= 0 ? seq : Infinity, order: 1 + i, entry: { time: isoTime(e.time), command: describe(state, e), ok: true, kind: KIND_NAMES[e.kind] } });
  });
  items.sort((a, b) => b.seq - a.seq || b.order - a.order);
  return items.slice(0, limit).map((item) => item.entry);
}

/** The journal entry a command text ran in: the latest one holding that line that started by `time`. */
class CommandFinder {
  private readonly found = new Map<string, number>();
  constructor(private readonly journal: readonly JournalRecord[]) {}

  find(text: string, time: number): number {
    if (text === '') return -1;
    const cached = this.found.get(text);
    if (cached !== undefined && this.journal[cached]!.startedAt <= time && (this.journal[cached + 1]?.startedAt ?? Infinity) >= time) return cached;
    for (let i = this.journal.length - 1; i >= 0; i--) {
      const entry = this.journal[i]!;
      if (entry.startedAt > time) continue;
      if (entry.text === text || entry.text.startsWith(`${text}\n`) || entry.text.includes(`\n${text}`)) {
        this.found.set(text, i);
        return i;
      }
    }
    return -1;
  }
}

function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  return newline < 0 ? text : text.slice(0, newline);
}

const KIND_NAMES: Record<TrailKindCode, HistoryKind> = {
  [TrailKind.mount]: 'mount',
  [TrailKind.scratchMount]: 'scratch-mount',
  [TrailKind.drMount]: 'dr-mount',
  [TrailKind.recall]: 'recall',
  [TrailKind.write]: 'write',
  [TrailKind.demount]: 'demount',
  [TrailKind.copy]: 'copy',
  [TrailKind.cacheRemoval]: 'cache-removal',
  [TrailKind.category]: 'category',
  [TrailKind.mc]: 'mc',
  [TrailKind.exported]: 'export',
};

function describe(state: GridState, e: TrailEvent): string {
  const cluster = (i: number) => state.clusters[i]?.name ?? `cluster ${i}`;
  const host = state.hosts[e.value]?.name;
  const by = host ? ` by ${host}` : '';
  const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MB`;
  switch (e.kind) {
    case TrailKind.mount:
      return `Mounted on ${cluster(e.cluster)}${by}${e.other >= 0 && e.other !== e.cluster ? `, its data served from ${cluster(e.other)}'s cache over the grid` : ''}`;
    case TrailKind.scratchMount:
      return `Mounted as a scratch volume on ${cluster(e.cluster)}${by}`;
    case TrailKind.drMount:
      return `Mounted on ${cluster(e.cluster)}${by} from the time-zero image (read-only), served by ${cluster(e.other)}`;
    case TrailKind.recall:
      return `Recalled from tape into ${cluster(e.cluster)}'s cache (level ${e.level})`;
    case TrailKind.write:
      return `Written on ${cluster(e.cluster)}: ${mb(e.value)}, now level ${e.level}`;
    case TrailKind.demount:
      return `Demounted from ${cluster(e.cluster)}`;
    case TrailKind.copy:
      return `Copy of level ${e.level} made on ${cluster(e.cluster)}${e.other >= 0 ? ` from ${cluster(e.other)}` : ''}`;
    case TrailKind.cacheRemoval:
      return e.value === 1
        ? `Removed from ${cluster(e.cluster)}'s cache to make room: that disk-only cluster no longer holds a copy`
        : `Removed from ${cluster(e.cluster)}'s cache to make room; its copy stays on tape`;
    case TrailKind.category:
      return `Category changed from ${hex4(Math.floor(e.value / 65536))} to ${hex4(e.value % 65536)}`;
    case TrailKind.mc: {
      const mcName = (i: number) => state.mcs[i]?.name ?? 'none';
      return `Management Class changed from ${mcName(Math.floor(e.value / 256))} to ${mcName(e.value % 256)}`;
    }
    case TrailKind.exported:
      return `Copy Exported from ${cluster(e.cluster)} (export run ${e.value})`;
    default:
      return 'Engine event';
  }
}

const GRID_BUILDERS = /^\s*(GRID|SAMPLE|LOAD)\s/i;
const RANGE_TOKEN = /(?<![A-Z0-9])([A-Z0-9]{1,6})-([A-Z0-9]{1,6})(?![A-Z0-9])/g;

/** Journal lines naming a volser (or a range holding it), newest first, back to the command that built the grid. */
export function volumeHistory(journal: readonly JournalRecord[], volser: string, limit = 50, until = Infinity): { time: string; seq: number; command: string; ok: boolean }[] {
  const alone = new RegExp(`(?<![A-Z0-9])${volser}(?![A-Z0-9])`);
  const out: { time: string; seq: number; command: string; ok: boolean }[] = [];
  for (let i = journal.length - 1; i >= 0 && out.length < limit; i--) {
    const entry = journal[i]!;
    if (entry.startedAt > until) continue;
    const text = entry.text.toUpperCase();
    // SAMPLE and LOAD journal the lines they expanded to; the first line is what the operator typed.
    const first = firstLine(entry.text);
    if (mentions(text, volser, alone)) out.push({ time: isoTime(entry.startedAt), seq: i, command: first, ok: entry.outcome.ok });
    // Anything before the command that built this grid named a volume of another grid.
    if (entry.outcome.ok && GRID_BUILDERS.test(first)) break;
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
