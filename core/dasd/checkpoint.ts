// Checkpoint form of the DASD state (core/engine/checkpoint.ts calls these). The few objects travel as
// JSON; block maps, journal logs and grain bitmaps as blobs named dasd/<n>/…. An object reached twice
// (a distributed volume's first leg is its volume's data) travels once and comes back shared.

import { BlockMap, blockMapBlobs, blockMapFromBlobs } from '../world/dasd/blocks.js';
import { Journal } from '../world/dasd/journal.js';
import { createDasdState, type DasdState } from '../world/dasd/state.js';
import { TxLog } from '../world/dasd/tx-log.js';

type Blobs = Record<string, Uint8Array>;
export type DasdMeta = Record<string, unknown>;

export function serializeDasd(dasd: DasdState, blobs: Blobs): DasdMeta {
  const seen = new Map<object, number>();
  let next = 0;
  const walk = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const known = seen.get(value);
    if (known !== undefined) return { $ref: known };
    if (value instanceof BlockMap) {
      const id = next++;
      seen.set(value, id);
      blockMapBlobs(value, `dasd/${id}`, blobs);
      return { $blockmap: id, blocks: value.blocks };
    }
    if (value instanceof TxLog) {
      const id = next++;
      seen.set(value, id);
      value.toBlobs(`dasd/${id}`, blobs);
      return { $txlog: id };
    }
    if (value instanceof Uint8Array) {
      const id = next++;
      seen.set(value, id);
      blobs[`dasd/${id}/bytes`] = value.slice();
      return { $bytes: id };
    }
    if (value instanceof Journal) {
      const id = next++;
      seen.set(value, id);
      return {
        $journal: id,
        bytes: value.bytes,
        free: [...value.free],
        streams: walk(value.streams),
        released: value.released,
        releasedSeq: value.releasedSeq,
        releasedTime: value.releasedTime,
        doLog: walk(value.doLog),
        undoLog: walk(value.undoLog),
      };
    }
    if (Array.isArray(value)) return value.map(walk);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v);
    return out;
  };
  return walk(dasd) as DasdMeta;
}

export function restoreDasd(meta: DasdMeta | undefined, blob: (name: string) => Uint8Array): DasdState {
  if (!meta) return createDasdState();
  const objects = new Map<number, unknown>();
  const walk = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(walk);
    const v = value as Record<string, unknown>;
    if (typeof v.$ref === 'number') {
      const o = objects.get(v.$ref);
      if (o === undefined) throw new Error(`dasd checkpoint: reference ${v.$ref} before its object`);
      return o;
    }
    if (typeof v.$blockmap === 'number') return keep(v.$blockmap, blockMapFromBlobs(v.blocks as number, `dasd/${v.$blockmap}`, blob));
    if (typeof v.$txlog === 'number') return keep(v.$txlog, TxLog.fromBlobs(`dasd/${v.$txlog}`, blob));
    if (typeof v.$bytes === 'number') return keep(v.$bytes, blob(`dasd/${v.$bytes}/bytes`).slice());
    if (typeof v.$journal === 'number') {
      const j = keep(v.$journal, new Journal(v.bytes as number));
      const w = j as unknown as Record<string, unknown>;
      w.free = [...(v.free as number[])];
      w.streams = walk(v.streams);
      w.released = v.released;
      w.releasedSeq = v.releasedSeq;
      w.releasedTime = v.releasedTime;
      w.doLog = walk(v.doLog);
      w.undoLog = walk(v.undoLog);
      return j;
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x);
    return out;
  };
  function keep<T>(id: number, o: T): T {
    objects.set(id, o);
    return o;
  }
  return walk(meta) as DasdState;
}
