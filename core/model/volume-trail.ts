// What happened to single volumes between commands: mounts, writes, copies and where they came
// from, cache removals, recalls, category and Management Class changes, Copy Exports. A command's
// journal line says what the operator asked for; a JOB line never names the volsers it wrote and a
// copy or a cache removal happens later in simulated time, so those facts are recorded here as the
// engine makes them. Bulk commands (PRELOAD, INSERT) are not recorded per volume: their journal
// line names the range.
//
// Columnar and bounded: one typed array per field in a ring of at most TRAIL_CAPACITY events, so a
// simulated day of hundreds of thousands of writes costs tens of megabytes, never an object each.
// When the ring is full the oldest events give way; `dropped` says how many.

import { extended, type NumberColumn } from './typed-arrays.js';

export const TRAIL_CAPACITY = 1 << 20;
const INITIAL = 4096;

export const TrailKind = {
  mount: 1,
  scratchMount: 2,
  recall: 3,
  write: 4,
  demount: 5,
  copy: 6,
  cacheRemoval: 7,
  category: 8,
  mc: 9,
  exported: 10,
  drMount: 11,
} as const;
export type TrailKindCode = (typeof TrailKind)[keyof typeof TrailKind];

export interface TrailEvent {
  time: number;
  volume: number;
  kind: TrailKindCode;
  /** the cluster it happened on (mount cluster, copy target, cache owner, exporting cluster) */
  cluster: number;
  /** a second cluster: the tape volume cache of a mount, the source of a copy; -1 when none */
  other: number;
  /** the data level written or copied */
  level: number;
  /** bytes written; host index of a mount; old·65536+new category; old·256+new MC; 1 when a cache removal deleted the copy */
  value: number;
  /** the command that was running (a JOB, an ADVANCE during which a copy finished) */
  command: string;
}

export class VolumeTrail {
  time: Float64Array;
  volume: Int32Array;
  kind: Uint8Array;
  cluster: Int8Array;
  other: Int8Array;
  level: Int32Array;
  value: Float64Array;
  /** index into `texts` of the command running when the event happened */
  commandRef: Int32Array;
  /** texts of commands that caused events (only those: a SHOW costs nothing here) */
  texts: string[] = [];
  private running = '';
  private runningRef = -1;
  /** events held (≤ capacity) */
  length = 0;
  /** ring position of the oldest held event */
  start = 0;
  /** events that gave way to newer ones */
  dropped = 0;

  constructor(
    readonly capacity = TRAIL_CAPACITY,
    size = Math.min(INITIAL, capacity),
  ) {
    this.time = new Float64Array(size);
    this.volume = new Int32Array(size);
    this.kind = new Uint8Array(size);
    this.cluster = new Int8Array(size);
    this.other = new Int8Array(size);
    this.level = new Int32Array(size);
    this.value = new Float64Array(size);
    this.commandRef = new Int32Array(size);
  }

  /** A command starts: the events it causes are recorded against its text. */
  begin(text: string): void {
    this.running = text;
    this.runningRef = -1;
  }

  push(time: number, volume: number, kind: TrailKindCode, cluster: number, other = -1, level = 0, value = 0): void {
    if (this.length === this.time.length && this.length < this.capacity) this.grow();
    let at: number;
    if (this.length < this.time.length) {
      at = (this.start + this.length) % this.time.length;
      this.length++;
    } else {
      at = this.start;
      this.start = (this.start + 1) % this.time.length;
      this.dropped++;
    }
    this.time[at] = time;
    this.volume[at] = volume;
    this.kind[at] = kind;
    this.cluster[at] = cluster;
    this.other[at] = other;
    this.level[at] = level;
    this.value[at] = value;
    if (this.runningRef < 0) {
      this.texts.push(this.running);
      this.runningRef = this.texts.length - 1;
    }
    this.commandRef[at] = this.runningRef;
  }

