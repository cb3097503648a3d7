// A checkpoint written in slices (GridStore.appendInSlices) is still one transaction with its journal
// entry: run to its end it stores exactly what append() stores, reporting MB written of the whole as it
// goes; dropped half way it leaves neither the entry nor the checkpoint, and the store takes the next
// append as if nothing had happened.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeState } from '../engine/checkpoint.js';
import { Engine } from '../engine/engine.js';
import { Session } from '../session.js';
import type { GridStore, JournalEntry } from './port.js';
import type { Sliced, WorkProgress } from '../sim/work-slices.js';
import { openSqliteStore } from './sqlite-store.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tz-checkpoint-slices-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ENTRY: Omit<JournalEntry, 'seq'> = { line: 1, source: 'test', text: 'SAMPLE two-cluster-dr', startedAt: 0, endedAt: 0, ok: true, outcome: '{"ok":true}' };

function sampleEngine(): Engine {
  const session = new Session(null, 2);
  const validated = session.validate(ENTRY.text);
  expect(validated.errors).toEqual([]);
  expect(validated.commands.length).toBeGreaterThan(0);
  for (const command of validated.commands) expect(session.run(command).ok).toBe(true);
  return session.engine;
}

function sliced(store: GridStore, engine: Engine): Sliced<number> {
  if (!store.appendInSlices) throw new Error('the SQLite store writes checkpoints in slices');
  return store.appendInSlices(ENTRY, serializeState(engine.state, { views: true }));
}

function blobsOf(store: GridStore): Record<string, Uint8Array> {
  const checkpoint = store.loadLatest().checkpoint;
  if (!checkpoint) throw new Error('no checkpoint stored');
  return checkpoint.blobs;
}

describe('a checkpoint written in slices', () => {
  it('reports MB written rising to the total and stores what append() stores', () => {
    const engine = sampleEngine();
    const slicedStore = openSqliteStore(join(dir, 'sliced.db'));
    const whole = openSqliteStore(join(dir, 'whole.db'));
    const work = sliced(slicedStore, engine);
    const reports: WorkProgress[] = [];
    let step = work.next();
    while (!step.done) {
      reports.push(step.value);
      step = work.next();
    }
    expect(step.value).toBe(1);
    expect(reports.length).toBeGreaterThan(2);
    const total = reports[0]?.total ?? 0;
    expect(total).toBeGreaterThan(0);
    expect(reports.every((r) => r.total === total && r.unit === 'MB' && r.notCancellable !== undefined)).toBe(true);
    expect(reports.map((r) => r.done)).toEqual([...reports.map((r) => r.done)].sort((a, b) => a - b));
    expect(reports.at(-1)?.done).toBe(total);
    whole.append(ENTRY, serializeState(engine.state, { views: true }));
    expect(slicedStore.loadLatest().checkpointSeq).toBe(1);
    expect(slicedStore.loadLatest().checkpoint?.meta).toEqual(whole.loadLatest().checkpoint?.meta);
    const a = blobsOf(slicedStore);
    const b = blobsOf(whole);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const [name, bytes] of Object.entries(b)) expect(Buffer.from(a[name] ?? []).equals(Buffer.from(bytes))).toBe(true);
    slicedStore.close();
    whole.close();
  });

  it('dropped half way keeps neither the entry nor the checkpoint; the next append is seq 1', () => {
    const engine = sampleEngine();
    const path = join(dir, 'dropped.db');
    const store = openSqliteStore(path);
    const work = sliced(store, engine);
    work.next();
    work.next();
    work.return(0);
    expect(store.lastSeq()).toBe(0);
    expect(store.loadLatest().checkpoint).toBeNull();
    expect(store.append(ENTRY, serializeState(engine.state, { views: true }))).toBe(1);
    store.close();
    const reopened = openSqliteStore(path, { readOnly: true });
    expect(reopened.lastSeq()).toBe(1);
    expect(reopened.loadLatest().checkpointSeq).toBe(1);
    reopened.close();
  });
});
