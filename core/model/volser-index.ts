// Open-addressing hash from encoded volser to volume number: one typed array instead of a
// Map<string, number>, so 4,000,000 volsers cost tens of megabytes, not hundreds.

const RUN_SHIFT = 12;
/** Runs covering every code of a volser of up to 6 characters (base 37: below 37 ** 6). */
const RUNS = Math.ceil(37 ** 6 / 2 ** RUN_SHIFT);
/** 2^32 divided by the golden ratio: Fibonacci hashing. */
const FIBONACCI = 0x9e3779b1;
/** Below this many codes a batch is inserted one by one: sorting it would cost more than it saves. */
const SORTED_BATCH = 4096;
/** The most codes sorted at once: their codes and order fit in a processor's second-level cache. */
const SORT_CHUNK = 65_536;

/** Where the index reads the code of a volume number: the volume store's code column. */
export interface CodeColumn {
  code: Uint32Array;
}

/** array[i], which a caller's own loop bounds keep in range. */
function at(array: Uint32Array | Int32Array, i: number): number {
  const value = array[i];
  if (value === undefined) throw new RangeError(`no element #${i} of ${array.length}`);
  return value;
}

export class VolserIndex {
  /**
   * Slot → volume number + 1, 0 for an empty slot. The slot's code is not stored beside it: it is the
   * volume's own code (`codes.code[v]`), so the table costs 4 bytes a slot, not 8 — at 4,000,000
   * volumes, 32 MB less memory to fault in on every PRELOAD and cold start.
   */
  private slots: Int32Array;
  private mask: number;
  /**
   * A code's home slot is the top bits of its Fibonacci product, so a table twice the size puts it at
   * twice its home here (or one after): walking the old table in order fills the new one front to
   * back, and codes sorted by home are stored front to back too — memory touched in order, not at
   * random over tens of megabytes.
   */
  private shift: number;
  /**
   * One flag per run of 4,096 codes: set once any code of the run is in the table. A lookup of a code
   * whose run holds none (every volser of a new range, checked before a PRELOAD adds it) answers
   * without touching the table, whose slots are scattered over tens of megabytes.
   */
  private readonly runs = new Uint8Array(RUNS);
  /** Codes by volume number: the store's column (written before set()), or the index's own. */
  private readonly codes: CodeColumn;
  private readonly ownCodes: boolean;
  size = 0;

  /** `codes`: the volume store's code column, where every volume's code is before set() is called for it. */
  constructor(capacity = 1024, codes?: CodeColumn) {
    let slots = 1024;
    while (slots < capacity * 2) slots *= 2;
    this.slots = new Int32Array(slots);
    this.mask = slots - 1;
    this.shift = 32 - Math.log2(slots);
    this.codes = codes ?? { code: new Uint32Array(0) };
    this.ownCodes = codes === undefined;
  }

  /** Memory the table holds. */
  get byteLength(): number {
    return this.slots.byteLength;
  }

  private home(code: number): number {
    return Math.imul(code, FIBONACCI) >>> this.shift;
  }

  get(code: number): number {
    if (this.runs[code >>> RUN_SHIFT] === 0) return -1;
    const codes = this.codes.code;
    let i = this.home(code);
    for (;;) {
      const s = this.slots[i]!;
      if (s === 0) return -1;
      if (codes[s - 1] === code) return s - 1;
      i = (i + 1) & this.mask;
    }
  }

  set(code: number, value: number): void {
    this.remember(code, value, value + 1);
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    this.put(code, value);
  }

  /** codes[i] → first + i for every i, as set() one by one in that order would leave them. */
  setMany(codes: Uint32Array, first: number): void {
    const n = codes.length;
    if (n < SORTED_BATCH) {
      let v = first;
      for (const code of codes) this.set(code, v++);
      return;
    }
    if (this.ownCodes) {
      let v = first;
      for (const code of codes) this.remember(code, v++, first + n);
    }
    this.reserve(this.size + n);
    // In chunks that stay in the processor's cache while sorted: a 4,000,000-volume cold start sorted
    // as one would read its codes back at random from 16 MB.
    const chunk = Math.min(n, SORT_CHUNK);
    const bucketBits = Math.min(32 - this.shift, Math.max(1, Math.floor(Math.log2(chunk)) - 2));
    // One sort buffer for every chunk: a fresh one each time would be fresh memory to fault in.
    const order = new Int32Array(chunk);
    const starts = new Int32Array((1 << bucketBits) + 1);
    for (let from = 0; from < n; from += chunk) this.putSorted(codes.subarray(from, Math.min(n, from + chunk)), first + from, bucketBits, order, starts);
  }

  /** setMany's insertion of a batch, in order of home slot; the table has room. */
  private putSorted(codes: Uint32Array, first: number, bucketBits: number, order: Int32Array, starts: Int32Array): void {
    // A stable counting sort by home bucket: equal codes keep their order, so the last one wins as
    // with set(); within a bucket the slots are a few kilobytes apart.
    const bucketShift = 32 - bucketBits;
    starts.fill(0);
    for (const code of codes) {
      const b = (Math.imul(code, FIBONACCI) >>> bucketShift) + 1;
      starts[b] = (starts[b] ?? 0) + 1;
    }
    let sum = 0;
    for (let b = 0; b < starts.length; b++) starts[b] = sum += starts[b] ?? 0;
    let i = 0;
    for (const code of codes) {
      const b = Math.imul(code, FIBONACCI) >>> bucketShift;
      const to = starts[b] ?? 0;
      starts[b] = to + 1;
      order[to] = i++;
    }
    for (const k of order.subarray(0, codes.length)) this.put(at(codes, k), first + k);
  }

  /** A stand-alone index keeps each value's code itself (a store's index reads the store's column). */
  private remember(code: number, value: number, length: number): void {
    if (!this.ownCodes) return;
    const own = this.codes;
    if (own.code.length < length) {
      const grown = new Uint32Array(Math.max(length, own.code.length * 2));
      grown.set(own.code);
      own.code = grown;
    }
    own.code[value] = code;
  }

  /** Stores code → value; the table has room and the code column holds code at value. */
  private put(code: number, value: number): void {
    const codes = this.codes.code;
    let i = this.home(code);
    for (;;) {
      const s = this.slots[i]!;
      if (s === 0) {
        this.runs[code >>> RUN_SHIFT] = 1;
        this.slots[i] = value + 1;
        this.size++;
        return;
      }
      if (codes[s - 1] === code) {
        this.slots[i] = value + 1;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  private grow(slots = this.slots.length * 2): void {
    const old = this.slots;
    const codes = this.codes.code;
    this.slots = new Int32Array(slots);
    this.mask = slots - 1;
    this.shift = 32 - Math.log2(slots);
    this.size = 0;
    // Every code in the table is distinct: each goes to the first empty slot from its home.
    for (const s of old) {
      if (s === 0) continue;
      let i = this.home(at(codes, s - 1));
      while (this.slots[i] !== 0) i = (i + 1) & this.mask;
      this.slots[i] = s;
      this.size++;
    }
  }

  reserve(capacity: number): void {
    // The table size the doublings would reach, rehashed into once.
    let slots = this.slots.length;
    while (capacity * 2 > slots) slots *= 2;
    if (slots > this.slots.length) this.grow(slots);
  }
}
