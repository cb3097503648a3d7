// A deterministic diagram layout: one column per site (in order of first appearance), hosts at the
// top of their site's column, clusters stacked below in index order. Pure: same grid, same picture.

import type { ClusterDetail, GridView, HostView } from '../../api/shapes';
import { hostsOf, sitesOf } from '../../api/shapes';

export const BOX = { clusterW: 190, clusterH: 104, hostW: 190, hostH: 40, colGap: 110, rowGap: 56, margin: 32, siteH: 30 };

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LinkView {
  a: string;
  b: string;
  count: number;
  failed: number;
  gbps: number | null;
  /** false when the moment shown does not report link state (a past moment) */
  known: boolean;
}

export interface HostLinkView {
  host: string;
  cluster: string;
  online: boolean;
  paths: number | null;
  failedPaths: number | null;
}

export interface Layout {
  width: number;
  height: number;
  sites: { id: string; failed: boolean | null; box: Box }[];
  clusters: Record<string, Box>;
  hosts: Record<string, Box>;
  links: LinkView[];
  hostLinks: HostLinkView[];
  hostList: HostView[];
}

export function linksOf(grid: GridView, details: Record<string, ClusterDetail>, present: boolean): LinkView[] {
  if (grid.links) return grid.links.map((l) => ({ a: l.a, b: l.b, count: l.count, failed: l.failed, gbps: l.gbps ?? null, known: true }));
  const names = Object.keys(grid.clusters);
  const out: LinkView[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = names[i]!;
      const b = names[j]!;
      const l = details[a]?.links[b] ?? details[b]?.links[a];
      if (!l) continue;
      out.push({ a, b, count: l.count, failed: present ? l.failed : 0, gbps: l.gbps, known: present });
    }
  }
  return out;
}

export function layout(grid: GridView, details: Record<string, ClusterDetail>, present: boolean): Layout {
  const sites = sitesOf(grid);
  const hostList = hostsOf(grid);
  const clusterNames = Object.keys(grid.clusters);
  const colX = (i: number) => BOX.margin + i * (BOX.clusterW + BOX.colGap);
  const siteIndex = new Map(sites.map((s, i) => [s.id, i]));
  const noSite = sites.length;
  const columnOf = (site: string | undefined) => (site !== undefined && siteIndex.has(site) ? siteIndex.get(site)! : noSite);

  const hostsPerColumn = new Map<number, number>();
  hostList.forEach((h) => hostsPerColumn.set(columnOf(h.site), (hostsPerColumn.get(columnOf(h.site)) ?? 0) + 1));
  const hostRows = Math.max(0, ...hostsPerColumn.values());
  const hostTop = BOX.margin + BOX.siteH + 20;
  const clusterTop = hostTop + (hostRows > 0 ? hostRows * (BOX.hostH + 14) + BOX.rowGap : 12);

  const hosts: Record<string, Box> = {};
  const usedHosts = new Map<number, number>();
  for (const h of hostList) {
    const col = columnOf(h.site);
    const row = usedHosts.get(col) ?? 0;
    usedHosts.set(col, row + 1);
    hosts[h.name] = { x: colX(col), y: hostTop + row * (BOX.hostH + 14), w: BOX.hostW, h: BOX.hostH };
  }

  const clusters: Record<string, Box> = {};
  const usedClusters = new Map<number, number>();
  for (const name of clusterNames) {
    const col = columnOf(grid.clusters[name]!.site ?? details[name]?.site);
    const row = usedClusters.get(col) ?? 0;
    usedClusters.set(col, row + 1);
    clusters[name] = { x: colX(col), y: clusterTop + row * (BOX.clusterH + BOX.rowGap), w: BOX.clusterW, h: BOX.clusterH };
  }

  const columns = Math.max(1, sites.length + (clusterNames.some((n) => columnOf(grid.clusters[n]!.site) === noSite) ? 1 : 0));
  const rows = Math.max(1, ...usedClusters.values());
  const height = clusterTop + rows * (BOX.clusterH + BOX.rowGap) + BOX.margin;
  const width = BOX.margin * 2 + columns * BOX.clusterW + (columns - 1) * BOX.colGap;

  const hostLinks: HostLinkView[] = [];
  for (const h of hostList) {
    for (const [cluster, d] of Object.entries(h.devices ?? {})) {
      if (!clusters[cluster]) continue;
      hostLinks.push({ host: h.name, cluster, online: d.online, paths: d.paths ?? null, failedPaths: d.failedPaths ?? null });
    }
  }

  return {
    width,
    height,
    sites: sites.map((s, i) => ({ ...s, box: { x: colX(i) - 14, y: BOX.margin - 8, w: BOX.clusterW + 28, h: height - BOX.margin * 2 + 16 } })),
    clusters,
    hosts,
    links: linksOf(grid, details, present),
    hostLinks,
    hostList,
  };
}

export function center(b: Box): { x: number; y: number } {
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
}

/** A grid link's path: straight between neighbours, bowed when it passes other clusters. */
export function linkPath(a: Box, b: Box, bend: number): { d: string; mid: { x: number; y: number } } {
  const p = center(a);
  const q = center(b);
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const len = Math.hypot(dx, dy) || 1;
  // Same column: bow out to the right of the boxes; otherwise perpendicular by `bend`.
  const sameColumn = Math.abs(dx) < 1;
  const off = sameColumn ? a.w / 2 + 40 + bend : bend;
  const nx = sameColumn ? 1 : -dy / len;
  const ny = sameColumn ? 0 : dx / len;
  const cx = (p.x + q.x) / 2 + nx * off;
  const cy = (p.y + q.y) / 2 + ny * off;
  return { d: `M ${p.x} ${p.y} Q ${cx} ${cy} ${q.x} ${q.y}`, mid: { x: (p.x + 2 * cx + q.x) / 4, y: (p.y + 2 * cy + q.y) / 4 } };
}
