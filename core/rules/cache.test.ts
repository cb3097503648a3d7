// Tape volume cache: the disk-only volume removal policy and out-of-cache state (Redbook §11.1 "Volume
// Removal policy", §11.2.9), pre-migration and recall on tape-attached clusters (Redbook §11.1: "If a
// recall is required to place the logical volume in the TVC ... it will be done as part of the mount").

import { describe, expect, it } from 'vitest';
import { Rig } from '../runbook/testing.js';

// CL0: a disk-only cluster with a 10 GB cache (auto-removal above 95 %, down to 90 %).
const DISK = `GRID G
SITE A
SITE B
CLUSTER CL0 SITE A MODEL DISK CACHE 10GB
CLUSTER CL1 SITE B MODEL DISK
HOST H SITE A ROLE PRODUCTION DEVICES CL0,CL1
MC TWO COPY RR
MC TWOPG0 COPY RR PG0
MC ONE COPY RN
CATEGORY 0002 SCRATCH
CATEGORY 0003 SCRATCH
CATEGORY 000F PRIVATE
INSERT S00000-S00099 ON CL0`;

const inCl0 = (rig: Rig, volser: string): boolean => rig.ok(`SHOW VOLUME ${volser}`).copies.CL0?.inCache === true;

describe('disk-only removal policy (Redbook §11.1)', () => {
  it('removes scratch (Fast Ready) volumes first, even more recently used ones', () => {
    const rig = new Rig(DISK);
    rig.ok('PRELOAD P00000-P00003 ON CL0 MC TWO SIZE 1GB');
    rig.ok('ADVANCE 1h');
    rig.ok('PRELOAD Q00000-Q00003 ON CL0 MC TWO SIZE 1GB CATEGORY 0003');
    expect(rig.ok('SHOW CLUSTER CL0').cacheUsedPercent).toBe(80);
    const job = rig.do('JOB H WRITE 2 SCRATCH ON CL0 MC ONE SIZE 1GB');
    expect(job).toMatchObject({ ok: true, result: { succeeded: 2 } });
    // "all volumes in the scratch (Fast Ready) category are removed first"
    expect(Rig.messageIds(job)).toContain('TZ0400I');
    expect(inCl0(rig, 'Q00000')).toBe(false);
    for (const p of ['P00000', 'P00001', 'P00002', 'P00003']) expect(inCl0(rig, p), p).toBe(true);
  });

  it('then private volumes with a copy elsewhere, least recently used first', () => {
    const rig = new Rig(DISK);
    rig.ok('PRELOAD P00000-P00007 ON CL0 MC TWO SIZE 1GB');
    rig.ok('ADVANCE 1m');
    rig.ok('JOB H READ P00000-P00000 ON CL0');
    rig.ok('JOB H WRITE 2 SCRATCH ON CL0 MC ONE SIZE 1GB');
    expect(inCl0(rig, 'P00000')).toBe(true);
    expect(inCl0(rig, 'P00001')).toBe(false);
    expect(inCl0(rig, 'P00002')).toBe(true);
    // The copy retained on CL1 still serves the volume (through the grid).
    expect(rig.ok('MOUNT P00001 ON CL0 HOST H').tvcCluster).toBe('CL1');
  });

  it('PG0 volumes before PG1 volumes', () => {
    const rig = new Rig(DISK);
    rig.ok('PRELOAD P00000-P00003 ON CL0 MC TWO SIZE 1GB');
    rig.ok('ADVANCE 1h');
    rig.ok('PRELOAD G00000-G00003 ON CL0 MC TWOPG0 SIZE 1GB');
    rig.ok('JOB H WRITE 2 SCRATCH ON CL0 MC ONE SIZE 1GB');
    expect(inCl0(rig, 'G00000')).toBe(false);
    expect(inCl0(rig, 'P00000')).toBe(true);
  });

  it('never removes a volume without a consistent copy elsewhere: the cache fills (CACHE_FULL)', () => {
    const rig = new Rig(DISK);
    rig.ok('PRELOAD O00000-O00008 ON CL0 MC ONE SIZE 1GB');
    const job = rig.ok('JOB H WRITE 3 SCRATCH ON CL0 MC ONE SIZE 1GB');
    expect(job).toMatchObject({ succeeded: 1, failed: 2, failures: { CACHE_FULL: 2 } });
    expect(rig.ok('SHOW CLUSTER CL0').cacheUsedPercent).toBe(100);
    for (let i = 0; i <= 8; i++) expect(inCl0(rig, `O0000${i}`)).toBe(true);
  });

  it('counts only copies on clusters it can reach ("retained on one of the remaining clusters")', () => {
    const rig = new Rig(DISK);
    rig.ok('PRELOAD P00000-P00008 ON CL0 MC TWO SIZE 1GB');
    rig.ok('FAIL CLUSTER CL1');
    expect(rig.ok('JOB H WRITE 3 SCRATCH ON CL0 MC ONE SIZE 1GB')).toMatchObject({ succeeded: 1, failures: { CACHE_FULL: 2 } });
    expect(inCl0(rig, 'P00000')).toBe(true);
    rig.ok('REPAIR CLUSTER CL1');
    expect(rig.ok('JOB H WRITE 3 SCRATCH ON CL0 MC ONE SIZE 1GB')).toMatchObject({ succeeded: 3, failed: 0 });
    expect(inCl0(rig, 'P00000')).toBe(false);
  });

  it('out of cache resources: scratch mounts fail, specific mounts read but cannot modify (HYDIN0169E)', () => {
    const rig = new Rig(DISK);
    rig.ok('PRELOAD O00000-O00009 ON CL0 MC ONE SIZE 1GB');
    expect(rig.refused('MOUNT SCRATCH ON CL0 HOST H')).toBe('CACHE_FULL');
    // The refused mount did not use up a scratch volume.
    expect(rig.ok('SHOW VOLUME S00000').category).toBe('0002');
    rig.ok('MOUNT O00000 ON CL0 HOST H');
    expect(rig.ok('READ O00000').level).toBe(1);
    expect(rig.refused('WRITE O00000 1GB')).toBe('CACHE_FULL');
    rig.ok('DEMOUNT O00000');
    expect(rig.ok('SHOW VOLUME O00000').level).toBe(1);
    // CL1 has room: work moves there.
    expect(rig.ok('MOUNT SCRATCH ON CL1 HOST H').volser).toBe('S00000');
  });
});

