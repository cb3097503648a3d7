// Replications between the same two sites share one link (seed 001 FIG. 1: the source and target
// sides "communicate via a wide area network (WAN) 128"): what one sends delays the other, a second
// replication takes the link's rate, and the opposite direction is the duplex link's other side.

import { describe, expect, it } from 'vitest';
import { Rig } from '../runbook/testing.js';

const TWO = `SITE PROD
SITE DR
DASD CAT SITE PROD SIZE 1GB
DASD CATR SITE DR SIZE 1GB
DASD RMM SITE PROD SIZE 1GB
DASD RMMR SITE DR SIZE 1GB
REPLICATE CAT TO CATR ASYNC JOURNAL 64MB GBPS 0.5`;

describe('one WAN between two sites (seed 001 FIG. 1, WAN 128)', () => {
  it('a write on one replication waits behind what another one is sending over the same link', () => {
    const rig = new Rig(TWO);
    // No GBPS: the replication takes the existing link's rate (GBPS 0.5 = 62,500,000 bytes/s).
    expect(rig.ok('REPLICATE RMM TO RMMR SYNC JOURNAL 64MB').linkBytesPerSec).toBe(62_500_000);
    rig.ok('DASDWRITE CAT 0 100MB PATTERN A');
    // 100 MB is 1.678 s on GBPS 0.5; the SYNC write queues behind CAT's 100 MB on the same link. CAT's
    // IOs took 100 ms (spec §12: each transaction its own time), so RMM starts 100 ms later: 3.257 s.
    expect(rig.ok('DASDWRITE RMM 0 100MB PATTERN B').waitMs).toBe(3257);
  });

  it('asynchronous replications to the same site arrive one after the other, not side by side', () => {
    const rig = new Rig(`${TWO}\nREPLICATE RMM TO RMMR ASYNC JOURNAL 64MB`);
    rig.ok('DASDWRITE CAT 0 100MB PATTERN A');
    rig.ok('DASDWRITE RMM 0 100MB PATTERN B');
    // CAT's hundred 1 MB IOs arrive by 1.678 s; RMM's follow them, one every 16.8 ms, until 3.356 s:
    // at 3 s 78 have arrived and 22 MB (5,632 blocks) are still on the link. Side by side all would be in.
    rig.ok('ADVANCE 3s');
    expect(rig.ok('SHOW JOURNAL CATR').deltaMarking.blocks).toBe(0);
    expect(rig.ok('SHOW JOURNAL RMMR').deltaMarking.blocks).toBe(5_632);
    rig.ok('ADVANCE 2s');
    expect(rig.ok('SHOW JOURNAL RMMR').deltaMarking.blocks).toBe(0);
    expect(rig.ok('CHECKSUM RMMR').digest).toBe(rig.ok('CHECKSUM RMM').digest);
  });

  it('the other direction has the duplex link to itself; another rate for the same link is refused', () => {
    const rig = new Rig(`${TWO}\nREPLICATE RMMR TO RMM SYNC JOURNAL 64MB`);
    rig.ok('DASDWRITE CAT 0 100MB PATTERN A');
    // 1 ms for the first IO (spec §12: each transaction its own time), then 0.839 s on the link.
    expect(rig.ok('DASDWRITE RMMR 0 100MB PATTERN B').waitMs).toBe(840);
    const other = new Rig(TWO);
    expect(other.refused('REPLICATE RMM TO RMMR ASYNC JOURNAL 64MB GBPS 2')).toBe('LINK_RATE');
    other.ok('REPLICATE RMM TO RMMR ASYNC JOURNAL 64MB GBPS 0.5');
  });
});
