// Pages of the Volumes view and chunks of its CSV export: the filtered (and sorted) list of volume
// numbers is cached by query and journal length, so paging through millions costs one scan, then a
// slice per page. Rows are built only for the page asked for.

import type { GridState } from '../world/state.js';
import { filterVolumes, type VolumeQuery } from './volume-filter.js';
import { volumeRow, type VolumeRow } from './volume-row.js';
import { sortVolumes, type VolumeSort } from './volume-sort.js';

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
    const [entry] = hit >= 0 ? this.entries.splice(hit, 1) : [];
    if (entry) {
      this.entries.unshift(entry);
      return entry.indexes;
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
