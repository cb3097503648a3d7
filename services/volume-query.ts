// volumes.page over the columnar store: a query is compiled into a few numbers, then one pass over
// the typed arrays collects matching volume numbers into an Int32Array. No object per volume; rows
// are built only for the page asked for. The index list is cached by query and journal length, so
// paging through millions costs one scan, then a slice per page.

import type { GridState } from '../core/world/state.js';
import type { VolumeQuery, VolumeRow, VolumeSort } from '../contract/api.js';
import { sortVolumes } from './volume-sort.js';
import { hex4 } from '../core/model/grid.js';
import { NO_COPY, NOT_MOUNTED } from '../core/model/volumes.js';
import { encodeVolser, parseVolserRange, rangeSize, rangeVolser } from '../core/model/volser.js';
import { NO_MC } from '../core/rules/mounts.js';
import { fail } from './errors.js';

const VOLSER_DIGIT_0 = 27; // base-37 code of '0' (core/model/volser.ts: A=1 … Z=26, 0=27 … 9=36)
const MAX_VOLSER = 6;

/** A volser test on the encoded column: code intervals for a prefix, digit arithmetic for a range. */
type SearchTest =
  | { kind: 'any' }
  | { kind: 'intervals'; lo: Float64Array; hi: Float64Array }
  | { kind: 'range'; lo: number; hi: number; prefixCode: number; width: number; first: number; last: number };

export function compileSearch(search: string | undefined): SearchTest {
  const text = (search ?? '').toUpperCase();
  if (text === '') return { kind: 'any' };
  if (text.includes('-')) {
    const range = parseVolserRange(text);
    if (typeof range === 'string') fail('BAD_REQUEST', `query.search: ${range}`);
    if (range.width === 0) return prefixIntervals(range.prefix, true);
    const lo = encodeVolser(rangeVolser(range, 0));
    const hi = encodeVolser(rangeVolser(range, rangeSize(range) - 1));
    return { kind: 'range', lo, hi, prefixCode: range.prefix === '' ? 0 : encodeVolser(range.prefix), width: range.width, first: range.first, last: range.last };
  }
  if (text.length > MAX_VOLSER) fail('BAD_REQUEST', `query.search: a volser prefix has at most ${MAX_VOLSER} characters`);
  return prefixIntervals(text, false);
}

/**
 * Every volser that starts with `prefix` and is L characters long has a code in
 * [P·37^(L-p), (P+1)·37^(L-p)): one interval per possible length.
 */
function prefixIntervals(prefix: string, exact: boolean): SearchTest {
  const p = prefix.length;
  const code = encodeVolser(prefix);
  const lengths = exact ? 1 : MAX_VOLSER - p + 1;
  const lo = new Float64Array(lengths);
  const hi = new Float64Array(lengths);
  for (let i = 0; i < lengths; i++) {
    const scale = 37 ** i;
    lo[i] = code * scale;
    hi[i] = (code + 1) * scale - 1;
  }
  return { kind: 'intervals', lo, hi };
}

/**
 * Clusters where each Management Class expects a copy: every mode but N (Redbook §11.1 copy
 * consistency points). A stale copy left on an N cluster is not a copy in progress. Volumes without a
 * Management Class (NO_MC) expect copies everywhere.
 */
function expectedCopyMasks(state: GridState): Uint8Array {
  const all = (1 << state.clusters.length) - 1;
  const masks = new Uint8Array(256).fill(all);
  state.mcs.forEach((mc, i) => {
    let mask = 0;
    for (let c = 0; c < state.clusters.length; c++) if ((mc.modes[c] ?? 'N') !== 'N') mask |= 1 << c;
    masks[i] = mask;
  });
  masks[NO_MC] = all;
  return masks;
}

