// DASD block contents (seed 001: "a location in LU B where the data is to be written; and the data
// itself"): one 32-bit content word per 4 KB block, kept sparse in chunks of typed arrays so a 54 GB
// 3390-54 costs memory only where it was written. A word of 0 is a block never written.

export const BLOCK_BYTES = 4096;
const CHUNK_SHIFT = 12;
export const CHUNK_BLOCKS = 1 << CHUNK_SHIFT;
const CHUNK_MASK = CHUNK_BLOCKS - 1;

/** FNV-1a of a text: the seed of a PATTERN token's content. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The content word a write of `seed` leaves in `block`: differs per block, never 0. */
export function contentWord(seed: number, block: number): number {
  let h = Math.imul(seed ^ Math.imul(block, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

interface Chunk {
  words: Uint32Array;
  has: Uint8Array;
}

/**
 * Sparse block → word map; `has` marks blocks set (an overlay may hold a 0 = "unwritten at that time").
 * Chunks sit in a holey array indexed by chunk number: a 1 TB volume has at most 65,536 of them, and an
 * array index is far cheaper than a hash lookup on the hot write path.
 */
export class BlockMap {
  private slots: (Chunk | undefined)[] = [];
  private live = 0;
  /** blocks set, kept as they are set: the overview asks for it on volumes of up to 1 TB */
  private n = 0;

  constructor(readonly blocks: number) {}

  get chunkCount(): number {
    return this.live;
  }

  /** Chunk numbers in use, ascending. */
  chunkKeys(): number[] {
    const out: number[] = [];
    for (let k = 0; k < this.slots.length; k++) if (this.slots[k] !== undefined) out.push(k);
    return out;
  }

  getChunk(key: number): Chunk | undefined {
    return this.slots[key];
  }

  setChunk(key: number, chunk: Chunk): void {
    const old = this.slots[key];
    if (old === undefined) this.live++;
    else for (const set of old.has) this.n -= set;
    for (const set of chunk.has) this.n += set;
    this.slots[key] = chunk;
  }

  private chunk(block: number): Chunk {
    const key = block >>> CHUNK_SHIFT;
    let c = this.slots[key];
    if (c === undefined) {
      // A new chunk has no block set yet: nothing to count (setChunk would scan it).
      c = { words: new Uint32Array(CHUNK_BLOCKS), has: new Uint8Array(CHUNK_BLOCKS) };
      this.slots[key] = c;
      this.live++;
    }
    return c;
  }

  get(block: number): number {
    const c = this.slots[block >>> CHUNK_SHIFT];
    // An unwritten block reads as 0, in an unmade chunk or not.
    return c?.words[block & CHUNK_MASK] ?? 0;
  }

  has(block: number): boolean {
    const c = this.slots[block >>> CHUNK_SHIFT];
    return c === undefined ? false : c.has[block & CHUNK_MASK] === 1;
  }

  set(block: number, word: number): void {
    const c = this.chunk(block);
    const i = block & CHUNK_MASK;
    c.words[i] = word;
    if (c.has[i] === 0) {
      c.has[i] = 1;
      this.n++;
    }
  }

  /**
   * Sets a block and returns the word it held (0 when never written): get then set with one chunk
   * lookup, for distribution, which keeps every overwritten word as undo.
   */
  exchange(block: number, word: number): number {
    const c = this.chunk(block);
    const i = block & CHUNK_MASK;
    const old = c.words[i] ?? 0;
    c.words[i] = word;
    if (c.has[i] === 0) {
      c.has[i] = 1;
      this.n++;
    }
    return old;
  }

  /** Sets only when not set yet: the first (oldest-wins) value of an overlay. */
  setIfAbsent(block: number, word: number): void {
    const c = this.chunk(block);
    const i = block & CHUNK_MASK;
    if (c.has[i] === 1) return;
    c.words[i] = word;
    c.has[i] = 1;
    this.n++;
  }

  /** Every set block, ascending. */
  forEach(fn: (block: number, word: number) => void): void {
    this.slots.forEach((c, key) => {
      if (c === undefined) return;
      const base = key << CHUNK_SHIFT;
      c.has.forEach((set, i) => {
        if (set === 1) fn(base + i, c.words[i] ?? 0);
      });
    });
  }

  /** Number of set blocks. */
  count(): number {
    return this.n;
  }

  clone(): BlockMap {
    const out = new BlockMap(this.blocks);
    this.slots.forEach((c, key) => {
      if (c !== undefined) out.setChunk(key, { words: c.words.slice(), has: c.has.slice() });
    });
    return out;
  }

  clear(): void {
    this.slots = [];
    this.live = 0;
    this.n = 0;
  }
}

/** Reads through an overlay (when it has the block) to a base. */
/** Ascending block numbers as runs of consecutive blocks: `each(first, count, at)`, `at` the run's position in `blocks`. */
export function forEachRun(blocks: readonly number[], each: (first: number, count: number, at: number) => void): void {
  let first = -1;
  let count = 0;
  let at = 0;
  blocks.forEach((b, i) => {
    if (count > 0 && b === first + count) {
      count++;
      return;
    }
    if (count > 0) each(first, count, at);
    first = b;
    count = 1;
    at = i;
  });
  if (count > 0) each(first, count, at);
}

export function wordAt(base: BlockMap, overlay: BlockMap | null, block: number): number {
  return overlay && overlay.has(block) ? overlay.get(block) : base.get(block);
}

/**
 * Content digest (CHECKSUM): 64-bit FNV-1a over (block, word) of every block holding data, in block
 * order, through the overlays given (first overlay wins). Two images with the same data give the same
 * digest however they were reached (written, rolled back, copied).
 */
export function digest(base: BlockMap, ...overlays: (BlockMap | null)[]): string {
  const layers = overlays.filter((o): o is BlockMap => o !== null);
  const keys = new Set<number>(base.chunkKeys());
  for (const o of layers) for (const k of o.chunkKeys()) keys.add(k);
  let lo = 0x84222325;
  let hi = 0xcbf29ce4;
  const mix = (x: number) => {
    lo = Math.imul(lo ^ (x & 0xffff), 0x01b3);
    hi = Math.imul(hi ^ (x >>> 16), 0x0100) + (lo >>> 24);
    lo = Math.imul(lo ^ hi, 0x01000193) >>> 0;
  };
  for (const key of [...keys].sort((a, b) => a - b)) {
    const chunks = layers.map((o) => o.getChunk(key));
    const b = base.getChunk(key);
    const start = key << CHUNK_SHIFT;
    for (let i = 0; i < CHUNK_BLOCKS; i++) {
      let word = b?.words[i] ?? 0;
      for (const c of chunks) {
        if (c && c.has[i] === 1) {
          word = c.words[i] ?? 0;
          break;
        }
      }
      if (word === 0) continue;
      mix(start + i);
      mix(word);
    }
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/** Blocks where two maps differ (either holding data), ascending. */
export function differingBlocks(a: BlockMap, b: BlockMap): number[] {
  const keys = [...new Set([...a.chunkKeys(), ...b.chunkKeys()])].sort((x, y) => x - y);
  const out: number[] = [];
  for (const key of keys) {
    const ca = a.getChunk(key);
    const cb = b.getChunk(key);
    const start = key << CHUNK_SHIFT;
    for (let i = 0; i < CHUNK_BLOCKS; i++) if ((ca ? ca.words[i]! : 0) !== (cb ? cb.words[i]! : 0)) out.push(start + i);
  }
  return out;
}

/** Blocks a byte range covers: [first, first + count). */
export function blockRange(offset: number, size: number): { first: number; count: number } {
  const first = Math.floor(offset / BLOCK_BYTES);
  const last = Math.floor((offset + size - 1) / BLOCK_BYTES);
  return { first, count: last - first + 1 };
}

/** Checkpoint form: chunk keys and the chunk arrays, concatenated. */
export function blockMapBlobs(map: BlockMap, at: string, blobs: Record<string, Uint8Array>): void {
  const keys = map.chunkKeys();
  const words = new Uint32Array(keys.length * CHUNK_BLOCKS);
  const has = new Uint8Array(keys.length * CHUNK_BLOCKS);
  keys.forEach((k, i) => {
    words.set(map.getChunk(k)!.words, i * CHUNK_BLOCKS);
    has.set(map.getChunk(k)!.has, i * CHUNK_BLOCKS);
  });
  blobs[`${at}/keys`] = new Uint8Array(Float64Array.from(keys).buffer);
  blobs[`${at}/words`] = new Uint8Array(words.buffer);
  blobs[`${at}/has`] = has;
}

export function blockMapFromBlobs(blocks: number, at: string, blob: (name: string) => Uint8Array): BlockMap {
  const keys = typedCopy(Float64Array, blob(`${at}/keys`));
  const words = typedCopy(Uint32Array, blob(`${at}/words`));
  const has = blob(`${at}/has`);
  const map = new BlockMap(blocks);
  keys.forEach((k, i) => map.setChunk(k, { words: words.slice(i * CHUNK_BLOCKS, (i + 1) * CHUNK_BLOCKS), has: has.slice(i * CHUNK_BLOCKS, (i + 1) * CHUNK_BLOCKS) }));
  return map;
}

export function typedCopy<T extends Float64Array | Uint32Array | Int32Array>(Type: { new (n: number): T; BYTES_PER_ELEMENT: number }, bytes: Uint8Array): T {
  if (bytes.byteLength % Type.BYTES_PER_ELEMENT !== 0) throw new Error(`dasd blob of ${bytes.byteLength} bytes is not whole ${Type.BYTES_PER_ELEMENT}-byte values`);
  const out = new Type(bytes.byteLength / Type.BYTES_PER_ELEMENT);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
