// A stand-alone tape-attached library (Redbook §11.7: "Clients can only execute a Copy Export Recovery
// process in a stand-alone cluster"): not part of the grid, cluster 0 of its own, with its own drives
// (formats, encryption keys), code level, slots, physical library and logical volume database
// (columnar, like the grid's). It takes INSERT, PRELOAD, POOL, DRIVES, RECLAIM and SHOW.

import type { GridState } from '../../world/state.js';
import { refuse } from '../../world/refusal.js';
import { decodeVolser, encodeVolser, parseVolserRange, rangeSize, rangeVolser, type VolserRange } from '../../model/volser.js';
import { MB } from '../../sim/time.js';
import { createLibrary, DEFAULT_PRIMARY_POOL, materialize, pvolAt, definedPool } from '../../world/tape/library.js';
import { FORMATS, type Format } from '../../world/tape/media.js';
import type { CopyColumns, RecoveryJob, StandaloneLibrary, StandaloneVolumes } from '../../world/tape/standalone.js';

export const STANDALONE_COLUMN_NAMES = ['volser', 'level', 'sizeBytes', 'category', 'mc', 'pvol'] as const;
export type StandaloneColumn = (typeof STANDALONE_COLUMN_NAMES)[number];
export const STANDALONE_COLUMNS = { volser: Uint32Array, level: Int32Array, sizeBytes: Float64Array, category: Uint16Array, mc: Uint8Array, pvol: Int32Array } as const satisfies Record<
  StandaloneColumn,
  unknown
>;

export const DEFAULT_SLOTS = 10_000;
export const DEFAULT_STANDALONE_CODE = '8.50';

export function emptyVolumes(): StandaloneVolumes {
  return { count: 0, volser: new Uint32Array(0), level: new Int32Array(0), sizeBytes: new Float64Array(0), category: new Uint16Array(0), mc: new Uint8Array(0), pvol: new Int32Array(0) };
}

export interface StandaloneSpec {
  name: string;
  drives: number;
  formats: Format[] | null;
  code: string | null;
  keys: string[];
  slots: number | null;
  partition: string[];
}

export function defineStandalone(state: GridState, spec: StandaloneSpec): StandaloneLibrary {
  if (state.tape.standalones.some((s) => s.name === spec.name)) refuse('DUPLICATE', `stand-alone library ${spec.name} already exists`);
  if (state.clusters.some((c) => c.name === spec.name)) refuse('DUPLICATE', `${spec.name} is a cluster of the grid`);
  const formats = spec.formats ?? ['E07'];
  const [newest] = [...formats].sort((a, b) => FORMATS.indexOf(b) - FORMATS.indexOf(a));
  if (newest === undefined) refuse('NO_FORMATS', `stand-alone library ${spec.name} needs at least one drive format`);
  const index = state.tape.standalones.length;
  const sa: StandaloneLibrary = {
    name: spec.name,
    index,
    drives: spec.drives,
    drivesAvailable: spec.drives,
    formats,
    code: spec.code ?? DEFAULT_STANDALONE_CODE,
    keys: spec.keys,
    slots: spec.slots ?? DEFAULT_SLOTS,
    partition: spec.partition,
    physical: createLibrary(spec.name, `S${'ZYXWVUTS'[index % 8]}`, true, 0, newest),
    volumes: emptyVolumes(),
    mcs: [],
    job: null,
    testMode: null,
    recovery: null,
  };
  state.tape.standalones.push(sa);
  return sa;
}

export function standalone(state: GridState, name: string): StandaloneLibrary {
  const sa = state.tape.standalones.find((s) => s.name === name);
  if (!sa) refuse('NO_SUCH_LIBRARY', `no stand-alone library ${name}`);
  return sa;
}

export function jobRunning(sa: StandaloneLibrary): sa is StandaloneLibrary & { job: RecoveryJob } {
  return sa.job !== null && sa.job.status === 'in progress';
}

