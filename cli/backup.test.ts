// `timezero run --db` backs the database up before a run that would discard what it holds (GRID,
// SAMPLE, LOAD, ERASE, RECOVER, LOAD EXPORTSET): SQLite's VACUUM INTO, synchronous as the CLI is,
// into backups/ beside the database (issue 8 part 4; the console restores them: backup.restore).

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from './timezero.js';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tz-cli-backup-'));
  db = join(dir, 'grid.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(text: string, ...flags: string[]) {
  const file = join(dir, `r${Math.random().toString(36).slice(2)}.runbook`);
  writeFileSync(file, text);
  const out: string[] = [];
  const err: string[] = [];
  const code = main(
    ['run', file, '--db', db, ...flags],
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

const journal = (file: string) => {
  const d = new Database(file, { readonly: true });
  try {
    return (d.prepare('SELECT text FROM journal ORDER BY seq').all() as { text: string }[]).map((r) => r.text.split('\n')[0]);
  } finally {
    d.close();
  }
};

describe('timezero run --db backups', () => {
  it('backs up before a run with ERASE, not before a first run or one that only adds', () => {
    expect(run('SAMPLE two-cluster-dr\nSTANDALONE DRLIB MODEL TAPE DRIVES 4').code).toBe(0); // nothing to lose yet
    expect(run('ADVANCE 1h').code).toBe(0); // nothing destructive
    expect(readdirSync(dir)).not.toContain('backups');
    const erase = run('ERASE DRLIB');
    expect(erase.code).toBe(0);
    const [backup] = readdirSync(join(dir, 'backups'));
    expect(backup).toMatch(/^grid-\d{8}T\d{9}Z-\d{3}-erase\.db$/);
    expect(erase.out[0]).toBe(`backup of ${db}: ${join(dir, 'backups', backup!)}`);
    expect(erase.err).toEqual([]);
    // The backup is the database as it was before the run.
    expect(journal(join(dir, 'backups', backup!))).toEqual(['SAMPLE two-cluster-dr', 'STANDALONE DRLIB MODEL TAPE DRIVES 4', 'ADVANCE 1h']);
    expect(journal(db).at(-1)).toBe('ERASE DRLIB');
    // JSON Lines stay records only.
    const json = run('GRID OTHER', '--json');
    expect(json.out.every((l) => JSON.parse(l).command)).toBe(true);
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('-new-grid.db'))).toHaveLength(1);
  });

  it('refuses to run when the backup cannot be made, and runs nothing', () => {
    expect(run('SAMPLE two-cluster-dr').code).toBe(0);
    writeFileSync(join(dir, 'backups'), 'a file where the folder should be');
    const r = run('GRID OTHER');
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/the automatic backup before this run failed, so nothing was run/);
    expect(journal(db)).toEqual(['SAMPLE two-cluster-dr']);
  });
});
