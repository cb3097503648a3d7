// The Topology layout keeps its promise for grids of 2 to 8 clusters (issue 14 item 7): no link label
// overlaps a line, a box or another label; no line runs through a cluster or host box it does not
// end at; a failed cluster's links and host links are drawn failed. Grids are fully meshed, the
// runbook default (spec §3: "clusters are fully meshed by default").

import { describe, expect, it } from 'vitest';
import type { GridView } from '../../../contract/show-api';
import { hostLinkState, layout, linkState, type Box, type Layout, type Point } from './layout';

/** A fully meshed grid: `sites[i]` clusters at site S<i>, one host per site with devices on its clusters. */
function grid(sites: number[], opts: { failed?: string[]; failedLinks?: [string, string][] } = {}): GridView {
  const clusters: GridView['clusters'] = {};
  const hosts: GridView['hosts'] = [];
  let n = 0;
  sites.forEach((count, s) => {
    const devices: Record<string, { online: boolean; paths: number; failedPaths: number }> = {};
    for (let i = 0; i < count; i++) {
      const name = `CL${n++}`;
      clusters[name] = { status: opts.failed?.includes(name) ? 'failed' : 'online', states: [], takeover: {}, writeProtect: false, owned: 1_000_000, site: `S${s}`, model: 'DISK' };
      devices[name] = { online: true, paths: 2, failedPaths: 0 };
    }
    hosts.push({ name: `HOST${s}`, site: `S${s}`, role: s === 0 ? 'PRODUCTION' : 'DR', failed: false, devices });
  });
  const names = Object.keys(clusters);
  const links = names.flatMap((a, i) => names.slice(i + 1).map((b) => ({ a, b, count: 2, failed: opts.failedLinks?.some(([x, y]) => x === a && y === b) ? 2 : 0, gbps: 10 })));
  return { name: 'G', time: '2026-01-01T00:00:00Z', states: [], clusters, volumes: 0, sites: sites.map((_, s) => ({ id: `S${s}`, failed: false })), hosts, links };
}

function segments(points: Point[]): [Point, Point][] {
  return points.slice(1).map((p, i) => [points[i]!, p]);
}

/** Does the axis-parallel segment touch the box (grown by `pad`)? */
function segmentHitsBox([p, q]: [Point, Point], b: Box, pad: number): boolean {
  const x0 = Math.min(p.x, q.x);
  const x1 = Math.max(p.x, q.x);
  const y0 = Math.min(p.y, q.y);
  const y1 = Math.max(p.y, q.y);
  return x1 >= b.x - pad && x0 <= b.x + b.w + pad && y1 >= b.y - pad && y0 <= b.y + b.h + pad;
}

function boxesOverlap(a: Box, b: Box, pad: number): boolean {
  return a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;
}

function overlaps(view: Layout): string[] {
  const problems: string[] = [];
  const clusterBoxes = Object.entries(view.clusters);
  const hostBoxes = Object.entries(view.hosts);
  for (const l of view.links) {
    const id = `${l.a}–${l.b}`;
    for (const [name, b] of [...clusterBoxes, ...hostBoxes]) if (boxesOverlap(l.label, b, 2)) problems.push(`label ${id} overlaps box ${name}`);
    for (const s of view.sites) {
      const edges: [Point, Point][] = [
        [
          { x: s.box.x, y: s.box.y },
          { x: s.box.x + s.box.w, y: s.box.y },
        ],
        [
          { x: s.box.x, y: s.box.y + s.box.h },
          { x: s.box.x + s.box.w, y: s.box.y + s.box.h },
        ],
        [
          { x: s.box.x, y: s.box.y },
          { x: s.box.x, y: s.box.y + s.box.h },
        ],
        [
          { x: s.box.x + s.box.w, y: s.box.y },
          { x: s.box.x + s.box.w, y: s.box.y + s.box.h },
        ],
      ];
      if (edges.some((e) => segmentHitsBox(e, l.label, 1))) problems.push(`label ${id} overlaps site ${s.id}'s border`);
    }
    for (const o of view.links) {
      if (o === l) continue;
      if (boxesOverlap(l.label, o.label, 2)) problems.push(`label ${id} overlaps label ${o.a}–${o.b}`);
      if (segments(o.points).some((seg) => segmentHitsBox(seg, l.label, 2))) problems.push(`label ${id} overlaps link ${o.a}–${o.b}`);
    }
    for (const h of view.hostLinks) if (segments(h.points).some((seg) => segmentHitsBox(seg, l.label, 2))) problems.push(`label ${id} overlaps host link ${h.host}–${h.cluster}`);
    // A grid link's line only touches the two clusters it joins, and no host.
    for (const [name, b] of clusterBoxes) {
      if (name === l.a || name === l.b) continue;
      if (segments(l.points).some((seg) => segmentHitsBox(seg, b, 1))) problems.push(`link ${id} runs through ${name}`);
    }
    for (const [name, b] of hostBoxes) if (segments(l.points).some((seg) => segmentHitsBox(seg, b, 1))) problems.push(`link ${id} runs through host ${name}`);
  }
  for (const h of view.hostLinks) {
    for (const [name, b] of clusterBoxes) if (name !== h.cluster && segments(h.points).some((seg) => segmentHitsBox(seg, b, 1))) problems.push(`host link ${h.host}–${h.cluster} runs through ${name}`);
    for (const [name, b] of hostBoxes) if (name !== h.host && segments(h.points).some((seg) => segmentHitsBox(seg, b, 1))) problems.push(`host link ${h.host}–${h.cluster} runs through host ${name}`);
  }
  for (const [a, p] of [...clusterBoxes, ...hostBoxes]) for (const [b, q] of [...clusterBoxes, ...hostBoxes]) if (a < b && boxesOverlap(p, q, 4)) problems.push(`${a} overlaps ${b}`);
  return problems;
}

