// Data safety (issue 8 part 4): before ERASE, RECOVER, LOAD EXPORTSET or a grid loaded over the
// current one, the console copies its database into backups/ beside it (better-sqlite3 backup API),
// keeps the newest few, lists them, and restores one over the contract — the grid comes back as it
// was before the action, after a restart too, and the restore itself can be undone.

import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsoleService, type ConsoleService } from './console-service.js';
import { sqliteSessionStore } from './sqlite-session-store.js';
import { createBackups } from './backup-service.js';
import { openSqliteStore } from '../core/store/sqlite-store.js';
import { ok } from './reply.fixture.js';

let dir: string;
let db: string;
let services: ConsoleService[] = [];
function open(): ConsoleService {
  const service = createConsoleService({ seed: 3, store: sqliteSessionStore(db) });
  services.push(service);
  return service;
}
const run = async (s: ConsoleService, line: string) => ok<{ records: { ok: boolean; error: unknown }[]; errors: unknown[] }>(await s.handle('console.execute', { line }));
const list = async (s: ConsoleService) =>
  ok<{ persistent: boolean; dir: string; keep: number; backups: { name: string; reason: string; commands: number; lastCommand: string | null }[] }>(await s.handle('backup.list', {}));
const status = async (s: ConsoleService, cl: string) => ok<{ clusters: Record<string, { status: string }> }>(await s.handle('grid.show', {})).clusters[cl]!.status;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tz-backup-'));
  db = join(dir, 'console.db');
});
afterEach(() => {
  services.forEach((s) => s.close());
  services = [];
  rmSync(dir, { recursive: true, force: true });
});

describe('automatic backups before destructive actions', () => {
  it('ERASE of a stand-alone library, RECOVER and a new grid each back up the database first; other commands do not', async () => {
    const s = open();
    await run(s, 'FAIL CLUSTER CL0');
    await run(s, 'STANDALONE DRLIB MODEL TAPE DRIVES 4');
    expect((await list(s)).backups).toEqual([]);
    const journalBefore = s.session.journal.length;
    await run(s, 'ERASE DRLIB');
    const afterErase = await list(s);
    expect(afterErase.persistent).toBe(true);
    expect(afterErase.dir).toBe(join(dir, 'backups'));
    expect(afterErase.backups).toHaveLength(1);
    // The backup holds the grid as it was just before the ERASE: its last command is the one before.
    expect(afterErase.backups[0]).toMatchObject({ reason: 'erase', commands: journalBefore, lastCommand: 'STANDALONE DRLIB MODEL TAPE DRIVES 4', readable: true });
    await run(s, 'RECOVER DRLIB FROM LATEST');
    ok(await s.handle('runbook.step', { text: 'ADVANCE 1m\nGRID OTHER', from: 0, to: 2 }));
    expect((await list(s)).backups.map((b) => b.reason)).toEqual(['new-grid', 'recover', 'erase']);
    // LOAD EXPORTSET is backed up before it runs, even when the set then turns out to be missing.
    await run(s, 'STANDALONE DRLIB2 MODEL TAPE DRIVES 4');
    await run(s, 'LOAD EXPORTSET missing.tzset INTO DRLIB2');
    expect((await list(s)).backups[0]!.reason).toBe('load-exportset');
    expect(readdirSync(join(dir, 'backups')).every((f) => f.endsWith('.db'))).toBe(true);
  });

  it('write takeover and a removal from a DR family are backed up first too (issue 11 item 5)', async () => {
    const s = open();
    await run(s, 'FAIL CLUSTER CL1');
    await run(s, 'TAKEOVER CL0 FOR CL1 WRITE');
    expect((await list(s)).backups.map((b) => b.reason)).toEqual(['write-takeover']);
    await run(s, 'TAKEOVER CL0 FOR CL1 READ'); // read takeover changes no volume: no backup
    expect((await list(s)).backups).toHaveLength(1);
  });

  it('a grid file opened over the current grid is backed up first', async () => {
    const s = open();
    const file = { format: 'timezero-grid', version: 1, grid: 'FILEGRID', sites: ['S1'], clusters: [{ name: 'C1', site: 'S1', model: 'DISK' }] };
    ok(await s.openGridFile('g.json', JSON.stringify(file)));
    const backups = (await list(s)).backups;
    expect(backups).toHaveLength(1);
    expect(backups[0]!.reason).toBe('new-grid');
    const inBackup = new Database(join(dir, 'backups', backups[0]!.name), { readonly: true });
    expect((inBackup.prepare('SELECT text FROM journal ORDER BY seq').all() as { text: string }[]).some((r) => r.text.startsWith('GRID FILEGRID'))).toBe(false);
    inBackup.close();
  });

  it('refuses to run a destructive command when its backup cannot be made, and runs nothing', async () => {
    const s = open();
    await run(s, 'STANDALONE DRLIB MODEL TAPE DRIVES 4');
    writeFileSync(join(dir, 'backups'), 'a file where the folder should be');
    const length = s.session.journal.length;
    const reply = await s.handle('console.execute', { line: 'ERASE DRLIB' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'BACKUP_FAILED', message: expect.stringContaining('before erase failed, so nothing was run') } });
    expect(s.session.journal.length).toBe(length);
  });

  it('keeps the newest N and lists them newest first', async () => {
    openSqliteStore(db).close();
    const store = openSqliteStore(db);
    const backups = createBackups({ path: db, store, files: () => null, seed: () => 1 }, 3);
    // What a backup killed half-way leaves: never listed, swept away by the next one.
    mkdirSync(backups.dir, { recursive: true });
    writeFileSync(join(backups.dir, '.console-20260101T000000000Z-000-erase.db.partial'), 'half a copy');
    expect(backups.list()).toEqual([]);
    const taken = [];
    for (const reason of ['erase', 'recover', 'sample', 'grid-file', 'load-exportset']) taken.push((await backups.take(reason)).name);
    expect(backups.list().map((b) => b.name)).toEqual(taken.slice(2).reverse());
    expect(readdirSync(backups.dir)).toHaveLength(3);
    store.close();
  });
});

