// The built-in samples (spec §11, from Redbook §11.4 configurations and seed 000 FIGS. 3A–3D): each loads
// through `SAMPLE <name>` with the clusters, Management Classes, hosts and volumes the spec names.

import { describe, expect, it } from 'vitest';
import { Session } from '../session.js';
import { SAMPLES } from './index.js';
import { clusterAt } from '../model/grid-lookup.js';

interface Grid {
  states: string[];
  volumes: number;
  clusters: Record<string, { status: string; site: string; model: string; owned: number }>;
}
interface Volume {
  owner: string;
  level: number;
  mc: string;
  category: string;
  copies: Record<string, { level: number; consistent: boolean; inCache: boolean; premigrated: boolean }>;
}

/** Runs runbook text through a session; throws on a validation error or a refused command. */

function run(session: Session, text: string): any[] {
  const validated = session.validate(text);
  if (validated.errors.length > 0) throw new Error(JSON.stringify(validated.errors));
  return validated.commands.map((command) => {
    const record = session.run(command);
    if (!record.ok) throw new Error(`${record.command}: ${record.error?.message}`);
    return record.result;
  });
}

function load(name: string) {
  const session = new Session();
  run(session, `SAMPLE ${name}`);
  const state = session.engine.state;
  // The SHOW results, read as the shapes the tests declare.
  const grid: Grid = run(session, 'SHOW GRID')[0];
  const volume = (volser: string): Volume => run(session, `SHOW VOLUME ${volser}`)[0];
  return {
    session,
    grid,
    volume,
    mcs: Object.fromEntries(state.mcs.map((m) => [m.name, m.modes.join('')])),
    hosts: Object.fromEntries(
      state.hosts.map((h) => [
        h.name,
        Object.entries(h.devices)
          .filter(([, d]) => d.online)
          .map(([i]) => clusterAt(state, Number(i)).name)
          .join(','),
      ]),
    ),
    clusters: state.clusters.map((c) => `${c.name}:${c.site}:${c.model}`),
  };
}

/** Consistency of each cluster's copy of a volume, "-" where it has none. */
function copyMap(v: Volume, clusters: string[]): string {
  return clusters
    .map((c) => v.copies[c])
    .map((copy) => (copy ? (copy.consistent ? 'C' : 'S') : '-'))
    .join('');
}

