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

/** 32 blocks' set-marks per word of a chunk's bitmap. */
const MARK_WORDS = CHUNK_BLOCKS >>> 5;

interface Chunk {
  words: Uint32Array;
  /**
   * One bit per block set: a bitmap rather than a byte per block, because a random write touches its
   * mark too, and 512 bytes of marks per chunk stay in cache where 4 KB would not.
   */
  has: Uint32Array;
}

function marked(c: Chunk, i: number): boolean {
  return (((c.has[i >>> 5] ?? 0) >>> (i & 31)) & 1) === 1;
}

/** Blocks marked in a chunk. */
function markCount(has: Uint32Array): number {
  let n = 0;
  for (let x of has) {
    // Population count of one 32-bit word (Hacker's Delight 5-2).
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    n += Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }
  return n;
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
    else this.n -= markCount(old.has);
    this.n += markCount(chunk.has);
    this.slots[key] = chunk;
  }

  /** The chunk holding a block, made when missing: the lookup small enough to inline on the write path. */
  private chunk(block: number): Chunk {
    return this.slots[block >>> CHUNK_SHIFT] ?? this.made(block >>> CHUNK_SHIFT);
  }

  private made(key: number): Chunk {
    // A new chunk has no block set yet: nothing to count (setChunk would scan it).
    const c = { words: new Uint32Array(CHUNK_BLOCKS), has: new Uint32Array(MARK_WORDS) };
    this.slots[key] = c;
    this.live++;
    return c;
  }

  get(block: number): number {
    const c = this.slots[block >>> CHUNK_SHIFT];
    // An unwritten block reads as 0, in an unmade chunk or not.
    return c?.words[block & CHUNK_MASK] ?? 0;
  }

  has(block: number): boolean {
    const c = this.slots[block >>> CHUNK_SHIFT];
    return c === undefined ? false : marked(c, block & CHUNK_MASK);
  }

  set(block: number, word: number): void {
    const c = this.chunk(block);
    const i = block & CHUNK_MASK;
    c.words[i] = word;
    const m = i >>> 5;
    const bit = 1 << (i & 31);
    const marks = c.has[m] ?? 0;
    if ((marks & bit) === 0) {
      c.has[m] = marks | bit;
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
    const m = i >>> 5;
    const bit = 1 << (i & 31);
    const marks = c.has[m] ?? 0;
    if ((marks & bit) === 0) {
      c.has[m] = marks | bit;
      this.n++;
    }
    return old;
  }

  /** Sets only when not set yet: the first (oldest-wins) value of an overlay. */
  setIfAbsent(block: number, word: number): void {
    const c = this.chunk(block);
    const i = block & CHUNK_MASK;
    const m = i >>> 5;
    const bit = 1 << (i & 31);
    const marks = c.has[m] ?? 0;
    if ((marks & bit) !== 0) return;
    c.words[i] = word;
    c.has[m] = marks | bit;
    this.n++;
  }

  /** Every set block, ascending. */
  forEach(fn: (block: number, word: number) => void): void {
    this.slots.forEach((c, key) => {
      if (c === undefined) return;
      const base = key << CHUNK_SHIFT;
      c.has.forEach((marks, m) => {
        for (let bits = marks; bits !== 0; bits &= bits - 1) {
          const i = (m << 5) + (31 - Math.clz32(bits & -bits));
          fn(base + i, c.words[i] ?? 0);
        }
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
        if (c && marked(c, i)) {
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
    const c = map.getChunk(k);
    if (c === undefined) throw new Error(`block map lost chunk ${k} while saving it`);
    words.set(c.words, i * CHUNK_BLOCKS);
    // The checkpoint keeps a byte per block (its form before the bitmap): old checkpoints stay readable.
    const at0 = i * CHUNK_BLOCKS;
    for (let b = 0; b < CHUNK_BLOCKS; b++) has[at0 + b] = marked(c, b) ? 1 : 0;
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
  keys.forEach((k, i) => {
    const marks = new Uint32Array(MARK_WORDS);
    const at0 = i * CHUNK_BLOCKS;
    for (let b = 0; b < CHUNK_BLOCKS; b++) if (has[at0 + b] === 1) marks[b >>> 5] = (marks[b >>> 5] ?? 0) | (1 << (b & 31));
    map.setChunk(k, { words: words.slice(at0, at0 + CHUNK_BLOCKS), has: marks });
  });
  return map;
}

export function typedCopy<T extends Float64Array | Uint32Array | Int32Array>(Type: { new (n: number): T; BYTES_PER_ELEMENT: number }, bytes: Uint8Array): T {
  if (bytes.byteLength % Type.BYTES_PER_ELEMENT !== 0) throw new Error(`dasd blob of ${bytes.byteLength} bytes is not whole ${Type.BYTES_PER_ELEMENT}-byte values`);
  const out = new Type(bytes.byteLength / Type.BYTES_PER_ELEMENT);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
