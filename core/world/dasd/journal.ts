// The replica's journal (seed 001 FIG. 2): four streams — DO (new data not yet distributed), DO
// METADATA, UNDO (data the distribution overwrote) and UNDO METADATA — plus the image-access log. The
// journal volume is cut into fixed-size segments; the segments form one pool the streams draw from.
// "Each such stream is structured as an ordered list of segments ... a beginning pointer ... and an end
// pointer"; data is appended at the end (forward) or at the beginning (backward); "freeing of segments
// ... by simply changing the beginning or the end pointer. Freed segments are returned to the pool."
// When the pool runs dry the oldest UNDO history is released: the earliest reachable point in time
// moves forward.

import { BLOCK_BYTES, type BlockMap } from './blocks.js';
import { TxLog } from './tx-log.js';

/** A module-local copy: an imported binding costs a getter call on the per-transaction path. */
const BLOCK: number = BLOCK_BYTES;

/** Seed 001: "segments with a predefined size, such as 1 MB segments". */
export const SEGMENT_BYTES = 2 ** 20;
/** One metadata record: identifier, time stamp, write size, address, pointer into the data stream. */
export const METADATA_BYTES = 64;

export const STREAM_NAMES = ['DO', 'DO METADATA', 'UNDO', 'UNDO METADATA', 'ACCESS LOG'] as const;
export type StreamName = (typeof STREAM_NAMES)[number];

/** One stream's segment list and its beginning and end pointers, in bytes. */
export interface Stream {
  segments: number[];
  /** byte position where segments[0] begins */
  segStart: number;
  lo: number;
  hi: number;
}

/** One value per stream, in STREAM_NAMES order. */
function byStream<T>(make: (name: StreamName) => T): Record<StreamName, T> {
  return { DO: make('DO'), 'DO METADATA': make('DO METADATA'), UNDO: make('UNDO'), 'UNDO METADATA': make('UNDO METADATA'), 'ACCESS LOG': make('ACCESS LOG') };
}

export class JournalFull extends Error {}

export class Journal {
  /** free segment numbers (the pool), a stack */
  free: number[];
  readonly streams: Record<StreamName, Stream>;
  /** DO + DO METADATA: transactions received, not yet distributed to the replica */
  readonly doLog = new TxLog();
  /** UNDO + UNDO METADATA: what distribution overwrote, oldest first: the reachable history */
  readonly undoLog = new TxLog();
  /** transactions of history released because the journal was full */
  released = 0;
  /** the newest transaction released (its seq and time): images before it are gone */
  releasedSeq = 0;
  releasedTime: number | null = null;

  constructor(readonly bytes: number) {
    const segments = Math.floor(bytes / SEGMENT_BYTES);
    this.free = [];
    for (let s = segments - 1; s >= 0; s--) this.free.push(s);
    this.streams = byStream((): Stream => ({ segments: [], segStart: 0, lo: 0, hi: 0 }));
  }

  get segments(): number {
    return Math.floor(this.bytes / SEGMENT_BYTES);
  }

  private take(): number {
    const s = this.free.pop();
    if (s === undefined) throw new JournalFull();
    return s;
  }

  /** Segments a stream needs to take `n` more bytes at its end / beginning. */
  private needBack(st: Stream, n: number): number {
    return Math.max(0, Math.ceil((st.hi + n - st.segStart) / SEGMENT_BYTES) - st.segments.length);
  }

  private needFront(st: Stream, n: number): number {
    return st.lo - n >= st.segStart ? 0 : Math.ceil((st.segStart - (st.lo - n)) / SEGMENT_BYTES);
  }

  private appendBack(st: Stream, n: number): void {
    if (st.segments.length === 0) st.segStart = st.lo = st.hi = 0;
    st.hi += n;
    while (st.hi > st.segStart + st.segments.length * SEGMENT_BYTES) st.segments.push(this.take());
  }

  private appendFront(st: Stream, n: number): void {
    if (st.segments.length === 0) st.segStart = st.lo = st.hi = 0;
    st.lo -= n;
    while (st.lo < st.segStart) {
      st.segments.unshift(this.take());
      st.segStart -= SEGMENT_BYTES;
    }
  }

  private freeFront(st: Stream, n: number): void {
    st.lo += n;
    while (st.lo >= st.segStart + SEGMENT_BYTES) {
      const segment = st.segments.shift();
      if (segment === undefined) break;
      this.free.push(segment);
      st.segStart += SEGMENT_BYTES;
    }
    if (st.lo >= st.hi) this.empty(st);
  }

