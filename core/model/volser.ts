// Volsers: 1–6 characters [A-Z0-9]. Encoded as a base-37 integer (0 reserved for "empty") so the
// columnar store and its hash index can hold millions without a string per volume.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const CODE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) CODE[ALPHABET.charCodeAt(i)] = i + 1;

export const VOLSER_PATTERN = /^[A-Z0-9]{1,6}$/;

export function isVolser(text: string): boolean {
  return VOLSER_PATTERN.test(text);
}

/** Base-37 code of a volser; always ≥ 1 and < 37^6 (fits in a uint32). */
export function encodeVolser(volser: string): number {
  let code = 0;
  for (let i = 0; i < volser.length; i++) code = code * 37 + CODE[volser.charCodeAt(i)]!;
  return code;
}

export function decodeVolser(code: number): string {
  let text = '';
  while (code > 0) {
    const digit = code % 37;
    text = ALPHABET[digit - 1] + text;
    code = (code - digit) / 37;
  }
  return text;
}

export interface VolserRange {
  prefix: string;
  first: number;
  last: number;
  width: number;
}

/**
 * `A00000-A00099`: same prefix, numeric tail counts up, inclusive (spec §1).
 * A single volser is a range of one. Returns an error message or the range.
 */
export function parseVolserRange(text: string): VolserRange | string {
  const dash = text.indexOf('-');
  const from = dash < 0 ? text : text.slice(0, dash);
  const to = dash < 0 ? text : text.slice(dash + 1);
  if (!isVolser(from)) return `bad VOLSER '${from}': 1-6 characters A-Z 0-9`;
  if (!isVolser(to)) return `bad VOLSER '${to}': 1-6 characters A-Z 0-9`;
  if (from.length !== to.length) return `range ends '${from}' and '${to}' differ in length`;
  let split = from.length;
  while (split > 0 && isDigit(from.charCodeAt(split - 1)) && isDigit(to.charCodeAt(split - 1))) split--;
  const prefix = from.slice(0, split);
  if (prefix !== to.slice(0, split)) return `range ends '${from}' and '${to}' must share a prefix`;
  if (split === from.length) {
    if (from !== to) return `range '${text}' needs a numeric tail`;
    return { prefix, first: 0, last: 0, width: 0 };
  }
  const first = Number(from.slice(split));
  const last = Number(to.slice(split));
  if (last < first) return `range '${text}' counts down`;
  return { prefix, first, last, width: from.length - split };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function rangeSize(range: VolserRange): number {
  return range.last - range.first + 1;
}

export function rangeVolser(range: VolserRange, i: number): string {
  if (range.width === 0) return range.prefix;
  return range.prefix + String(range.first + i).padStart(range.width, '0');
}

/** The codes of every volser of a range, in order: encodeVolser(rangeVolser(range, i)) without the strings. */
export function rangeCodes(range: VolserRange): Uint32Array {
  const n = rangeSize(range);
  const codes = new Uint32Array(n);
  const width = range.width;
  const head = encodeVolser(range.prefix) * 37 ** width;
  // An odometer of the tail's decimal digits, each encoded as its alphabet code ('0' … '9').
  const digits = String(range.first).padStart(width, '0');
  const odometer = new Int32Array(width);
  for (let k = 0; k < width; k++) odometer[k] = digits.charCodeAt(k) - 48;
  for (let i = 0; i < n; i++) {
    let tail = 0;
    for (let k = 0; k < width; k++) tail = tail * 37 + CODE[48 + odometer[k]!]!;
    codes[i] = head + tail;
    for (let k = width - 1; k >= 0 && ++odometer[k]! === 10; k--) odometer[k] = 0;
  }
  return codes;
}

export function formatRange(range: VolserRange): string {
  const a = rangeVolser(range, 0);
  const b = rangeVolser(range, rangeSize(range) - 1);
  return a === b ? a : `${a}-${b}`;
}

/** Base-37 code of '0': digits follow the letters (A=1 … Z=26, 0=27 … 9=36). */
const DIGIT_0 = 27;
export const MAX_VOLSER_LENGTH = 6;

/**
 * The codes of every volser that starts with `prefix`, one interval [lo, hi] per length: a volser of
 * length L with that prefix has a code in [P·37^(L-p), (P+1)·37^(L-p)). `exact`: the prefix's own
 * length only. The intervals ascend and never overlap.
 */
export function prefixCodeIntervals(prefix: string, exact: boolean): { lo: Float64Array; hi: Float64Array } {
  const code = encodeVolser(prefix);
  const lengths = exact ? 1 : MAX_VOLSER_LENGTH - prefix.length + 1;
  const lo = new Float64Array(lengths);
  const hi = new Float64Array(lengths);
  for (let i = 0; i < lengths; i++) {
    const scale = 37 ** i;
    lo[i] = code * scale;
    hi[i] = (code + 1) * scale - 1;
  }
  return { lo, hi };
}

/** Whether a code lies in one of the intervals of prefixCodeIntervals. */
export function inCodeIntervals(lo: Float64Array, hi: Float64Array, code: number): boolean {
  // Only the last interval starting at or below the code can hold it.
  for (let i = lo.length - 1; i >= 0; i--) {
    const start = lo[i];
    if (start !== undefined && code >= start) return code <= (hi[i] ?? -1);
  }
  return false;
}

/** A range compiled for testing codes: its first and last codes, and its prefix's code. */
export interface RangeCodes {
  lo: number;
  hi: number;
  prefixCode: number;
  width: number;
  first: number;
  last: number;
}

export function rangeCodeBounds(range: VolserRange): RangeCodes {
  return {
    lo: encodeVolser(rangeVolser(range, 0)),
    hi: encodeVolser(rangeVolser(range, rangeSize(range) - 1)),
    prefixCode: range.prefix === '' ? 0 : encodeVolser(range.prefix),
    width: range.width,
    first: range.first,
    last: range.last,
  };
}

/** Whether a code encodes a volser of the range: its head the prefix, its tail `width` decimal digits within [first, last]. */
export function inRangeCodes(range: RangeCodes, code: number): boolean {
  // Digits sort after letters in the code, so the range's codes lie between its ends' codes.
  if (code < range.lo || code > range.hi) return false;
  let rest = code;
  let n = 0;
  let place = 1;
  for (let i = 0; i < range.width; i++) {
    const d = rest % 37;
    if (d < DIGIT_0) return false;
    n += (d - DIGIT_0) * place;
    place *= 10;
    rest = (rest - d) / 37;
  }
  return rest === range.prefixCode && n >= range.first && n <= range.last;
}