// CL0: tape-attached (TS7740-like), two drives; stacking runs at 250 MB/s after a 30 s mount.
const TAPE = `GRID T
SITE A
CLUSTER CL0 SITE A MODEL TAPE CACHE 10GB DRIVES 2
HOST H SITE A ROLE PRODUCTION DEVICES CL0
MC KEEP COPY R
MC MIGRATE COPY R PG0
CATEGORY 0002 SCRATCH
CATEGORY 000F PRIVATE
INSERT S00000-S00099 ON CL0`;

/** 30 s stacked-volume mount + 1 GiB at 250 MiB/s = 34.096 s. */
const ONE_GIB_ON_TAPE_MS = 30_000 + 4096;

describe('tape-attached clusters (Redbook §11.1)', () => {
  it('pre-migrate new data to tape; PG1 stays in cache, PG0 leaves it once on tape', () => {
    const rig = new Rig(TAPE);
    rig.ok('JOB H WRITE 1 SCRATCH ON CL0 MC KEEP SIZE 1GB');
    rig.ok('JOB H WRITE 1 SCRATCH ON CL0 MC MIGRATE SIZE 1GB');
    expect(rig.ok('SHOW VOLUME S00000').copies.CL0).toMatchObject({ consistent: true, inCache: true, premigrated: false });
    rig.ok(`ADVANCE ${ONE_GIB_ON_TAPE_MS - 1}ms`);
    expect(rig.ok('SHOW VOLUME S00000').copies.CL0.premigrated).toBe(false);
    rig.ok('ADVANCE 1ms');
    expect(rig.ok('SHOW VOLUME S00000').copies.CL0).toMatchObject({ inCache: true, premigrated: true });
    expect(rig.ok('SHOW VOLUME S00001').copies.CL0).toMatchObject({ consistent: true, inCache: false, premigrated: true });
  });

  it('recall a volume that is only on tape as part of the mount (recallSeconds; time advances)', () => {
    const rig = new Rig(TAPE);
    rig.ok('JOB H WRITE 1 SCRATCH ON CL0 MC MIGRATE SIZE 1GB');
    rig.ok('ADVANCE UNTIL IDLE');
    const before = rig.elapsedMs;
    const mount = rig.ok('MOUNT S00000 ON CL0 HOST H');
    expect(mount.recallSeconds).toBeCloseTo(ONE_GIB_ON_TAPE_MS / 1000, 3);
    expect(rig.elapsedMs - before).toBe(ONE_GIB_ON_TAPE_MS);
    expect(rig.ok('SHOW VOLUME S00000').copies.CL0.inCache).toBe(true);
    rig.ok('DEMOUNT S00000');
    // A volume already in cache mounts at once.
    expect(rig.ok('MOUNT S00000 ON CL0 HOST H').recallSeconds).toBeUndefined();
  });

  it('make room by dropping pre-migrated copies only: no logical volume is lost from a TS7740', () => {
    const rig = new Rig(TAPE);
    rig.ok('JOB H WRITE 9 SCRATCH ON CL0 MC KEEP SIZE 1GB');
    rig.ok('ADVANCE UNTIL IDLE');
    rig.ok('JOB H WRITE 3 SCRATCH ON CL0 MC KEEP SIZE 1GB');
    const first = rig.ok('SHOW VOLUME S00000').copies.CL0;
    expect(first).toMatchObject({ consistent: true, inCache: false, premigrated: true });
    expect(rig.ok('JOB H READ S00000-S00000 ON CL0').succeeded).toBe(1);
  });
});
