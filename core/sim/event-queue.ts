// Discrete-event queue ordered by (time, insertion sequence): ties resolve the same way on every run.
// Events are plain data (kind + numeric arguments) so a checkpoint can hold the pending ones; the
// world names the kinds and their argument shapes (core/world/events.ts).
// The heap keeps each event's ordering key (time, sequence) in typed arrays beside it: a week of
// production pops millions of events, and comparing keys in place beats reaching into each object.

/** An event as scheduled: its kind and arguments. */
export interface EventBody {
  kind: string;
  args: readonly number[];
}

/** A queued event: when it fires, and its place among events of the same instant. */
export type Queued<E extends EventBody> = { time: number; seq: number } & E;

export class EventQueue<E extends EventBody> {
  private items: Queued<E>[] = [];
  private times = new Float64Array(64);
  private seqs = new Float64Array(64);
  private nextSeq = 0;

  get size(): number {
    return this.items.length;
  }

  push(time: number, body: E): void {
    const seq = this.nextSeq++;
    const event: Queued<E> = { time, seq, ...body };
    const items = this.items;
    let i = items.length;
    if (i === this.times.length) this.grow();
    const times = this.times;
    const seqs = this.seqs;
    items.push(event);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (time > pt || (time === pt && seq > seqs[parent]!)) break;
      items[i] = items[parent]!;
      times[i] = pt;
      seqs[i] = seqs[parent]!;
      i = parent;
    }
    items[i] = event;
    times[i] = time;
    seqs[i] = seq;
  }

  peek(): Queued<E> | undefined {
    return this.items[0];
  }

  pop(): Queued<E> | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    const n = items.length;
    if (!top || !last || n === 0) return top;
    const times = this.times;
    const seqs = this.seqs;
    const lt = times[n]!;
    const ls = seqs[n]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let child = l;
      let ct = times[l]!;
      let cs = seqs[l]!;
      if (r < n) {
        const rt = times[r]!;
        const rs = seqs[r]!;
        if (rt < ct || (rt === ct && rs < cs)) {
          child = r;
          ct = rt;
          cs = rs;
        }
      }
      if (ct > lt || (ct === lt && cs > ls)) break;
      items[i] = items[child]!;
      times[i] = ct;
      seqs[i] = cs;
      i = child;
    }
    items[i] = last;
    times[i] = lt;
    seqs[i] = ls;
    return top;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    const seqs = new Float64Array(this.seqs.length * 2);
    times.set(this.times);
    seqs.set(this.seqs);
    this.times = times;
    this.seqs = seqs;
  }

  toJSON(): { nextSeq: number; events: Queued<E>[] } {
    return { nextSeq: this.nextSeq, events: [...this.items].sort((a, b) => (before(a, b) ? -1 : 1)) };
  }

  /** `data` is the caller's own (a freshly decoded checkpoint): the queue takes its events as they are. */
  static fromJSON<E extends EventBody>(data: { nextSeq: number; events: Queued<E>[] }): EventQueue<E> {
    const queue = new EventQueue<E>();
    for (const event of data.events) queue.place(event); // a sorted array is a heap
    queue.nextSeq = data.nextSeq;
    return queue;
  }

  /** When the last event held now is due (ADVANCE UNTIL IDLE's horizon for its progress bar), or null when none is. */
  latestTime(): number | null {
    const n = this.items.length;
    if (n === 0) return null;
    let latest = -Infinity;
    const times = this.times;
    for (let i = 0; i < n; i++) latest = Math.max(latest, times[i] ?? latest);
    return latest;
  }

  /** Appends an event after every held one: restoring the sorted list of toJSON() keeps the heap order. */
  private place(event: Queued<E>): void {
    const i = this.items.length;
    if (i === this.times.length) this.grow();
    this.items.push(event);
    this.times[i] = event.time;
    this.seqs[i] = event.seq;
  }
}

function before(a: { time: number; seq: number }, b: { time: number; seq: number }): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
