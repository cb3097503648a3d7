// New typed arrays of the same kind as an existing column: what growing a columnar store needs.
// Overloaded per kind rather than built from `column.constructor`, so the kind is checked, not asserted.

export type NumberColumn = Int8Array | Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;
/** A column made here: backed by a plain ArrayBuffer. */
export type FreshColumn = Int8Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/** A zero-filled array of `column`'s kind, `length` long. */
export function emptyLike(column: Int8Array, length: number): Int8Array<ArrayBuffer>;
export function emptyLike(column: Uint8Array, length: number): Uint8Array<ArrayBuffer>;
export function emptyLike(column: Uint16Array, length: number): Uint16Array<ArrayBuffer>;
export function emptyLike(column: Int32Array, length: number): Int32Array<ArrayBuffer>;
export function emptyLike(column: Uint32Array, length: number): Uint32Array<ArrayBuffer>;
export function emptyLike(column: Float64Array, length: number): Float64Array<ArrayBuffer>;
export function emptyLike(column: NumberColumn, length: number): FreshColumn;
export function emptyLike(column: NumberColumn, length: number): FreshColumn {
  if (column instanceof Float64Array) return new Float64Array(length);
  if (column instanceof Int32Array) return new Int32Array(length);
  if (column instanceof Uint32Array) return new Uint32Array(length);
  if (column instanceof Uint16Array) return new Uint16Array(length);
  if (column instanceof Int8Array) return new Int8Array(length);
  return new Uint8Array(length);
}

/** `column`'s values from the start, in a new array of its kind `length` long (zeros after them). */
export function resized(column: Int8Array, length: number): Int8Array<ArrayBuffer>;
export function resized(column: Uint8Array, length: number): Uint8Array<ArrayBuffer>;
export function resized(column: Uint16Array, length: number): Uint16Array<ArrayBuffer>;
export function resized(column: Int32Array, length: number): Int32Array<ArrayBuffer>;
export function resized(column: Uint32Array, length: number): Uint32Array<ArrayBuffer>;
export function resized(column: Float64Array, length: number): Float64Array<ArrayBuffer>;
export function resized(column: NumberColumn, length: number): FreshColumn;
export function resized(column: NumberColumn, length: number): FreshColumn {
  return placed(column, 0, Math.min(column.length, length), length, 0);
}

/** column[from, to) at position `at` of a new array of its kind, `length` long. */
export function placed(column: Int8Array, from: number, to: number, length: number, at: number): Int8Array<ArrayBuffer>;
export function placed(column: Uint8Array, from: number, to: number, length: number, at: number): Uint8Array<ArrayBuffer>;
export function placed(column: Uint16Array, from: number, to: number, length: number, at: number): Uint16Array<ArrayBuffer>;
export function placed(column: Int32Array, from: number, to: number, length: number, at: number): Int32Array<ArrayBuffer>;
export function placed(column: Uint32Array, from: number, to: number, length: number, at: number): Uint32Array<ArrayBuffer>;
export function placed(column: Float64Array, from: number, to: number, length: number, at: number): Float64Array<ArrayBuffer>;
export function placed(column: NumberColumn, from: number, to: number, length: number, at: number): FreshColumn;
export function placed(column: NumberColumn, from: number, to: number, length: number, at: number): FreshColumn {
  const out = emptyLike(column, length);
  out.set(column.subarray(from, to), at);
  return out;
}

/**
 * Buffers made by `extended` with unused room behind their one column: only these are grown in place.
 * A buffer that holds several columns (an adopted checkpoint blob) or came from elsewhere is never in here.
 */
const roomy = new WeakSet<ArrayBuffer>();
/** A reallocated column's buffer holds this many times its length, so the next few growths copy nothing. */
const HEADROOM = 8;

/**
 * `column`'s values in an array of its kind `length` long (zeros after them), like `resized` — but the
 * memory behind a column this made earlier is reused: a new view of `length` over the same buffer,
 * nothing copied. Growing a 4,000,000-volume store by copying costs more in fresh pages than the
 * volumes' own values; the room behind the view is never touched, so it costs no resident memory.
 * The old array must not be written after this (it shares the new one's memory).
 */
export function extended(column: Int8Array, length: number): Int8Array<ArrayBuffer>;
export function extended(column: Uint8Array, length: number): Uint8Array<ArrayBuffer>;
export function extended(column: Uint16Array, length: number): Uint16Array<ArrayBuffer>;
export function extended(column: Int32Array, length: number): Int32Array<ArrayBuffer>;
export function extended(column: Uint32Array, length: number): Uint32Array<ArrayBuffer>;
export function extended(column: Float64Array, length: number): Float64Array<ArrayBuffer>;
export function extended(column: NumberColumn, length: number): FreshColumn;
export function extended(column: NumberColumn, length: number): FreshColumn {
  if (length < column.length) throw new RangeError(`a column of ${column.length} values cannot grow to ${length}`);
  const old = column.buffer;
  // In place only at the buffer's start and within it: everything behind the view is still zero there.
  if (old instanceof ArrayBuffer && roomy.has(old) && column.byteOffset === 0 && old.byteLength >= length * column.BYTES_PER_ELEMENT) return viewLike(column, old, length);
  const buffer = new ArrayBuffer(length * HEADROOM * column.BYTES_PER_ELEMENT);
  roomy.add(buffer);
  const out = viewLike(column, buffer, length);
  out.set(column);
  return out;
}

/**
 * A column of `like`'s kind over `bytes` themselves, nothing copied (a restore taking a checkpoint's
 * blobs as its columns), or null when they cannot be one: not aligned for the kind, or not a whole
 * number of values.
 */
export function viewOf(like: NumberColumn, bytes: Uint8Array): FreshColumn | null {
  const buffer = bytes.buffer;
  const width = like.BYTES_PER_ELEMENT;
  if (!(buffer instanceof ArrayBuffer) || bytes.byteOffset % width !== 0 || bytes.byteLength % width !== 0) return null;
  return viewLike(like, buffer, bytes.byteLength / width, bytes.byteOffset);
}

/** A view of `column`'s kind, `length` long, at `offset` bytes into `buffer`. */
function viewLike(column: NumberColumn, buffer: ArrayBuffer, length: number, offset = 0): FreshColumn {
  if (column instanceof Float64Array) return new Float64Array(buffer, offset, length);
  if (column instanceof Int32Array) return new Int32Array(buffer, offset, length);
  if (column instanceof Uint32Array) return new Uint32Array(buffer, offset, length);
  if (column instanceof Uint16Array) return new Uint16Array(buffer, offset, length);
  if (column instanceof Int8Array) return new Int8Array(buffer, offset, length);
  return new Uint8Array(buffer, offset, length);
}
