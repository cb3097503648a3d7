// Checkpoints round-trip the whole grid: a restored engine continues exactly as the original would
// (spec §1: same runbook and seed give a byte-identical transcript, so a resumed session must too).

import { describe, expect, it } from 'vitest';
import { Engine, type Outcome } from './engine.js';
import { CHECKPOINT_FIELDS, CheckpointError, restoreState, serializeState, type Checkpoint } from './checkpoint.js';
import type { Command } from '../runbook/commands.js';
import { isLineError, parseLine } from '../runbook/parser.js';

/** Parses one runbook line and resolves its cluster references against the engine's grid. */
function command(engine: Engine, text: string, line = 1): Command {
  const parsed = parseLine(text, line);
  if (parsed === null || isLineError(parsed)) throw new Error(`bad test line '${text}': ${JSON.stringify(parsed)}`);
  resolveClusterRefs(engine, parsed.args);
  return parsed;
}

function resolveClusterRefs(engine: Engine, value: unknown): void {
  if (Array.isArray(value)) return value.forEach((v) => resolveClusterRefs(engine, v));
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (typeof record.ref === 'string' && typeof record.index === 'number') {
    const byName = engine.state.clusters.findIndex((c) => c.name === record.ref);
    record.index = byName >= 0 ? byName : /^\d+$/.test(record.ref) ? Number(record.ref) : -1;
    return;
  }
  for (const v of Object.values(record)) resolveClusterRefs(engine, v);
}

function run(engine: Engine, lines: string[]): Outcome[] {
  return lines.map((text, i) => engine.execute(command(engine, text, i + 1)));
}

function sameCheckpoint(a: Checkpoint, b: Checkpoint): void {
  expect(JSON.stringify(b.meta)).toBe(JSON.stringify(a.meta));
  expect(Object.keys(b.blobs).sort()).toEqual(Object.keys(a.blobs).sort());
  for (const name of Object.keys(a.blobs)) {
    expect(Buffer.from(b.blobs[name]!).equals(Buffer.from(a.blobs[name]!)), `blob ${name}`).toBe(true);
  }
}

const BUILD = [
  'SEED 42',
  'GRID GRID01',
  'SITE A',
  'SITE B',
  'CLUSTER CL0 SITE A MODEL DISK CACHE 4TB',
  'CLUSTER CL1 SITE A MODEL TAPE CACHE 2TB DRIVES 2',
  'CLUSTER CL2 SITE B MODEL DISK',
  'LINK CL0 CL2 COUNT 1 GBPS 1',
  'LINK CL1 CL2 COUNT 1 GBPS 1',
  'HOST PROD SITE A ROLE PRODUCTION DEVICES CL0,CL1',
  'HOST DRH SITE B ROLE DR DEVICES 2',
  'MC GOLD COPY RDD',
  'MC FAST COPY RRN PG0',
  'MC SYNC COPY SSD',
  'CATEGORY 0012 SCRATCH',
  'INSERT S00000-S00299 ON CL0',
  'INSERT T00000-T00099 ON CL1 CATEGORY 0012',
  'PRELOAD A00000-A00999 ON CL0 MC GOLD SIZE 800MB',
  'JOB PROD WRITE 60 SCRATCH ON CL0 MC GOLD SIZE 1GB',
  'JOB PROD WRITE 20 SCRATCH ON CL1 MC FAST SIZE 2GB CATEGORY 0012',
  'ADVANCE 30s',
  'JOB PROD WRITE 10 SCRATCH ON CL0 MC SYNC SIZE 500MB',
  'MOUNT A00007 ON CL0 HOST PROD',
  'WRITE A00007 3GB',
  'DRIVES CL1 AVAILABLE 1',
  // A DR test in progress: time-zero set, production changing volumes after it, a DR host mount.
  'LI REQ,GRID01,DRSETUP,DRF,ADD,CL2',
  'LI REQ,GRID01,DRSETUP,DRF,LIVECOPY,FAMILY',
  'LI REQ,GRID01,DRSETUP,DRF,FLASH,ENABLE',
  'RETURN A00020-A00029 TO SCRATCH',
  'JOB PROD WRITE 5 SCRATCH ON CL0 MC GOLD SIZE 100MB',
  'MOUNT A00003 ON CL2 HOST DRH',
  'ADVANCE 2m',
];

