// Test support: the checks that say the grid in memory and the grid on disk agree — the present rebuilt
// from the database's latest checkpoint equals the whole journal replayed from nothing, byte for byte,
// and (when given) equals the live engine too.

import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { Engine } from '../engine/engine.js';
import { restoreState, serializeState, type Checkpoint } from '../engine/checkpoint.js';
import { Session } from '../session.js';
import { openSqliteStore } from './sqlite-store.js';

/** A two-site, two-cluster grid with a production host and a RUN/Deferred class: the storage tests' setup. */
export function twoSiteGrid(name: string): string[] {
  return [
    `GRID ${name}`,
    'SITE PROD',
    'SITE DR',
    'CLUSTER CL0 SITE PROD MODEL DISK',
    'CLUSTER CL1 SITE DR MODEL DISK',
    'LINK CL0 CL1',
    'HOST H SITE PROD ROLE PRODUCTION DEVICES CL0,CL1',
    'MC MCPROD COPY RD',
  ];
}

function replay(seed: number, checkpoint: Checkpoint | null, texts: string[]): Engine {
  const session = new Session(null, seed, checkpoint ? new Engine(seed, restoreState(checkpoint)) : new Engine(seed));
  for (const text of texts) session.replay(text);
  return session.engine;
}

export function expectSameState(a: Engine, b: Engine, what: string): void {
  const x = serializeState(a.state);
  const y = serializeState(b.state);
  expect(JSON.stringify(x.meta), `${what}: meta`).toBe(JSON.stringify(y.meta));
  expect(Object.keys(x.blobs).sort(), `${what}: blobs`).toEqual(Object.keys(y.blobs).sort());
  for (const name of Object.keys(x.blobs)) expect(Buffer.compare(Buffer.from(x.blobs[name]!), Buffer.from(y.blobs[name]!)), `${what}: ${name}`).toBe(0);
}

/** Opens `db` read-only and checks it is sound and that checkpoint + tail equals the whole journal replayed. Returns the journal texts. */
export function expectStoredAgrees(db: string, live?: Engine, defaultSeed = 1): string[] {
  const raw = new Database(db, { readonly: true });
  let texts: string[];
  try {
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    texts = (raw.prepare('SELECT text FROM journal ORDER BY seq').all() as { text: string }[]).map((r) => r.text);
  } finally {
    raw.close();
  }
  const store = openSqliteStore(db, { readOnly: true });
  try {
    const latest = store.loadLatest();
    const seed = latest.seed ?? defaultSeed;
    const fromCheckpoint = replay(
      seed,
      latest.checkpoint,
      latest.entries.map((e) => e.text),
    );
    const fromNothing = replay(seed, null, texts);
    expectSameState(fromCheckpoint, fromNothing, 'checkpoint + tail vs whole journal');
    if (live) expectSameState(live, fromNothing, 'live engine vs whole journal');
  } finally {
    store.close();
  }
  return texts;
}
