// The logical volumes of a grid, struct-of-arrays: one typed array per attribute, indexed by volume
// number, with a volser hash beside them. Objects per volume would not hold 4,000,000 (seed 000).

import { VolserIndex } from './volser-index.js';
import { decodeVolser, encodeVolser } from './volser.js';

export const MAX_CLUSTERS = 8;
export const NO_COPY = -1;
export const NOT_MOUNTED = -1;

type Column = Uint32Array | Uint16Array | Uint8Array | Int8Array | Int32Array | Float64Array;

export interface VolumeColumns {
  code: Uint32Array;
  category: Uint16Array;
  mc: Uint8Array;
  owner: Int8Array;
  level: Uint32Array;
  sizeBytes: Float64Array;
  mountedOn: Int8Array;
  createdAt: Float64Array;
  lastAccess: Float64Array;
  categoryChangedAt: Float64Array;
  /** bit c set: the copy on cluster c is in its tape volume cache */
  inCache: Uint8Array;
  /** bit c set: the copy on cluster c is pre-migrated to a physical (stacked) volume */
  premigrated: Uint8Array;
  /** copyLevel[c][v]: data level of cluster c's copy of v, NO_COPY when it has none */
  copyLevel: Int32Array[];
}

const COLUMN_TYPES = {
  code: Uint32Array,
  category: Uint16Array,
  mc: Uint8Array,
  owner: Int8Array,
  level: Uint32Array,
  sizeBytes: Float64Array,
  mountedOn: Int8Array,
  createdAt: Float64Array,
  lastAccess: Float64Array,
  categoryChangedAt: Float64Array,
  inCache: Uint8Array,
  premigrated: Uint8Array,
} as const;

export type ScalarColumn = keyof typeof COLUMN_TYPES;
export const SCALAR_COLUMNS = Object.keys(COLUMN_TYPES) as ScalarColumn[];

export class VolumeStore {
  count = 0;
  capacity: number;
  clusterCount: number;
  cols: VolumeColumns;
  readonly index: VolserIndex;

  constructor(clusterCount: number, capacity = 1024) {
    this.capacity = capacity;
    this.clusterCount = clusterCount;
    this.index = new VolserIndex(capacity);
    const cols = {} as Record<string, Column | Int32Array[]>;
    for (const name of SCALAR_COLUMNS) cols[name] = new COLUMN_TYPES[name](capacity);
    cols.copyLevel = Array.from({ length: clusterCount }, () => new Int32Array(capacity).fill(NO_COPY));
    this.cols = cols as unknown as VolumeColumns;
  }

  /** A cluster joins the grid: it holds no copies yet. */
  addCluster(): void {
    this.cols.copyLevel.push(new Int32Array(this.capacity).fill(NO_COPY));
    this.clusterCount++;
  }

  reserve(total: number): void {
    if (total <= this.capacity) return;
    // Grow by half again at least, so a run of PRELOADs reallocates O(log n) times, not per range.
    const capacity = Math.max(total, Math.ceil(this.capacity * 1.5));
    const cols = this.cols as unknown as Record<string, Column | Int32Array[]>;
    for (const name of SCALAR_COLUMNS) {
      const old = cols[name] as Column;
      const grown = new COLUMN_TYPES[name](capacity);
      grown.set(old as never);
      cols[name] = grown;
    }
    this.cols.copyLevel = this.cols.copyLevel.map((old) => {
      // Only the new tail needs NO_COPY: the head is copied over.
      const grown = new Int32Array(capacity).fill(NO_COPY, old.length);
      grown.set(old);
      return grown;
    });
    this.capacity = capacity;
    this.index.reserve(total);
  }

  find(volser: string): number {
    return this.index.get(encodeVolser(volser));
  }

  findCode(code: number): number {
    return this.index.get(code);
  }

  volser(v: number): string {
    return decodeVolser(this.get(v, 'code'));
  }

  /** One attribute of volume v, for a command's few volumes; a scan over all of them reads `cols` directly. */
  get(v: number, column: ScalarColumn): number {
    const value = this.cols[column][v];
    if (value === undefined) throw new RangeError(`no logical volume #${v} (${this.count} volumes)`);
    return value;
  }

  /** Data level of cluster c's copy of volume v, NO_COPY when it has none. */
  copyLevelOf(cluster: number, v: number): number {
    const level = this.cols.copyLevel[cluster]?.[v];
    if (level === undefined) throw new RangeError(`no copy column for cluster #${cluster}, volume #${v}`);
    return level;
  }

  /** Appends a volume; the caller fills its attributes. Returns its number. */
  add(code: number): number {
    if (this.count === this.capacity) this.reserve(this.count + 1);
    const v = this.count++;
    const c = this.cols;
    c.code[v] = code;
    c.mountedOn[v] = NOT_MOUNTED;
    for (const levels of c.copyLevel) levels[v] = NO_COPY;
    this.index.set(code, v);
    return v;
  }

  /**
   * Appends a block of volumes at once (PRELOAD, INSERT of a range): what `add` does per volume, with
   * fills instead of per-volume stores. Returns the first new volume's number; the caller fills the rest.
   */
  addBlock(codes: Uint32Array): number {
    const n = codes.length;
    this.reserve(this.count + n);
    const first = this.count;
    const end = first + n;
    const c = this.cols;
    c.code.set(codes, first);
    c.mountedOn.fill(NOT_MOUNTED, first, end);
    for (const levels of c.copyLevel) levels.fill(NO_COPY, first, end);
    for (let i = 0; i < n; i++) this.index.set(codes[i]!, first + i);
    this.count = end;
    return first;
  }

  hasConsistentCopy(v: number, cluster: number): boolean {
    return this.copyLevelOf(cluster, v) === this.cols.level[v];
  }
}
