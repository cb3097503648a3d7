// Issue 11 / spec §12: a command's effect counts only once its journal entry is stored. When the
// database refuses the write (disk full, read-only, held by another program), the grid in memory is
// exactly as before the command, the session keeps working, and the grid rebuilt from the database
// equals the journal replayed. Here the refusals come from a fault-injecting store around the real
// SQLite one, at ordinary appends and at appends that carry a checkpoint.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeState } from '../engine/checkpoint.js';
import { openPersistentSession } from '../persistent-session.js';
import type { Session } from '../session.js';
import { expectSameState, expectStoredAgrees, twoSiteGrid } from './agreement.fixture.js';
import { StoreError, type GridStore, type StoreErrorCode } from './port.js';
import { openSqliteStore } from './sqlite-store.js';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tz-stored-first-'));
  db = join(dir, 'grid.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The real store, whose next append fails with `failing` when set (then clears). */
function faultyStore(inner: GridStore) {
  const control = { failing: null as StoreErrorCode | null, checkpointsRefused: 0 };
  const store: GridStore = {
    ...inner,
    loadLatest: () => inner.loadLatest(),
    loadAt: (t) => inner.loadAt(t),
    entries: (f, l) => inner.entries(f, l),
    lastSeq: () => inner.lastSeq(),
    setSeed: (s) => inner.setSeed(s),
    getSetting: (k) => inner.getSetting(k),
    setSetting: (k, v) => inner.setSetting(k, v),
    close: () => inner.close(),
    append(entry, checkpoint) {
      if (control.failing) {
        const code = control.failing;
        control.failing = null;
        if (checkpoint) control.checkpointsRefused++;
        throw new StoreError(code, db, 'cannot journal the command: injected fault');
      }
      return inner.append(entry, checkpoint);
    },
  };
  return { store, control };
}

function line(session: Session, text: string) {
  const validated = session.validate(text);
  expect(validated.errors).toEqual([]);
  return session.run(validated.commands[0]!, 'test');
}

const SETUP = [...twoSiteGrid('G'), 'INSERT S00000-S00999 ON CL0'];

describe('stored before applied (spec §12)', () => {
  it('a refused append leaves the grid exactly as before; the session goes on; disk and memory agree', () => {
    const { store, control } = faultyStore(openSqliteStore(db));
    const { session, close } = openPersistentSession(store, null, 1);
    for (const text of SETUP) line(session, text);
    line(session, 'JOB H WRITE 20 SCRATCH ON CL0 MC MCPROD SIZE 1GB');

    for (const [code, text] of [
      ['STORAGE_FULL', 'FAIL CLUSTER CL1'],
      ['STORAGE_READ_ONLY', 'JOB H WRITE 50 SCRATCH ON CL0 MC MCPROD SIZE 1GB'],
      ['STORAGE_LOCKED', 'ADVANCE 1h'],
    ] as const) {
      const before = serializeState(session.engine.state);
      const journal = session.journal.length;
      control.failing = code;
      expect(() => line(session, text)).toThrow(expect.objectContaining({ code }));
      const after = serializeState(session.engine.state);
      expect(JSON.stringify(after.meta)).toBe(JSON.stringify(before.meta));
      for (const name of Object.keys(before.blobs)) expect(Buffer.compare(Buffer.from(after.blobs[name]!), Buffer.from(before.blobs[name]!)), name).toBe(0);
      expect(session.journal.length).toBe(journal);
      expect(store.lastSeq()).toBe(journal);
    }
    // It keeps working: the same lines now go through, and the failed ones never happened.
    expect(line(session, 'FAIL CLUSTER CL1').ok).toBe(true);
    expect(line(session, 'ADVANCE 1h').ok).toBe(true);
    expectStoredAgrees(db, session.engine);
    close();
  });

  it('a refused append that carries a checkpoint stores neither, and rebuilding still agrees', () => {
    const { store, control } = faultyStore(openSqliteStore(db));
    const { session, close } = openPersistentSession(store, null, 1);
    for (const text of SETUP) line(session, text);
    // A simulated day makes the next append carry a checkpoint (core/store/checkpoint-policy.ts).
    const before = serializeState(session.engine.state);
    control.failing = 'STORAGE_FULL';
    expect(() => line(session, 'ADVANCE 2d')).toThrow(StoreError);
    expect(control.checkpointsRefused).toBe(1);
    expect(JSON.stringify(serializeState(session.engine.state).meta)).toBe(JSON.stringify(before.meta));
    expect(line(session, 'ADVANCE 2d').ok).toBe(true);
    line(session, 'FAIL CLUSTER CL0');
    expectStoredAgrees(db, session.engine);
    close();
    // And the next start finds exactly that grid.
    const reopened = openPersistentSession(openSqliteStore(db), null, 1);
    expectSameState(reopened.session.engine, session.engine, 'reopened vs live');
    reopened.close();
  });
});
