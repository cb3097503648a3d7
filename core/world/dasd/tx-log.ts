// An ordered list of write transactions, columnar (seed 001 FIG. 2: identifier, time stamp, write
// size, address, pointer to the data): a deque, because a journal stream grows at its end (forward
// direction) or at its beginning (backward direction, when rolling back records redo data in front of
// the DO stream). Entries and data words sit in typed arrays; nothing per transaction is an object.

import { typedCopy } from './blocks.js';
import { placed, resized } from '../../model/typed-arrays.js';

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

  // Checked reads of absolute entry i, one per column: an index outside the columns throws instead of
  // reading undefined (a live entry is always inside them).
  seqAt(i: number): number {
    return this.read(this.seq, i);
  }

  timeAt(i: number): number {
    return this.read(this.time, i);
  }

  arriveAt(i: number): number {
    return this.read(this.arrive, i);
  }

  startAt(i: number): number {
    return this.read(this.start, i);
  }

  countAt(i: number): number {
    return this.read(this.count, i);
  }

  /** Relative index in `words` of absolute entry i's first data word. */
  wordsAt(i: number): number {
    return this.read(this.off, i) - this.dbase;
  }

  private read(column: Float64Array | Int32Array, i: number): number {
    const value = column[i - this.ebase];
    if (value === undefined) throw new RangeError(`transaction log has no entry ${i} (entries ${this.head}..${this.tail})`);
    return value;
  }

  /** Relative index of absolute word position p into `words`. */
  wordAt(p: number): number {
    return p - this.dbase;
  }

  private growEntries(front: number, back: number): void {
    const live = this.tail - this.head;
    const size = Math.max(INITIAL, (live + front + back) * 2);
    const shift = front > 0 ? Math.max(front, size >> 2) : 0;
    const from = this.head - this.ebase;
    const to = this.tail - this.ebase;
    this.seq = placed(this.seq, from, to, size, shift);
    this.time = placed(this.time, from, to, size, shift);
    this.arrive = placed(this.arrive, from, to, size, shift);
    this.start = placed(this.start, from, to, size, shift);
    this.count = placed(this.count, from, to, size, shift);
    this.off = placed(this.off, from, to, size, shift);
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

  /**
   * Room for `entries` more entries holding `words` more data words at the end, made in one step: a
   * caller that knows how many transactions it is about to append (a load, a delivery) saves the
   * doublings, their copies and the garbage they leave.
   */
  reserveBack(entries: number, words: number): void {
    if (this.tail + entries - this.ebase > this.seq.length) this.growEntries(0, entries);
    if (this.dataTail + words - this.dbase > this.words.length) this.growWords(0, words);
  }

  /**
   * Appends an entry at the end; returns the relative index in `words` where its `count` words go.
   * `arrive` is when an in-flight transaction reaches the target (other logs: its time).
   */
  pushBack(seq: number, time: number, start: number, count: number, arrive = time): number {
    if (this.tail - this.ebase >= this.seq.length) this.growEntries(0, 1);
    if (this.dataTail + count - this.dbase > this.words.length) this.growWords(0, count);
    const i = this.tail - this.ebase;
    this.seq[i] = seq;
    this.time[i] = time;
    this.arrive[i] = arrive;
    this.start[i] = start;
    this.count[i] = count;
    this.off[i] = this.dataTail;
    this.tail++;
    const w = this.dataTail - this.dbase;
    this.dataTail += count;
    this.blocks += count;
    return w;
  }

  /** Absolute position of entry i's first data word; i = tail gives the end of the data. */
  dataStart(i: number): number {
    return i === this.tail ? this.dataTail : this.read(this.off, i);
  }

  /** Index of the first entry from the head that arrives after `time` (tail when all have arrived). */
  arrivedBy(time: number): number {
    const arrive = this.arrive;
    const base = this.ebase;
    let i = this.head;
    while (i < this.tail && (arrive[i - base] ?? Infinity) <= time) i++;
    return i;
  }

  /**
   * Appends entries [from, to) of another log at the end, as pushBack would one by one (arrival
   * stamped as the time): the columns are copied whole, because a delivery moves a second's worth of
   * transactions at once. Returns the relative index in `words` where their data goes, in order; the
   * caller writes it.
   */
  appendFrom(src: TxLog, from: number, to: number): number {
    const n = to - from;
    const first = src.dataStart(from);
    const words = src.dataStart(to) - first;
    this.reserveBack(n, words);
    const a = src.at(from);
    const b = src.at(to);
    const i = this.tail - this.ebase;
    this.seq.set(src.seq.subarray(a, b), i);
    this.time.set(src.time.subarray(a, b), i);
    this.arrive.set(src.time.subarray(a, b), i);
    this.start.set(src.start.subarray(a, b), i);
    this.count.set(src.count.subarray(a, b), i);
    const shift = this.dataTail - first;
    const off = this.off;
    const srcOff = src.off;
    for (let k = 0; k < n; k++) off[i + k] = (srcOff[a + k] ?? 0) + shift;
    this.tail += n;
    const w = this.dataTail - this.dbase;
    this.dataTail += words;
    this.blocks += words;
    return w;
  }

  /** Drops the entries before absolute index `to` (popFront, many at once). */
  dropFront(to: number): void {
    const end = this.dataStart(to);
    this.blocks -= end - this.dataHead;
    this.dataHead = end;
    this.head = to;
    if (this.head === this.tail) this.reset();
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
    const i = this.head;
    const count = this.countAt(i);
    this.dataHead = this.read(this.off, i) + count;
    this.blocks -= count;
    this.head++;
    if (this.head === this.tail) this.reset();
  }

  popBack(): void {
    this.tail--;
    this.dataTail = this.read(this.off, this.tail);
    this.blocks -= this.countAt(this.tail);
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
      if (this.seqAt(mid) <= seq) lo = mid + 1;
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
    log.seq = resized(seq, room(n));
    log.time = resized(typedCopy(Float64Array, blob(`${at}/time`)), room(n));
    log.arrive = resized(typedCopy(Float64Array, blob(`${at}/arrive`)), room(n));
    log.off = resized(typedCopy(Float64Array, blob(`${at}/off`)), room(n));
    log.start = resized(typedCopy(Int32Array, blob(`${at}/start`)), room(n));
    log.count = resized(typedCopy(Int32Array, blob(`${at}/count`)), room(n));
    const words = typedCopy(Uint32Array, blob(`${at}/words`));
    log.words = resized(words, room(words.length));
    log.tail = n;
    log.dataTail = words.length;
    for (const count of log.count.subarray(0, n)) log.blocks += count;
    return log;
  }
}

function bytes(a: Float64Array | Int32Array | Uint32Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** Room for a restored log of n entries (or words) to grow into. */
function room(n: number): number {
  return Math.max(INITIAL, n * 2);
}