  /** The events of one volume, oldest first: one pass over the volume column. */
  forVolume(volume: number, limit = Infinity): TrailEvent[] {
    const size = this.time.length;
    const found: number[] = [];
    // Newest first while collecting, so a limit keeps the latest ones.
    for (let k = this.length - 1; k >= 0 && found.length < limit; k--) {
      const at = (this.start + k) % size;
      if (this.volume[at] === volume) found.push(at);
    }
    return found.reverse().map((at) => ({
      time: read(this.time, at),
      volume,
      kind: kindOf(read(this.kind, at)),
      cluster: read(this.cluster, at),
      other: read(this.other, at),
      level: read(this.level, at),
      value: read(this.value, at),
      command: this.texts[read(this.commandRef, at)] ?? '',
    }));
  }

  /** The held events in order, oldest first, as fresh arrays (checkpoints). */
  ordered(): TrailColumns {
    // The ring from `start`, then its wrapped head.
    const pick = <T extends NumberColumn>(column: T, out: T): T => {
      const tail = Math.min(this.length, column.length - this.start);
      out.set(column.subarray(this.start, this.start + tail));
      if (tail < this.length) out.set(column.subarray(0, this.length - tail), tail);
      return out;
    };
    const n = this.length;
    return {
      time: pick(this.time, new Float64Array(n)),
      volume: pick(this.volume, new Int32Array(n)),
      kind: pick(this.kind, new Uint8Array(n)),
      cluster: pick(this.cluster, new Int8Array(n)),
      other: pick(this.other, new Int8Array(n)),
      level: pick(this.level, new Int32Array(n)),
      value: pick(this.value, new Float64Array(n)),
      commandRef: pick(this.commandRef, new Int32Array(n)),
    };
  }

  /** Ordered columns with command texts renumbered to those still referenced (what a checkpoint keeps). */
  compacted(): { columns: TrailColumns; texts: string[] } {
    const columns = this.ordered();
    const renumber = new Map<number, number>();
    const texts: string[] = [];
    const refs = columns.commandRef;
    refs.forEach((old, i) => {
      let ref = renumber.get(old);
      if (ref === undefined) {
        ref = texts.length;
        texts.push(this.texts[old] ?? '');
        renumber.set(old, ref);
      }
      refs[i] = ref;
    });
    return { columns, texts };
  }

  static fromOrdered(columns: TrailColumns, texts: string[], dropped: number, capacity = TRAIL_CAPACITY): VolumeTrail {
    const n = columns.time.length;
    const trail = new VolumeTrail(capacity, Math.max(Math.min(INITIAL, capacity), n));
    trail.time.set(columns.time);
    trail.volume.set(columns.volume);
    trail.kind.set(columns.kind);
    trail.cluster.set(columns.cluster);
    trail.other.set(columns.other);
    trail.level.set(columns.level);
    trail.value.set(columns.value);
    trail.commandRef.set(columns.commandRef);
    trail.texts = texts;
    trail.length = n;
    trail.dropped = dropped;
    return trail;
  }

  private grow(): void {
    // Only while not yet wrapped (start is 0 until the ring reaches capacity). Into the room behind the
    // columns where there is some: a day of writes fills the ring without copying it at each doubling.
    const size = Math.min(this.capacity, this.time.length * 2);
    this.time = extended(this.time, size);
    this.volume = extended(this.volume, size);
    this.kind = extended(this.kind, size);
    this.cluster = extended(this.cluster, size);
    this.other = extended(this.other, size);
    this.level = extended(this.level, size);
    this.value = extended(this.value, size);
    this.commandRef = extended(this.commandRef, size);
  }
}

function read(column: NumberColumn, at: number): number {
  const value = column[at];
  if (value === undefined) throw new RangeError(`volume trail has no event at ${at} (${column.length} slots)`);
  return value;
}

const KIND_CODES: ReadonlySet<number> = new Set(Object.values(TrailKind));

function isKind(code: number): code is TrailKindCode {
  return KIND_CODES.has(code);
}

function kindOf(code: number): TrailKindCode {
  if (!isKind(code)) throw new RangeError(`volume trail event of unknown kind ${code}`);
  return code;
}

export interface TrailColumns {
  time: Float64Array;
  volume: Int32Array;
  kind: Uint8Array;
  cluster: Int8Array;
  other: Int8Array;
  level: Int32Array;
  value: Float64Array;
  commandRef: Int32Array;
}
