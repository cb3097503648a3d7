// Schema migrations from every earlier version (issue 8 part 4): for each historical schema version a
// database is built at exactly that version, filled with what a console of that version wrote (a
// journal, a checkpoint with its blobs, the seed, settings), then opened by this build — migrated to
// the current schema — and everything is still there and usable. A new migration must come with the
// writer for its version here: the first test fails until it does.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from './migrations.js';
import { openSqliteStore } from './sqlite-store.js';
import { openPersistentSession } from '../persistent-session.js';
import { serializeState } from '../engine/checkpoint.js';

/** What a console at schema version v wrote, with that version's SQL (never this build's store API). */
const WRITERS: Record<number, (db: Database.Database) => void> = {
  1: (db) => {
    const insert = db.prepare('INSERT INTO journal (source, line, text, started_at, ended_at, ok, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)');
    insert.run('console', 1, 'GRID OLD', 0, 0, 1, JSON.stringify({ ok: true, error: null, result: null, messages: [] }));
    insert.run('console', 2, 'SITE A', 0, 0, 1, JSON.stringify({ ok: true, error: null, result: null, messages: [] }));
    insert.run('runbook', 3, 'ADVANCE 1h', 0, 3_600_000, 0, JSON.stringify({ ok: false, error: { code: 'X', message: 'y' }, result: null, messages: [{ time: 't', id: 'CBR3750I', text: 'z' }] }));
    db.prepare('INSERT INTO checkpoints (seq, time, meta, created_at) VALUES (?, ?, ?, ?)').run(2, 0, JSON.stringify({ format: 1, marker: 'v1' }), '2026-01-01T00:00:00Z');
    db.prepare('INSERT INTO checkpoint_blobs (seq, name, data) VALUES (?, ?, ?)').run(2, 'volumes/code', Buffer.from([1, 2, 3, 4]));
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('seed', '42');
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('setting:wizard-run', '{"wizardId":"w"}');
  },
  2: (db) => {
    db.prepare('INSERT INTO reports (id, kind, title, verdict, created_at, digest, body) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      'r-v2',
      'runbook',
      'a report',
      'PASS',
      '2026-01-01T00:00:00Z',
      'abc',
      '{"id":"r-v2"}',
    );
  },
};

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tz-migrate-history-'));
  path = join(dir, 'grid.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database at exactly schema version v, holding what versions 1…v wrote. */
function buildAt(v: number): void {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    migrate(db, path, MIGRATIONS.slice(0, v));
    for (let k = 1; k <= v; k++) WRITERS[k]!(db);
  } finally {
    db.close();
  }
}

describe('migrating from every earlier schema version', () => {
  it('every migration has a writer of what its version stored', () => {
    expect(Object.keys(WRITERS).map(Number)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  for (let v = 0; v <= MIGRATIONS.length; v++) {
    it(`schema version ${v}${v === 0 ? ' (a new, empty file)' : ''} → ${MIGRATIONS.length}: data intact, the store usable`, () => {
      buildAt(v);
      const store = openSqliteStore(path);
      try {
        const versions = new Database(path, { readonly: true }).prepare('SELECT version FROM schema_migrations ORDER BY version').all();
        expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
        if (v >= 1) {
          const latest = store.loadLatest();
          expect(latest.seed).toBe(42);
          expect(latest.checkpointSeq).toBe(2);
          expect(latest.checkpoint!.meta).toEqual({ format: 1, marker: 'v1' });
          expect([...latest.checkpoint!.blobs['volumes/code']!]).toEqual([1, 2, 3, 4]);
          expect(latest.entries.map((e) => [e.seq, e.text, e.ok, e.endedAt])).toEqual([[3, 'ADVANCE 1h', false, 3_600_000]]);
          expect(JSON.parse(latest.entries[0]!.outcome).messages[0].id).toBe('CBR3750I');
          expect(store.entries(1, 10).map((e) => e.text)).toEqual(['GRID OLD', 'SITE A', 'ADVANCE 1h']);
          expect(store.getSetting('wizard-run')).toBe('{"wizardId":"w"}');
        } else expect(store.lastSeq()).toBe(0);
        if (v >= 2) expect(store.getReport('r-v2')).toMatchObject({ title: 'a report', digest: 'abc', body: '{"id":"r-v2"}' });
        // Reports are kept from version 2 on: a database migrated from an older one takes them too.
        store.saveReport({ id: 'new', kind: 'runbook', title: 't', verdict: 'PASS', createdAt: '2026-02-01T00:00:00Z', digest: 'd', body: '{}' });
        expect(store.listReports().map((r) => r.id)).toEqual(v >= 2 ? ['new', 'r-v2'] : ['new']);
        // …and it takes new commands on top.
        const seq = store.append({ line: 1, source: 'test', text: 'SITE B', startedAt: 0, endedAt: 0, ok: true, outcome: '{"ok":true}' });
        expect(seq).toBe(v >= 1 ? 4 : 1);
        expect(new Database(path, { readonly: true }).pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        store.close();
      }
    });
  }

  it('a real session journaled at the current version reopens to the same grid', () => {
    const store = openSqliteStore(path);
    const opened = openPersistentSession(store, null, 5);
    for (const line of ['SAMPLE two-cluster-dr', 'JOB PRODHOST WRITE 3 SCRATCH ON CL0 MC MCPROD SIZE 2GB', 'ADVANCE 10m']) opened.session.run(opened.session.validate(line).commands[0]!);
    const before = serializeState(opened.session.engine.state);
    opened.close();
    const again = openPersistentSession(openSqliteStore(path), null, 5);
    const after = serializeState(again.session.engine.state);
    expect(JSON.stringify(after.meta)).toBe(JSON.stringify(before.meta));
    expect(again.recovered).toEqual([]); // a clean close: no power-off recovery
    again.close();
  });
});
