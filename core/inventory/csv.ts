// A volume inventory from CSV (issue 14 item 4): volser, category, Management Class, size, and the
// clusters holding consistent copies, one volume a row, read straight into columns (one typed array per
// attribute, STYLE: arrays for the many) so a million rows take a second, not a heap of objects. Every
// bad field is an error naming its row (the file's line number) and column (its header name); the
// caller imports nothing unless there are none. Pure: no I/O, no grid, only the names it is given.

import { CATEGORY_PRIVATE } from '../model/grid.js';
import { decodeVolser, encodeVolser, isVolser } from '../model/volser.js';

/** Which column (0-based index into the header) holds each attribute; null = not in the file. */
export interface InventoryMapping {
  volser: number;
  category: number | null;
  mc: number | null;
  size: number | null;
  copies: number;
}

export interface InventoryNames {
  clusters: string[];
  mcs: string[];
}

export interface InventoryError {
  /** line number in the file (the header is line 1) */
  row: number;
  /** the column's header name */
  column: string;
  message: string;
}

export interface InventoryColumns {
  count: number;
  code: Uint32Array;
  category: Uint16Array;
  /** index into the grid's Management Classes, NO_MC_INDEX when the row names none */
  mc: Uint8Array;
  sizeBytes: Float64Array;
  /** bit c set: cluster c holds a consistent copy; the lowest listed first is the owner */
  copies: Uint8Array;
  owner: Int8Array;
  /** the file line each volume came from */
  row: Uint32Array;
}

export interface ParsedInventory {
  columns: InventoryColumns;
  errors: InventoryError[];
  /** all errors, even past the ones kept */
  errorCount: number;
  header: string[];
}

export const NO_MC_INDEX = 255;
export const MAX_VOLUME_BYTES = 25_000 * 2 ** 20;
export const DEFAULT_SIZE_BYTES = 800 * 2 ** 20;
const KEEP_ERRORS = 500;
const UNIT: Record<string, number> = { B: 1, KB: 2 ** 10, MB: 2 ** 20, GB: 2 ** 30, TB: 2 ** 40 };
const SIZE = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB)?$/i;
const HEX4 = /^[0-9A-Fa-f]{4}$/;

/** The fields of one CSV line (RFC 4180 quoting: "a, b" and "say ""hi"""). */
export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/**
 * A reader of record ends over `text`: where the record starting at `at` ends, at its newline (or the
 * end of the text), passing over newlines inside quotes (RFC 4180: a quoted field may hold line
 * breaks, as a spreadsheet cell can). A doubled quote toggles twice, so counting quotes tells inside
 * from outside. It remembers where the next quote is, so a file with few quotes is read in one pass.
 */
export function recordEnds(text: string): (at: number) => number {
  let nextQuote = text.indexOf('"');
  return (at) => {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    if (nextQuote >= 0 && nextQuote < at) nextQuote = text.indexOf('"', at);
    if (nextQuote < 0 || nextQuote > end) return end;
    let inside = false;
    for (let i = at; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 34) inside = !inside;
      else if (ch === 10 && !inside) return i;
    }
    return text.length;
  };
}

/** Line breaks inside a record: the file lines it spans after its first. */
function linesWithin(record: string): number {
  let n = 0;
  for (let i = record.indexOf('\n'); i >= 0; i = record.indexOf('\n', i + 1)) n++;
  return n;
}

/** The header and the first rows, for column mapping and a preview. */
export function previewCsv(text: string, rows = 10): { header: string[]; rows: string[][] } {
  const lines: string[] = [];
  const recordEnd = recordEnds(text);
  let at = 0;
  while (lines.length < rows + 1 && at < text.length) {
    const end = recordEnd(at);
    const line = text.slice(at, end).replace(/\r$/, '');
    if (line.trim() !== '') lines.push(line);
    at = end + 1;
  }
  const [head, ...body] = lines.map(splitCsvLine);
  return { header: (head ?? []).map((h) => h.trim()), rows: body };
}

