// Seed 003: remote copy established offline, flash copy to portable media, ship, upload, and a sync
// of only the grains dirtied since establishment.

import { describe, expect, it } from 'vitest';
import { Rig } from '../runbook/testing.js';

const SETUP = `SITE HQ
SITE DR
DASD P SITE HQ SIZE 4GB
DASD S SITE DR SIZE 4GB
DASDWRITE P 0 2GB PATTERN HISTORY
REMOTECOPY P TO S ESTABLISH OFFLINE GRAIN 1MB GBPS 0.1`;

describe('remote copy seeding (seed 003 FIG. 3)', () => {
  it('syncs only the grains written after establishment, and reports the bytes and time saved', () => {
    const rig = new Rig(SETUP);
    rig.ok('FLASHCOPY P TO MEDIA TAPE1');
    rig.ok('DASDWRITE P 0 3MB PATTERN LATE');
    rig.ok('DASDWRITE P 100MB 512KB PATTERN LATE2');
    rig.ok('SHIP TAPE1 TO DR');
    rig.ok('UPLOAD TAPE1 TO S');
    const s = rig.ok('SYNC S');
    expect(s).toMatchObject({ dirtyGrains: 4, bytesSent: 4 * 2 ** 20, bytesFullSync: 4 * 2 ** 30, bytesSaved: 4 * 2 ** 30 - 4 * 2 ** 20, identical: true });
    // GBPS 0.1 = 12,500,000 bytes/s: a full 4 GB sync is 343.6 s, 4 MB is 0.336 s.
    expect(s.secondsSaved).toBeCloseTo(343.597 - 0.336, 2);
    expect(rig.ok('CHECKSUM S').digest).toBe(rig.ok('CHECKSUM P').digest);
  });

  it('without a seeded copy the secondary requests everything (conventional initialization)', () => {
    const rig = new Rig(SETUP);
    const s = rig.ok('SYNC S');
    expect(s.dirtyGrains).toBe(4096);
    expect(s.bytesSent).toBe(s.bytesFullSync);
  });

  it('refuses an upload of media still at the other site, and writes to the secondary', () => {
    const rig = new Rig(SETUP);
    rig.ok('FLASHCOPY P TO MEDIA TAPE1');
    expect(rig.refused('UPLOAD TAPE1 TO S')).toBe('MEDIA_ELSEWHERE');
    expect(rig.refused('DASDWRITE S 0 4KB')).toBe('SECONDARY_PROTECTED');
  });

  it('after the sync, primary writes reach the secondary in step', () => {
    const rig = new Rig(SETUP);
    rig.ok('SYNC S');
    rig.ok('DASDWRITE P 0 4KB PATTERN LIVE');
    expect(rig.ok('CHECKSUM S').digest).toBe(rig.ok('CHECKSUM P').digest);
  });
});