const CONTINUE = [
  'DEMOUNT A00007',
  'DEMOUNT A00003',
  'MOUNT A00021 ON CL2 HOST DRH',
  'DEMOUNT A00021',
  'JOB PROD WRITE 10 SCRATCH ON CL0 MC GOLD SIZE 100MB',
  'SHOW DRFAMILY DRF',
  'SHOW QUEUE CL2',
  'FAIL LINK CL0 CL2',
  'ADVANCE 1m',
  'REPAIR LINK CL0 CL2',
  'JOB PROD WRITE 25 SCRATCH ON CL0 MC GOLD SIZE 700MB',
  'ADVANCE 5m',
  'RETURN A00010-A00019 TO SCRATCH',
  'JOB PROD READ A00100-A00120 ON CL1',
  'FAIL CLUSTER CL1',
  'AOTM CL0 ON MODE WRITE GRACE 1m',
  'ADVANCE 10m',
  'JOB PROD WRITE 15 SCRATCH ON CL0 MC FAST',
  'REPAIR CLUSTER CL1',
  'ADVANCE UNTIL IDLE',
  'SHOW GRID',
  'SHOW VOLUME A00007',
  'SHOW QUEUE CL1',
];

function builtEngine(): Engine {
  const engine = new Engine();
  const outcomes = run(engine, BUILD);
  const refused = outcomes.map((o, i) => (o.ok ? null : `${BUILD[i]}: ${o.error?.code}`)).filter(Boolean);
  expect(refused).toEqual([]);
  return engine;
}

