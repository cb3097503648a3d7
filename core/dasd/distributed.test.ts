// Active/active distributed volume (seed 001 FIGS. 5-8, claims 1-20): change sets with write-order
// fidelity, fracture, roll a site to a point in time, unfracture keeping the PIT or the current image.

import { describe, expect, it } from 'vitest';
import { Rig } from '../runbook/testing.js';

function aa(): Rig {
  return new Rig(`SITE EAST
SITE WEST
DASD VV SITE EAST SIZE 100MB
DISTRIBUTE VV SITES EAST,WEST CHANGESET 5s`);
}

describe('change sets (FIG. 5: quiesce, change set, transfer, flush with undo to the journal)', () => {
  it('shows both sites the same data at once, and flushes it to both legs only at the change set', () => {
    const rig = aa();
    const empty = rig.ok('CHECKSUM VV SITE WEST').digest;
    rig.ok('DASDWRITE VV 0 8KB PATTERN A SITE EAST');
    rig.ok('DASDWRITE VV 1MB 8KB PATTERN B SITE WEST');
    const seen = rig.ok('CHECKSUM VV').digest;
    expect(rig.ok('CHECKSUM VV SITE WEST').digest).toBe(empty);
    rig.ok('ADVANCE 6s');
    expect(rig.ok('CHECKSUM VV SITE EAST').digest).toBe(seen);
    expect(rig.ok('CHECKSUM VV SITE WEST').digest).toBe(seen);
  });

  it('keeps write order: a later write to the same block from the other site wins at both sites', () => {
    const rig = aa();
    rig.ok('DASDWRITE VV 0 4KB PATTERN FIRST SITE EAST');
    rig.ok('DASDWRITE VV 0 4KB PATTERN SECOND SITE WEST');
    rig.ok('ADVANCE 6s');
    const other = aa();
    other.ok('DASDWRITE VV 0 4KB PATTERN SECOND SITE EAST');
    other.ok('ADVANCE 6s');
    expect(rig.ok('CHECKSUM VV SITE EAST').digest).toBe(other.ok('CHECKSUM VV SITE EAST').digest);
  });
});

describe('fracture and roll (FIG. 7, claims 4-8)', () => {
  function fractured(): { rig: Rig; pit: string } {
    const rig = aa();
    rig.ok('DASDWRITE VV 0 8KB PATTERN GOOD SITE EAST');
    rig.ok('ADVANCE 6s');
    rig.ok('BOOKMARK VV GOOD');
    const pit = rig.ok('CHECKSUM VV').digest;
    rig.ok('DASDWRITE VV 0 8KB PATTERN BAD SITE WEST');
    rig.ok('ADVANCE 6s');
    rig.ok('FRACTURE VV');
    return { rig, pit };
  }

  it('stops IO on the second site until it is rolled; production continues at the first', () => {
    const { rig } = fractured();
    expect(rig.refused('DASDWRITE VV 0 4KB SITE WEST')).toBe('SITE_STOPPED');
    rig.ok('DASDWRITE VV 4MB 4KB PATTERN PROD SITE EAST');
    expect(rig.refused('ROLL VV SITE EAST TO GOOD')).toBe('SITE_ACTIVE');
  });

  it('rolls the stopped site to the point in time and exposes it for test writes', () => {
    const { rig, pit } = fractured();
    const r = rig.ok('ROLL VV SITE WEST TO GOOD');
    expect(r.digest).toBe(pit);
    rig.ok('DASDWRITE VV 8MB 4KB PATTERN TEST SITE WEST');
    expect(rig.ok('CHECKSUM VV IMAGE').digest).not.toBe(pit);
  });

  it('UNFRACTURE KEEP CURRENT discards the PIT changes and resyncs both sites to the active image (claim 10)', () => {
    const { rig } = fractured();
    rig.ok('DASDWRITE VV 4MB 4KB PATTERN PROD SITE EAST');
    rig.ok('ROLL VV SITE WEST TO GOOD');
    rig.ok('DASDWRITE VV 8MB 4KB PATTERN TEST SITE WEST');
    const current = rig.ok('CHECKSUM VV SITE EAST').digest;
    const u = rig.ok('UNFRACTURE VV KEEP CURRENT');
    expect(u.identical).toBe(true);
    expect(rig.ok('CHECKSUM VV SITE WEST').digest).toBe(current);
  });

  it('UNFRACTURE KEEP PIT discards the redo log and resyncs the active site to the point in time (claim 9)', () => {
    const { rig, pit } = fractured();
    rig.ok('DASDWRITE VV 4MB 4KB PATTERN PROD SITE EAST');
    rig.ok('ROLL VV SITE WEST TO GOOD');
    const u = rig.ok('UNFRACTURE VV KEEP PIT');
    expect(u.identical).toBe(true);
    expect(rig.ok('CHECKSUM VV SITE EAST').digest).toBe(pit);
    rig.ok('DASDWRITE VV 0 4KB PATTERN AFTER SITE WEST');
  });

  // Seed 001: "access to point in time images may be enabled in an active/active storage system, for
  // each of the sites" — the first site can be the one rolled while production moves to the second.
  it('rolls the first site instead when production has not written there since the fracture', () => {
    const { rig, pit } = fractured();
    const current = rig.ok('CHECKSUM VV SITE WEST').digest;
    const r = rig.ok('ROLL VV SITE EAST TO GOOD');
    expect(r.digest).toBe(pit);
    expect(rig.ok('CHECKSUM VV SITE EAST').digest).toBe(pit);
    expect(rig.ok('CHECKSUM VV SITE WEST').digest).toBe(current);
    expect(rig.ok('CHECKSUM VV IMAGE')).toMatchObject({ site: 'EAST', digest: pit });
    // Without SITE the host sees production, now at WEST.
    expect(rig.ok('CHECKSUM VV').digest).toBe(current);
    // Production now runs at WEST; EAST takes test writes to its point in time.
    rig.ok('DASDWRITE VV 4MB 4KB PATTERN PROD SITE WEST');
    rig.ok('DASDWRITE VV 8MB 4KB PATTERN TEST SITE EAST');
    const prod = rig.ok('CHECKSUM VV SITE WEST').digest;
    const u = rig.ok('UNFRACTURE VV KEEP CURRENT');
    expect(u.identical).toBe(true);
    expect(rig.ok('CHECKSUM VV SITE EAST').digest).toBe(prod);
  });

  it('rolling the first site back to its point in time and keeping it resyncs the second to it (claim 9)', () => {
    const { rig, pit } = fractured();
    rig.ok('ROLL VV SITE EAST TO GOOD');
    rig.ok('DASDWRITE VV 4MB 4KB PATTERN PROD SITE WEST');
    const u = rig.ok('UNFRACTURE VV KEEP PIT');
    expect(u.identical).toBe(true);
    expect(rig.ok('CHECKSUM VV SITE WEST').digest).toBe(pit);
  });

  it('a refused roll of the first site leaves the fracture as it was', () => {
    const { rig } = fractured();
    expect(rig.refused('ROLL VV SITE EAST TO NOSUCH')).toBe('NO_SUCH_BOOKMARK');
    // EAST is still the active site: production writes there are taken, WEST is still stopped.
    rig.ok('DASDWRITE VV 4MB 4KB PATTERN PROD SITE EAST');
    expect(rig.refused('DASDWRITE VV 0 4KB SITE WEST')).toBe('SITE_STOPPED');
    expect(rig.refused('ROLL VV SITE EAST TO GOOD')).toBe('SITE_ACTIVE');
  });
});
