// A growable FIFO of numbers (volume numbers, levels, times): typed storage so millions of entries stay compact and
// a checkpoint can store them as one blob.

export class NumberFifo {
  data: Float64Array;
  head = 0;
  tail = 0;

  constructor(capacity = 16) {
    this.data = new Float64Array(capacity);
  }

  get length(): number {
    return this.tail - this.head;
  }

  push(value: number): void {
    if (this.tail === this.data.length) this.makeRoom();
    this.data[this.tail++] = value;
  }

  /** Pushes to the front: a copy that lost its link goes back to the head of its queue. */
  unshift(value: number): void {
    if (this.head === 0) {
      const grown = new Float64Array(Math.max(16, this.data.length * 2));
      const offset = grown.length - this.data.length;
      grown.set(this.data.subarray(this.head, this.tail), offset + this.head);
      this.head += offset;
      this.tail += offset;
      this.data = grown;
    }
    this.data[--this.head] = value;
  }

  peek(): number {
    return this.at(0);
  }

  shift(): number {
    const value = this.at(0);
    this.head++;
    return value;
  }

  at(i: number): number {
    const value = i >= 0 && this.head + i < this.tail ? this.data[this.head + i] : undefined;
    if (value === undefined) throw new RangeError(`queue has no entry ${i} (${this.length} queued)`);
    return value;
  }

  /** The queued values, oldest first: a view that the next push or shift may invalidate. */
  values(): Float64Array {
    return this.data.subarray(this.head, this.tail);
  }

  private makeRoom(): void {
    const live = this.length;
    if (this.head > 0 && live * 2 <= this.data.length) {
      this.data.copyWithin(0, this.head, this.tail);
    } else {
      const grown = new Float64Array(Math.max(16, this.data.length * 2));
      grown.set(this.data.subarray(this.head, this.tail));
      this.data = grown;
    }
    this.head = 0;
    this.tail = live;
  }

  toArray(): Float64Array {
    return this.data.slice(this.head, this.tail);
  }

  static from(values: Float64Array): NumberFifo {
    const fifo = new NumberFifo(Math.max(16, values.length));
    fifo.data.set(values);
    fifo.tail = values.length;
    return fifo;
  }
}