describe('checkpoint', () => {
  it('a restored engine runs the same further commands to the same results and the same state', () => {
    const original = builtEngine();
    const s = original.state;
    // The build must leave the interesting parts non-empty, or the test proves little.
    expect(s.copies.targets.some((q) => q.volume.length > 0)).toBe(true);
    expect(s.copies.targets.some((q) => q.inFlight.length > 0)).toBe(true);
    expect(s.premigration.some((p) => p.volume.length > 0 || p.active > 0)).toBe(true);
    expect(s.mounts.size).toBe(1);
    expect(s.events.size).toBeGreaterThan(0);
    expect(s.scratch.pools.size).toBeGreaterThan(1);
    expect(s.flashActive).toBe(true);
    expect(s.drMounts.size).toBe(1);
    expect(s.families[0]!.images.size).toBeGreaterThan(0);
    expect(s.families[0]!.snapshotOwner.size).toBe(1);

    const checkpoint = serializeState(s);
    const restored = new Engine(1, restoreState(checkpoint));
    sameCheckpoint(checkpoint, serializeState(restored.state));

    const a = run(original, CONTINUE);
    const b = run(restored, CONTINUE);
    expect(a.filter((o) => o.ok).length).toBeGreaterThan(CONTINUE.length / 2);
    expect(a.flatMap((o) => o.messages).length).toBeGreaterThan(0);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    sameCheckpoint(serializeState(original.state), serializeState(restored.state));
  });

  it('a checkpoint is a snapshot: the live state moving on does not change it', () => {
    const engine = builtEngine();
    const checkpoint = serializeState(engine.state);
    const before = JSON.stringify(checkpoint.meta);
    const code = Buffer.from(checkpoint.blobs['volumes/code']!);
    run(engine, CONTINUE);
    expect(JSON.stringify(checkpoint.meta)).toBe(before);
    expect(Buffer.from(checkpoint.blobs['volumes/code']!).equals(code)).toBe(true);
  });

  it('two states restored from one checkpoint share nothing', () => {
    const checkpoint = serializeState(builtEngine().state);
    const first = new Engine(1, restoreState(checkpoint));
    const second = new Engine(1, restoreState(checkpoint));
    run(first, CONTINUE);
    sameCheckpoint(checkpoint, serializeState(second.state));
  });

  it('restores every GridState field, the volser index and the RNG', () => {
    const engine = builtEngine();
    engine.state.rng.next();
    const s = engine.state;
    const r = restoreState(serializeState(s));
    expect(Object.keys(r).sort()).toEqual([...CHECKPOINT_FIELDS].sort());
    expect(r.messages).toEqual([]);
    expect(r.rng.state).toBe(s.rng.state);
    expect(r.rng.next()).toBe(s.rng.next());
    expect(r.volumes.count).toBe(s.volumes.count);
    expect(r.volumes.capacity).toBe(s.volumes.capacity);
    for (const volser of ['S00000', 'S00299', 'T00050', 'A00000', 'A00999']) expect(r.volumes.find(volser)).toBe(s.volumes.find(volser));
    expect(r.volumes.find('ZZZZZZ')).toBe(-1);
    expect([...r.mounts.keys()]).toEqual([...s.mounts.keys()]);
    expect([...r.scratch.pools.keys()]).toEqual([...s.scratch.pools.keys()]);
    expect(r.events.toJSON()).toEqual(s.events.toJSON());
    expect(r.families).toEqual(s.families);
    expect([...r.families[0]!.images.keys()]).toEqual([...s.families[0]!.images.keys()]);
    expect(r.drMounts).toEqual(s.drMounts);
  });

  it('refuses to save a Map or typed array it has no form for, rather than lose it', () => {
    const engine = builtEngine();
    (engine.state.clusters[1] as unknown as Record<string, unknown>).surprise = new Map([[1, 2]]);
    expect(() => serializeState(engine.state)).toThrow(/surprise: a Map in the grid state has no checkpoint form/);
  });

  it('keeps numbers JSON cannot hold (Infinity, NaN, -0) exact', () => {
    const engine = builtEngine();
    const c = engine.state.clusters[0]!;
    c.cacheBytes = Infinity;
    c.cacheUsed = -0;
    engine.state.copies.targets[2]!.settledAt = NaN;
    const checkpoint = serializeState(engine.state);
    // Through JSON text, as a store keeps it.
    const r = restoreState({ meta: JSON.parse(JSON.stringify(checkpoint.meta)) as Record<string, unknown>, blobs: checkpoint.blobs });
    expect(r.clusters[0]!.cacheBytes).toBe(Infinity);
    expect(Object.is(r.clusters[0]!.cacheUsed, -0)).toBe(true);
    expect(r.copies.targets[2]!.settledAt).toBeNaN();
  });

  it('refuses a checkpoint of another format or with a missing or short blob, naming the field', () => {
    const checkpoint = serializeState(builtEngine().state);
    const wrongFormat = { ...checkpoint, meta: { ...checkpoint.meta, format: 99 } };
    expect(() => restoreState(wrongFormat)).toThrow(CheckpointError);
    expect(() => restoreState(wrongFormat)).toThrow(/meta.format: checkpoint format 99/);
    const { ['volumes/level']: _dropped, ...rest } = checkpoint.blobs;
    expect(() => restoreState({ ...checkpoint, blobs: rest })).toThrow(/volumes\/level: blob missing/);
    const short = { ...checkpoint.blobs, 'volumes/sizeBytes': checkpoint.blobs['volumes/sizeBytes']!.subarray(8) };
    expect(() => restoreState({ ...checkpoint, blobs: short })).toThrow(/volumes\/sizeBytes: .* bytes, expected/);
  });

  it('reads blobs at any byte offset, as a database driver hands them back', () => {
    const checkpoint = serializeState(builtEngine().state);
    const shifted: Record<string, Uint8Array> = {};
    for (const [name, bytes] of Object.entries(checkpoint.blobs)) {
      const buffer = new Uint8Array(bytes.byteLength + 3);
      buffer.set(bytes, 3);
      shifted[name] = buffer.subarray(3);
    }
    sameCheckpoint(checkpoint, serializeState(restoreState({ meta: checkpoint.meta, blobs: shifted })));
  });

  it('an empty state (before GRID) round-trips', () => {
    const engine = new Engine(7);
    const checkpoint = serializeState(engine.state);
    sameCheckpoint(checkpoint, serializeState(restoreState(checkpoint)));
  });
});