export function refuseIfBusy(sa: StandaloneLibrary): void {
  if (jobRunning(sa)) refuse('LIBRARY_BUSY', `${sa.name} is running ${sa.job.kind === 'ERASE' ? 'the erase' : 'Copy Export Recovery'}`);
}

/** Redbook §11.7.1: "not empty of data (in the cache or the database)". */
export function isEmpty(sa: StandaloneLibrary): boolean {
  return sa.volumes.count === 0 && !sa.physical.pvols.some((p) => p.source === null && p.activeCount > 0);
}

export function growVolumes(sa: StandaloneLibrary, total: number): StandaloneVolumes {
  const vols = sa.volumes;
  if (vols.volser.length >= total) return vols;
  const capacity = Math.max(total, Math.ceil(vols.volser.length * 1.5));
  const grow = <T extends ArrayLike<number> & { set(from: ArrayLike<number>): void; subarray(start: number, end: number): T }>(old: T, make: (n: number) => T): T => {
    const grown = make(capacity);
    grown.set(old.subarray(0, vols.count));
    return grown;
  };
  vols.volser = grow(vols.volser, (n) => new Uint32Array(n));
  vols.level = grow(vols.level, (n) => new Int32Array(n));
  vols.sizeBytes = grow(vols.sizeBytes, (n) => new Float64Array(n));
  vols.category = grow(vols.category, (n) => new Uint16Array(n));
  vols.mc = grow(vols.mc, (n) => new Uint8Array(n));
  vols.pvol = grow(vols.pvol, (n) => new Int32Array(n).fill(-1));
  return vols;
}

function volserCodes(sa: StandaloneLibrary): Set<number> {
  const set = new Set<number>();
  for (const code of sa.volumes.volser.subarray(0, sa.volumes.count)) set.add(code);
  return set;
}

export function insertInto(sa: StandaloneLibrary, range: VolserRange, category: number) {
  refuseIfBusy(sa);
  const n = rangeSize(range);
  const known = volserCodes(sa);
  for (let i = 0; i < n; i++) if (known.has(encodeVolser(rangeVolser(range, i)))) refuse('VOLUME_EXISTS', `${rangeVolser(range, i)} is already in ${sa.name}`);
  const vols = growVolumes(sa, sa.volumes.count + n);
  for (let i = 0; i < n; i++) {
    const k = vols.count++;
    vols.volser[k] = encodeVolser(rangeVolser(range, i));
    vols.level[k] = 0;
    vols.sizeBytes[k] = 0;
    vols.category[k] = category;
    vols.mc[k] = 255;
    vols.pvol[k] = -1;
  }
  return { library: sa.name, inserted: n };
}

/** Volumes written before the run: on full cartridges of pool 1 of the library. */
export function preloadInto(sa: StandaloneLibrary, range: VolserRange, mcName: string, size: number, category: number, now: number) {
  refuseIfBusy(sa);
  const n = rangeSize(range);
  const known = volserCodes(sa);
  for (let i = 0; i < n; i++) if (known.has(encodeVolser(rangeVolser(range, i)))) refuse('VOLUME_EXISTS', `${rangeVolser(range, i)} is already in ${sa.name}`);
  let mc = sa.mcs.findIndex((m) => m.name === mcName);
  if (mc < 0) {
    sa.mcs.push({ name: mcName, modes: ['R'], secondaryPool: null, preference: 'PG1' });
    mc = sa.mcs.length - 1;
  }
  const lib = sa.physical;
  const pool = definedPool(lib, DEFAULT_PRIMARY_POOL);
  const vols = growVolumes(sa, sa.volumes.count + n);
  let p = pool.filling >= 0 ? pvolAt(lib, pool.filling) : null;
  for (let i = 0; i < n; i++) {
    if (!p || (p.writtenBytes > 0 && p.writtenBytes + size > p.capacityBytes)) {
      if (p) {
        p.state = 'full';
        p.filledAt = now;
      }
      p = materialize(lib, pool, now, pool);
      p.state = 'filling';
      pool.filling = p.id;
    }
    p.writtenBytes += size;
    p.activeBytes += size;
    p.activeCount++;
    p.primaryCount++;
    const k = vols.count++;
    vols.volser[k] = encodeVolser(rangeVolser(range, i));
    vols.level[k] = 1;
    vols.sizeBytes[k] = size;
    vols.category[k] = category;
    vols.mc[k] = mc;
    vols.pvol[k] = p.id;
  }
  return { library: sa.name, preloaded: n };
}

