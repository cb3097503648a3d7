// Checkpoints: the whole GridState as one JSON-safe document (`meta`) plus the big typed arrays as
// raw bytes (`blobs`). Volume columns and queue FIFOs travel as exact bytes — no per-volume JS loop
// but the volser index rebuild — so a 4,000,000-volume grid saves and restores in about a second,
// the rebuild a fraction of it (a 32 MB table filled front to back, see VolserIndex). Restoring and then running
// the same commands gives the same results as never having stopped: every field that can steer a
// later command (RNG state, event sequence numbers, Map iteration order, FIFO contents) comes back.

import type { GridState } from '../world/state.js';
import type { TargetQueue } from '../world/copy-queues.js';
import { CopyQueues } from '../world/copy-queues.js';
import { ScratchPools } from '../world/scratch-pools.js';
import type { Premigration } from '../world/premigration.js';
import type { DrFamily, TimeZeroImage } from '../world/dr-family.js';
import { NumberFifo } from '../model/number-fifo.js';
import { NO_COPY, SCALAR_COLUMNS, VolumeStore, type ScalarColumn } from '../model/volumes.js';
import { EventQueue } from '../sim/event-queue.js';
import { EVENT_RULES } from './event-handlers.js';
import { Rng } from '../sim/rng.js';
import { createTapeState } from '../world/tape/tape-state.js';
import { restoreTape, serializeTape, type TapeMeta } from '../rules/physical/checkpoint.js';
import { restoreDasd, serializeDasd, type DasdMeta } from '../dasd/checkpoint.js';
import { VolumeTrail, type TrailColumns } from '../model/volume-trail.js';
import { viewOf, type FreshColumn } from '../model/typed-arrays.js';

export interface Checkpoint {
  /** JSON-safe: everything except the big arrays */
  meta: Record<string, unknown>;
  /** typed arrays as raw platform (little-endian) bytes, keyed by name */
  blobs: Record<string, Uint8Array>;
}

/** Bumped when the layout of meta or the blob names change; older checkpoints are refused. */
export const CHECKPOINT_FORMAT = 1;