/** Volume numbers matching the query, in volume-number order; null when the query matches all. */
export function filterVolumes(state: GridState, query: VolumeQuery): Int32Array | null {
  const search = compileSearch(query.search);
  const consistency = query.consistency ?? 'all';
  if (search.kind === 'any' && query.category === undefined && query.mc === undefined && query.owner === undefined && consistency === 'all') return null;
  const mc = query.mc === undefined ? -1 : state.mcs.findIndex((m) => m.name === query.mc);
  const owner = query.owner === undefined ? -1 : state.clusters.findIndex((c) => c.name === query.owner);
  // A name nobody has matches no volume.
  if ((query.mc !== undefined && mc < 0) || (query.owner !== undefined && owner < 0)) return new Int32Array(0);

  // One tight loop per condition, each narrowing the list the last one left (most selective first):
  // monomorphic loops over typed arrays run at a few nanoseconds a volume.
  const cols = state.volumes.cols;
  let list = new Narrowing(state.volumes.count);
  if (search.kind === 'intervals') list = list.keep((v) => inIntervals(search.lo, search.hi, cols.code[v]!));
  if (search.kind === 'range') list = list.keep((v) => inRange(search, cols.code[v]!));
  if (query.category !== undefined) {
    const category = parseInt(query.category, 16);
    list = list.keep((v) => cols.category[v] === category);
  }
  if (mc >= 0) list = list.keep((v) => cols.mc[v] === mc);
  if (owner >= 0) list = list.keep((v) => cols.owner[v] === owner);
  if (consistency !== 'all') {
    const masks = expectedCopyMasks(state);
    const levels = cols.copyLevel;
    const clusters = levels.length;
    const wantPending = consistency === 'copies-pending';
    list = list.keep((v) => {
      const level = cols.level[v]!;
      const mask = masks[cols.mc[v]!]!;
      for (let c = 0; c < clusters; c++) {
        const copy = levels[c]![v]!;
        if (copy !== NO_COPY && copy < level && (mask & (1 << c)) !== 0) return wantPending;
      }
      return !wantPending;
    });
  }
  return list.indexes();
}

function inIntervals(lo: Float64Array, hi: Float64Array, code: number): boolean {
  // The intervals grow and never overlap: only the last one starting at or below the code can hold it.
  for (let i = lo.length - 1; i >= 0; i--) if (code >= lo[i]!) return code <= hi[i]!;
  return false;
}

function inRange(range: { lo: number; hi: number; prefixCode: number; width: number; first: number; last: number }, code: number): boolean {
  // Digits sort after letters in the code, so the range's codes lie between its ends' codes;
  // inside that span, the tail must be all decimal digits and the head the prefix.
  if (code < range.lo || code > range.hi) return false;
  let rest = code;
  let n = 0;
  let place = 1;
  for (let i = 0; i < range.width; i++) {
    const d = rest % 37;
    if (d < VOLSER_DIGIT_0) return false;
    n += (d - VOLSER_DIGIT_0) * place;
    place *= 10;
    rest = (rest - d) / 37;
  }
  return rest === range.prefixCode && n >= range.first && n <= range.last;
}

/** A shrinking list of volume numbers: every volume at first, then what each condition keeps. */
class Narrowing {
  private list: Int32Array | null = null;
  private length: number;

  constructor(count: number) {
    this.length = count;
  }

  keep(test: (v: number) => boolean): this {
    const from = this.list;
    const out = new Int32Array(this.length);
    let found = 0;
    if (from === null) {
      for (let v = 0; v < this.length; v++) if (test(v)) out[found++] = v;
    } else {
      for (let i = 0; i < this.length; i++) {
        const v = from[i]!;
        if (test(v)) out[found++] = v;
      }
    }
    // Keep a copy only as long as what was found: a narrow filter over millions stays small.
    this.list = found < out.length >> 1 ? out.slice(0, found) : out.subarray(0, found);
    this.length = found;
    return this;
  }

  indexes(): Int32Array {
    return this.list ?? Int32Array.from({ length: this.length }, (_, i) => i);
  }
}

export function volumeRow(state: GridState, v: number): VolumeRow {
  const cols = state.volumes.cols;
  const level = cols.level[v]!;
  const consistentOn: string[] = [];
  for (const c of state.clusters) if (cols.copyLevel[c.index]![v] === level) consistentOn.push(c.name);
  const mounted = cols.mountedOn[v]!;
  return {
    volser: state.volumes.volser(v),
    category: hex4(cols.category[v]!),
    mc: state.mcs[cols.mc[v]!]?.name ?? null,
    owner: state.clusters[cols.owner[v]!]?.name ?? null,
    level,
    sizeMB: Math.trunc(cols.sizeBytes[v]! / 2 ** 20),
    mountedOn: mounted === NOT_MOUNTED ? null : (state.clusters[mounted]?.name ?? null),
    consistentOn,
  };
}

