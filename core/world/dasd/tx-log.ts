// An ordered list of write transactions, columnar (seed 001 FIG. 2: identifier, time stamp, write
// size, address, pointer to the data): a deque, because a journal stream grows at its end (forward
// direction) or at its beginning (backward direction, when rolling back records redo data in front of
// the DO stream). Entries and data words sit in typed arrays; nothing per transaction is an object.

import { typedCopy } from './blocks.js';

const INITIAL = 64;

export class TxLog {
  /** absolute index of the first live entry / one past the last */
  head = 0;
  tail = 0;
  private ebase = 0;
  seq = new Float64Array(INITIAL);
  time = new Float64Array(INITIAL);
  /** a second time per entry: arrival at the target (in-flight queue) */
  arrive = new Float64Array(INITIAL);
  start = new Int32Array(INITIAL);
  count = new Int32Array(INITIAL);
  /** absolute position of the entry's first data word */
  off = new Float64Array(INITIAL);
  /** data words (one per 4 KB block): absolute positions [dataHead, dataTail) */
  words = new Uint32Array(INITIAL * 4);
  dataHead = 0;
  dataTail = 0;
  private dbase = 0;
  /** blocks held: the data size in blocks */
  blocks = 0;

  get length(): number {
    return this.tail - this.head;
  }

  /** Relative index of absolute entry i into the columns. */
  at(i: number): number {
    return i - this.ebase;
  }

  /** Relative index of absolute word position p into `words`. */
  wordAt(p: number): number {
    return p - this.dbase;
  }

  private growEntries(front: number, back: number): void {
    const live = this.tail - this.head;
    const size = Math.max(INITIAL, (live + front + back) * 2);
    const shift = front > 0 ? Math.max(front, size >> 2) : 0;
    const cols = ['seq', 'time', 'arrive', 'start', 'count', 'off'] as const;
    for (const name of cols) {
      const old = this[name];
      const next = new (old.constructor as new (n: number) => typeof old)(size);
      next.set(old.subarray(this.head - this.ebase, this.tail - this.ebase) as never, shift);
      (this as unknown as Record<string, unknown>)[name] = next;
    }
    this.ebase = this.head - shift;
  }

  private growWords(front: number, back: number): void {
    const live = this.dataTail - this.dataHead;
    const size = Math.max(INITIAL * 4, (live + front + back) * 2);
    const shift = front > 0 ? Math.max(front, size >> 2) : 0;
    const next = new Uint32Array(size);
    next.set(this.words.subarray(this.dataHead - this.dbase, this.dataTail - this.dbase), shift);
    this.words = next;
    this.dbase = this.dataHead - shift;
  }

  /** Appends an entry at the end; returns the relative index in `words` where its `count` words go. */
  pushBack(seq: number, time: number, start: number, count: number): number {
    if (this.tail - this.ebase >= this.seq.length) this.growEntries(0, 1);
    if (this.dataTail + count - this.dbase > this.words.length) this.growWords(0, count);
    const i = this.tail - this.ebase;
    this.seq[i] = seq;
    this.time[i] = time;
    this.arrive[i] = time;
    this.start[i] = start;
    this.count[i] = count;
    this.off[i] = this.dataTail;
    this.tail++;
    const w = this.dataTail - this.dbase;
    this.dataTail += count;
    this.blocks += count;
    return w;
  }

  /** Inserts an entry at the beginning; returns the relative index in `words` for its data. */
  pushFront(seq: number, time: number, start: number, count: number): number {
    if (this.head - this.ebase <= 0) this.growEntries(1, 0);
    if (this.dataHead - count - this.dbase < 0) this.growWords(count, 0);
    this.head--;
    this.dataHead -= count;
    const i = this.head - this.ebase;
    this.seq[i] = seq;
    this.time[i] = time;
    this.arrive[i] = time;
    this.start[i] = start;
    this.count[i] = count;
    this.off[i] = this.dataHead;
    this.blocks += count;
    return this.dataHead - this.dbase;
  }

  /** Drops the first entry (its data stays addressable until the next push overwrites nothing: positions only grow). */
  popFront(): void {
    const i = this.head - this.ebase;
    this.dataHead = this.off[i]! + this.count[i]!;
    this.blocks -= this.count[i]!;
    this.head++;
    if (this.head === this.tail) this.reset();
  }

  popBack(): void {
    this.tail--;
    const i = this.tail - this.ebase;
    this.dataTail = this.off[i]!;
    this.blocks -= this.count[i]!;
    if (this.head === this.tail) this.reset();
  }

  private reset(): void {
    this.dataHead = this.dataTail = this.dbase = 0;
    this.ebase = this.head = this.tail = 0;
    this.blocks = 0;
  }

  clear(): void {
    this.reset();
  }

  /** Index of the first entry (absolute) whose seq is greater than `seq`; seq ascends along the log. */
  firstAfter(seq: number): number {
    let lo = this.head;
    let hi = this.tail;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.seq[mid - this.ebase]! <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Checkpoint form: the live part only. */
  toBlobs(at: string, blobs: Record<string, Uint8Array>): { length: number } {
    const h = this.head - this.ebase;
    const t = this.tail - this.ebase;
    for (const name of ['seq', 'time', 'arrive', 'off'] as const) blobs[`${at}/${name}`] = bytes(this[name].slice(h, t).map((v) => (name === 'off' ? v - this.dataHead : v)));
    blobs[`${at}/start`] = bytes(this.start.slice(h, t));
    blobs[`${at}/count`] = bytes(this.count.slice(h, t));
    blobs[`${at}/words`] = bytes(this.words.slice(this.dataHead - this.dbase, this.dataTail - this.dbase));
    return { length: t - h };
  }

  static fromBlobs(at: string, blob: (name: string) => Uint8Array): TxLog {
    const log = new TxLog();
    const seq = typedCopy(Float64Array, blob(`${at}/seq`));
    const n = seq.length;
    log.seq = grow(seq, n);
    log.time = grow(typedCopy(Float64Array, blob(`${at}/time`)), n);
    log.arrive = grow(typedCopy(Float64Array, blob(`${at}/arrive`)), n);
    log.off = grow(typedCopy(Float64Array, blob(`${at}/off`)), n);
    log.start = grow(typedCopy(Int32Array, blob(`${at}/start`)), n);
    log.count = grow(typedCopy(Int32Array, blob(`${at}/count`)), n);
    const words = typedCopy(Uint32Array, blob(`${at}/words`));
    log.words = grow(words, words.length);
    log.tail = n;
    log.dataTail = words.length;
    for (let i = 0; i < n; i++) log.blocks += log.count[i]!;
    return log;
  }
}

function bytes(a: Float64Array | Int32Array | Uint32Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

function grow<T extends Float64Array | Int32Array | Uint32Array>(a: T, n: number): T {
  const out = new (a.constructor as new (n: number) => T)(Math.max(INITIAL, n * 2));
  out.set(a as never);
  return out;
}
