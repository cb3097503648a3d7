// Journal replication through runbook lines (seed 001): transfer modes, delta marking, bookmarks,
// image access (virtual, logged, roll in background), disable discarding changes, failover, and the
// reachable window moving forward when the journal is full.

import { describe, expect, it } from 'vitest';
import { Rig } from '../runbook/testing.js';

const PAIR = (mode: string, extra = '') => `SITE PROD
SITE DR
DASD CAT SITE PROD SIZE 1GB
DASD CATR SITE DR SIZE 1GB
REPLICATE CAT TO CATR ${mode} JOURNAL 64MB GBPS 1${extra}`;

describe('transfer modes (seed 001: synchronous, asynchronous, snapshot)', () => {
  it('SYNC: the host write completes only when the target has it; nothing waits in delta marking', () => {
    const rig = new Rig(PAIR('SYNC'));
    const w = rig.ok('DASDWRITE CAT 0 100MB PATTERN A');
    // 100 MB over GBPS 1 (125,000,000 bytes/s) = 0.839 s, after the first IO's 1 ms (spec §12: each
    // transaction of a DASDWRITE completes at its own millisecond)
    expect(w.waitMs).toBe(840);
    const j = rig.ok('SHOW JOURNAL CATR');
    expect(j.deltaMarking.transactions).toBe(0);
    expect(rig.ok('CHECKSUM CATR').digest).toBe(rig.ok('CHECKSUM CAT').digest);
  });

  it('ASYNC: acknowledged at once; the write waits in the delta marking stream until it reaches the journal', () => {
    const rig = new Rig(PAIR('ASYNC'));
    expect(rig.ok('DASDWRITE CAT 0 100MB PATTERN A').waitMs).toBe(0);
    // The hundred 1 MB IOs take 100 ms (spec §12: each transaction its own time); 11 MB reached the
    // journal meanwhile, 89 MB (22,784 blocks) wait in delta marking.
    expect(rig.ok('SHOW JOURNAL CATR').deltaMarking.blocks).toBe(22_784);
    expect(rig.ok('CHECKSUM CATR').digest).not.toBe(rig.ok('CHECKSUM CAT').digest);
    rig.ok('ADVANCE 1s');
    expect(rig.ok('SHOW JOURNAL CATR').deltaMarking.blocks).toBe(0);
    expect(rig.ok('CHECKSUM CATR').digest).toBe(rig.ok('CHECKSUM CAT').digest);
  });

  it('SNAPSHOT: writes aggregate and travel as one snapshot; overwrites of a block are sent once', () => {
    const rig = new Rig(PAIR('SNAPSHOT', ' EVERY 30s'));
    for (let i = 0; i < 5; i++) rig.ok(`DASDWRITE CAT 0 4MB PATTERN P${i}`);
    rig.ok('ADVANCE 31s');
    const j = rig.ok('SHOW JOURNAL CATR');
    expect(j.stats.snapshots).toBe(1);
    expect(j.stats.writesAggregated).toBe(20); // five 4 MB writes, each four 1 MB IOs
    expect(j.stats.bytesSent).toBe(4 * 2 ** 20);
    expect(rig.ok('CHECKSUM CATR').digest).toBe(rig.ok('CHECKSUM CAT').digest);
  });
});