/** Guesses the mapping from header names (volser, category, mc / management class / class, size, copies / clusters). */
export function guessMapping(header: string[]): { [K in keyof InventoryMapping]?: number | undefined } {
  const find = (...patterns: RegExp[]) => {
    const i = header.findIndex((h) => patterns.some((p) => p.test(h.trim())));
    return i < 0 ? undefined : i;
  };
  return {
    volser: find(/^vol(ser|ume)?$/i, /volser/i),
    category: find(/^cat(egory)?$/i, /category/i),
    mc: find(/^mc$/i, /management.?class/i, /^class$/i, /^mgmt/i),
    size: find(/^size/i, /bytes|mb$/i),
    copies: find(/^copies$/i, /consistent/i, /clusters?/i, /copies/i),
  };
}

export function parseSize(text: string): number | null {
  const m = SIZE.exec(text.trim());
  if (!m) return null;
  const unit = UNIT[(m[2] ?? 'MB').toUpperCase()];
  if (unit === undefined) return null;
  const bytes = Math.round(Number(m[1]) * unit);
  return bytes > 0 ? bytes : null;
}

/**
 * Reads every data row of `text` into columns. `onProgress(done, total)` is called every 64k rows
 * with characters read, so a caller can move a progress bar.
 */
export function parseInventory(text: string, mapping: InventoryMapping, names: InventoryNames, onProgress?: (done: number, total: number) => void): ParsedInventory {
  const steps = parseInventorySteps(text, mapping, names);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value, text.length);
  }
}

/**
 * The same reading in steps: yields the characters read every 64k rows, so an async caller can let
 * its progress events out between steps; returns the parsed inventory.
 */
