// Scratch (Fast Ready) volumes by category and owning cluster, oldest return first. Entries are
// checked when taken (lazy deletion): a volume that left scratch or changed owner is skipped.
// Redbook §11.2.3: a scratch mount succeeds while the mounting cluster owns scratch volumes.

import { NumberFifo } from '../model/number-fifo.js';

export class ScratchPools {
  /** pools[`${category}:${owner}`] */
  pools = new Map<string, NumberFifo>();

  private key(category: number, owner: number): string {
    return `${category}:${owner}`;
  }

  add(category: number, owner: number, volume: number): void {
    this.poolFor(category, owner).push(volume);
  }

  /** Volumes first … end - 1, in order, as add() one by one: the pool is looked up once, not per volume. */
  addRun(category: number, owner: number, first: number, end: number): void {
    const fifo = this.poolFor(category, owner);
    for (let v = first; v < end; v++) fifo.push(v);
  }

  private poolFor(category: number, owner: number): NumberFifo {
    const key = this.key(category, owner);
    let fifo = this.pools.get(key);
    if (!fifo) this.pools.set(key, (fifo = new NumberFifo()));
    return fifo;
  }

  pool(category: number, owner: number): NumberFifo | undefined {
    return this.pools.get(this.key(category, owner));
  }

  toJSON(): Record<string, Float64Array> {
    const out: Record<string, Float64Array> = {};
    for (const [key, fifo] of [...this.pools].sort(([a], [b]) => (a < b ? -1 : 1))) out[key] = fifo.toArray();
    return out;
  }

  static fromJSON(data: Record<string, Float64Array>): ScratchPools {
    const pools = new ScratchPools();
    for (const [key, values] of Object.entries(data)) pools.pools.set(key, NumberFifo.from(values));
    return pools;
  }
}
