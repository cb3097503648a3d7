// Discrete-event queue ordered by (time, insertion sequence): ties resolve the same way on every run.
// Events are plain data (kind + numeric arguments) so a checkpoint can hold the pending ones; the
// world names the kinds and their argument shapes (core/world/events.ts).

/** An event as scheduled: its kind and arguments. */
export interface EventBody {
  kind: string;
  args: readonly number[];
}

/** A queued event: when it fires, and its place among events of the same instant. */
export type Queued<E extends EventBody> = { time: number; seq: number } & E;

export class EventQueue<E extends EventBody> {
  private heap: Queued<E>[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(time: number, body: E): void {
    const event: Queued<E> = { time, seq: this.nextSeq++, ...body };
    const heap = this.heap;
    heap.push(event);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(event, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = event;
  }

  peek(): Queued<E> | undefined {
    return this.heap[0];
  }

  pop(): Queued<E> | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (!top || !last || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(heap[r]!, heap[l]!) ? r : l;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }

  toJSON(): { nextSeq: number; events: Queued<E>[] } {
    return { nextSeq: this.nextSeq, events: [...this.heap].sort((a, b) => (before(a, b) ? -1 : 1)) };
  }

  /** `data` is the caller's own (a freshly decoded checkpoint): the queue takes its events as they are. */
  static fromJSON<E extends EventBody>(data: { nextSeq: number; events: Queued<E>[] }): EventQueue<E> {
    const queue = new EventQueue<E>();
    queue.heap = [...data.events]; // a sorted array is a heap
    queue.nextSeq = data.nextSeq;
    return queue;
  }
}

function before(a: { time: number; seq: number }, b: { time: number; seq: number }): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
