// Mounts: I/O TVC selection, remote TVC, scratch selection and expire hold (spec §4, §5; Redbook §11.1,
// §11.4.1).

import { describe, expect, it } from 'vitest';
import { Rig } from '../runbook/testing.js';

// CL1 is tape-attached; CL2 sits behind a single slow link from CL0.
const GRID = `GRID G
SITE A
SITE B
CLUSTER CL0 SITE A MODEL DISK
CLUSTER CL1 SITE A MODEL TAPE DRIVES 4
CLUSTER CL2 SITE B MODEL DISK
LINK CL0 CL2 COUNT 1 GBPS 1
HOST H SITE A ROLE PRODUCTION DEVICES CL0,CL1,CL2
MC ALL COPY RRR
MC TAPEONLY COPY NRN PG0
MC PEERS COPY NRR PG0
MC PEERSCACHED COPY NRR
MC FARONLY COPY NNR
CATEGORY 0002 SCRATCH
CATEGORY 000F PRIVATE
PRELOAD A00000-A00009 ON CL0 MC ALL SIZE 800MB
PRELOAD B00000-B00009 ON CL1 MC PEERS SIZE 800MB
PRELOAD C00000-C00009 ON CL1 MC PEERSCACHED SIZE 800MB
PRELOAD D00000-D00009 ON CL2 MC FARONLY SIZE 800MB
PRELOAD T00000-T00009 ON CL1 MC TAPEONLY SIZE 1GB
INSERT S00000-S00009 ON CL0`;

describe('I/O TVC selection (Redbook §11.1; spec §5)', () => {
  it('prefers the mount cluster’s own consistent copy', () => {
    const rig = new Rig(GRID);
    expect(rig.ok('MOUNT A00000 ON CL0 HOST H')).toMatchObject({ mountCluster: 'CL0', tvcCluster: 'CL0', source: 'live' });
    expect(rig.ok('MOUNT A00001 ON CL2 HOST H').tvcCluster).toBe('CL2');
  });

  it('else uses a reachable peer’s copy through the grid, a cached copy before one on tape', () => {
    const rig = new Rig(GRID);
    // B: on CL1's tape only (PG0) and in CL2's cache; CL2 wins although its link is 20 times slower.
    const mount = rig.ok('MOUNT B00000 ON CL0 HOST H');
    expect(mount).toMatchObject({ mountCluster: 'CL0', tvcCluster: 'CL2' });
    expect(mount.gridLink).toBe(1);
    expect(mount.recallSeconds).toBeUndefined();
  });

  it('among cached copies, the peer with the most bandwidth', () => {
    const rig = new Rig(GRID);
    // C: in cache on CL1 (owner, PG1) and on CL2.
    expect(rig.ok('MOUNT C00000 ON CL0 HOST H').tvcCluster).toBe('CL1');
  });

  it('recalls into the remote TVC as part of the mount when only a tape copy is left', () => {
    const rig = new Rig(GRID);
    rig.ok('FAIL CLUSTER CL2');
    const before = rig.elapsedMs;
    const mount = rig.ok('MOUNT B00000 ON CL0 HOST H');
    expect(mount.tvcCluster).toBe('CL1');
    // 30 s to mount the stacked volume, then 800 MB at 250 MB/s (core/rules/cache.ts drive model).
    expect(mount.recallSeconds).toBeCloseTo(30 + 800 / 250, 2);
    expect((rig.elapsedMs - before) / 1000).toBeCloseTo(mount.recallSeconds, 2);
  });

  it('fails with NO_VALID_COPY when no consistent copy is reachable', () => {
    const rig = new Rig(GRID);
    rig.ok('FAIL LINK CL0 CL2');
    rig.ok('FAIL LINK CL1 CL2');
    expect(rig.refused('MOUNT D00000 ON CL0 HOST H')).toBe('NO_VALID_COPY');
    rig.ok('REPAIR LINK CL0 CL2');
    expect(rig.ok('MOUNT D00000 ON CL0 HOST H').tvcCluster).toBe('CL2');
  });

  it('never uses a stale copy: a newer level not yet copied is not there', () => {
    const rig = new Rig(`${GRID}\nMC LATER COPY RDN`);
    rig.ok('CHANGE A00000 MC LATER');
    rig.ok('MOUNT A00000 ON CL0 HOST H');
    rig.ok('WRITE A00000 800MB');
    rig.ok('DEMOUNT A00000');
    rig.ok('FAIL CLUSTER CL0');
    rig.ok('TAKEOVER CL1 FOR CL0 WRITE');
    // CL1 holds level 1 (on tape), the volume is at level 2.
    expect(rig.ok('SHOW VOLUME A00000').copies.CL1.consistent).toBe(false);
    expect(rig.refused('MOUNT A00000 ON CL1 HOST H')).toBe('NO_VALID_COPY');
  });

  it('a job on a remote TVC fails when its grid link fails; a rerun uses another link (Redbook §11.1)', () => {
    const rig = new Rig(GRID, 1);
    expect(rig.ok('MOUNT C00000 ON CL0 HOST H')).toMatchObject({ tvcCluster: 'CL1', gridLink: 2 });
    expect(rig.ok('MOUNT C00001 ON CL0 HOST H')).toMatchObject({ tvcCluster: 'CL1', gridLink: 1 });
    // Grid link 1 fails: the job on it abends, the one on link 2 goes on.
    rig.ok('FAIL LINK CL0 CL1 ONE');
    expect(rig.refused('READ C00001')).toBe('JOB_FAILED');
    expect(rig.refused('DEMOUNT C00001')).toBe('JOB_FAILED');
    expect(rig.ok('READ C00000').tvcCluster).toBe('CL1');
    rig.ok('DEMOUNT C00000');
    expect(rig.ok('MOUNT C00001 ON CL0 HOST H')).toMatchObject({ tvcCluster: 'CL1', gridLink: 2 });
    rig.ok('MOUNT C00000 ON CL0 HOST H');
    rig.ok('FAIL LINK CL0 CL1');
    expect(rig.refused('READ C00000')).toBe('JOB_FAILED');
    expect(rig.refused('DEMOUNT C00000')).toBe('JOB_FAILED');
    // Every link between CL0 and CL1 is down: the data is reached through CL2 instead.
    expect(rig.ok('MOUNT C00000 ON CL0 HOST H').tvcCluster).toBe('CL2');
  });
});