export function* parseInventorySteps(text: string, mapping: InventoryMapping, names: InventoryNames): Generator<number, ParsedInventory, void> {
  const recordEnd = recordEnds(text);
  const firstEnd = recordEnd(0);
  const header = splitCsvLine(text.slice(0, firstEnd).replace(/\r$/, '')).map((h) => h.trim());
  const errors: InventoryError[] = [];
  let errorCount = 0;
  const clusterIndex = new Map(names.clusters.map((c, i) => [c.toUpperCase(), i]));
  const mcIndex = new Map(names.mcs.map((m, i) => [m.toUpperCase(), i]));
  const columnName = (i: number | null) => (i === null ? '' : (header[i] ?? `column ${i + 1}`));
  const fail = (row: number, column: number | null, message: string) => {
    errorCount++;
    if (errors.length < KEEP_ERRORS) errors.push({ row, column: columnName(column), message });
  };
  for (const [key, i] of Object.entries(mapping)) {
    if (i !== null && (i < 0 || i >= header.length)) fail(1, null, `${key} is mapped to column ${i + 1}, but the header has ${header.length}`);
  }
  const estimate = Math.max(16, Math.ceil(text.length / 24));
  let cap = estimate;
  let code = new Uint32Array(cap);
  let category = new Uint16Array(cap);
  let mc = new Uint8Array(cap);
  let sizeBytes = new Float64Array(cap);
  let copies = new Uint8Array(cap);
  let owner = new Int8Array(cap);
  let row = new Uint32Array(cap);
  const grow = () => {
    cap *= 2;
    const g = <T extends ArrayLike<number> & { set(from: ArrayLike<number>): void }>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    code = g(code, (n) => new Uint32Array(n));
    category = g(category, (n) => new Uint16Array(n));
    mc = g(mc, (n) => new Uint8Array(n));
    sizeBytes = g(sizeBytes, (n) => new Float64Array(n));
    copies = g(copies, (n) => new Uint8Array(n));
    owner = g(owner, (n) => new Int8Array(n));
    row = g(row, (n) => new Uint32Array(n));
  };
  const seen = new Set<number>();
  const categoryCache = new Map<string, number | string>();
  const mcCache = new Map<string, number | string>();
  const sizeCache = new Map<string, number | string>();
  const copyCache = new Map<string, { bits: number; owner: number } | string>();
  let count = 0;
  // The file line of the record being read: a record with quoted line breaks spans several.
  let line = 1 + linesWithin(text.slice(0, firstEnd));
  let at = firstEnd + 1;
  let pendingLines = 0;
  let records = 0;
  const need = Math.max(mapping.volser, mapping.copies, mapping.category ?? 0, mapping.mc ?? 0, mapping.size ?? 0);
  while (at < text.length) {
    const end = recordEnd(at);
    line += 1 + pendingLines;
    let raw = text.slice(at, end);
    pendingLines = end - at > 0 && raw.includes('\n') ? linesWithin(raw) : 0;
    at = end + 1;
    if (raw.charCodeAt(raw.length - 1) === 13) raw = raw.slice(0, -1);
    if (raw.length === 0 || (raw.charCodeAt(0) <= 32 && raw.trim() === '')) continue;
    if ((++records & 0xffff) === 0) yield at;
    const f = splitCsvLine(raw);
    if (f.length <= need) {
      fail(line, null, `${f.length} field(s); the mapped columns need ${need + 1}`);
      continue;
    }
    const before = errorCount;
    const field = f[mapping.volser] ?? '';
    let volCode = cleanVolserCode(field);
    if (volCode < 0) {
      const volser = field.trim().toUpperCase();
      volCode = isVolser(volser) ? encodeVolser(volser) : 0;
    }
    if (volCode === 0) fail(line, mapping.volser, `'${field.trim().slice(0, 20)}' is not a VOLSER: 1-6 characters A-Z 0-9`);
    else {
      if (seen.has(volCode)) fail(line, mapping.volser, `${decodeVolser(volCode)} appears twice in the file`);
      else seen.add(volCode);
    }
    // Categories, classes, sizes and copy lists repeat across rows: each distinct text is read once.
    let cat = CATEGORY_PRIVATE;
    if (mapping.category !== null) {
      const t = f[mapping.category] ?? '';
      let known = categoryCache.get(t);
      if (known === undefined) {
        const x = t.trim();
        known = !HEX4.test(x) ? `'${x.slice(0, 20)}' is not a category: 4 hex digits` : parseInt(x, 16) === 0xff00 ? 'FF00 is the insert category: inserted volumes hold no data' : parseInt(x, 16);
        categoryCache.set(t, known);
      }
      if (typeof known === 'string') fail(line, mapping.category, known);
      else cat = known;
    }
    let m = NO_MC_INDEX;
    if (mapping.mc !== null) {
      const t = f[mapping.mc] ?? '';
      let known = mcCache.get(t);
      if (known === undefined) {
        const x = t.trim().toUpperCase();
        known = x === '' ? NO_MC_INDEX : (mcIndex.get(x) ?? `no Management Class ${x.slice(0, 32)} (classes: ${names.mcs.join(', ') || 'none'})`);
        mcCache.set(t, known);
      }
      if (typeof known === 'string') fail(line, mapping.mc, known);
      else m = known;
    }
    let size = DEFAULT_SIZE_BYTES;
    if (mapping.size !== null) {
      const t = f[mapping.size] ?? '';
      let known = sizeCache.get(t);
      if (known === undefined) {
        const s = parseSize(t);
        known = s === null ? `'${t.trim().slice(0, 20)}' is not a size such as 800MB, 4GB or 2048 (MB)` : s > MAX_VOLUME_BYTES ? `${t.trim()} is larger than a logical volume can be (25,000 MB)` : s;
        if (sizeCache.size < 100_000) sizeCache.set(t, known);
      }
      if (typeof known === 'string') fail(line, mapping.size, known);
      else size = known;
    }
    const list = f[mapping.copies] ?? '';
    let copy = copyCache.get(list);
    if (copy === undefined) {
      copy = readCopies(list, clusterIndex, names.clusters);
      copyCache.set(list, copy);
    }
    if (typeof copy === 'string') fail(line, mapping.copies, copy);
    const bits = typeof copy === 'string' ? 0 : copy.bits;
    const own = typeof copy === 'string' ? -1 : copy.owner;
    if (errorCount !== before) continue;
    if (count === cap) grow();
    code[count] = volCode;
    category[count] = cat;
    mc[count] = m;
    sizeBytes[count] = size;
    copies[count] = bits;
    owner[count] = own;
    row[count] = line;
    count++;
  }
  yield text.length;
  if (count === 0 && errorCount === 0) fail(2, null, 'the file has a header and no volumes');
  return { columns: { count, code, category, mc, sizeBytes, copies, owner, row }, errors, errorCount, header };
}

