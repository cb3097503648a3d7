// Sorting the Volumes view's rows in the engine host, over the columnar store: the renderer only
// ever holds a page. Volser order first (the library's order: letters before digits, as in EBCDIC),
// then a stable counting sort on the chosen column's rank, so equal values stay in volser order.
// No object per volume; a few typed arrays the size of the list. 4,000,000 volumes sort in about a
// second on this project's CI kind of machine (services/volume-sort.test.ts measures it).

import type { GridState } from '../core/world/state.js';
import type { VolumeSort } from '../contract/api.js';
import { NOT_MOUNTED } from '../core/model/volumes.js';

/** Volume numbers of `list` (all volumes when null) in the order `sort` asks for. */
export function sortVolumes(state: GridState, list: Int32Array | null, sort: VolumeSort): Int32Array {
  const byVolser = volserOrder(state, list);
  if (sort.by === 'volser') return sort.dir === 'asc' ? byVolser : byVolser.reverse();
  const key = columnKey(state, sort.by);
  return stableByKey(byVolser, key, sort.dir === 'desc');
}

function volserOrder(state: GridState, list: Int32Array | null): Int32Array {
  const code = state.volumes.cols.code;
  const n = list ? list.length : state.volumes.count;
  const codes = new Uint32Array(n);
  for (let i = 0; i < n; i++) codes[i] = code[list ? list[i]! : i]!;
  // Volumes are usually added in volser order (PRELOAD/INSERT ranges): then there is nothing to sort.
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if (codes[i]! < codes[i - 1]!) sorted = false;
  if (sorted) {
    if (list) return list.slice();
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    return all;
  }
  codes.sort();
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = state.volumes.findCode(codes[i]!);
  return out;
}

/** How a column orders volumes: a small rank per volume (and how many ranks), or a numeric column whose distinct values are the ranks. */
type Key = { rank: (v: number) => number; ranks: number } | { column: Uint32Array | Float64Array };

function columnKey(state: GridState, by: Exclude<VolumeSort['by'], 'volser'>): Key {
  const cols = state.volumes.cols;
  const clusters = state.clusters.length;
  switch (by) {
    case 'category':
      return { rank: (v) => cols.category[v]!, ranks: 65536 };
    case 'mc': {
      // By name; volumes without a Management Class last.
      const names = state.mcs.map((m, i) => ({ name: m.name, i })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const rankOf = new Uint16Array(256).fill(names.length);
      names.forEach((m, r) => (rankOf[m.i] = r));
      return { rank: (v) => rankOf[cols.mc[v]!]!, ranks: names.length + 1 };
    }
    case 'owner':
      return { rank: (v) => clusterRank(cols.owner[v]!, clusters), ranks: clusters + 1 };
    case 'mounted':
      // Mounted ones first (by cluster), then the not mounted.
      return { rank: (v) => (cols.mountedOn[v] === NOT_MOUNTED ? clusters : clusterRank(cols.mountedOn[v]!, clusters)), ranks: clusters + 1 };
    case 'consistent': {
      // By how many clusters hold a consistent copy, then by which (lower cluster numbers first).
      const levels = cols.copyLevel;
      return {
        rank: (v) => {
          const level = cols.level[v]!;
          let mask = 0;
          let count = 0;
          for (let c = 0; c < clusters; c++) {
            if (levels[c]![v] === level) {
              count++;
              mask |= 1 << (clusters - 1 - c);
            }
          }
          return count * 256 + mask;
        },
        ranks: (clusters + 1) * 256,
      };
    }
    case 'level':
      return { column: cols.level };
    case 'size':
      return { column: cols.sizeBytes };
  }
}

function clusterRank(index: number, clusters: number): number {
  return index >= 0 && index < clusters ? index : clusters;
}

function stableByKey(order: Int32Array, key: Key, descending: boolean): Int32Array {
  const n = order.length;
  const ranks = new Int32Array(n);
  let rankCount: number;
  if ('column' in key) {
    // Distinct values (usually few: sizes, levels), sorted; each volume's rank by binary search.
    const column = key.column;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = column[order[i]!]!;
    const { distinct, d } = distinctValues(values);
    for (let i = 0; i < n; i++) {
      let lo = 0;
      let hi = d - 1;
      const x = values[i]!;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (distinct[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      ranks[i] = lo;
    }
    rankCount = d;
  } else {
    rankCount = key.ranks;
    for (let i = 0; i < n; i++) ranks[i] = key.rank(order[i]!);
  }
  // Counting sort on rank; ties keep volser order in both directions.
  const starts = new Float64Array(rankCount + 1);
  for (let i = 0; i < n; i++) starts[(descending ? rankCount - 1 - ranks[i]! : ranks[i]!) + 1]!++;
  for (let r = 1; r <= rankCount; r++) starts[r]! += starts[r - 1]!;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = descending ? rankCount - 1 - ranks[i]! : ranks[i]!;
    out[starts[r]!++] = order[i]!;
  }
  return out;
}

/** The distinct values of a column, ascending: a hash pass while they are few (the usual case), a full sort otherwise. */
function distinctValues(values: Float64Array): { distinct: Float64Array; d: number } {
  const seen = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    seen.add(values[i]!);
    if (seen.size > 65536) {
      const distinct = values.slice().sort();
      let d = 0;
      for (let k = 0; k < distinct.length; k++) if (k === 0 || distinct[k] !== distinct[d - 1]) distinct[d++] = distinct[k]!;
      return { distinct, d };
    }
  }
  const distinct = Float64Array.from(seen).sort();
  return { distinct, d: distinct.length };
}
