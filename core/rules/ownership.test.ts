// Volume ownership, ownership takeover modes, service mode and AOTM (spec §5, §6; Redbook §11.1).

import { describe, expect, it } from 'vitest';
import { Rig } from '../runbook/testing.js';

const GRID = `GRID G
SITE A
SITE B
CLUSTER CL0 SITE A MODEL DISK
CLUSTER CL1 SITE B MODEL DISK
HOST H SITE A ROLE PRODUCTION DEVICES CL0,CL1
MC RR COPY RR
CATEGORY 0002 SCRATCH
CATEGORY 000F PRIVATE
PRELOAD A00000-A00099 ON CL0 MC RR SIZE 800MB
INSERT S00000-S00009 ON CL0`;

describe('ownership (Redbook §11.1)', () => {
  it('a mount on another cluster takes ownership over the grid links', () => {
    const rig = new Rig(GRID);
    expect(rig.ok('SHOW VOLUME A00000').owner).toBe('CL0');
    const mount = rig.ok('MOUNT A00000 ON CL1 HOST H');
    expect(mount.tvcCluster).toBe('CL1');
    expect(rig.ok('SHOW VOLUME A00000').owner).toBe('CL1');
    rig.ok('DEMOUNT A00000');
    // "The cluster that has ownership of a logical volume can surrender it dynamically"
    rig.ok('MOUNT A00000 ON CL0 HOST H');
    expect(rig.ok('SHOW VOLUME A00000').owner).toBe('CL0');
  });

  it('without a path to the owner and no takeover mode, the mount fails with OWNERSHIP_UNAVAILABLE', () => {
    const rig = new Rig(GRID);
    rig.ok('FAIL LINK CL0 CL1');
    // The data is local to CL1, but "Clusters will not automatically assume or take over ownership of a
    // logical volume without being directed."
    expect(rig.ok('SHOW VOLUME A00000').copies.CL1.consistent).toBe(true);
    expect(rig.refused('MOUNT A00000 ON CL1 HOST H')).toBe('OWNERSHIP_UNAVAILABLE');
    // and a scratch mount on CL1 cannot take CL0's scratch volumes (spec §5)
    expect(rig.refused('MOUNT SCRATCH ON CL1 HOST H')).toBe('NO_SCRATCH');
  });

  it('a takeover mode cannot be set against a cluster that is still reachable', () => {
    const rig = new Rig(GRID);
    expect(rig.refused('TAKEOVER CL1 FOR CL0 WRITE')).toBe('PEER_REACHABLE');
  });

  it('Read Ownership Takeover: read access only; modifications and attribute changes fail', () => {
    const rig = new Rig(GRID);
    rig.ok('FAIL CLUSTER CL0');
    rig.ok('TAKEOVER CL1 FOR CL0 READ');
    const mount = rig.ok('MOUNT A00000 ON CL1 HOST H');
    expect(mount.readOnly).toBe(true);
    expect(rig.ok('READ A00000').level).toBe(1);
    expect(rig.refused('WRITE A00000 800MB')).toBe('READ_ONLY_TAKEOVER');
    rig.ok('DEMOUNT A00000');
    expect(rig.refused('CHANGE A00001 CATEGORY 0002')).toBe('READ_ONLY_TAKEOVER');
    // The volume is not taken: it stays the failed cluster's.
    expect(rig.ok('SHOW VOLUME A00000').owner).toBe('CL0');
    expect(rig.refused('MOUNT SCRATCH ON CL1 HOST H')).toBe('NO_SCRATCH');
  });

  it('Write Ownership Takeover: full access, ownership moves; the mode ends when the cluster is restored', () => {
    const rig = new Rig(GRID);
    rig.ok('FAIL CLUSTER CL0');
    rig.ok('TAKEOVER CL1 FOR CL0 WRITE');
    expect(rig.ok('SHOW GRID').clusters.CL1.takeover).toEqual({ CL0: 'write' });
    expect(rig.ok('MOUNT A00000 ON CL1 HOST H').readOnly).toBe(false);
    rig.ok('WRITE A00000 800MB');
    expect(rig.ok('DEMOUNT A00000').level).toBe(2);
    expect(rig.ok('SHOW VOLUME A00000').owner).toBe('CL1');
    expect(rig.ok('MOUNT SCRATCH ON CL1 HOST H').volser).toBe('S00000');
    // "The mode for the failed cluster remains in place until a different mode is selected or the
    // failed cluster has been restored."
    expect(rig.ok('REPAIR CLUSTER CL0').clusters.CL1.takeover).toEqual({});
  });

  it('service prep / service mode: the other cluster takes ownership with full access, no takeover mode', () => {
    const rig = new Rig(GRID);
    expect(rig.refused('SERVICE CL0 ON')).toBe('SERVICE_PREP_REQUIRED');
    rig.ok('SERVICE CL0 PREP');
    // In service preparation the cluster still answers its peers.
    expect(rig.ok('MOUNT A00000 ON CL1 HOST H').readOnly).toBe(false);
    rig.ok('DEMOUNT A00000');
    rig.ok('SERVICE CL0 ON');
    expect(rig.ok('SHOW GRID').clusters.CL0.status).toBe('service');
    expect(rig.refused('MOUNT A00001 ON CL0 HOST H')).toBe('CLUSTER_UNAVAILABLE');
    const mount = rig.ok('MOUNT A00001 ON CL1 HOST H');
    expect(mount.readOnly).toBe(false);
    rig.ok('WRITE A00001 800MB');
    rig.ok('DEMOUNT A00001');
    expect(rig.ok('SHOW VOLUME A00001').owner).toBe('CL1');
    expect(rig.ok('SHOW GRID').clusters.CL1.takeover).toEqual({});
    expect(rig.ok('MOUNT SCRATCH ON CL1 HOST H').volser).toBe('S00000');
    rig.ok('SERVICE CL0 OFF');
    rig.ok('ADVANCE UNTIL IDLE');
    expect(rig.ok('SHOW VOLUME A00001').copies.CL0.consistent).toBe(true);
  });
});

