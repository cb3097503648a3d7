// Open-addressing hash from encoded volser to volume number: two typed arrays instead of a
// Map<string, number>, so 4,000,000 volsers cost tens of megabytes, not hundreds.

const RUN_SHIFT = 12;
/** Runs covering every code of a volser of up to 6 characters (base 37: below 37 ** 6). */
const RUNS = Math.ceil(37 ** 6 / 2 ** RUN_SHIFT);

export class VolserIndex {
  private keys: Uint32Array;
  private values: Int32Array;
  private mask: number;
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
  }

  private slot(code: number): number {
    // Multiplicative hashing spreads sequential volsers across the table.
    return (Math.imul(code, 0x9e3779b1) >>> 0) & this.mask;
  }

  get(code: number): number {
    if (this.runs[code >>> RUN_SHIFT] === 0) return -1;
    let i = this.slot(code);
    for (;;) {
      const k = this.keys[i]!;
      if (k === code) return this.values[i]!;
      if (k === 0) return -1;
      i = (i + 1) & this.mask;
    }
  }

  set(code: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    let i = this.slot(code);
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
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== 0) this.set(oldKeys[i]!, oldValues[i]!);
  }

  reserve(capacity: number): void {
    // The table size the doublings would reach, rehashed into once.
    let slots = this.keys.length;
    while (capacity * 2 > slots) slots *= 2;
    if (slots > this.keys.length) this.grow(slots);
  }
}
