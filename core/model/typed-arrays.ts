/// <reference lib="es2024.arraybuffer" />
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
 * Buffers made by `extended`, resizable up to far more than their one column holds: only these are
 * grown in place. A buffer that holds several columns (an adopted checkpoint blob) or came from
 * elsewhere is never in here.
 */
const roomy = new WeakSet<ArrayBuffer>();
/**
 * A reallocated column's buffer may grow in place to this many times its length: a store that grew
 * past its first 1,024 volumes to a PRELOAD range of 100,000 grows to 6,400,000 without moving.
 * Only address space is reserved for the room; memory is committed as the column grows into it.
 */
const HEADROOM = 64;
/** The largest resizable buffer the engine (V8) makes: 4 GiB. */
const MAX_ROOM_BYTES = 2 ** 32;

/**
 * `column`'s values in an array of its kind `length` long (zeros after them), like `resized` — but the
 * memory behind a column this made earlier is reused: its buffer grows in place and a new view of
 * `length` covers it, nothing copied. Growing a 4,000,000-volume store by copying costs more in fresh
 * pages than the volumes' own values (every page a copy writes is a page fault, and the old pages are
 * thrown away); room never grown into costs no memory at all.
 * The old array must not be written after this (it shares the new one's memory). `soon`: the length
 * the column is expected to reach (a placement column grown to the volume count, in a store with room
 * for more), so the room is measured from it.
 */
export function extended(column: Int8Array, length: number, soon?: number): Int8Array<ArrayBuffer>;
export function extended(column: Uint8Array, length: number, soon?: number): Uint8Array<ArrayBuffer>;
export function extended(column: Uint16Array, length: number, soon?: number): Uint16Array<ArrayBuffer>;
export function extended(column: Int32Array, length: number, soon?: number): Int32Array<ArrayBuffer>;
export function extended(column: Uint32Array, length: number, soon?: number): Uint32Array<ArrayBuffer>;
export function extended(column: Float64Array, length: number, soon?: number): Float64Array<ArrayBuffer>;
export function extended(column: NumberColumn, length: number, soon?: number): FreshColumn;
export function extended(column: NumberColumn, length: number, soon = length): FreshColumn {
  if (length < column.length) throw new RangeError(`a column of ${column.length} values cannot grow to ${length}`);
  const bytes = length * column.BYTES_PER_ELEMENT;
  const old = column.buffer;
  // In place only at the buffer's start and within its room: everything behind the view is still zero there.
  if (old instanceof ArrayBuffer && roomy.has(old) && column.byteOffset === 0 && old.maxByteLength >= bytes) {
    if (old.byteLength < bytes) old.resize(bytes);
    return viewLike(column, old, length);
  }
  const room = Math.min(MAX_ROOM_BYTES, Math.max(length, soon) * column.BYTES_PER_ELEMENT * HEADROOM);
  const buffer = room > bytes ? new ArrayBuffer(bytes, { maxByteLength: room }) : new ArrayBuffer(bytes);
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
