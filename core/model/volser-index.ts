// Open-addressing hash from encoded volser to volume number: two typed arrays instead of a
// Map<string, number>, so 4,000,000 volsers cost tens of megabytes, not hundreds.

const RUN_SHIFT = 12;
/** Runs covering every code of a volser of up to 6 characters (base 37: below 37 ** 6). */
const RUNS = Math.ceil(37 ** 6 / 2 ** RUN_SHIFT);
/** 2^32 divided by the golden ratio: Fibonacci hashing. */
const FIBONACCI = 0x9e3779b1;
/** Below this many codes a batch is inserted one by one: sorting it would cost more than it saves. */
const SORTED_BATCH = 4096;

/** codes[i], which a caller's own loop bounds keep in range. */
function valueAt(codes: Uint32Array, i: number): number {
  const code = codes[i];
  if (code === undefined) throw new RangeError(`no code #${i} of ${codes.length}`);
  return code;
}

export class VolserIndex {
  private keys: Uint32Array;
  private values: Int32Array;
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
  size = 0;

  constructor(capacity = 1024) {
    let slots = 1024;
    while (slots < capacity * 2) slots *= 2;
    this.keys = new Uint32Array(slots);
    this.values = new Int32Array(slots);
    this.mask = slots - 1;
    this.shift = 32 - Math.log2(slots);
  }

  private home(code: number): number {
    return Math.imul(code, FIBONACCI) >>> this.shift;
  }

  get(code: number): number {
    if (this.runs[code >>> RUN_SHIFT] === 0) return -1;
    let i = this.home(code);
    for (;;) {
      const k = this.keys[i]!;
      if (k === code) return this.values[i]!;
      if (k === 0) return -1;
      i = (i + 1) & this.mask;
    }
  }

  set(code: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
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
    this.reserve(this.size + n);
    // A stable counting sort by home bucket: equal codes keep their order, so the last one wins as
    // with set(); within a bucket the slots are a few kilobytes apart.
    const bucketBits = Math.min(32 - this.shift, Math.max(1, Math.floor(Math.log2(n)) - 2));
    const bucketShift = 32 - bucketBits;
    const starts = new Int32Array((1 << bucketBits) + 1);
    for (const code of codes) {
      const b = (Math.imul(code, FIBONACCI) >>> bucketShift) + 1;
      starts[b] = (starts[b] ?? 0) + 1;
    }
    let sum = 0;
    for (let b = 0; b < starts.length; b++) starts[b] = sum += starts[b] ?? 0;
    const order = new Int32Array(n);
    let i = 0;
    for (const code of codes) {
      const b = Math.imul(code, FIBONACCI) >>> bucketShift;
      const to = starts[b] ?? 0;
      starts[b] = to + 1;
      order[to] = i++;
    }
    for (const k of order) this.put(valueAt(codes, k), first + k);
  }

  /** Stores code → value; the table has room. */
  private put(code: number, value: number): void {
    let i = this.home(code);
    for (;;) {
      const k = this.keys[i]!;
      if (k === code) {
        this.values[i] = value;
        return;
      }
      if (k === 0) {
        this.runs[code >>> RUN_SHIFT] = 1;
        this.keys[i] = code;
        this.values[i] = value;
        this.size++;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  private grow(slots = this.keys.length * 2): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Uint32Array(slots);
    this.values = new Int32Array(slots);
    this.mask = slots - 1;
    this.shift = 32 - Math.log2(slots);
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i]!;
      if (k !== 0) this.put(k, oldValues[i]!);
    }
  }

  reserve(capacity: number): void {
    // The table size the doublings would reach, rehashed into once.
    let slots = this.keys.length;
    while (capacity * 2 > slots) slots *= 2;
    if (slots > this.keys.length) this.grow(slots);
  }
}
