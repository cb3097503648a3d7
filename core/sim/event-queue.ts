// Discrete-event queue ordered by (time, insertion sequence): ties resolve the same way on every run.
// Events are plain data (kind + numeric arguments) so a checkpoint can hold the pending ones.

export interface SimEvent {
  time: number;
  seq: number;
  kind: string;
  args: number[];
}

export class EventQueue {
  private heap: SimEvent[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(time: number, kind: string, args: number[] = []): void {
    const event: SimEvent = { time, seq: this.nextSeq++, kind, args };
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

  peek(): SimEvent | undefined {
    return this.heap[0];
  }

  pop(): SimEvent | undefined {
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

  toJSON(): { nextSeq: number; events: SimEvent[] } {
    return { nextSeq: this.nextSeq, events: [...this.heap].sort((a, b) => (before(a, b) ? -1 : 1)) };
  }

  static fromJSON(data: { nextSeq: number; events: SimEvent[] }): EventQueue {
    const queue = new EventQueue();
    queue.heap = data.events.map((e) => ({ ...e, args: [...e.args] })); // a sorted array is a heap
    queue.nextSeq = data.nextSeq;
    return queue;
  }
}

function before(a: SimEvent, b: SimEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