// 2 to 8 clusters over 1 to 4 sites, including the shapes of Redbook §11.4's configurations.
const SHAPES: number[][] = [
  [2],
  [1, 1],
  [2, 1],
  [1, 1, 1],
  [3],
  [2, 2],
  [2, 1, 1],
  [2, 2, 1],
  [3, 2],
  [5],
  [2, 2, 2],
  [3, 3],
  [4, 2, 1],
  [2, 2, 2, 1],
  [3, 2, 2],
  [4, 4],
  [2, 2, 3, 1],
  [8],
  [1, 1, 1, 1, 4],
];

describe('topology layout for 2 to 8 clusters, fully meshed', () => {
  for (const shape of SHAPES) {
    const total = shape.reduce((a, b) => a + b, 0);
    it(`${total} clusters at ${shape.length} site(s) (${shape.join('+')}): nothing overlaps`, () => {
      const view = layout(grid(shape));
      expect(view.links).toHaveLength((total * (total - 1)) / 2);
      expect(overlaps(view)).toEqual([]);
    });
  }

  it('every label fits inside the drawing', () => {
    const view = layout(grid([2, 2, 3, 1], { failed: ['CL3'], failedLinks: [['CL0', 'CL1']] }));
    for (const l of view.links) {
      expect(l.label.x).toBeGreaterThanOrEqual(0);
      expect(l.label.x + l.label.w).toBeLessThanOrEqual(view.width);
      expect(l.label.y + l.label.h).toBeLessThanOrEqual(view.height);
    }
    expect(overlaps(view)).toEqual([]);
  });

  it('the same grid gives the same picture', () => {
    expect(layout(grid([3, 2, 2]))).toEqual(layout(grid([3, 2, 2])));
  });
});

describe('failed elements are drawn failed (Redbook §11.2: a failed cluster carries no copies)', () => {
  it("a failed cluster's grid links and host links are failed; the others stay as they are", () => {
    const view = layout(grid([2, 2, 1], { failed: ['CL2'] }));
    for (const l of view.links) {
      const touches = l.a === 'CL2' || l.b === 'CL2';
      expect({ link: `${l.a}-${l.b}`, state: linkState(l) }).toEqual({ link: `${l.a}-${l.b}`, state: touches ? 'failed' : 'ok' });
      if (touches) expect(l.text).toMatch(/✕$/);
    }
    for (const h of view.hostLinks) expect({ hl: `${h.host}-${h.cluster}`, state: hostLinkState(h) }).toEqual({ hl: `${h.host}-${h.cluster}`, state: h.cluster === 'CL2' ? 'failed' : 'ok' });
  });

  it('a link with every path failed reads failed; with some failed, how many still work', () => {
    const g = grid([2, 1], { failedLinks: [['CL0', 'CL1']] });
    g.links!.find((l) => l.a === 'CL0' && l.b === 'CL2')!.failed = 1;
    const view = layout(g);
    const byId = Object.fromEntries(view.links.map((l) => [`${l.a}-${l.b}`, l]));
    expect(linkState(byId['CL0-CL1']!)).toBe('failed');
    expect(byId['CL0-CL1']!.text).toBe('2×10G ✕');
    expect(linkState(byId['CL0-CL2']!)).toBe('degraded');
    expect(byId['CL0-CL2']!.text).toBe('1/2×10G');
    expect(byId['CL1-CL2']!.text).toBe('2×10G');
  });
});
