// Open-addressing hash from encoded volser to volume number: two typed arrays instead of a
// Map<string, number>, so 4,000,000 volsers cost tens of megabytes, not hundreds.

export class VolserIndex {
  private keys: Uint32Array;
  private values: Int32Array;
  private mask: number;
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
        this.keys[i] = code;
        this.values[i] = value;
        this.size++;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.values = new Int32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== 0) this.set(oldKeys[i]!, oldValues[i]!);
  }

  reserve(capacity: number): void {
    while (capacity * 2 > this.keys.length) this.grow();
  }
}