interface CacheEntry {
  key: string;
  state: GridState;
  indexes: Int32Array | null;
}

/** Pages of volumes.page, with the last few filtered index lists kept for paging. */
export class VolumePager {
  private readonly entries: CacheEntry[] = [];

  constructor(private readonly capacity = 8) {}

  page(state: GridState, journalLength: number, query: VolumeQuery, offset: number, limit: number, sort?: VolumeSort): { total: number; rows: VolumeRow[] } {
    const indexes = this.indexes(state, journalLength, query, sort);
    const total = indexes ? indexes.length : state.volumes.count;
    const rows: VolumeRow[] = [];
    const end = Math.min(total, offset + limit);
    for (let i = offset; i < end; i++) rows.push(volumeRow(state, indexes ? indexes[i]! : i));
    return { total, rows };
  }

  /** Rows [offset, offset+limit) of the query in sort order as CSV lines (each ending in CRLF). */
  csv(state: GridState, journalLength: number, query: VolumeQuery, offset: number, limit: number, sort?: VolumeSort): { total: number; rows: number; text: string } {
    const indexes = this.indexes(state, journalLength, query, sort);
    const total = indexes ? indexes.length : state.volumes.count;
    const end = Math.min(total, offset + limit);
    const lines: string[] = offset === 0 ? [CSV_HEADER] : [];
    for (let i = offset; i < end; i++) lines.push(csvLine(volumeRow(state, indexes ? indexes[i]! : i)));
    return { total, rows: Math.max(0, end - offset), text: lines.length > 0 ? `${lines.join('\r\n')}\r\n` : '' };
  }

  private indexes(state: GridState, journalLength: number, query: VolumeQuery, sort?: VolumeSort): Int32Array | null {
    // The journal length changes with every command; count and clock guard against changes made
    // outside the journal (a restored checkpoint).
    const sorted = sort && !(sort.by === 'volser' && sort.dir === 'asc' && volumesInVolserOrder(state)) ? `${sort.by}-${sort.dir}` : '';
    const key = `${journalLength}|${state.volumes.count}|${state.now}|${queryKey(query)}|${sorted}`;
    const hit = this.entries.findIndex((e) => e.key === key && e.state === state);
    if (hit >= 0) {
      const [entry] = this.entries.splice(hit, 1);
      this.entries.unshift(entry!);
      return entry!.indexes;
    }
    const filtered = sorted ? this.indexes(state, journalLength, query) : filterVolumes(state, query);
    const indexes = sorted && sort ? sortVolumes(state, filtered, sort) : filtered;
    this.entries.unshift({ key, state, indexes });
    if (this.entries.length > this.capacity) this.entries.pop();
    return indexes;
  }

  clear(): void {
    this.entries.length = 0;
  }
}

/** Volume numbers already in volser order (the usual case: ranges added in order): asc volser needs no sort. Checked once per count. */
const volserOrdered = new WeakMap<GridState, { count: number; ordered: boolean }>();
function volumesInVolserOrder(state: GridState): boolean {
  const seen = volserOrdered.get(state);
  if (seen && seen.count === state.volumes.count) return seen.ordered;
  const code = state.volumes.cols.code;
  let ordered = true;
  for (let v = 1; v < state.volumes.count && ordered; v++) if (code[v]! < code[v - 1]!) ordered = false;
  volserOrdered.set(state, { count: state.volumes.count, ordered });
  return ordered;
}

/** The CSV export's columns: what the table shows, with sizes in MB and copies as a list. */
export const CSV_HEADER = 'volser,category,management_class,owner,level,size_mb,mounted_on,consistent_on';

function csvLine(r: VolumeRow): string {
  return [r.volser, r.category, r.mc ?? '', r.owner ?? '', String(r.level), String(r.sizeMB), r.mountedOn ?? '', r.consistentOn.join(' ')].map(csvField).join(',');
}

/** RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet never runs a cell as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function queryKey(q: VolumeQuery): string {
  return [q.search?.toUpperCase() ?? '', q.category?.toUpperCase() ?? '', q.mc ?? '', q.owner ?? '', q.consistency ?? 'all'].join('\u0000');
}