export function copyColumns(sa: StandaloneLibrary): CopyColumns {
  return { count: sa.volumes.count, columns: [{ pvol: sa.volumes.pvol, primary: true }], bytes: sa.volumes.sizeBytes };
}

export function findVolumeIn(sa: StandaloneLibrary, volser: string): number {
  const code = encodeVolser(volser);
  const vols = sa.volumes;
  for (let i = 0; i < vols.count; i++) if (vols.volser[i] === code) return i;
  return -1;
}

/** Volume i of the library's columns, one field each. */
function volumeRow(sa: StandaloneLibrary, i: number) {
  const v = sa.volumes;
  const [level, sizeBytes, category, mc, pvol] = [v.level[i], v.sizeBytes[i], v.category[i], v.mc[i], v.pvol[i]];
  if (i >= v.count || level === undefined || sizeBytes === undefined || category === undefined || mc === undefined || pvol === undefined)
    throw new RangeError(`${sa.name} has no volume #${i} (${v.count} volumes)`);
  return { level, sizeBytes, category, mc, pvol };
}

export function showStandaloneVolume(sa: StandaloneLibrary, volser: string) {
  const i = findVolumeIn(sa, volser);
  if (i < 0) refuse('NO_SUCH_VOLUME', `${volser} is not in ${sa.name}`);
  const v = volumeRow(sa, i);
  const p = v.pvol >= 0 ? pvolAt(sa.physical, v.pvol) : null;
  return {
    volser,
    library: sa.name,
    category: v.category.toString(16).toUpperCase().padStart(4, '0'),
    mc: sa.mcs[v.mc]?.name ?? null,
    owner: sa.name,
    level: v.level,
    sizeMB: Math.trunc(v.sizeBytes / MB),
    mountedOn: null,
    copies: { [sa.name]: { level: v.level, consistent: true, inCache: false, premigrated: p !== null } },
    pvol: p?.volser ?? null,
    pool: p?.pool ?? null,
    pvolState: p?.state ?? null,
    recoveredFrom: p?.source ?? null,
  };
}

export function showStandalone(sa: StandaloneLibrary) {
  const pvols = sa.physical.pvols.filter((p) => p.location === 'library' || p.location === 'export-hold');
  return {
    name: sa.name,
    model: 'TAPE',
    standalone: true,
    cluster: 0,
    drives: sa.drives,
    drivesAvailable: sa.drivesAvailable,
    formats: sa.formats,
    code: sa.code,
    keys: sa.keys,
    slots: sa.slots,
    slotsUsed: pvols.length,
    volumes: sa.volumes.count,
    empty: isEmpty(sa),
    stackedVolumes: pvols.length,
    copyExportedVolumes: pvols.filter((p) => p.state === 'copy-exported').length,
    testMode: sa.testMode,
    job: sa.job ? { kind: sa.job.kind, status: sa.job.status } : null,
    partition: sa.partition,
  };
}

/** VOLSER ranges another partition owns: does any contain this one? */
export function inPartition(sa: StandaloneLibrary, volser: string): boolean {
  for (const text of sa.partition) {
    const range = parseVolserRange(text);
    if (typeof range === 'string') continue;
    if (range.width === 0) {
      if (range.prefix === volser) return true;
      continue;
    }
    if (volser.length !== range.prefix.length + range.width || !volser.startsWith(range.prefix)) continue;
    const tail = volser.slice(range.prefix.length);
    if (!/^\d+$/.test(tail)) continue;
    const n = Number(tail);
    if (n >= range.first && n <= range.last) return true;
  }
  return false;
}

export { decodeVolser };
