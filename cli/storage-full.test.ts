// Issue 11 item 2 / spec §12 on a real small file system: a tmpfs of a few MB fills up while a run
// writes a checkpoint. The CLI stops with exit status 3 and one line saying where and why; the
// database holds every command before that line, opens sound, and its latest checkpoint plus tail
// equals the whole journal replayed. The console answers STORAGE_FULL, keeps the grid as it was and
// keeps working once there is room. A read-only file system gives one clear line in both modes.
// Mounting needs root (as on CI); elsewhere these tests are skipped and say why.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectStoredAgrees, twoSiteGrid } from '../core/store/agreement.fixture.js';
import { createConsoleService } from '../services/console-service.js';
import { sqliteSessionStore } from '../services/sqlite-session-store.js';
import { runWebMode } from '../host/launch.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = join(ROOT, 'bin', 'timezero.mjs');

function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'tz-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
const mountable = canMount();

let mnt: string;
let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'tz-small-fs-'));
  mnt = join(scratch, 'disk');
  mkdirSync(mnt);
  if (mountable) execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m,mode=0755', 'tmpfs', mnt]);
});
afterEach(() => {
  if (mountable) spawnSync('umount', ['-l', mnt]);
  rmSync(scratch, { recursive: true, force: true });
});

const SETUP = twoSiteGrid('SMALLFS');
/** 100,000 volumes: a checkpoint of them is several MB, more than the 3 MB disk holds. */
const HEAVY = 'PRELOAD P00000-P99999 ON CL0 MC MCPROD SIZE 100MB';

describe.skipIf(!mountable)('a real small file system (tmpfs, needs root)', () => {
  it('the CLI stops with exit status 3 when the disk fills; the database holds every line before and agrees with its journal', () => {
    const file = join(scratch, 'fill.runbook');
    const lines = [...SETUP, 'FAIL CLUSTER CL1', 'REPAIR CLUSTER CL1', HEAVY, 'ADVANCE 2d', 'ADVANCE 2d', 'FAIL CLUSTER CL0'];
    writeFileSync(file, lines.join('\n') + '\n');
    const db = join(mnt, 'grid.db');
    const r = spawnSync(process.execPath, [CLI, 'run', file, '--db', db], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(3);
    const err = r.stderr.trim().split('\n');
    expect(err[0]).toMatch(/fill\.runbook:\d+: stopped: .*grid\.db: cannot journal the command: the disk holding it is full/);
    const stoppedAt = Number(/fill\.runbook:(\d+):/.exec(err[0]!)![1]);
    expect(stoppedAt).toBeGreaterThan(SETUP.length);
    // Every line before the one that stopped, and nothing of it.
    const texts = expectStoredAgrees(db);
    expect(texts).toEqual(lines.slice(0, stoppedAt - 1));
  }, 180_000);

  it('the console answers STORAGE_FULL, shows the grid as it was, and goes on once there is room', async () => {
    const db = join(mnt, 'console.db');
    // The two-cluster sample has CL0 and MCPROD; no GRID line, so no backup takes the little room there is.
    const service = createConsoleService({ sample: 'two-cluster-dr', store: sqliteSessionStore(db) });
    try {
      // Whichever line first carries a checkpoint fills the disk (the checkpoint policy also counts wall time).
      let failed: string | null = null;
      for (const line of [HEAVY, 'ADVANCE 2d', 'ADVANCE 2d']) {
        const before = (await service.handle('grid.show', {})) as { ok: true; result: { time: string; volumes: number } };
        const journal = service.session.journal.length;
        const reply = await service.handle('console.execute', { line });
        if (reply.ok) continue;
        expect(reply).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL', message: expect.stringContaining('the disk holding it is full') } });
        const after = (await service.handle('grid.show', {})) as { ok: true; result: { time: string; volumes: number } };
        expect(after.result.time).toBe(before.result.time);
        expect(after.result.volumes).toBe(before.result.volumes);
        expect(service.session.journal.length).toBe(journal);
        expect(((await service.handle('journal.list', { from: 0, limit: 1000 })) as { result: unknown[] }).result).toHaveLength(journal);
        failed = line;
        break;
      }
      expect(failed, 'the disk filled up').not.toBeNull();
      // Room again: the same line goes through.
      execFileSync('mount', ['-o', 'remount,size=64m', mnt]);
      expect(await service.handle('console.execute', { line: failed! })).toMatchObject({ ok: true, result: { records: [{ ok: true }] } });
      expectStoredAgrees(db, service.session.engine);
    } finally {
      service.close();
    }
  }, 180_000);

  it('a read-only file system: one clear line and exit status 3 from the CLI and from web mode', async () => {
    const db = join(mnt, 'grid.db');
    const file = join(scratch, 'ro.runbook');
    writeFileSync(file, 'SHOW GRID\n');
    expect(spawnSync(process.execPath, [CLI, 'run', file, '--db', db], { cwd: ROOT, encoding: 'utf8' }).status).toBe(0);
    execFileSync('mount', ['-o', 'remount,ro', mnt]);
    const r = spawnSync(process.execPath, [CLI, 'run', file, '--db', db], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/grid\.db: .*read-only/)]);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace

    const err: string[] = [];
    const status = { exitCode: 0 };
    const root = join(scratch, 'root');
    mkdirSync(join(root, 'dist', 'renderer'), { recursive: true });
    writeFileSync(join(root, 'dist', 'renderer', 'index.html'), '<!doctype html><html></html>');
    const server = await runWebMode({ root, port: 0, fallback: false, db, signals: false, status, log: { out: () => undefined, err: (l) => void err.push(l) } });
    expect(server).toBeNull();
    expect(status.exitCode).toBe(3);
    expect(err).toEqual([expect.stringMatching(/grid\.db: .*read-only/)]);
    // Read-only looking still works.
    const look = spawnSync(process.execPath, [CLI, 'run', file, '--db', db, '--read-only'], { cwd: ROOT, encoding: 'utf8' });
    expect(look.stderr).toBe('');
    expect(look.status).toBe(0);
  }, 120_000);
});