describe('image access (seed 001 "Image Access")', () => {
  function history(): Rig {
    const rig = new Rig(PAIR('ASYNC'));
    rig.ok('DASDWRITE CAT 0 1MB PATTERN GOOD');
    rig.ok('ADVANCE 1m');
    rig.ok('BOOKMARK CAT CLEAN');
    rig.ok('DASDWRITE CAT 0 1MB PATTERN CORRUPT');
    rig.ok('ADVANCE 1m');
    return rig;
  }

  it('VIRTUAL is immediate; the replica itself keeps the latest image; the image equals the source at the bookmark', () => {
    const rig = history();
    const clean = new Rig(PAIR('ASYNC'));
    clean.ok('DASDWRITE CAT 0 1MB PATTERN GOOD');
    const want = clean.ok('CHECKSUM CAT').digest;
    const latest = rig.ok('CHECKSUM CATR').digest;
    const a = rig.ok('IMAGE ACCESS CATR AT CLEAN VIRTUAL');
    expect(a.rollSeconds).toBe(0);
    expect(rig.ok('CHECKSUM CATR IMAGE').digest).toBe(want);
    expect(rig.ok('CHECKSUM CATR').digest).toBe(latest);
  });

  it('LOGGED rolls the replica (time passes); disable discards writes made during access and distribution goes on', () => {
    const rig = history();
    const latest = rig.ok('CHECKSUM CATR').digest;
    const t0 = rig.elapsedMs;
    const a = rig.ok('IMAGE ACCESS CATR AT 2026-01-01T00:00:30Z LOGGED');
    expect(a.rollSeconds).toBeGreaterThan(0);
    expect(rig.elapsedMs).toBeGreaterThan(t0);
    const image = rig.ok('CHECKSUM CATR').digest;
    rig.ok('DASDWRITE CATR 0 8KB PATTERN TEST');
    expect(rig.ok('CHECKSUM CATR').digest).not.toBe(image);
    rig.ok('DASDWRITE CAT 2MB 8KB PATTERN NEWPROD');
    rig.ok('ADVANCE 5s');
    expect(rig.ok('SHOW JOURNAL CATR').distribution).toBe('paused');
    const d = rig.ok('IMAGE DISABLE CATR');
    expect(d.discardedBlocks).toBe(2);
    expect(rig.ok('CHECKSUM CATR').digest).toBe(rig.ok('CHECKSUM CAT').digest);
    expect(rig.ok('CHECKSUM CATR').digest).not.toBe(latest);
  });

  it('IMAGE ROLL switches virtual to logged in the background, transparently', () => {
    const rig = history();
    rig.ok('IMAGE ACCESS CATR AT CLEAN VIRTUAL');
    rig.ok('DASDWRITE CATR 0 4KB PATTERN FORENSICS');
    const seen = rig.ok('CHECKSUM CATR IMAGE').digest;
    const roll = rig.ok('IMAGE ROLL CATR');
    expect(roll.rolling).toBe(true);
    expect(rig.ok('SHOW JOURNAL CATR').imageAccess.mode).toBe('virtual');
    const done = rig.do('ADVANCE UNTIL IDLE');
    expect(Rig.messageIds(done)).toContain('TZ0603I');
    expect(rig.ok('SHOW JOURNAL CATR').imageAccess.mode).toBe('logged');
    expect(rig.ok('CHECKSUM CATR IMAGE').digest).toBe(seen);
    expect(rig.ok('CHECKSUM CATR').digest).toBe(seen);
  });

  it('refuses writes to a replica without image access, and points in time outside the window', () => {
    const rig = history();
    expect(rig.refused('DASDWRITE CATR 0 4KB')).toBe('REPLICA_PROTECTED');
    expect(rig.refused('IMAGE ACCESS CATR AT 2025-12-31T00:00:00Z VIRTUAL')).toBe('PIT_NOT_REACHABLE');
    expect(rig.refused('IMAGE ACCESS CATR AT NOSUCH VIRTUAL')).toBe('NO_SUCH_BOOKMARK');
  });
});

describe('journal full (seed 001 FIG. 2 segment pool)', () => {
  it('releases the oldest history; the earliest reachable point in time moves forward with a message', () => {
    const rig = new Rig(PAIR('ASYNC'));
    rig.ok('BOOKMARK CAT START');
    const load = rig.do('DASDLOAD CAT RATE 20 IOSIZE 64KB FOR 10s');
    expect(load.ok).toBe(true);
    expect(Rig.messageIds(load)).toContain('TZ0601W');
    const j = rig.ok('SHOW JOURNAL CATR');
    expect(j.releasedTransactions).toBeGreaterThan(0);
    expect(j.earliestPointInTime > '2026-01-01T00:00:00Z').toBe(true);
    expect(j.bookmarks[0].reachable).toBe(false);
    expect(rig.refused('IMAGE ACCESS CATR AT START VIRTUAL')).toBe('PIT_NOT_REACHABLE');
  });
});

describe('journal full during image access (seed 001: distribution paused, delta marking)', () => {
  it('holds new writes in the delta marking stream, then distributes them after IMAGE DISABLE', () => {
    const rig = new Rig(PAIR('ASYNC'));
    rig.ok('DASDWRITE CAT 0 1MB PATTERN A');
    rig.ok('ADVANCE 1s');
    rig.ok('IMAGE ACCESS CATR AT 2026-01-01T00:00:01Z LOGGED');
    const load = rig.do('DASDLOAD CAT RATE 20 IOSIZE 64KB FOR 10s');
    expect(Rig.messageIds(load)).toContain('TZ0602E');
    const held = rig.ok('SHOW JOURNAL CATR');
    expect(held.blocked).toBe(true);
    expect(held.deltaMarking.transactions).toBeGreaterThan(0);
    rig.ok('IMAGE DISABLE CATR');
    rig.ok('ADVANCE UNTIL IDLE');
    const after = rig.ok('SHOW JOURNAL CATR');
    expect(after.blocked).toBe(false);
    expect(after.deltaMarking.transactions).toBe(0);
    expect(rig.ok('CHECKSUM CATR').digest).toBe(rig.ok('CHECKSUM CAT').digest);
  });
});