describe('Autonomic Ownership Takeover Manager (Redbook §11.1)', () => {
  it('enables the configured mode only after the grace period (default 20 minutes)', () => {
    const rig = new Rig(`${GRID}\nAOTM CL1 ON MODE WRITE`);
    const fail = rig.do('FAIL CLUSTER CL0');
    expect(Rig.messageIds(fail)).toContain('G0013');
    expect(rig.refused('MOUNT A00000 ON CL1 HOST H')).toBe('OWNERSHIP_UNAVAILABLE');
    const early = rig.do('ADVANCE 19m');
    expect(Rig.messageIds(early)).not.toContain('G0009');
    expect(rig.ok('SHOW GRID').clusters.CL1.takeover).toEqual({});
    const late = rig.do('ADVANCE 2m');
    expect(Rig.messageIds(late)).toContain('G0009');
    expect(late.messages.find((m) => m.text.includes('G0009'))?.time).toBe('2026-01-01T00:20:00Z');
    expect(rig.ok('SHOW GRID').clusters.CL1.takeover).toEqual({ CL0: 'write' });
    expect(rig.ok('MOUNT A00000 ON CL1 HOST H').readOnly).toBe(false);
  });

  it('read mode raises G0010 and a shorter grace period is honoured', () => {
    const rig = new Rig(`${GRID}\nAOTM CL1 ON MODE READ GRACE 5m`);
    rig.ok('FAIL CLUSTER CL0');
    const advance = rig.do('ADVANCE 6m');
    expect(Rig.messageIds(advance)).toContain('G0010');
    expect(rig.ok('MOUNT A00000 ON CL1 HOST H').readOnly).toBe(true);
  });

  it('never takes over when only the grid links failed: the TSSC path shows the peer alive', () => {
    const rig = new Rig(`${GRID}\nAOTM CL1 ON MODE WRITE`);
    rig.ok('FAIL LINK CL0 CL1');
    const advance = rig.do('ADVANCE 2h');
    expect(Rig.messageIds(advance)).not.toContain('G0009');
    expect(rig.ok('SHOW GRID').clusters.CL1.takeover).toEqual({});
  });

  it('cannot confirm the outage while the TSSC path is down; confirms it once the path is back', () => {
    const rig = new Rig(`${GRID}\nAOTM CL1 ON MODE WRITE`);
    rig.ok('FAIL TSSC CL1');
    rig.ok('FAIL CLUSTER CL0');
    expect(Rig.messageIds(rig.do('ADVANCE 1h'))).not.toContain('G0009');
    expect(rig.refused('MOUNT A00000 ON CL1 HOST H')).toBe('OWNERSHIP_UNAVAILABLE');
    expect(Rig.messageIds(rig.do('REPAIR TSSC CL1'))).toContain('G0009');
    expect(rig.ok('MOUNT A00000 ON CL1 HOST H').readOnly).toBe(false);
  });

  it('does not act in a site disaster: the failed site takes its TSSC down with it', () => {
    const rig = new Rig(`${GRID}\nAOTM CL1 ON MODE WRITE`);
    rig.ok('FAIL SITE A');
    expect(Rig.messageIds(rig.do('ADVANCE 1h'))).not.toContain('G0009');
    // The operator's procedure (Redbook §11.3.2): place the DR cluster in a takeover mode by hand.
    rig.ok('TAKEOVER CL1 FOR CL0 WRITE');
  });
});
