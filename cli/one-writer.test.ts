// Issue 11 item 1: one writer per grid database. The first program to open a database holds it (an OS
// lock that dies with the process); a second console or CLI is refused with one line naming the
// holder (program, PID, since when) and exit status 3 (spec §12), and may look read-only. Two real
// processes: a console service holding the database, and `timezero run` (or a second web console).
// Also: a file that is not a TimeZero database is refused without being changed, and what TimeZero
// creates is readable by its owner only.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runWebMode } from '../host/launch.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const HOLDER = join(ROOT, 'services', 'console-holder.fixture.ts');
const CLI = join(ROOT, 'bin', 'timezero.mjs');

let dir: string;
let db: string;
const children: ChildProcess[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tz-one-writer-'));
  db = join(dir, 'console.db');
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function holdWithConsole(path: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, path], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready')) resolve(child);
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => reject(new Error(`holder exited ${code}: ${err}`)));
  });
}

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runbook(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const journalCount = (path: string) => {
  const read = new Database(path, { readonly: true });
  try {
    return (read.prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n;
  } finally {
    read.close();
  }
};

describe('one writer per database', () => {
  it('a CLI and a second console are refused while a console holds the database; read-only looks; the lock dies with the holder', async () => {
    const holder = await holdWithConsole(db);
    const held = journalCount(db);

    const refused = cli(['run', runbook('show.runbook', ['SHOW GRID']), '--db', db]);
    expect(refused.status).toBe(3);
    const lines = refused.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`in use by timezero console \\(PID ${holder.pid}( on [^)]+)?\\) since \\d{4}-\\d{2}-\\d{2}T`));
    expect(refused.stdout).toBe('');

    // Read-only: time travel and SHOW without any write; a changing line is refused before anything runs.
    const look = cli(['run', runbook('look.runbook', ['SHOW GRID', 'EXPECT ok = true', 'SHOW GRID AT 2026-01-01T00:00:00Z', 'EXPECT ok = true']), '--db', db, '--read-only', '--json']);
    expect(look.stderr).toBe('');
    expect(look.status).toBe(0);
    const change = cli(['run', runbook('change.runbook', ['SHOW GRID', 'FAIL CLUSTER CL0']), '--db', db, '--read-only']);
    expect(change.status).toBe(2);
    expect(change.stderr).toContain('change.runbook:2:1: FAIL changes the grid');
    expect(journalCount(db)).toBe(held);

    // A second web console: one line, exit status 3.
    const err: string[] = [];
    const status = { exitCode: 0 };
    const root = mkdtempSync(join(tmpdir(), 'tz-root-'));
    mkdirSync(join(root, 'dist', 'renderer'), { recursive: true });
    writeFileSync(join(root, 'dist', 'renderer', 'index.html'), '<!doctype html><html></html>');
    const server = await runWebMode({ root, port: 0, fallback: false, db, signals: false, status, log: { out: () => undefined, err: (l) => void err.push(l) } });
    expect(server).toBeNull();
    expect(status.exitCode).toBe(3);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(`in use by timezero console (PID ${holder.pid}`);

    // The holder dies (SIGKILL): the lock goes with it, and the next writer is told what it found.
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const after = cli(['run', runbook('after.runbook', ['FAIL CLUSTER CL0', 'EXPECT ok = true']), '--db', db]);
    expect(after.status).toBe(0);
    expect(after.stderr).toMatch(new RegExp(`the previous run on .* \\(timezero console, PID ${holder.pid}, since [^)]+\\) ended abnormally; ${held} command\\(s\\) kept`));
    expect(journalCount(db)).toBe(held + 1);
  }, 90_000);

  it("refuses another program's SQLite file and a file that is no database, changing neither", () => {
    const foreign = join(dir, 'accounts.db');
    const other = new Database(foreign);
    other.exec("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT); INSERT INTO accounts (owner) VALUES ('payroll')");
    other.close();
    const bytes = readFileSync(foreign);
    const r = cli(['run', runbook('g.runbook', ['SHOW GRID']), '--db', foreign]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining('not a TimeZero grid database (application_id 0x00000000; tables: accounts)')]);
    expect(readFileSync(foreign).equals(bytes)).toBe(true);
    expect(existsSync(`${foreign}-wal`)).toBe(false);

    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'shopping list\n'.repeat(400));
    const t = cli(['run', runbook('g.runbook', ['SHOW GRID']), '--db', text]);
    expect(t.status).toBe(2);
    expect(t.stderr).toContain('not a database');
    expect(readFileSync(text, 'utf8')).toBe('shopping list\n'.repeat(400));
  }, 60_000);

  it('creates the database, its lock and its backups readable by the owner only (0600)', () => {
    const path = join(dir, 'private', 'grid.db');
    mkdirSync(join(dir, 'private'));
    expect(cli(['run', runbook('p1.runbook', ['SAMPLE two-cluster-dr']), '--db', path]).status).toBe(0);
    expect(cli(['run', runbook('p2.runbook', ['STANDALONE DRLIB MODEL TAPE DRIVES 4', 'ERASE DRLIB']), '--db', path]).status).toBe(0);
    const mode = (p: string) => statSync(p).mode & 0o777;
    expect(mode(path)).toBe(0o600);
    expect(mode(`${path}-lock`)).toBe(0o600);
    const backups = readdirSync(join(dir, 'private', 'backups'));
    expect(backups.length).toBeGreaterThan(0);
    for (const b of backups) expect(mode(join(dir, 'private', 'backups', b)), b).toBe(0o600);
    expect(mode(join(dir, 'private', 'backups'))).toBe(0o700);
  }, 60_000);
});
