// The logical volumes of a grid, struct-of-arrays: one typed array per attribute, indexed by volume
// number, with a volser hash beside them. Objects per volume would not hold 4,000,000 (seed 000).

import { VolserIndex } from './volser-index.js';
import { decodeVolser, encodeVolser } from './volser.js';
import { extended } from './typed-arrays.js';

export const MAX_CLUSTERS = 8;
export const NO_COPY = -1;
export const NOT_MOUNTED = -1;

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

export const SCALAR_COLUMNS = [
  'code',
  'category',
  'mc',
  'owner',
  'level',
  'sizeBytes',
  'mountedOn',
  'createdAt',
  'lastAccess',
  'categoryChangedAt',
  'inCache',
  'premigrated',
] as const satisfies readonly (keyof VolumeColumns)[];
export type ScalarColumn = (typeof SCALAR_COLUMNS)[number];

function scalarColumns(capacity: number): Omit<VolumeColumns, 'copyLevel'> {
  return {
    code: new Uint32Array(capacity),
    category: new Uint16Array(capacity),
    mc: new Uint8Array(capacity),
    owner: new Int8Array(capacity),
    level: new Uint32Array(capacity),
    sizeBytes: new Float64Array(capacity),
    mountedOn: new Int8Array(capacity),
    createdAt: new Float64Array(capacity),
    lastAccess: new Float64Array(capacity),
    categoryChangedAt: new Float64Array(capacity),
    inCache: new Uint8Array(capacity),
    premigrated: new Uint8Array(capacity),
  };
}

export class VolumeStore {
  count = 0;
  capacity: number;
  clusterCount: number;
  readonly cols: VolumeColumns;
  readonly index: VolserIndex;

  constructor(clusterCount: number, capacity = 1024) {
    this.capacity = capacity;
    this.clusterCount = clusterCount;
    this.cols = { ...scalarColumns(capacity), copyLevel: Array.from({ length: clusterCount }, () => new Int32Array(capacity).fill(NO_COPY)) };
    // The index reads codes from this very object, whose columns are replaced in place as they grow.
    this.index = new VolserIndex(capacity, this.cols);
  }

  /** A cluster joins the grid: it holds no copies yet. */
  addCluster(): void {
    this.cols.copyLevel.push(new Int32Array(this.capacity).fill(NO_COPY));
    this.clusterCount++;
  }

  /**
   * Room for `total` volumes in every column. The columns are `capacity` long, but for a store restored
   * from a checkpoint's blobs as they were (exactly `count` long): those grow to the saved capacity
   * first, so the store grows as the one that was saved would have.
   */
  reserve(total: number): void {
    if (total <= this.cols.code.length) return;
    // Grow by half again at least, so a run of PRELOADs reallocates O(log n) times, not per range.
    const capacity = total <= this.capacity ? this.capacity : Math.max(total, Math.ceil(this.capacity * 1.5));
    // In place: callers hold `cols` across an add() that grows it. Each column grows into the room its
    // memory has behind it where it can (see extended): a PRELOAD of millions copies almost nothing.
    const c = this.cols;
    c.code = extended(c.code, capacity);
    c.category = extended(c.category, capacity);
    c.mc = extended(c.mc, capacity);
    c.owner = extended(c.owner, capacity);
    c.level = extended(c.level, capacity);
    c.sizeBytes = extended(c.sizeBytes, capacity);
    c.mountedOn = extended(c.mountedOn, capacity);
    c.createdAt = extended(c.createdAt, capacity);
    c.lastAccess = extended(c.lastAccess, capacity);
    c.categoryChangedAt = extended(c.categoryChangedAt, capacity);
    c.inCache = extended(c.inCache, capacity);
    c.premigrated = extended(c.premigrated, capacity);
    // No NO_COPY fill of the room: add() and addBlock() write it for each volume they add, and
    // filling ahead would touch (fault in) memory a grid may never use.
    c.copyLevel = c.copyLevel.map((old) => extended(old, capacity));
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
    const value = this.read(v, column);
    if (value === undefined) throw new RangeError(`no logical volume #${v} (${this.count} volumes)`);
    return value;
  }

  // One case per column, so each read stays monomorphic: `this.cols[column][v]` would see every kind
  // of typed array at one site and run tens of times slower on the mount and copy paths.
  private read(v: number, column: ScalarColumn): number | undefined {
    const c = this.cols;
    switch (column) {
      case 'code':
        return c.code[v];
      case 'category':
        return c.category[v];
      case 'mc':
        return c.mc[v];
      case 'owner':
        return c.owner[v];
      case 'level':
        return c.level[v];
      case 'sizeBytes':
        return c.sizeBytes[v];
      case 'mountedOn':
        return c.mountedOn[v];
      case 'createdAt':
        return c.createdAt[v];
      case 'lastAccess':
        return c.lastAccess[v];
      case 'categoryChangedAt':
        return c.categoryChangedAt[v];
      case 'inCache':
        return c.inCache[v];
      case 'premigrated':
        return c.premigrated[v];
    }
  }

  /** Cluster c's copy-level column (see VolumeColumns.copyLevel). */
  copyLevels(cluster: number): Int32Array {
    const levels = this.cols.copyLevel[cluster];
    if (levels === undefined) throw new RangeError(`no copy column for cluster #${cluster} (${this.clusterCount} clusters)`);
    return levels;
  }

  /** Data level of cluster c's copy of volume v, NO_COPY when it has none. */
  copyLevelOf(cluster: number, v: number): number {
    const level = this.copyLevels(cluster)[v];
    if (level === undefined) throw new RangeError(`no logical volume #${v} (${this.count} volumes)`);
    return level;
  }

  /** Every cluster's copy level of volume v, by cluster index. */
  copyLevelsOf(v: number): number[] {
    return this.cols.copyLevel.map((_, c) => this.copyLevelOf(c, v));
  }

  /** Appends a volume; the caller fills its attributes. Returns its number. */
  add(code: number): number {
    if (this.count === this.cols.code.length) this.reserve(this.count + 1);
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
    this.index.setMany(codes, first);
    this.count = end;
    return first;
  }

  hasConsistentCopy(v: number, cluster: number): boolean {
    return this.copyLevelOf(cluster, v) === this.cols.level[v];
  }
}