/** The code of a volser already in canonical form (A-Z 0-9, 1-6 long), else -1: the common case costs no string. */
function cleanVolserCode(t: string): number {
  const n = t.length;
  if (n === 0 || n > 6) return -1;
  let code = 0;
  for (let i = 0; i < n; i++) {
    const ch = t.charCodeAt(i);
    let d: number;
    if (ch >= 65 && ch <= 90) d = ch - 65 + 1;
    else if (ch >= 48 && ch <= 57) d = ch - 48 + 27;
    else return -1;
    code = code * 37 + d;
  }
  return code;
}

/** A copy list such as `CL0;CL2`: the clusters' bits and the owner (listed first), or what is wrong. */
function readCopies(list: string, clusterIndex: Map<string, number>, clusters: string[]): { bits: number; owner: number } | string {
  let bits = 0;
  let owner = -1;
  for (const name of list.trim().split(/[;|\s]+/)) {
    if (name === '') continue;
    const c = clusterIndex.get(name.toUpperCase());
    if (c === undefined) return `no cluster ${name.slice(0, 32)} (clusters: ${clusters.join(', ')})`;
    if (bits & (1 << c)) return `${name} is named twice`;
    bits |= 1 << c;
    if (owner < 0) owner = c;
  }
  return owner < 0 ? 'no cluster holds a consistent copy: name at least one' : { bits, owner };
}

export const NORMALIZED_HEADER = 'volser,category,mc,size,copies';

/**
 * The inventory as the grid keeps it for its journal: fixed columns, sizes in bytes, copies by
 * cluster name. Reading this back with the identity mapping gives the same columns.
 */
export function normalizedInventory(c: InventoryColumns, names: InventoryNames): string {
  const parts: string[] = [NORMALIZED_HEADER];
  const copyNames = new Map<number, string>();
  for (let i = 0; i < c.count; i++) {
    const bits = c.copies[i]!;
    const owner = c.owner[i]!;
    let list = copyNames.get(bits * 8 + owner);
    if (list === undefined) {
      const own = names.clusters[owner];
      if (own === undefined) throw new Error(`inventory row ${i + 1} is owned by cluster #${owner}, which the names do not list`);
      list = [own, ...names.clusters.filter((_, x) => x !== owner && bits & (1 << x))].join(';');
      copyNames.set(bits * 8 + owner, list);
    }
    const cat = c.category[i]!.toString(16).toUpperCase().padStart(4, '0');
    const mc = c.mc[i] ?? NO_MC_INDEX;
    parts.push(`${decodeVolser(c.code[i]!)},${cat},${mc === NO_MC_INDEX ? '' : names.mcs[mc]},${c.sizeBytes[i]}B,${list}`);
  }
  return parts.join('\n') + '\n';
}

export const NORMALIZED_MAPPING: InventoryMapping = { volser: 0, category: 1, mc: 2, size: 3, copies: 4 };

const KEPT_MARK = '#timezero-inventory mapping=';

/**
 * The text kept with the grid for IMPORT INVENTORY: the operator's file as it came, behind one line
 * that records the column mapping it was checked with — so a replay reads exactly those rows the same
 * way, without rewriting a million rows first.
 */
export function keptInventoryText(csv: string, mapping: InventoryMapping): string {
  const m = (i: number | null) => (i === null ? '-' : String(i));
  return `${KEPT_MARK}${m(mapping.volser)},${m(mapping.category)},${m(mapping.mc)},${m(mapping.size)},${m(mapping.copies)}\n${csv}`;
}

/** A kept inventory's CSV and mapping (a file without the mapping line is in the normalized columns). */
export function readKeptInventory(text: string): { csv: string; mapping: InventoryMapping } | string {
  if (!text.startsWith(KEPT_MARK)) return { csv: text, mapping: NORMALIZED_MAPPING };
  const end = text.indexOf('\n');
  const parts = text.slice(KEPT_MARK.length, end < 0 ? text.length : end).split(',');
  const col = (t: string | undefined) => (t === '-' ? null : /^\d{1,3}$/.test(t ?? '') ? Number(t) : NaN);
  const [volser = null, category = null, mc = null, size = null, copies = null] = parts.map(col);
  if (parts.length !== 5 || [volser, category, mc, size, copies].some((x) => Number.isNaN(x)) || volser === null || copies === null) return 'a damaged mapping line';
  return { csv: end < 0 ? '' : text.slice(end + 1), mapping: { volser, category, mc, size, copies } };
}
