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
    const key = this.key(category, owner);
    let fifo = this.pools.get(key);
    if (!fifo) this.pools.set(key, (fifo = new NumberFifo()));
    fifo.push(volume);
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