describe('failover (seed 001: reversing the direction of replication)', () => {
  it('makes the replica production and resyncs only the differing blocks to the old source', () => {
    const rig = new Rig(PAIR('ASYNC'));
    rig.ok('DASDWRITE CAT 0 1MB PATTERN GOOD');
    rig.ok('ADVANCE 10s');
    rig.ok('BOOKMARK CAT CLEAN');
    rig.ok('DASDWRITE CAT 0 64KB PATTERN BAD');
    rig.ok('ADVANCE 10s');
    rig.ok('IMAGE ACCESS CATR AT CLEAN LOGGED');
    const image = rig.ok('CHECKSUM CATR').digest;
    const f = rig.ok('FAILOVER CATR');
    expect(f).toMatchObject({ source: 'CATR', target: 'CAT', image: 'CLEAN', resyncBlocks: 16 });
    rig.ok('ADVANCE UNTIL IDLE');
    expect(rig.ok('CHECKSUM CAT').digest).toBe(image);
    expect(rig.refused('DASDWRITE CAT 0 4KB')).toBe('REPLICA_PROTECTED');
    rig.ok('DASDWRITE CATR 0 4KB PATTERN NEW');
  });

  it('fails over to a virtual image: the image and the writes made to it become production', () => {
    const rig = new Rig(PAIR('ASYNC'));
    rig.ok('DASDWRITE CAT 0 1MB PATTERN GOOD');
    rig.ok('ADVANCE 10s');
    rig.ok('BOOKMARK CAT CLEAN');
    rig.ok('DASDWRITE CAT 0 1MB PATTERN BAD');
    rig.ok('ADVANCE 10s');
    rig.ok('IMAGE ACCESS CATR AT CLEAN VIRTUAL');
    rig.ok('DASDWRITE CATR 2MB 4KB PATTERN REPAIRED');
    const image = rig.ok('CHECKSUM CATR IMAGE').digest;
    rig.ok('FAILOVER CATR');
    expect(rig.ok('CHECKSUM CATR').digest).toBe(image);
    rig.ok('ADVANCE UNTIL IDLE');
    expect(rig.ok('CHECKSUM CAT').digest).toBe(image);
  });

  it('loses what had not reached the journal when the production site has failed', () => {
    const rig = new Rig(PAIR('ASYNC'));
    rig.ok('DASDWRITE CAT 0 100MB PATTERN A');
    rig.ok('FAIL SITE PROD');
    const f = rig.ok('FAILOVER CATR');
    // 100 MB written as 1 MB IOs over 100 ms (spec §12: each its own time): 11 reached the journal.
    expect(f.lostTransactions).toBe(89);
  });
});

describe('a failed site holds asynchronous replication until repair', () => {
  it('ADVANCE returns while the DR site is down, and the held writes arrive after REPAIR (spec §6, §9; found by the engine fuzz test)', () => {
    const rig = new Rig(`SITE PROD
SITE DR
DASD PRIM SITE PROD SIZE 1GB
DASD PRIMR SITE DR SIZE 1GB
REPLICATE PRIM TO PRIMR ASYNC JOURNAL 256MB
DASDWRITE PRIM 0 1MB PATTERN L1
ADVANCE 10s
FAIL SITE DR
DASDWRITE PRIM 17MB 2MB PATTERN L3`);
    const started = Date.now();
    rig.ok('ADVANCE 19m');
    rig.ok('ADVANCE UNTIL IDLE');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(rig.ok('SHOW JOURNAL PRIMR').deltaMarking.transactions).toBeGreaterThan(0);
    rig.ok('REPAIR SITE DR');
    rig.ok('ADVANCE UNTIL IDLE');
    expect(rig.ok('SHOW JOURNAL PRIMR').deltaMarking.transactions).toBe(0);
    expect(rig.ok('CHECKSUM PRIMR').digest).toBe(rig.ok('CHECKSUM PRIM').digest);
  });
});
