// Seed 002: source and target pools, pre-pairing and replication records, the copy record from a
// pre-copy record, the target scan, verification when sources change, notifications.

import { describe, expect, it } from 'vitest';
import { Rig } from '../runbook/testing.js';
import { field } from '../model/json-fields.js';

// Seed 002 FIG. 2 / Table 3.4: source pool A, B; target pool 01 = a, b; target pool 02 = c, d.
const FIG2 = `SITE S
DASD A SITE S SIZE 100MB
DASD B SITE S SIZE 100MB
DASD LA SITE S SIZE 100MB
DASD LB SITE S SIZE 100MB
DASD LC SITE S SIZE 100MB
DASD LD SITE S SIZE 100MB
SOURCEPOOL SRC VOLUMES A,B
TARGETPOOL T01 FOR SRC VOLUMES LA,LB
TARGETPOOL T02 FOR SRC VOLUMES LC,LD`;

describe('copy versions (seed 002)', () => {
  it('Table 3.6 then Table 2.1: PPRs for V1 and V2 become the RRs A_a B_b at T1 and A_c B_d at T2', () => {
    const rig = new Rig(FIG2);
    const AB = (a: string, b: string) => [
      { source: 'A', target: a },
      { source: 'B', target: b },
    ];
    expect(rig.ok('PREPAIR SRC').pairs).toEqual(AB('LA', 'LB'));
    // Table 3.6: both pre-pairing records exist before either copy version is made.
    const pre = rig.ok('SHOW VERSIONS SRC').versions.map((v: { version: number; record: string; pairs: unknown }) => [v.version, v.record, v.pairs]);
    expect(pre).toEqual([
      [1, 'PPR', AB('LA', 'LB')],
      [2, 'PPR', AB('LC', 'LD')],
    ]);
    const v1 = rig.ok('BACKUP SRC');
    expect(v1.preCopyRecord).toBe('PPR');
    const v2 = rig.ok('BACKUP SRC');
    expect(v2.preCopyRecord).toBe('PPR');
    const show = rig.ok('SHOW VERSIONS SRC');
    // The version chronology (seed 002 [0115]): the records before (T1) and after (T1+) each copy.
    const rows = (label: string) => show.chronology.find((c: { label: string }) => c.label === label).records.map((r: { version: number; record: string }) => `V${r.version} ${r.record}`);
    expect(rows('T1')).toEqual(['V1 PPR', 'V2 PPR']);
    expect(rows('T1+')).toEqual(['V1 RR', 'V2 PPR']);
    expect(rows('T2+')).toEqual(['V1 RR', 'V2 RR']);
    expect(show.versions.map((v: { version: number; record: string; pairs: unknown }) => [v.version, v.record, v.pairs])).toEqual([
      [
        1,
        'RR',
        [
          { source: 'A', target: 'LA' },
          { source: 'B', target: 'LB' },
        ],
      ],
      [
        2,
        'RR',
        [
          { source: 'A', target: 'LC' },
          { source: 'B', target: 'LD' },
        ],
      ],
    ]);
  });

  it('FIG. 7: V3 uses the RR of V1 as pre-copy record and replaces V1; the copy holds the source data', () => {
    const rig = new Rig(FIG2);
    rig.ok('DASDWRITE A 0 1MB PATTERN DAY1');
    rig.ok('BACKUP SRC');
    rig.ok('BACKUP SRC');
    rig.ok('DASDWRITE A 0 1MB PATTERN DAY3');
    const v3 = rig.ok('BACKUP SRC');
    expect(v3).toMatchObject({ version: 3, preCopyRecord: 'RR', replacedVersion: 1, targetPool: 'T01' });
    expect(rig.ok('CHECKSUM LA').digest).toBe(rig.ok('CHECKSUM A').digest);
    expect(rig.ok('SHOW VERSIONS SRC').versions.map((v: { version: number }) => v.version)).toEqual([2, 3]);
  });

  it('FIG. 5: the scan skips targets of another type, smaller geometry or size, or another copy technology, and notifies when none fits', () => {
    const rig = new Rig(`SITE S
DASD A SITE S SIZE 1GB TYPE 3390-27
DASD X1 SITE S SIZE 1GB TYPE 3380-K
DASD X2 SITE S SIZE 1GB TYPE 3390-9
DASD X3 SITE S SIZE 512MB TYPE 3390-27
DASD X4 SITE S SIZE 1GB TYPE 3390-27 TECH SNAPSHOT
SOURCEPOOL P VOLUMES A
TARGETPOOL T FOR P VOLUMES X1,X2,X3,X4`);
    const r = rig.do('PREPAIR P');
    expect(r.ok).toBe(true);
    expect(field(r.result, 'pairs')).toEqual([]);
    expect(Rig.messageIds(r)).toEqual(['TZ0610W']);
    const text = r.messages[0]?.text;
    expect(text).toContain('X1 type 3380-K not compatible');
    expect(text).toContain('X2 geometry 3390-9 smaller');
    expect(text).toContain('X3 size');
    expect(text).toContain('X4 copy technology SNAPSHOT not compatible');
    rig.ok('DASD X5 SITE S SIZE 2GB TYPE 3390-54 TECH COPY');
  });

  it('FIG. 8: adding a source updates the pre-pairing record; removing one breaks its pair at the next copy', () => {
    const rig = new Rig(FIG2 + '\nDASD C SITE S SIZE 100MB\nDASD LE SITE S SIZE 100MB');
    rig.ok('PREPAIR SRC');
    expect(rig.ok('SOURCEPOOL SRC ADD C').prePairingRecordsUpdated[0].pairs).toHaveLength(2);
    const notified = rig.do('SOURCEPOOL SRC ADD C');
    expect(notified.ok).toBe(false);
    rig.ok('BACKUP SRC');
    rig.ok('BACKUP SRC');
    rig.ok('SOURCEPOOL SRC REMOVE B');
    const v3 = rig.do('BACKUP SRC');
    expect(field(v3.result, 'brokenPairs')).toEqual([{ source: 'B', target: 'LB' }]);
    expect(Rig.messageIds(v3)).toContain('TZ0611I');
  });
});
