// The offline rehearsal file (issue 5 item 3; Redbook §11.7): SAVE EXPORTSET writes the copy-exported
// cartridges, their contents and database backups to a versioned, checksummed file; LOAD EXPORTSET
// brings it into a stand-alone library of another engine with its own database, sharing nothing else.
// A corrupt or truncated file is refused with a clear error and leaves the library exactly as it was.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeState, type Checkpoint } from '../../engine/checkpoint.js';
import { openPersistentSession } from '../../persistent-session.js';
import { openSqliteStore } from '../../store/sqlite-store.js';
import { Session, type RunRecord } from '../../session.js';
import { sha256Hex } from './encoding.js';

class MemoryFiles {
  readonly files = new Map<string, string>();
  readText(path: string): string {
    const text = this.files.get(path);
    if (text === undefined) throw Object.assign(new Error(`no file ${path}`), { code: 'ENOENT' });
    return text;
  }
  writeText(path: string, text: string): void {
    this.files.set(path, text);
  }
}

function run(session: Session, text: string): RunRecord[] {
  const validated = session.validate(text);
  if (validated.errors.length > 0) throw new Error(validated.errors.map((e) => `${e.line}:${e.col}: ${e.message}`).join('\n'));
  return validated.commands.map((c) => session.run(c, 'test'));
}

function ok(session: Session, line: string): any {
  const [record] = run(session, line);
  if (!record?.ok) throw new Error(`${line}: ${record?.error?.code} ${record?.error?.message}`);
  return record.result;
}

const SOURCE = `SEED 3
GRID GRID01
SITE PROD
CLUSTER CL0 SITE PROD MODEL TAPE DRIVES 6 IOSTATION
HOST PRODHOST SITE PROD ROLE PRODUCTION DEVICES CL0
MC MCCE COPY R SECONDARY 8
MC MCLIST COPY R
POOL CL0 8 MEDIA JJ FORMAT E06 COPYEXPORT SCRATCH 20 ENCRYPT KEYPROD
PRELOAD A00000-A00049 ON CL0 MC MCCE SIZE 10GB
INSERT EXP000-EXP009 ON CL0 CATEGORY 000F
ADVANCE 1m
EXPORTLIST EXP000 ON CL0 POOL 8 LMTDBPVL MC MCLIST
LIBRARY EXPORT,EXP000
ADVANCE UNTIL IDLE
SAVE EXPORTSET FROM CL0 set.tzset`;

const TARGET = 'SEED 9\nSTANDALONE DRLIB MODEL TAPE DRIVES 4 FORMATS E06 KEYS KEYPROD';

function sourceSet(): string {
  const files = new MemoryFiles();
  const source = new Session(files, 3);
  const records = run(source, SOURCE);
  expect(records.every((r) => r.ok)).toBe(true);
  return files.readText('set.tzset');
}

/** The file with its JSON body changed and the checksum made to match again (reaches the field checks). */
function resigned(text: string, change: (body: any) => void): string {
  const [header, body = ''] = text.split('\n');
  const parsed = JSON.parse(body);
  change(parsed);
  const json = JSON.stringify(parsed);
  return `${header}\n${json}\nSHA256 ${sha256Hex(json)}\n`;
}

function sameCheckpoint(a: Checkpoint, b: Checkpoint): void {
  expect(JSON.stringify(b.meta)).toBe(JSON.stringify(a.meta));
  expect(Object.keys(b.blobs).sort()).toEqual(Object.keys(a.blobs).sort());
  for (const [name, blob] of Object.entries(a.blobs)) expect(Buffer.from(blob).equals(Buffer.from(b.blobs[name] ?? [])), name).toBe(true);
}

const text = sourceSet();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('SAVE EXPORTSET', () => {
  it('writes a three-line file: versioned header, JSON body, SHA-256 of the body', () => {
    const [header, bodyLine = '', sum] = text.split('\n');
    expect(header).toBe('TIMEZERO EXPORTSET 1');
    expect(sum).toBe(`SHA256 ${sha256Hex(bodyLine)}`);
    const body = JSON.parse(bodyLine);
    // twelve 10 GB volumes on a 128 GB JJ cartridge in E06
    expect(body.pvols.map((p: { volser: string }) => p.volser)).toEqual(['SA0001', 'SA0002', 'SA0003', 'SA0004', 'SA0005']);
    // LMTDBPVL: the database backup on the first two and last two by VOLSER only (Redbook §11.5.2)
    expect(body.pvols.map((p: { dbBackup: number | null }) => p.dbBackup !== null)).toEqual([true, true, false, true, true]);
    expect(body.pvols.every((p: { encryptKey: string }) => p.encryptKey === 'KEYPROD')).toBe(true);
    expect(body.databases).toHaveLength(1);
    expect(body.databases[0].count).toBe(50);
  });
});

