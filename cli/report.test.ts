// `timezero run … --report` and `timezero verify-report` (issue 13 item 2): the report of a runbook run
// (steps = commands, checks = EXPECT lines, verdict = their outcome), kept in the database, and tamper
// evidence: exit 0 when report and journal match, 1 when either was altered.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from './timezero.js';
import { reportWritten } from './report.js';

const RUNBOOK = `SEED 3
SAMPLE flash-dr-family
INSERT S01000-S02999 ON CL0
JOB PRODHOST WRITE 1200 SCRATCH ON CL0 MC MCPROD SIZE 1GB
EXPECT result.succeeded = 1200
LI REQ,GRID01,DRSETUP,DRFAM,ADD,CL2
LI REQ,GRID01,DRSETUP,DRFAM,FLASH,ENABLE
JOB DRHOST READ A00000-A00001 ON CL2
EXPECT result.succeeded = 3
`;

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

describe('timezero run --report and verify-report', () => {
  it('writes the run as a report whose verdict is the EXPECT outcome, and verify-report detects an altered report or journal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tz-report-'));
    const file = join(dir, 'drill.runbook');
    writeFileSync(file, RUNBOOK);
    const db = join(dir, 'grid.db');
    const json = join(dir, 'out.json');
    const run = cli('run', file, '--db', db, '--report', json);
    expect(run.code).toBe(1); // the second EXPECT (3 reads of a 2-volume range) fails
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.verdict.result).toBe('FAIL');
    expect(report.steps.map((s: { lines: { text: string }[] }) => s.lines[0]!.text)).toEqual([
      'SEED 3',
      'SAMPLE flash-dr-family',
      'INSERT S01000-S02999 ON CL0',
      'JOB PRODHOST WRITE 1200 SCRATCH ON CL0 MC MCPROD SIZE 1GB',
      'LI REQ,GRID01,DRSETUP,DRFAM,ADD,CL2',
      'LI REQ,GRID01,DRSETUP,DRFAM,FLASH,ENABLE',
      'JOB DRHOST READ A00000-A00001 ON CL2',
    ]);
    expect(report.steps[3].checks[0]).toMatchObject({ level: 'pass' });
    expect(report.steps[6]).toMatchObject({ outcome: 'failed' });
    expect(report.steps[6].checks[0].level).toBe('error');
    // The HTML and the PDF of the same run.
    expect(cli('run', file, '--report', join(dir, 'out.html')).code).toBe(1);
    expect(readFileSync(join(dir, 'out.html'), 'utf8')).toContain('1 of 2 held');
    expect(cli('run', file, '--report', join(dir, 'out.pdf')).code).toBe(1);
    await reportWritten;
    expect(readFileSync(join(dir, 'out.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    // Unaltered: exit 0.
    const ok = cli('verify-report', json, '--db', db);
    expect(ok.out.at(-1)).toMatch(/matches/);
    expect(ok.code).toBe(0);
    // The report altered (its verdict), with or without re-sealing its digest: exit 1.
    writeFileSync(join(dir, 'forged.json'), JSON.stringify({ ...report, verdict: { ...report.verdict, result: 'PASS' } }));
    expect(cli('verify-report', join(dir, 'forged.json'), '--db', db).code).toBe(1);
    // The journal altered: one entry's outcome rewritten in the database.
    const sql = new Database(db);
    sql.prepare('UPDATE journal SET ok = 1 - ok WHERE seq = ?').run(report.journal.fromSeq + 2);
    sql.close();
    const altered = cli('verify-report', json, '--db', db);
    expect(altered.code).toBe(1);
    expect(altered.out.join('\n')).toMatch(/ALTERED {2}journal digest/);
    // Usage errors are 2.
    expect(cli('verify-report', json).code).toBe(2);
    expect(cli('run', file, '--report', join(dir, 'out.txt')).code).toBe(2);
  }, 60_000);
});