describe('restore from a backup', () => {
  it('brings the grid back as it was before the action, keeps a safety backup of the present, and survives a restart', async () => {
    const s = open();
    await run(s, 'STANDALONE DRLIB MODEL TAPE DRIVES 4');
    await run(s, 'ERASE DRLIB'); // backup 1: CL0 online
    await run(s, 'FAIL CLUSTER CL0');
    await run(s, 'ADVANCE 1h');
    expect(await status(s, 'CL0')).toBe('failed');
    const changed: string[] = [];
    s.subscribe((e) => changed.push(e.event));
    const [erase] = (await list(s)).backups;
    const restored = ok<{ restored: { name: string }; safety: { reason: string; commands: number }; journalLength: number }>(await s.handle('backup.restore', { name: erase!.name }));
    expect(restored.restored.name).toBe(erase!.name);
    expect(restored.safety).toMatchObject({ reason: 'before-restore', commands: erase!.commands + 3 });
    expect(restored.journalLength).toBe(erase!.commands);
    expect(await status(s, 'CL0')).toBe('online');
    expect(changed).toContain('engine.changed');
    // The session goes on journaling into the restored database.
    await run(s, 'FAIL CLUSTER CL1');
    s.close();

    const again = open();
    expect(await status(again, 'CL0')).toBe('online');
    expect(await status(again, 'CL1')).toBe('failed');
    const texts = ok<{ text: string }[]>(await again.handle('journal.list', { from: 0, limit: 100 })).map((e) => e.text.split('\n')[0]);
    expect(texts).not.toContain('FAIL CLUSTER CL0');
    expect(texts.at(-1)).toBe('FAIL CLUSTER CL1');

    // …and the restore is undone from its safety backup.
    const safety = (await list(again)).backups.find((b) => b.reason === 'before-restore')!;
    ok(await again.handle('backup.restore', { name: safety.name }));
    expect(await status(again, 'CL0')).toBe('failed');
  });

  it('a DR wizard started after the backup is gone with the restore, as the grid it ran on', async () => {
    const s = createConsoleService({ seed: 3, sample: 'two-cluster-dr', store: sqliteSessionStore(db) });
    services.push(s);
    await run(s, 'STANDALONE DRLIB MODEL TAPE DRIVES 4');
    await run(s, 'ERASE DRLIB');
    ok(await s.handle('wizard.start', { wizardId: 'swp-two-cluster' }));
    expect(ok<{ run: unknown }>(await s.handle('wizard.state', {})).run).not.toBeNull();
    const [erase] = (await list(s)).backups;
    ok(await s.handle('backup.restore', { name: erase!.name }));
    expect(ok<{ run: unknown }>(await s.handle('wizard.state', {})).run).toBeNull();
  });

  it('refuses a name not listed, a path, and a damaged backup, changing nothing', async () => {
    const s = open();
    await run(s, 'STANDALONE DRLIB MODEL TAPE DRIVES 4');
    await run(s, 'ERASE DRLIB');
    await run(s, 'FAIL CLUSTER CL0');
    expect(await s.handle('backup.restore', { name: '../console.db' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('name: a backup name from backup.list') },
    });
    expect(await s.handle('backup.restore', { name: 'console-20990101T000000000Z-000-erase.db' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_BACKUP' } });
    const [backup] = (await list(s)).backups;
    writeFileSync(join(dir, 'backups', backup!.name), Buffer.alloc(8192, 7)); // not a database any more
    expect(await s.handle('backup.restore', { name: backup!.name })).toMatchObject({ ok: false, error: { code: 'BAD_BACKUP' } });
    expect(await status(s, 'CL0')).toBe('failed');
  });

  it('restores a database that holds checkpoints (issue 11: FOREIGN KEY constraint failed before)', async () => {
    const s = open();
    await run(s, 'PRELOAD P00000-P99999 ON CL0 MC MCPROD SIZE 100MB'); // heavy work: the next entry checkpoints
    await run(s, 'ADVANCE 2d'); // a simulated day passed: a checkpoint is due either way
    const checkpoints = () => {
      const read = new Database(db, { readonly: true });
      try {
        return (read.prepare('SELECT count(*) AS n FROM checkpoints').get() as { n: number }).n;
      } finally {
        read.close();
      }
    };
    expect(checkpoints()).toBeGreaterThan(0);
    await run(s, 'STANDALONE DRLIB MODEL TAPE DRIVES 4');
    await run(s, 'ERASE DRLIB');
    await run(s, 'FAIL CLUSTER CL0');
    await run(s, 'ADVANCE 2d'); // another checkpoint after the backup
    const [erase] = (await list(s)).backups;
    const restored = ok<{ journalLength: number }>(await s.handle('backup.restore', { name: erase!.name }));
    expect(restored.journalLength).toBe(erase!.commands);
    expect(await status(s, 'CL0')).toBe('online');
    expect(ok<{ volumes: number }>(await s.handle('grid.show', {})).volumes).toBeGreaterThanOrEqual(100_000);
    s.close();
    const again = open();
    expect(await status(again, 'CL0')).toBe('online');
    const history = ok<{ text: string; ok: boolean; time: string }[]>(await again.handle('journal.list', { from: 0, limit: 1000 }));
    expect(history).toHaveLength(erase!.commands);
    expect(history.some((e) => e.text.startsWith('PRELOAD P00000-P99999'))).toBe(true);
  });

  it('a restore that fails part-way changes nothing, adds no backup and pushes none out', async () => {
    const s = open();
    await run(s, 'STANDALONE DRLIB MODEL TAPE DRIVES 4');
    for (let i = 0; i < 10; i++) await run(s, `ERASE DRLIB`); // ten backups: the list is full
    await run(s, 'FAIL CLUSTER CL0');
    const before = (await list(s)).backups.map((b) => b.name);
    expect(before).toHaveLength(10);
    // A backup with a table this database lacks: found only once the replacement has begun.
    const target = before[0]!;
    const tamper = new Database(join(dir, 'backups', target));
    tamper.exec('CREATE TABLE extra (x INTEGER)');
    tamper.close();
    const journal = s.session.journal.length;
    expect(await s.handle('backup.restore', { name: target })).toMatchObject({ ok: false, error: { code: 'BAD_BACKUP', message: expect.stringContaining('extra') } });
    expect((await list(s)).backups.map((b) => b.name)).toEqual(before);
    expect(s.session.journal.length).toBe(journal);
    expect(await status(s, 'CL0')).toBe('failed');
    s.close();
    expect(await status(open(), 'CL0')).toBe('failed');
  });

  it('in memory mode there is nothing to list or restore', async () => {
    const s = createConsoleService({ seed: 3 });
    expect(ok(await s.handle('backup.list', {}))).toEqual({ persistent: false, dir: null, keep: 0, backups: [] });
    expect(await s.handle('backup.restore', { name: 'console-20260101T000000000Z-000-erase.db' })).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    s.close();
  });
});
