// Host DASD runbook lines (spec §9): parsed into commands, and every mistake named with line:col
// before anything runs (spec §2).

import { describe, expect, it } from 'vitest';
import { Session } from '../session.js';

function errors(text: string): string[] {
  return new Session(null, 1).validate(text).errors.map((e) => `${e.line}:${e.col}: ${e.message}`);
}

const BASE = 'SITE PROD\nSITE DR\nDASD CAT SITE PROD SIZE 1GB\nDASD CATR SITE DR SIZE 1GB\n';

describe('DASD runbook lines', () => {
  it('accepts every form of spec §9 with only SITE lines (no GRID)', () => {
    const text = `${BASE}REPLICATE CAT TO CATR SYNC JOURNAL 1GB
BOOKMARK CAT B1
IMAGE ACCESS CATR AT 2026-01-01T00:00:00Z VIRTUAL
IMAGE ACCESS CATR AT B1 LOGGED
IMAGE ROLL CATR
IMAGE DISABLE CATR
FAILOVER CATR
DISTRIBUTE CAT SITES PROD,DR CHANGESET 5s
FRACTURE CAT
ROLL CAT SITE DR TO B1
UNFRACTURE CAT KEEP PIT
SOURCEPOOL SP VOLUMES CAT,CATR
SOURCEPOOL SP ADD CAT
SOURCEPOOL SP REMOVE CAT
TARGETPOOL TP FOR SP VOLUMES CAT
PREPAIR SP
BACKUP SP
SHOW VERSIONS SP
REMOTECOPY CAT TO CATR ESTABLISH OFFLINE GRAIN 256KB
FLASHCOPY CAT TO MEDIA M1
SHIP M1 TO DR
UPLOAD M1 TO CATR
SYNC CATR
SHOW JOURNAL CATR
SHOW REMOTECOPY CAT
SHOW DASD CATR
DASDWRITE CAT 0 4KB PATTERN X
DASDLOAD CAT RATE 50 IOSIZE 16KB FOR 1m
CHECKSUM CATR IMAGE`;
    expect(errors(text)).toEqual([]);
    expect(new Session(null, 1).validate(text).commands).toHaveLength(33);
  });

  it('names unknown volumes, sites, pools and media with their column', () => {
    expect(errors(`${BASE}REPLICATE CAT TO NOPE ASYNC`)).toEqual(["5:18: unknown DASD 'NOPE' (DASD volumes: CAT, CATR)"]);
    expect(errors('DASD X SITE MARS SIZE 1GB')).toEqual(["1:13: unknown site 'MARS'"]);
    expect(errors(`${BASE}BACKUP NOPOOL`)).toEqual(["5:8: unknown source pool 'NOPOOL'"]);
    expect(errors(`${BASE}SHIP M9 TO DR`)).toEqual(["5:6: unknown media 'M9': FLASHCOPY <dasd> TO MEDIA M9 makes it"]);
  });

  it('rejects bad syntax with its column', () => {
    expect(errors(`${BASE}REPLICATE CAT TO CATR FAST`)).toEqual(["5:23: expected SYNC or ASYNC or SNAPSHOT, found 'FAST'"]);
    expect(errors(`${BASE}IMAGE ACCESS CATR AT 2026-13-01T00:00:00Z VIRTUAL`)).toEqual(["5:22: bad time '2026-13-01T00:00:00Z': use 2026-01-01T00:00:00Z"]);
    expect(errors(`${BASE}DISTRIBUTE CAT SITES PROD CHANGESET 5s`)).toEqual(['5:22: an active/active volume spans exactly two sites, not 1']);
    expect(errors(`${BASE}REMOTECOPY CAT TO CATR ESTABLISH OFFLINE GRAIN 1000B`)).toEqual(['5:48: grain 1000B is not a whole number of 4 KB blocks']);
    expect(errors('SITE A\nDASD X SITE A SIZE 1GB TYPE 9999')).toEqual(["2:29: bad device type '9999': one of 3390-1, 3390-2, 3390-3, 3390-9, 3390-27, 3390-54, 3390-A, 3380-J, 3380-K, FBA"]);
    expect(errors(`${BASE}REPLICATE CAT TO CATR ASYNC EVERY 5s`)).toEqual(['5:35: EVERY sets the interval of SNAPSHOT mode only']);
  });
});
