// Issue: with --db the grid and its journal live in SQLite; a run continues later, and the grid as it
// was at any past moment can be rebuilt (SHOW GRID AT / SHOW VOLUME … AT).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from './timezero.js';

const dir = mkdtempSync(join(tmpdir(), 'tz-db-'));
function run(name: string, text: string, db: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  const out: string[] = [];
  const err: string[] = [];
  const code = main(
    ['run', file, '--json', '--db', db],
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, records: out.map((l) => JSON.parse(l)), err };
}

describe('--db persistence', () => {
  it('a second run continues the grid the first left, and reads its past', () => {
    const db = join(dir, 'grid.db');
    const first = run('a.runbook', 'SAMPLE two-cluster-dr\nJOB PRODHOST WRITE 5 SCRATCH ON CL0 MC MCPROD SIZE 1GB\nADVANCE 1h\nFAIL CLUSTER CL1\nADVANCE 1h', db);
    expect(first.code).toBe(0);
    const second = run(
      'b.runbook',
      [
        'SHOW GRID',
        'EXPECT result.clusters.CL1.status = failed',
        'EXPECT result.time = "2026-01-01T02:00:00Z"',
        'SHOW GRID AT 2026-01-01T00:30:00Z',
        'EXPECT result.clusters.CL1.status = online',
        'EXPECT result.time = "2026-01-01T00:30:00Z"',
        'SHOW VOLUME S00004 AT 2026-01-01T00:30:00Z',
        'EXPECT result.copies.CL1.consistent = true',
        'SHOW GRID AT 2026-01-02T00:00:00Z',
        'EXPECT error.code = FUTURE_TIME',
      ].join('\n'),
      db,
    );
    expect(second.err).toEqual([]);
    expect(second.records.filter((r) => r.command.startsWith('EXPECT') && !r.ok)).toEqual([]);
    const sqlite = new Database(db, { readonly: true });
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((sqlite.prepare('select count(*) n from journal').get() as { n: number }).n).toBe(9);
    sqlite.close();
  });

  it('a continued run transcribes exactly what one long run does (checkpoints are faithful)', () => {
    const steps = [
      'SAMPLE three-cluster-ha-dr',
      'JOB PRODHOST WRITE 300 SCRATCH ON CL0 MC MCPROD SIZE 2GB OVER 2h',
      'FAIL LINK CL0 CL2',
      'JOB PRODHOST WRITE 50 SCRATCH ON CL1 MC MCPROD OVER 30m',
      'REPAIR LINK CL0 CL2',
      'ADVANCE 2d',
      'JOB PRODHOST WRITE 20 SCRATCH ON CL0 MC MCPROD',
    ];
    const tail = ['ADVANCE UNTIL IDLE', 'SHOW QUEUE CL2', 'SHOW GRID', 'SHOW VOLUME A00042'];
    const whole = run('whole.runbook', [...steps, ...tail].join('\n'), join(dir, 'whole.db'));
    const split = join(dir, 'split.db');
    run('s1.runbook', steps.join('\n'), split);
    const rest = run('s2.runbook', tail.join('\n'), split);
    const sqlite = new Database(split, { readonly: true });
    // ADVANCE 2d passes the simulated-day checkpoint policy: the second run restores a checkpoint.
    expect((sqlite.prepare('select count(*) n from checkpoints').get() as { n: number }).n).toBeGreaterThan(0);
    sqlite.close();
    const strip = (r: { result: unknown; messages: unknown; time: string }) => JSON.stringify([r.time, r.result, r.messages]);
    expect(rest.records.map(strip)).toEqual(whole.records.slice(steps.length).map(strip));
  });

  it('a database that is not ours is refused with a clear error and left as it was', () => {
    const db = join(dir, 'other.db');
    const other = new Database(db);
    other.exec("create table schema_migrations(version integer primary key, name text, hash text, applied_at text); insert into schema_migrations values (99, 'future', 'x', 'now')");
    other.close();
    const r = run('c.runbook', 'SHOW GRID', db);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/other\.db/);
  });
});