describe('host devices (spec §4)', () => {
  it('refuses mounts on a failed cluster, on offline devices, and a second mount of a volume', () => {
    const rig = new Rig(GRID);
    rig.ok('VARY H CL1 OFFLINE');
    expect(rig.refused('MOUNT A00000 ON CL1 HOST H')).toBe('DEVICES_OFFLINE');
    rig.ok('MOUNT A00000 ON CL0 HOST H');
    expect(rig.refused('MOUNT A00000 ON CL2 HOST H')).toBe('ALREADY_MOUNTED');
    rig.ok('FAIL CLUSTER CL2');
    expect(rig.refused('MOUNT A00001 ON CL2 HOST H')).toBe('CLUSTER_UNAVAILABLE');
  });
});

describe('scratch mounts (spec §5; Redbook §11.2.3)', () => {
  it('take the mounting cluster’s own scratch volumes first, then a reachable peer’s', () => {
    const rig = new Rig(`${GRID}\nINSERT S00100-S00101 ON CL1`);
    const first = rig.ok('MOUNT SCRATCH ON CL1 HOST H');
    expect(first.volser).toBe('S00100');
    rig.ok('DEMOUNT S00100');
    rig.ok('MOUNT SCRATCH ON CL1 HOST H');
    const third = rig.ok('MOUNT SCRATCH ON CL1 HOST H');
    expect(third.volser).toBe('S00000');
    expect(rig.ok('SHOW VOLUME S00000').owner).toBe('CL1');
    // OAM makes the volume private once the scratch mount completes.
    expect(rig.ok('SHOW VOLUME S00000').category).toBe('000F');
  });

  it('fail with NO_SCRATCH when the cluster owns none and cannot obtain a peer’s', () => {
    const rig = new Rig(GRID);
    rig.ok('FAIL LINK CL0 CL2');
    rig.ok('FAIL LINK CL1 CL2');
    expect(rig.refused('MOUNT SCRATCH ON CL2 HOST H')).toBe('NO_SCRATCH');
    const job = rig.ok('JOB H WRITE 12 SCRATCH ON CL0');
    expect(job).toMatchObject({ succeeded: 10, failed: 2, failures: { NO_SCRATCH: 2 } });
  });

  it('honour expire hold: a volume returned to scratch is not reused until its hold has passed', () => {
    const rig = new Rig(`${GRID}\nCATEGORY 0012 SCRATCH EXPIREHOLD 1h\nINSERT E00000-E00000 ON CL0 CATEGORY 0012`);
    // A never-written volume has no data to hold.
    expect(rig.ok('MOUNT SCRATCH ON CL0 HOST H CATEGORY 0012').volser).toBe('E00000');
    rig.ok('WRITE E00000 800MB');
    rig.ok('DEMOUNT E00000');
    expect(rig.ok('RETURN E00000-E00000 TO SCRATCH CATEGORY 0012').returned).toBe(1);
    expect(rig.refused('MOUNT SCRATCH ON CL0 HOST H CATEGORY 0012')).toBe('NO_SCRATCH');
    rig.ok('ADVANCE 59m');
    expect(rig.refused('MOUNT SCRATCH ON CL0 HOST H CATEGORY 0012')).toBe('NO_SCRATCH');
    rig.ok('ADVANCE 2m');
    expect(rig.ok('MOUNT SCRATCH ON CL0 HOST H CATEGORY 0012').volser).toBe('E00000');
  });
});

describe('a volume never written', () => {
  it('mounts without a recall: there is nothing on tape to bring back (Redbook §11.1)', () => {
    const rig = new Rig(`GRID G
SITE A
CLUSTER CL0 SITE A MODEL DISK
HOST H SITE A ROLE PRODUCTION DEVICES CL0
INSERT P00000-P00009 ON CL0`);
    const mount = rig.ok('MOUNT P00001 ON CL0 HOST H');
    expect(mount.recallSeconds).toBeUndefined();
    expect(rig.elapsedMs).toBe(0);
  });
});