describe('LOAD EXPORTSET of a corrupt or truncated file', () => {
  const damaged: [string, string, RegExp][] = [
    ['empty file', '', /not a TimeZero export set/],
    ['header only', text.slice(0, 21), /truncated: the checksum line is missing/],
    ['cut inside the body', text.slice(0, Math.floor(text.length / 2)), /truncated: the checksum line is missing/],
    ['cut inside the checksum', text.slice(0, text.length - 10), /truncated or damaged checksum line/],
    ['one byte of the body changed', text.replace('"pool":8', '"pool":9'), /checksum mismatch: the file is corrupt/],
    ['a line added', `${text}extra\n`, /4 lines, an export set has 3/],
    ['another format', text.replace('TIMEZERO EXPORTSET 1', 'TIMEZERO GRID 1'), /not a TimeZero export set/],
    ['a newer version', text.replace('TIMEZERO EXPORTSET 1', 'TIMEZERO EXPORTSET 2'), /export set version 2, this build reads version 1/],
    ['body not JSON', `TIMEZERO EXPORTSET 1\n{{}\nSHA256 ${sha256Hex('{{}')}\n`, /body is not JSON/],
    ['a field out of range', resigned(text, (b) => (b.pvols[0].pool = 99)), /pvols\.0\.pool/],
    ['an unknown media', resigned(text, (b) => (b.pvols[1].media = 'XX')), /pvols\.1\.media/],
    ['a column missing', resigned(text, (b) => delete b.databases[0].columns.pvol), /databases\.0\.columns\.pvol is missing/],
    ['a column cut short', resigned(text, (b) => (b.databases[0].count += 1)), /databases\.0\.columns\.volser: not 51 values/],
    ['a column not base64', resigned(text, (b) => (b.databases[0].columns.level = '***')), /databases\.0\.columns\.level: not 50 values/],
    ['a database reference dangling', resigned(text, (b) => (b.pvols[0].dbBackup = 4)), /pvols\.0: database 4 is not in the file/],
    ['a volume on no stacked volume', resigned(text, (b) => (b.databases[0].pvols = [])), /databases\.0: volume 0 names no stacked volume/],
  ];

  for (const [what, content, why] of damaged) {
    it(`refuses ${what} clearly and changes nothing`, () => {
      const files = new MemoryFiles();
      files.writeText('set.tzset', content);
      const target = new Session(files, 9);
      run(target, TARGET);
      const before = serializeState(target.engine.state);
      const [record] = run(target, 'LOAD EXPORTSET set.tzset INTO DRLIB');
      expect(record).toMatchObject({ ok: false, error: { code: 'BAD_EXPORTSET', message: expect.stringMatching(why) } });
      expect(record?.error?.message).toMatch(/^set\.tzset: .*; nothing was loaded$/);
      sameCheckpoint(before, serializeState(target.engine.state));
      expect(ok(target, 'SHOW CLUSTER DRLIB')).toMatchObject({ stackedVolumes: 0, empty: true });
    });
  }
});

describe('LOAD EXPORTSET into another database', () => {
  it('recovers the set in a stand-alone library of its own SQLite database, kept across a reopen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tz-exportset-'));
    dirs.push(dir);
    const files = new MemoryFiles();
    files.writeText('set.tzset', text);
    const first = openPersistentSession(openSqliteStore(join(dir, 'dr.db')), files, 9);
    run(first.session, TARGET);
    expect(ok(first.session, 'LOAD EXPORTSET set.tzset INTO DRLIB')).toMatchObject({ loaded: 5, source: 'CL0', grid: 'GRID01', databases: 1 });
    // Redbook §11.7.2 step 7 note: with LMTDBPVL only some volumes hold the database backup
    const [missing] = run(first.session, 'RECOVER DRLIB FROM SA0003');
    expect(missing?.error?.message).toBe('The database backup could not be found on the specified recovery volume');
    expect(ok(first.session, 'RECOVER DRLIB FROM LATEST')).toMatchObject({ fromPvol: 'SA0001', testMode: true });
    ok(first.session, 'ADVANCE UNTIL IDLE');
    const status = ok(first.session, 'SHOW RECOVERY DRLIB');
    expect(status.summary).toMatchObject({ recovered: 50, inDatabase: 50, sourceLibrary: 'CL0', sourceGrid: 'GRID01' });
    const volume = ok(first.session, 'SHOW VOLUME A00042 ON DRLIB');
    first.close();

    const reopened = openPersistentSession(openSqliteStore(join(dir, 'dr.db')), files, 9);
    expect(ok(reopened.session, 'SHOW RECOVERY DRLIB').summary).toEqual(status.summary);
    expect(ok(reopened.session, 'SHOW VOLUME A00042 ON DRLIB')).toEqual(volume);
    expect(volume).toMatchObject({ sizeMB: 10240, recoveredFrom: 'GRID01/CL0', pvolState: 'copy-exported' });
    reopened.close();
  });
});
