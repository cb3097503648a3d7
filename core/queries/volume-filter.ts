// The Volumes view's filter over the columnar store: a query is compiled into a few numbers, then one
// pass per condition over the typed arrays narrows a list of volume numbers (an Int32Array). No
// object per volume.

import type { GridState } from '../world/state.js';
import { refuse } from '../world/refusal.js';
import { NO_COPY } from '../model/volumes.js';
import { inCodeIntervals, inRangeCodes, MAX_VOLSER_LENGTH, parseVolserRange, prefixCodeIntervals, rangeCodeBounds, type RangeCodes } from '../model/volser.js';
import { NO_MC } from '../rules/mounts.js';

/** What the Volumes view filters by (contract/api.ts volumeQuery). */
export interface VolumeQuery {
  /** a volser prefix or a range A00000-A00099 */
  search?: string | undefined;
  /** 4 hex digits */
  category?: string | undefined;
  mc?: string | undefined;
  owner?: string | undefined;
  consistency?: 'all' | 'consistent-everywhere' | 'copies-pending' | undefined;
}

/** A volser test on the encoded column: code intervals for a prefix, digit arithmetic for a range. */
type SearchTest = { kind: 'any' } | { kind: 'intervals'; lo: Float64Array; hi: Float64Array } | ({ kind: 'range' } & RangeCodes);

/** A refused search is a BAD_REQUEST naming the field, as the contract's own checks are. */
export function compileSearch(search: string | undefined): SearchTest {
  const text = (search ?? '').toUpperCase();
  if (text === '') return { kind: 'any' };
  if (text.includes('-')) {
    const range = parseVolserRange(text);
    if (typeof range === 'string') refuse('BAD_REQUEST', `query.search: ${range}`);
    if (range.width === 0) return { kind: 'intervals', ...prefixCodeIntervals(range.prefix, true) };
    return { kind: 'range', ...rangeCodeBounds(range) };
  }
  if (text.length > MAX_VOLSER_LENGTH) refuse('BAD_REQUEST', `query.search: a volser prefix has at most ${MAX_VOLSER_LENGTH} characters`);
  return { kind: 'intervals', ...prefixCodeIntervals(text, false) };
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
  if (search.kind === 'intervals') list = list.keep((v) => inCodeIntervals(search.lo, search.hi, cols.code[v]!));
  if (search.kind === 'range') list = list.keep((v) => inRangeCodes(search, cols.code[v]!));
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