  private freeBack(st: Stream, n: number): void {
    st.hi -= n;
    while (st.segments.length > 0 && st.hi <= st.segStart + (st.segments.length - 1) * SEGMENT_BYTES) {
      const segment = st.segments.pop();
      if (segment !== undefined) this.free.push(segment);
    }
    if (st.lo >= st.hi) this.empty(st);
  }

  private empty(st: Stream): void {
    for (let segment = st.segments.pop(); segment !== undefined; segment = st.segments.pop()) this.free.push(segment);
    st.segStart = st.lo = st.hi = 0;
  }

  /**
   * Makes room for `blocks` of data plus one metadata record in a data/metadata stream pair,
   * releasing the oldest history while the pool is short. False when even an empty history
   * leaves no room (the DO stream alone fills the journal).
   */
  private room(data: StreamName, meta: StreamName, blocks: number, front: boolean): boolean {
    // Written without closures: this runs twice per transaction on the journal's hot path.
    const ds = this.streams[data];
    const ms = this.streams[meta];
    const bytes = blocks * BLOCK;
    for (;;) {
      const need = front ? this.needFront(ds, bytes) + this.needFront(ms, METADATA_BYTES) : this.needBack(ds, bytes) + this.needBack(ms, METADATA_BYTES);
      if (need <= this.free.length) return true;
      if (this.undoLog.length === 0) return false;
      this.releaseOldest();
    }
  }

  /** Releases the oldest UNDO record: the history before it is no longer reachable. */
  releaseOldest(): void {
    const u = this.undoLog;
    const i = u.head;
    this.releasedSeq = u.seqAt(i);
    this.releasedTime = u.timeAt(i);
    this.released++;
    this.freeFront(this.streams.UNDO, u.countAt(i) * BLOCK);
    this.freeFront(this.streams['UNDO METADATA'], METADATA_BYTES);
    u.popFront();
  }

  /** A received transaction into the end of the DO stream; returns where its words go in doLog.words, or -1 when full. */
  receive(seq: number, time: number, start: number, count: number): number {
    if (!this.room('DO', 'DO METADATA', count, false)) return -1;
    this.appendBack(this.streams.DO, count * BLOCK);
    this.appendBack(this.streams['DO METADATA'], METADATA_BYTES);
    return this.doLog.pushBack(seq, time, start, count);
  }

  /**
   * Distributes the oldest DO transaction to the replica: before the new data goes to its addresses,
   * the data there is recorded at the end of the UNDO stream (seed 001). False when nothing is pending.
   */
  distributeOne(replica: BlockMap): boolean {
    const d = this.doLog;
    if (d.length === 0) return false;
    const i = d.head;
    const seq = d.seqAt(i);
    const time = d.timeAt(i);
    const start = d.startAt(i);
    const count = d.countAt(i);
    const from = d.wordsAt(i);
    // The DO record leaves first, so its segments can carry the undo data.
    this.freeFront(this.streams.DO, count * BLOCK);
    this.freeFront(this.streams['DO METADATA'], METADATA_BYTES);
    const words = d.words;
    d.popFront();
    this.applyWithUndo(seq, time, start, count, words, from, replica);
    return true;
  }

  /** Writes a transaction to the replica, keeping what it overwrote in the UNDO stream. */
  private applyWithUndo(seq: number, time: number, start: number, count: number, data: Uint32Array, from: number, replica: BlockMap): void {
    if (!this.room('UNDO', 'UNDO METADATA', count, false)) {
      // Not even one record of history fits: the write goes to the replica without undo, and the
      // history before it is lost as if released.
      for (let k = 0; k < count; k++) replica.set(start + k, data[from + k]!);
      this.releasedSeq = seq;
      this.releasedTime = time;
      this.released++;
      return;
    }
    this.appendBack(this.streams.UNDO, count * BLOCK);
    this.appendBack(this.streams['UNDO METADATA'], METADATA_BYTES);
    const u = this.undoLog.pushBack(seq, time, start, count);
    const undo = this.undoLog.words;
    for (let k = 0; k < count; k++) undo[u + k] = replica.exchange(start + k, data[from + k]!);
  }

  /**
   * A received transaction distributed at once. With nothing pending in the DO stream its DO record
   * would be written and freed again straight away (the segment it takes comes back to the pool at
   * once), so only the UNDO side is recorded; with a backlog it queues behind it like any other.
   * `data[from…]` holds the transaction's words.
   */
  receiveAndDistribute(seq: number, time: number, start: number, count: number, data: Uint32Array, from: number, replica: BlockMap): boolean {
    if (this.doLog.length > 0) {
      const w = this.receive(seq, time, start, count);
      if (w < 0) return false;
      const words = this.doLog.words;
      for (let k = 0; k < count; k++) words[w + k] = data[from + k]!;
      while (this.distributeOne(replica));
      return true;
    }
    this.applyWithUndo(seq, time, start, count, data, from, replica);
    return true;
  }

