// Issue 5 item 3 with --db: the export set travels offline, so the file a LOAD EXPORTSET read may be
// gone when the database is next opened. The database keeps the bytes it loaded: reopening replays the
// LOAD without the file, and the recovery rehearsal goes on (Redbook §11.7.2 steps 6–10).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './timezero.js';

function runner(dir: string) {
  return (name: string, text: string, db: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    const out: string[] = [];
    const err: string[] = [];
    const code = main(
      ['run', file, '--json', '--db', db],
      (l) => out.push(l),
      (l) => err.push(l),
    );
    return { code, records: out.map((l) => JSON.parse(l) as { command: string; ok: boolean; error: { code: string } | null; result: unknown }), err };
  };
}

const SOURCE = `SEED 1
GRID GRID01
SITE PROD
CLUSTER CL0 SITE PROD MODEL TAPE DRIVES 8 IOSTATION
HOST PRODHOST SITE PROD ROLE PRODUCTION DEVICES CL0
MC MCJ COPY R SECONDARY 9
MC MCLIST COPY R
POOL CL0 9 MEDIA JJ FORMAT J1A COPYEXPORT SCRATCH 10
PRELOAD J00000-J00009 ON CL0 MC MCJ SIZE 1GB
INSERT EXP000-EXP009 ON CL0 CATEGORY 000F
ADVANCE 1m
EXPORTLIST EXP001 ON CL0 POOL 9 MC MCLIST
LIBRARY EXPORT,EXP001
ADVANCE UNTIL IDLE
SAVE EXPORTSET FROM CL0 set.tzset`;

describe('--db keeps the export sets it loaded (issue 5 item 3)', () => {
  it('a reopened database replays LOAD EXPORTSET after the file is deleted, and the recovery goes on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tz-exportset-'));
    const run = runner(dir);
    const source = run('source.runbook', SOURCE, join(dir, 'source.db'));
    expect(source.code).toBe(0);
    expect(existsSync(join(dir, 'set.tzset'))).toBe(true);
    // The rehearsal database: another database, sharing only the file.
    const db = join(dir, 'rehearsal.db');
    const first = run('load.runbook', 'STANDALONE DRLIB MODEL TAPE DRIVES 4 FORMATS E08\nLOAD EXPORTSET set.tzset INTO DRLIB\nEXPECT result.loaded = 1', db);
    expect(first.err).toEqual([]);
    expect(first.code).toBe(0);
    rmSync(join(dir, 'set.tzset'));
    const second = run(
      'recover.runbook',
      [
        'SHOW CLUSTER DRLIB',
        'RECOVER DRLIB FROM LATEST',
        'EXPECT ok = true',
        'EXPECT result.database.exportListVolume = EXP001',
        'ADVANCE UNTIL IDLE',
        'SHOW RECOVERY DRLIB',
        'EXPECT result.overallStatus = Completed',
        'EXPECT result.summary.recovered = 10',
        'SHOW VOLUME J00004 ON DRLIB',
        'EXPECT result.owner = DRLIB',
        // The name still means the set it was loaded as: a second library loads it from the database.
        'STANDALONE DRLIB2 MODEL TAPE DRIVES 4 FORMATS E08',
        'LOAD EXPORTSET set.tzset INTO DRLIB2',
        'EXPECT result.loaded = 1',
      ].join('\n'),
      db,
    );
    expect(second.err).toEqual([]);
    expect(second.records.filter((r) => !r.ok)).toEqual([]);
    expect(second.code).toBe(0);
  });

  it('another file under a name already loaded is refused and changes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tz-exportset-'));
    const run = runner(dir);
    expect(run('source.runbook', SOURCE, join(dir, 'source.db')).code).toBe(0);
    const db = join(dir, 'rehearsal.db');
    expect(run('load.runbook', 'STANDALONE DRLIB MODEL TAPE DRIVES 4 FORMATS E08\nLOAD EXPORTSET set.tzset INTO DRLIB', db).code).toBe(0);
    // A later export is saved over the same file name.
    expect(
      run(
        'source2.runbook',
        'PRELOAD K00000-K00004 ON CL0 MC MCJ SIZE 1GB\nADVANCE 1m\nEXPORTLIST EXP002 ON CL0 POOL 9 MC MCLIST\nLIBRARY EXPORT,EXP002\nADVANCE UNTIL IDLE\nSAVE EXPORTSET FROM CL0 set2.tzset',
        join(dir, 'source.db'),
      ).code,
    ).toBe(0);
    rmSync(join(dir, 'set.tzset'));
    writeFileSync(join(dir, 'set.tzset'), readFileSync(join(dir, 'set2.tzset')));
    // The refused load put nothing in DRLIB2; DRLIB still holds the set it loaded.
    const again = run(
      'again.runbook',
      'STANDALONE DRLIB2 MODEL TAPE DRIVES 4 FORMATS E08\nLOAD EXPORTSET set.tzset INTO DRLIB2\nEXPECT error.code = EXPORTSET_CHANGED\nSHOW CLUSTER DRLIB2\nEXPECT result.copyExportedVolumes = 0\nSHOW CLUSTER DRLIB\nEXPECT result.copyExportedVolumes = 1',
      db,
    );
    expect(again.err).toEqual([]);
    expect(again.records.filter((r) => !r.ok && r.command.startsWith('EXPECT'))).toEqual([]);
    expect(again.code).toBe(0);
  });
});