export class CheckpointError extends Error {
  constructor(
    readonly code: 'FORMAT' | 'ENDIAN' | 'MISSING_BLOB' | 'BAD_BLOB',
    /** the meta field or blob name at fault */
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'CheckpointError';
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Every GridState field and how it travels: `meta` as it is in the state, `meta, own form` as a
 * JSON-safe form of its own (below), `meta+blobs` as a JSON-safe form whose big arrays travel as
 * blobs. A complete map over GridState, so a field added to the state without a checkpoint
 * decision fails to compile here; CheckpointMeta is derived from it.
 */
const FIELDS = {
  name: 'meta',
  now: 'meta',
  clockSet: 'meta',
  seed: 'meta',
  rng: 'meta, own form',
  events: 'meta, own form',
  eventRules: 'not saved', // code: the engine's one table
  sites: 'meta',
  clusters: 'meta',
  links: 'meta',
  hosts: 'meta',
  mcs: 'meta',
  categories: 'meta',
  volumes: 'meta+blobs',
  copies: 'meta+blobs',
  scratch: 'meta+blobs',
  premigration: 'meta+blobs',
  mounts: 'meta, own form',
  drMounts: 'meta, own form',
  families: 'meta+blobs',
  flashActive: 'meta',
  announced: 'meta',
  gridChanges: 'not saved', // a restored state is read afresh
  tape: 'meta+blobs',
  dasd: 'meta+blobs',
  messages: 'not saved', // raised during one command; empty between commands
  trail: 'meta+blobs',
} satisfies { [K in keyof GridState]: 'meta' | 'meta, own form' | 'meta+blobs' | 'not saved' };
export const CHECKPOINT_FIELDS = Object.keys(FIELDS) as (keyof GridState)[];

/**
 * Records whose big members travel as blobs keep those keys in meta as null placeholders, so the
 * restored object has its keys in the original order and any field added later still travels.
 */
type WithBlobs<T, K extends keyof T> = Omit<T, K> & { [P in K]: null };

const TARGET_FIFOS = ['volume', 'level', 'type', 'enqueuedAt', 'size'] as const;
type TargetQueueMeta = WithBlobs<TargetQueue, (typeof TARGET_FIFOS)[number] | 'recent'>;
type PremigrationMeta = WithBlobs<Premigration, 'volume' | 'level' | 'removable'>;
type DrFamilyMeta = WithBlobs<DrFamily, 'images' | 'snapshotOwner'>;

/** Every TimeZeroImage field, so a field added to it fails to compile here until it is saved. */
const IMAGE_NUMBERS: { [K in Exclude<keyof TimeZeroImage, 'copyLevel'>]: true } = { level: true, category: true, mc: true, sizeBytes: true };
const IMAGE_FIELDS = Object.keys(IMAGE_NUMBERS) as Exclude<keyof TimeZeroImage, 'copyLevel'>[];

type Travelling<T> = { [K in keyof typeof FIELDS]: (typeof FIELDS)[K] extends T ? K : never }[keyof typeof FIELDS];
type EntriesOf<M> = M extends Map<infer K, infer V> ? [K, V][] : never;

/** Fields older checkpoints lack: each restores to an empty value. */
type AddedLater = 'tape' | 'dasd' | 'trail';

/**
 * What meta holds in place of each field that does not travel as it is. Keyed by exactly those
 * fields (CheckpointMeta below indexes it by them), but for `rng`, which travels as its state alone.
 */
interface StoredForms {
  events: ReturnType<GridState['events']['toJSON']>;
  volumes: { count: number; capacity: number; clusterCount: number; columns: ScalarColumn[] };
  copies: TargetQueueMeta[];
  /** pool keys in Map insertion order; contents in blobs scratch/<key> */
  scratch: string[];
  premigration: PremigrationMeta[];
  /** [volume number, mount] in Map insertion order: failures walk mounts in this order */
  mounts: EntriesOf<GridState['mounts']>;
  drMounts: EntriesOf<GridState['drMounts']>;
  /** time-zero images and snapshot owners in blobs families/<i>/… */
  families: DrFamilyMeta[];
  /** pools, stacked volumes, export runs, stand-alone libraries; columns in blobs tape/… (absent before Copy Export existed) */
  tape: TapeMeta;
  /** Host DASD volumes, journals, pools, remote copies; data in blobs dasd/… (absent before spec §9 existed) */
  dasd: DasdMeta;
  /** per-volume events, oldest first, columns in blobs trail/… (absent before volume histories existed) */
  trail: { length: number; dropped: number; texts: string[] };
}

type OwnForm = Exclude<Travelling<'meta, own form' | 'meta+blobs'>, 'rng'>;

/** The shape of Checkpoint.meta (after decoding the non-finite number tags). */
type CheckpointMeta = { format: number; littleEndian: boolean; rngState: GridState['rng']['state'] } & Pick<GridState, Travelling<'meta'>> & {
    [K in Exclude<OwnForm, AddedLater>]: StoredForms[K];
  } & { [K in AddedLater]?: StoredForms[K] | undefined };

const TRAIL_COLUMNS = ['time', 'volume', 'kind', 'cluster', 'other', 'level', 'value', 'commandRef'] as const;

/**
 * `views`: the biggest blobs (volume columns, tape placements) view the live state's arrays instead
 * of copying them — for a checkpoint written to the store at once, before the state runs another
 * command. Without it the checkpoint is a snapshot of its own.
 */
export function serializeState(state: GridState, { views = false }: { views?: boolean } = {}): Checkpoint {
  const blobs: Record<string, Uint8Array> = {};
  const volumes = state.volumes;
  const count = volumes.count;
  for (const name of SCALAR_COLUMNS) blobs[`volumes/${name}`] = bytesOf(head(volumes.cols[name], count, views));
  volumes.cols.copyLevel.forEach((levels, c) => (blobs[`volumes/copyLevel/${c}`] = bytesOf(head(levels, count, views))));

  const copies = state.copies.targets.map((q, t): TargetQueueMeta => {
    for (const fifo of TARGET_FIFOS) blobs[`copies/${t}/${fifo}`] = bytesOf(q[fifo].toArray());
    blobs[`copies/${t}/recent`] = bytesOf(q.recent.toArray());
    return { ...q, volume: null, level: null, type: null, enqueuedAt: null, size: null, recent: null };
  });

  const pools = state.scratch.toJSON();
  const scratch = [...state.scratch.pools.keys()];
  for (const key of scratch) blobs[`scratch/${key}`] = bytesOf(pools[key]!);

  const premigration = state.premigration.map((p, c): PremigrationMeta => {
    blobs[`premigration/${c}/volume`] = bytesOf(p.volume.toArray());
    blobs[`premigration/${c}/level`] = bytesOf(p.level.toArray());
    blobs[`premigration/${c}/removable`] = bytesOf(p.removable.toArray());
    return { ...p, volume: null, level: null, removable: null };
  });

  const families = state.families.map((f, i): DrFamilyMeta => {
    // Copy-on-write images: one per volume changed after time-zero, possibly millions.
    const images = [...f.images];
    const at = `families/${i}`;
    blobs[`${at}/images/volume`] = numbersOf(images.map(([v]) => v));
    for (const field of IMAGE_FIELDS) blobs[`${at}/images/${field}`] = numbersOf(images.map(([, image]) => image[field]));
    // copyLevel has one entry per cluster of the grid when the image was taken.
    blobs[`${at}/images/copyLevelLength`] = numbersOf(images.map(([, image]) => image.copyLevel.length));
    blobs[`${at}/images/copyLevel`] = numbersOf(images.flatMap(([, image]) => image.copyLevel));
    blobs[`${at}/snapshotOwner/volume`] = numbersOf([...f.snapshotOwner.keys()]);
    blobs[`${at}/snapshotOwner/cluster`] = numbersOf([...f.snapshotOwner.values()]);
    return { ...f, images: null, snapshotOwner: null };
  });

  const meta: CheckpointMeta = {
    format: CHECKPOINT_FORMAT,
    littleEndian: LITTLE_ENDIAN,
    name: state.name,
    now: state.now,
    clockSet: state.clockSet,
    seed: state.seed,
    rngState: state.rng.state,
    events: state.events.toJSON(),
    sites: state.sites,
    clusters: state.clusters,
    links: state.links,
    hosts: state.hosts,
    mcs: state.mcs,
    categories: state.categories,
    volumes: { count, capacity: volumes.capacity, clusterCount: volumes.clusterCount, columns: [...SCALAR_COLUMNS] },
    copies,
    scratch,
    premigration,
    mounts: [...state.mounts],
    drMounts: [...state.drMounts],
    families,
    flashActive: state.flashActive,
    announced: state.announced,
    tape: serializeTape(state.tape, count, blobs, views),
    dasd: serializeDasd(state.dasd, blobs),
    trail: serializeTrail(state.trail, blobs),
  };
  // One encode/decode pass: a deep copy the live state can no longer mutate, and JSON-safe.
  return { meta: JSON.parse(JSON.stringify(meta, encodeValue)) as Record<string, unknown>, blobs };
}

/**
 * `adopt`: the checkpoint was loaded for this restore alone (straight from the store), so its biggest
 * blobs — the tape placements — become the state's columns without a copy. Without it two states
 * restored from one checkpoint share nothing.
 */
export function restoreState(cp: Checkpoint, { adopt = false }: { adopt?: boolean } = {}): GridState {
  const meta = decodeMeta(cp.meta);
  const blob = (name: string): Uint8Array => {
    const bytes = cp.blobs[name];
    if (!bytes) throw new CheckpointError('MISSING_BLOB', name, 'blob missing from checkpoint');
    return bytes;
  };

  const rng = new Rng(meta.seed);
  rng.state = meta.rngState;

  const copies = new CopyQueues();
  copies.targets = meta.copies.map((q, t): TargetQueue => {
    const fifo = (name: string) => NumberFifo.from(float64Of(blob(`copies/${t}/${name}`), `copies/${t}/${name}`));
    return {
      ...q,
      volume: fifo('volume'),
      level: fifo('level'),
      type: fifo('type'),
      enqueuedAt: fifo('enqueuedAt'),
      size: fifo('size'),
      recent: fifo('recent'),
    };
  });

  // Built in saved key order: fromJSON inserts in Object.entries order, which keeps these string keys' order.
  const pools: Record<string, Float64Array> = {};
  for (const key of meta.scratch) pools[key] = float64Of(blob(`scratch/${key}`), `scratch/${key}`);

  const premigration = meta.premigration.map((p, c): Premigration => ({
    ...p,
    volume: NumberFifo.from(float64Of(blob(`premigration/${c}/volume`), `premigration/${c}/volume`)),
    level: NumberFifo.from(float64Of(blob(`premigration/${c}/level`), `premigration/${c}/level`)),
    removable: NumberFifo.from(float64Of(blob(`premigration/${c}/removable`), `premigration/${c}/removable`)),
  }));

  const families = meta.families.map((f, i): DrFamily => {
    const at = `families/${i}`;
    const numbers = (name: string) => float64Of(blob(`${at}/${name}`), `${at}/${name}`);
    const volumes = numbers('images/volume');
    const fields = IMAGE_FIELDS.map((field) => [field, numbers(`images/${field}`)] as const);
    const lengths = numbers('images/copyLevelLength');
    const copyLevels = numbers('images/copyLevel');
    const images = new Map<number, TimeZeroImage>();
    let offset = 0;
    for (let k = 0; k < volumes.length; k++) {
      const image = { copyLevel: Array.from(copyLevels.subarray(offset, (offset += lengths[k]!))) } as TimeZeroImage;
      for (const [field, values] of fields) image[field] = values[k]!;
      images.set(volumes[k]!, image);
    }
    const owners = numbers('snapshotOwner/volume');
    const clusters = numbers('snapshotOwner/cluster');
    const snapshotOwner = new Map<number, number>();
    for (let k = 0; k < owners.length; k++) snapshotOwner.set(owners[k]!, clusters[k]!);
    return { ...f, images, snapshotOwner };
  });

  return {
    name: meta.name,
    now: meta.now,
    clockSet: meta.clockSet,
    seed: meta.seed,
    rng,
    events: EventQueue.fromJSON(meta.events),
    eventRules: EVENT_RULES,
    sites: meta.sites,
    clusters: meta.clusters,
    links: meta.links,
    hosts: meta.hosts,
    mcs: meta.mcs,
    categories: meta.categories,
    volumes: restoreVolumes(meta.volumes, blob, adopt),
    copies,
    scratch: ScratchPools.fromJSON(pools),
    premigration,
    mounts: new Map(meta.mounts),
    drMounts: new Map(meta.drMounts),
    families,
    flashActive: meta.flashActive,
    announced: meta.announced,
    gridChanges: 0,
    tape: meta.tape ? restoreTape(meta.tape, blob, adopt) : createTapeState(),
    dasd: restoreDasd(meta.dasd, blob),
    messages: [],
    trail: meta.trail ? restoreTrail(meta.trail, blob) : new VolumeTrail(),
  };
}

function serializeTrail(trail: VolumeTrail, blobs: Record<string, Uint8Array>): CheckpointMeta['trail'] {
  const { columns, texts } = trail.compacted();
  for (const name of TRAIL_COLUMNS) blobs[`trail/${name}`] = bytesOf(columns[name]);
  return { length: trail.length, dropped: trail.dropped, texts };
}

function restoreTrail(saved: NonNullable<CheckpointMeta['trail']>, blob: (name: string) => Uint8Array): VolumeTrail {
  const empty = new VolumeTrail(undefined, 0).ordered();
  const columns = {} as Record<(typeof TRAIL_COLUMNS)[number], ArrayBufferView>;
  for (const name of TRAIL_COLUMNS) {
    const column = new (empty[name].constructor as ColumnConstructor)(saved.length);
    fill(column, saved.length, blob(`trail/${name}`), `trail/${name}`);
    columns[name] = column;
  }
  return VolumeTrail.fromOrdered(columns as unknown as TrailColumns, saved.texts, saved.dropped);
}

type Column = ArrayBufferView & { fill(value: number, start?: number): unknown };
type ColumnConstructor = new (length: number) => Column;

function restoreVolumes(saved: CheckpointMeta['volumes'], blob: (name: string) => Uint8Array, adopt: boolean): VolumeStore {
  const { count, clusterCount } = saved;
  const unknown = saved.columns.find((name) => !SCALAR_COLUMNS.includes(name));
  if (unknown) throw new CheckpointError('FORMAT', `volumes.columns.${unknown}`, 'a volume column this build does not know');
  // Same capacity as the saved store, so the next checkpoint matches the original's exactly. The
  // columns are allocated here once, filled from the blobs; the store starts empty to not allocate twice.
  const capacity = Math.max(saved.capacity, count);
  const store = new VolumeStore(clusterCount, 0);
  if (!(adopt && adoptColumns(store, count, blob))) copyColumns(store, count, capacity, blob);
  store.capacity = capacity;
  // The volser hash is derived data: rebuilt, not stored (its layout depends on growth history).
  const code = store.cols.code;
  store.index.setMany(code.subarray(0, count), 0);
  store.count = count;
  return store;
}

/**
 * The blobs become the columns as they are, `count` long, nothing copied (restoreState's `adopt`): the
 * store grows them to the saved capacity when it next needs room. All or none, so every column has one
 * length: false, with nothing changed, when some blob cannot be a column as it is.
 */
function adoptColumns(store: VolumeStore, count: number, blob: (name: string) => Uint8Array): boolean {
  const scalars = new Map<ScalarColumn, FreshColumn>();
  for (const name of SCALAR_COLUMNS) {
    const view = viewOf(store.cols[name], blob(`volumes/${name}`));
    if (view === null || view.length !== count) return false;
    scalars.set(name, view);
  }
  const levels: Int32Array[] = [];
  for (const [c, like] of store.cols.copyLevel.entries()) {
    const view = viewOf(like, blob(`volumes/copyLevel/${c}`));
    if (!(view instanceof Int32Array) || view.length !== count) return false;
    levels.push(view);
  }
  const columns: Record<ScalarColumn, Column> = store.cols;
  for (const [name, view] of scalars) columns[name] = view;
  store.cols.copyLevel = levels;
  return true;
}

/** The columns allocated at `capacity` and filled from the blobs (the checkpoint stays untouched). */
function copyColumns(store: VolumeStore, count: number, capacity: number, blob: (name: string) => Uint8Array): void {
  const columns = store.cols as unknown as Record<ScalarColumn, Column>;
  for (const name of SCALAR_COLUMNS) {
    const column = new (columns[name].constructor as ColumnConstructor)(capacity);
    fill(column, count, blob(`volumes/${name}`), `volumes/${name}`);
    columns[name] = column;
  }
  store.cols.copyLevel = store.cols.copyLevel.map((_, c) => {
    const levels = new Int32Array(capacity);
    fill(levels, count, blob(`volumes/copyLevel/${c}`), `volumes/copyLevel/${c}`);
    return levels.fill(NO_COPY, count);
  });
}

/** Copies `count` elements' worth of bytes into the head of a freshly allocated column. */
function fill(column: ArrayBufferView, count: number, bytes: Uint8Array, name: string): void {
  const width = (column as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
  if (bytes.byteLength !== count * width) {
    throw new CheckpointError('BAD_BLOB', name, `${bytes.byteLength} bytes, expected ${count} × ${width}`);
  }
  new Uint8Array(column.buffer, column.byteOffset, bytes.byteLength).set(bytes);
}

/** The first `count` elements: a view of the column, or a copy of them. */
function head<T extends { subarray(begin: number, end: number): T; slice(begin: number, end: number): T }>(column: T, count: number, view: boolean): T {
  return view ? column.subarray(0, count) : column.slice(0, count);
}

function numbersOf(values: ArrayLike<number>): Uint8Array {
  return bytesOf(Float64Array.from(values));
}

function bytesOf(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** A fresh, aligned Float64Array from bytes that may sit at any offset (e.g. a SQLite Buffer). */
function float64Of(bytes: Uint8Array, name: string): Float64Array {
  if (bytes.byteLength % 8 !== 0) throw new CheckpointError('BAD_BLOB', name, `${bytes.byteLength} bytes is not a whole number of float64s`);
  const out = new Float64Array(bytes.byteLength / 8);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

function decodeMeta(raw: Record<string, unknown>): CheckpointMeta {
  if (raw.format !== CHECKPOINT_FORMAT) {
    throw new CheckpointError('FORMAT', 'meta.format', `checkpoint format ${String(raw.format)}, this build reads ${CHECKPOINT_FORMAT}`);
  }
  if (raw.littleEndian !== LITTLE_ENDIAN) {
    throw new CheckpointError('ENDIAN', 'meta.littleEndian', 'checkpoint was written on a machine of the other byte order');
  }
  // Decoding also deep-copies, so two states restored from one checkpoint never share objects.
  return JSON.parse(JSON.stringify(raw), decodeNumber) as CheckpointMeta;
}

// JSON has no Infinity, NaN or -0; a copy rate or a time could be any of them, and losing one would
// change a later comparison. They travel as {"$number": "Infinity"} and come back exact.
const NUMBER_TAG = '$number';

function encodeValue(key: string, value: unknown): unknown {
  if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) return { [NUMBER_TAG]: String(value === 0 ? '-0' : value) };
  // JSON would turn these into {} and lose them without a word: a new state field of this kind
  // needs its own blob or JSON form above.
  if (value instanceof Map || value instanceof Set || ArrayBuffer.isView(value)) {
    throw new CheckpointError('FORMAT', key, `a ${value.constructor.name} in the grid state has no checkpoint form`);
  }
  return value;
}

function decodeNumber(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const tagged = (value as Record<string, unknown>)[NUMBER_TAG];
    if (typeof tagged === 'string' && Object.keys(value).length === 1) return tagged === '-0' ? -0 : Number(tagged);
  }
  return value;
}