  /**
   * Distributes the in-flight transactions [log.head, end) straight to the replica, as
   * receiveAndDistribute would one by one with the DO stream empty: each keeps its undo, the UNDO
   * streams take their segments in the same order. Done as a batch only when the whole batch fits
   * without releasing history (then no single step would release any either); false leaves it all to
   * the one-by-one path, which releases as it must.
   */
  distributeArrived(log: TxLog, end: number, replica: BlockMap): boolean {
    const from = log.head;
    const n = end - from;
    if (n <= 0 || this.doLog.length > 0) return false;
    const ds = this.streams.UNDO;
    const ms = this.streams['UNDO METADATA'];
    const blocks = log.dataStart(end) - log.dataStart(from);
    if (this.needBack(ds, blocks * BLOCK) + this.needBack(ms, n * METADATA_BYTES) > this.free.length) return false;
    const at = log.at(from);
    const counts = log.count;
    for (let k = 0; k < n; k++) {
      this.appendBack(ds, (counts[at + k] ?? 0) * BLOCK);
      this.appendBack(ms, METADATA_BYTES);
    }
    const u = this.undoLog.appendFrom(log, from, end);
    const undo = this.undoLog.words;
    const data = log.words;
    const starts = log.start;
    let w = log.wordsAt(from);
    let o = u;
    for (let k = 0; k < n; k++) {
      const start = starts[at + k] ?? 0;
      const count = counts[at + k] ?? 0;
      for (let b = 0; b < count; b++) undo[o + b] = replica.exchange(start + b, data[w + b] ?? 0);
      w += count;
      o += count;
    }
    log.dropFront(end);
    return true;
  }

  /**
   * Undoes the newest distributed transaction: "old data is read from the UNDO stream in a reverse
   * order ... Prior to writing the UNDO data into these addresses, the newer data residing in such
   * addresses is recorded in the DO stream" — at its beginning, so distribution later redoes it first.
   */
  undoOne(replica: BlockMap): boolean {
    const u = this.undoLog;
    if (u.length === 0) return false;
    const i = u.tail - 1;
    const seq = u.seqAt(i);
    const time = u.timeAt(i);
    const start = u.startAt(i);
    const count = u.countAt(i);
    const from = u.wordsAt(i);
    const undo = u.words;
    this.freeBack(this.streams.UNDO, count * BLOCK);
    this.freeBack(this.streams['UNDO METADATA'], METADATA_BYTES);
    u.popBack();
    if (!this.room('DO', 'DO METADATA', count, true)) throw new JournalFull();
    this.appendFront(this.streams.DO, count * BLOCK);
    this.appendFront(this.streams['DO METADATA'], METADATA_BYTES);
    const d = this.doLog.pushFront(seq, time, start, count);
    const redo = this.doLog.words;
    for (let k = 0; k < count; k++) redo[d + k] = replica.exchange(start + k, undo[from + k]!);
    return true;
  }

  /** Accounts `blocks` of image-access log data (virtual writes, or undo of logged-access writes). */
  logAccess(blocks: number): boolean {
    if (!this.room('ACCESS LOG', 'ACCESS LOG', blocks, false)) return false;
    this.appendBack(this.streams['ACCESS LOG'], blocks * BLOCK + METADATA_BYTES);
    return true;
  }

  clearAccessLog(): void {
    this.empty(this.streams['ACCESS LOG']);
  }

  /** Drops every DO record (failover to an image discards the newer data). */
  discardDo(): number {
    const n = this.doLog.length;
    this.doLog.clear();
    this.empty(this.streams.DO);
    this.empty(this.streams['DO METADATA']);
    return n;
  }

  usedSegments(): number {
    return this.segments - this.free.length;
  }

  /** Per stream: segments in its list and bytes between its pointers. */
  describeStreams(): Record<StreamName, { segments: number; bytes: number; records: number }> {
    const records: Record<StreamName, number> = { DO: this.doLog.length, 'DO METADATA': this.doLog.length, UNDO: this.undoLog.length, 'UNDO METADATA': this.undoLog.length, 'ACCESS LOG': 0 };
    return byStream((n) => ({ segments: this.streams[n].segments.length, bytes: this.streams[n].hi - this.streams[n].lo, records: records[n] }));
  }
}