describe('built-in samples (spec §11)', () => {
  it('offers the six samples the spec names at least', () => {
    for (const name of ['two-cluster-dr', 'two-cluster-ha', 'three-cluster-ha-dr', 'dual-production-dr', 'four-cluster-partitioned', 'flash-dr-family']) {
      expect(SAMPLES[name], name).toBeDefined();
    }
  });

  for (const name of Object.keys(SAMPLES)) {
    it(`${name} loads into a healthy grid with PRODHOST and DRHOST`, () => {
      const s = load(name);
      expect(s.grid.states).toEqual([]);
      for (const c of Object.values(s.grid.clusters)) expect(c.status).toBe('online');
      expect(Object.keys(s.hosts)).toContain('PRODHOST');
      expect(Object.keys(s.hosts)).toContain('DRHOST');
      // Loaded at rest: no copy waits in any cluster's queue.
      for (const c of Object.keys(s.grid.clusters)) expect(run(s.session, `SHOW QUEUE ${c}`)[0], c).toMatchObject({ count: 0 });
    });
  }

  it('two-cluster-dr: CL0 PROD, CL1 DR; MCPROD R-D (Redbook §11.4 Figure 11-10)', () => {
    const s = load('two-cluster-dr');
    expect(s.clusters).toEqual(['CL0:PROD:TAPE', 'CL1:DR:TAPE']);
    expect(s.mcs).toEqual({ MCPROD: 'RD', MCDR: 'NR' });
    // §11.2.1: host jobs go to CL0; CL1's devices are defined but offline until a recovery.
    expect(s.hosts).toEqual({ PRODHOST: 'CL0', DRHOST: 'CL1' });
    expect(s.grid.volumes).toBe(2000);
    expect(s.grid.clusters.CL0?.owned).toBe(1500);
    expect(s.grid.clusters.CL1?.owned).toBe(500);
    const a = s.volume('A00000');
    expect(a).toMatchObject({ owner: 'CL0', mc: 'MCPROD', level: 1, category: '000F' });
    expect(copyMap(a, ['CL0', 'CL1'])).toBe('CC');
    expect(s.volume('S00500')).toMatchObject({ owner: 'CL1', category: '0002', level: 0 });
  });

  it('two-cluster-ha: both clusters PROD, MCHA R-R, AOTM configured (Redbook §11.4 Figure 11-11)', () => {
    const s = load('two-cluster-ha');
    expect(s.clusters).toEqual(['CL0:PROD:TAPE', 'CL1:METRO:TAPE']);
    expect(s.mcs).toEqual({ MCHA: 'RR' });
    expect(s.hosts).toEqual({ PRODHOST: 'CL0,CL1', DRHOST: '' });
    expect(s.grid.volumes).toBe(3000);
    expect(s.grid.clusters.CL0?.owned).toBe(1500);
    expect(s.grid.clusters.CL1?.owned).toBe(1500);
    expect(copyMap(s.volume('B00999'), ['CL0', 'CL1'])).toBe('CC');
    expect(s.volume('B00999').owner).toBe('CL1');
    // Redbook §11.4: "Ensure that AOTM is configured".
    for (const c of s.session.engine.state.clusters) expect(c.aotm).toEqual({ enabled: true, mode: 'write', graceMs: 20 * 60_000 });
  });

  it('three-cluster-ha-dr: CL0, CL1 PROD disk-only, CL2 DR tape; R-R-D (Redbook §11.4 Figure 11-15)', () => {
    const s = load('three-cluster-ha-dr');
    expect(s.clusters).toEqual(['CL0:PROD:DISK', 'CL1:PROD:DISK', 'CL2:DR:TAPE']);
    expect(s.mcs).toEqual({ MCPROD: 'RRD', MCDR: 'NNR' });
    expect(s.hosts).toEqual({ PRODHOST: 'CL0,CL1', DRHOST: 'CL2' });
    expect(s.grid.volumes).toBe(31000);
    expect(s.grid.clusters.CL0?.owned).toBe(15000);
    expect(s.grid.clusters.CL1?.owned).toBe(15000);
    expect(s.grid.clusters.CL2?.owned).toBe(1000);
    const a = s.volume('A09999');
    expect(copyMap(a, ['CL0', 'CL1', 'CL2'])).toBe('CCC');
    // Disk-only clusters hold their copies in cache; the TS7740 has its copy on tape.
    expect(a.copies.CL0?.inCache).toBe(true);
    expect(a.copies.CL1?.inCache).toBe(true);
    expect(a.copies.CL2?.premigrated).toBe(true);
  });

  it('dual-production-dr: CL0 host A, CL1 host B, CL2 DR; R-N-D / N-R-D (Redbook §11.4 Figure 11-14)', () => {
    const s = load('dual-production-dr');
    expect(s.clusters).toEqual(['CL0:PRODA:TAPE', 'CL1:PRODB:TAPE', 'CL2:DR:TAPE']);
    expect(s.mcs).toEqual({ MCA: 'RND', MCB: 'NRD', MCDR: 'NNR' });
    expect(s.hosts).toEqual({ PRODHOST: 'CL0', PRODHOSTB: 'CL1', DRHOST: 'CL2' });
    expect(s.grid.volumes).toBe(3000);
    // "Host data written to Cluster 0 is not copied to Cluster 1" and the reverse; both go to CL2.
    expect(copyMap(s.volume('A00000'), ['CL0', 'CL1', 'CL2'])).toBe('C-C');
    expect(copyMap(s.volume('B00000'), ['CL0', 'CL1', 'CL2'])).toBe('-CC');
  });

  it('four-cluster-partitioned: R-N-D-N / N-R-N-D, reversed for DR (Redbook §11.4 Figure 11-17)', () => {
    const s = load('four-cluster-partitioned');
    expect(s.clusters).toEqual(['CL0:PROD:DISK', 'CL1:PROD:DISK', 'CL2:DR:TAPE', 'CL3:DR:TAPE']);
    expect(s.mcs).toEqual({ MC0: 'RNDN', MC1: 'NRND', MCDR2: 'DNRN', MCDR3: 'NDNR' });
    expect(s.hosts).toEqual({ PRODHOST: 'CL0,CL1', DRHOST: 'CL2,CL3' });
    expect(s.grid.volumes).toBe(3000);
    // "Cluster 0 replicates to Cluster 2 and Cluster 1 replicates to Cluster 3."
    expect(copyMap(s.volume('A00000'), ['CL0', 'CL1', 'CL2', 'CL3'])).toBe('C-C-');
    expect(copyMap(s.volume('B00000'), ['CL0', 'CL1', 'CL2', 'CL3'])).toBe('-C-C');
  });

  describe('flash-dr-family: the volume states of seed 000 FIGS. 3A-3D', () => {
    const clusters = ['CL0', 'CL1', 'CL2', 'CL3', 'CL4'];

    it('has CL0, CL1 production, CL2, CL3 DR disk-only and CL4 DR tape', () => {
      const s = load('flash-dr-family');
      expect(s.clusters).toEqual(['CL0:PROD:DISK', 'CL1:PROD:DISK', 'CL2:DR:DISK', 'CL3:DR:DISK', 'CL4:DR:TAPE']);
      expect(s.hosts).toEqual({ PRODHOST: 'CL0,CL1', DRHOST: 'CL2,CL3,CL4' });
      expect(s.mcs.MCPROD).toBe('RRDDD');
      expect(s.grid.volumes).toBe(202);
    });

    it('A00000 and A00001 are consistent on CL0, CL1 and CL3 (FIG. 3A: "reliable duplicates")', () => {
      const s = load('flash-dr-family');
      for (const volser of ['A00000', 'A00001']) {
        const v = s.volume(volser);
        for (const c of ['CL0', 'CL1', 'CL3']) expect(v.copies[c]?.consistent, `${volser} on ${c}`).toBe(true);
      }
    });

    it('A00001 is stale on CL2 (FIG. 3A: backup copy 330 "stale or out-of-date"; FIG. 3C)', () => {
      const v = load('flash-dr-family').volume('A00001');
      expect(v.copies.CL2?.consistent).toBe(false);
      expect(v.copies.CL2?.level).toBeLessThan(v.level);
    });

    it('on CL4 A00000 is stale and A00001 current (FIG. 3D: copy 350 stale, copy 352 up to date)', () => {
      const s = load('flash-dr-family');
      expect(s.volume('A00000').copies.CL4?.consistent).toBe(false);
      expect(s.volume('A00001').copies.CL4?.consistent).toBe(true);
    });

    it('the whole picture: A00000 CCCCS, A00001 CCSCC, and it holds while the grid idles', () => {
      const s = load('flash-dr-family');
      expect(copyMap(s.volume('A00000'), clusters)).toBe('CCCCS');
      expect(copyMap(s.volume('A00001'), clusters)).toBe('CCSCC');
      // No copy is pending that would quietly repair the stale copies the figures depend on.
      run(s.session, 'ADVANCE UNTIL IDLE');
      expect(copyMap(s.volume('A00000'), clusters)).toBe('CCCCS');
      expect(copyMap(s.volume('A00001'), clusters)).toBe('CCSCC');
    });
  });
});
