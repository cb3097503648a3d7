// A deterministic diagram layout built so that nothing overlaps, for any grid of up to 8 clusters:
//  - sites side by side, each a box around its hosts (top row) and its clusters (one row below);
//  - host links run orthogonally in the band between the two rows, each on its own level;
//  - grid links run below the cluster row as brackets: down from a port on one cluster's bottom, along
//    a track, up into the other's. Tracks are packed (links whose spans do not overlap share one), and
//    each link's label sits on its own track inside a gap between two clusters. No vertical segment
//    runs through a gap (ports are under the boxes), no two tracks are closer than a label's height,
//    and the site boxes end above the first track, so a label never meets a line, a box or a label.
// Pure: the same grid gives the same picture. layout.test.ts checks the no-overlap promise for 2–8
// clusters on 1–4 sites.

import type { GridView, HostView } from '../../../contract/show-api';

export const BOX = {
  clusterW: 124,
  clusterH: 92,
  hostW: 124,
  hostH: 40,
  margin: 16,
  /** space between a site's border and what it holds */
  sitePad: 14,
  /** the site's label row above its hosts */
  siteHead: 30,
  hostGap: 12,
  /** ports keep this far from a box's sides, so the gaps between boxes stay free of vertical lines */
  portInset: 18,
  /** vertical distance between two grid-link tracks; more than a label's height */
  track: 22,
  hostTrack: 8,
  labelH: 16,
};

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface LinkView {
  a: string;
  b: string;
  count: number;
  failed: number;
  gbps: number | null;
  /** false when the moment shown does not report link state (a past moment) */
  known: boolean;
  /** the failed cluster(s) at either end: the link cannot carry anything while one is down */
  downEnds: string[];
}

export interface HostLinkView {
  host: string;
  cluster: string;
  online: boolean;
  paths: number | null;
  failedPaths: number | null;
  /** the host or the cluster is failed */
  endFailed: boolean;
}

export interface PlacedLink extends LinkView {
  points: Point[];
  label: Box;
  text: string;
}

export interface PlacedHostLink extends HostLinkView {
  points: Point[];
}

export interface Layout {
  width: number;
  height: number;
  sites: { id: string; failed: boolean | null; box: Box }[];
  clusters: Record<string, Box>;
  hosts: Record<string, Box>;
  links: PlacedLink[];
  hostLinks: PlacedHostLink[];
  hostList: HostView[];
}

export function linksOf(grid: GridView): LinkView[] {
  const down = (name: string) => grid.clusters[name]?.status === 'failed';
  const ends = (a: string, b: string) => [a, b].filter(down);
  return grid.links.map((l) => ({ a: l.a, b: l.b, count: l.count, failed: l.failed, gbps: l.gbps, known: true, downEnds: ends(l.a, l.b) }));
}

/** The sites in drawing order: those of the clusters, then of the hosts, then any other the grid names. */
function sitesOf(grid: GridView): { id: string; failed: boolean | null }[] {
  const known = new Map(grid.sites.map((s) => [s.id, s.failed]));
  const order: string[] = [];
  const add = (id: string) => {
    if (id && !order.includes(id)) order.push(id);
  };
  Object.values(grid.clusters).forEach((c) => add(c.site));
  grid.hosts.forEach((h) => add(h.site));
  known.forEach((_, id) => add(id));
  return order.map((id) => ({ id, failed: known.get(id) ?? null }));
}

export type LinkState = 'ok' | 'degraded' | 'failed' | 'unknown';

/** A link is drawn failed when all its links failed or a cluster at either end is down. */
export function linkState(l: LinkView): LinkState {
  if (l.downEnds.length > 0) return 'failed';
  if (!l.known) return 'unknown';
  if (l.failed >= l.count) return 'failed';
  if (l.failed > 0) return 'degraded';
  return 'ok';
}

/** The label drawn on a link: `2×10G`, `1/2×10G` with one failed, `2×10G ✕` when it carries nothing. */
export function linkText(l: LinkView): string {
  const speed = `${l.gbps ?? '?'}G`;
  const state = linkState(l);
  if (state === 'failed') return `${l.count}×${speed} ✕`;
  if (state === 'degraded') return `${l.count - l.failed}/${l.count}×${speed}`;
  return `${l.count}×${speed}`;
}

/** The label's width: DejaVu Sans at 12px averages under 7.2 px a character; the pill adds padding. */
export function labelWidth(text: string): number {
  return Math.ceil(text.length * 7.4) + 12;
}

const LABEL_ROOM = labelWidth('8/8×100G ✕');

export function hostLinkState(hl: HostLinkView): 'ok' | 'degraded' | 'failed' | 'offline' {
  if (hl.endFailed) return 'failed';
  if (hl.paths !== null && hl.failedPaths !== null && hl.failedPaths >= hl.paths) return 'failed';
  if (hl.failedPaths) return 'degraded';
  return hl.online ? 'ok' : 'offline';
}

export function layout(grid: GridView): Layout {
  const siteList = sitesOf(grid);
  const hostList = grid.hosts;
  const clusterNames = Object.keys(grid.clusters);
  const siteOf = (name: string) => grid.clusters[name]?.site;

  // Groups in site order; clusters (and hosts) without a known site make a last group of their own.
  const groups: { id: string | null; failed: boolean | null; clusters: string[]; hosts: HostView[] }[] = siteList.map((s) => ({ id: s.id, failed: s.failed, clusters: [], hosts: [] }));
  const groupOf = new Map(siteList.map((s, i) => [s.id, i]));
  const orphan = () => {
    if (groups.at(-1)?.id !== null) groups.push({ id: null, failed: null, clusters: [], hosts: [] });
    return groups.length - 1;
  };
  for (const name of clusterNames) {
    const site = siteOf(name);
    groups[site !== undefined && groupOf.has(site) ? groupOf.get(site)! : orphan()]!.clusters.push(name);
  }
  for (const h of hostList) groups[groupOf.has(h.site) ? groupOf.get(h.site)! : orphan()]!.hosts.push(h);

  // The gap between two clusters holds any label with room to spare.
  const gap = Math.max(24, LABEL_ROOM + 8 - 2 * BOX.portInset);
  const interSite = gap + 2 * BOX.sitePad;
  const anyHosts = hostList.length > 0;
  const siteTop = BOX.margin;
  const hostTop = siteTop + BOX.siteHead;

  const hostLinkViews: HostLinkView[] = [];
  for (const h of hostList) {
    for (const [cluster, d] of Object.entries(h.devices)) {
      if (!(cluster in grid.clusters)) continue;
      hostLinkViews.push({ host: h.name, cluster, online: d.online, paths: d.paths, failedPaths: d.failedPaths, endFailed: h.failed || grid.clusters[cluster]!.status === 'failed' });
    }
  }
  const band = anyHosts ? 24 + hostLinkViews.length * BOX.hostTrack : 0;
  const clusterTop = anyHosts ? hostTop + BOX.hostH + band : hostTop;
  const clusterBottom = clusterTop + BOX.clusterH;
  const siteBottom = clusterBottom + BOX.sitePad;

  // x positions, group by group.
  const clusters: Record<string, Box> = {};
  const hosts: Record<string, Box> = {};
  const sites: Layout['sites'] = [];
  let x = BOX.margin;
  groups.forEach((g, gi) => {
    if (g.clusters.length === 0 && g.hosts.length === 0 && g.id === null) return;
    if (gi > 0) x += interSite - 2 * BOX.sitePad;
    const clustersW = g.clusters.length * BOX.clusterW + Math.max(0, g.clusters.length - 1) * gap;
    const hostsW = g.hosts.length * BOX.hostW + Math.max(0, g.hosts.length - 1) * BOX.hostGap;
    const inner = Math.max(clustersW, hostsW, BOX.clusterW);
    const left = x + BOX.sitePad;
    g.clusters.forEach((name, i) => {
      clusters[name] = { x: left + (inner - clustersW) / 2 + i * (BOX.clusterW + gap), y: clusterTop, w: BOX.clusterW, h: BOX.clusterH };
    });
    g.hosts.forEach((h, i) => {
      hosts[h.name] = { x: left + (inner - hostsW) / 2 + i * (BOX.hostW + BOX.hostGap), y: hostTop, w: BOX.hostW, h: BOX.hostH };
    });
    if (g.id !== null) sites.push({ id: g.id, failed: g.failed, box: { x, y: siteTop, w: inner + 2 * BOX.sitePad, h: siteBottom - siteTop } });
    x += inner + 2 * BOX.sitePad;
  });
  const contentRight = x;

  const hostLinks = routeHostLinks(hostLinkViews, hosts, clusters, hostTop + BOX.hostH);
  const { links, bottom } = routeGridLinks(linksOf(grid), clusters, siteBottom + 14);

  return {
    width: Math.max(contentRight + BOX.margin, 240),
    height: Math.max(bottom, siteBottom) + BOX.margin,
    sites,
    clusters,
    hosts,
    links,
    hostLinks,
    hostList,
  };
}

/** n ports spread along [from, to], in order. */
function spread(n: number, from: number, to: number): number[] {
  if (n === 1) return [(from + to) / 2];
  return Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
}

/**
 * Grid links as brackets below the cluster row. Ports on a cluster's bottom are ordered like nested
 * brackets (links to the left: nearest first; links to the right: farthest first) so a link's vertical
 * does not cut a shorter one's track near its own cluster; tracks are assigned shortest span first,
 * each link to the highest track whose spans it does not overlap.
 */
function routeGridLinks(views: LinkView[], clusters: Record<string, Box>, firstTrack: number): { links: PlacedLink[]; bottom: number } {
  const placed = views.filter((l) => clusters[l.a] && clusters[l.b] && l.a !== l.b);
  const cx = (name: string) => clusters[name]!.x + clusters[name]!.w / 2;
  const port = new Map<string, number>();
  for (const name of Object.keys(clusters)) {
    const mine = placed.filter((l) => l.a === name || l.b === name).map((l) => ({ l, other: l.a === name ? l.b : l.a }));
    const left = mine.filter((m) => cx(m.other) < cx(name)).sort((p, q) => cx(q.other) - cx(p.other));
    const right = mine.filter((m) => cx(m.other) >= cx(name)).sort((p, q) => cx(q.other) - cx(p.other));
    const ordered = [...left, ...right];
    const b = clusters[name]!;
    const xs = spread(ordered.length, b.x + BOX.portInset, b.x + b.w - BOX.portInset);
    ordered.forEach((m, i) => port.set(`${m.l.a}|${m.l.b}|${name}`, xs[i]!));
  }

  const spans = placed.map((l) => {
    const pa = port.get(`${l.a}|${l.b}|${l.a}`)!;
    const pb = port.get(`${l.a}|${l.b}|${l.b}`)!;
    return { l, from: Math.min(pa, pb), to: Math.max(pa, pb), pa, pb };
  });
  const order = spans.map((s, i) => ({ s, i })).sort((p, q) => p.s.to - p.s.from - (q.s.to - q.s.from) || p.s.from - q.s.from);
  const tracks: { from: number; to: number }[][] = [];
  const trackOf = new Array<number>(spans.length);
  for (const { s, i } of order) {
    let t = tracks.findIndex((used) => used.every((u) => s.to + 6 < u.from || u.to + 6 < s.from));
    if (t < 0) t = tracks.push([]) - 1;
    tracks[t]!.push({ from: s.from, to: s.to });
    trackOf[i] = t;
  }

  // Gaps between neighbouring clusters (in x order): where labels go.
  const row = Object.values(clusters).sort((p, q) => p.x - q.x);
  const gaps = row.slice(1).map((b, i) => ({ from: row[i]!.x + row[i]!.w, to: b.x }));

  const links = spans.map((s, i) => {
    const y = firstTrack + BOX.labelH / 2 + trackOf[i]! * BOX.track;
    const a = clusters[s.l.a]!;
    const b = clusters[s.l.b]!;
    const text = linkText(s.l);
    const w = labelWidth(text);
    const inside = gaps.filter((g) => g.from >= s.from && g.to <= s.to);
    const mid = (s.from + s.to) / 2;
    const g = inside.sort((p, q) => Math.abs((p.from + p.to) / 2 - mid) - Math.abs((q.from + q.to) / 2 - mid))[0];
    const centre = g ? (g.from + g.to) / 2 : mid;
    return {
      ...s.l,
      text,
      points: [
        { x: s.pa, y: a.y + a.h },
        { x: s.pa, y },
        { x: s.pb, y },
        { x: s.pb, y: b.y + b.h },
      ],
      label: { x: centre - w / 2, y: y - BOX.labelH / 2, w, h: BOX.labelH },
    };
  });
  const bottom = firstTrack + Math.max(0, tracks.length - 1) * BOX.track + BOX.labelH;
  return { links, bottom };
}

/** Host links: down from the host, along their own level in the band, down into the cluster's top. */
function routeHostLinks(views: HostLinkView[], hosts: Record<string, Box>, clusters: Record<string, Box>, bandTop: number): PlacedHostLink[] {
  const hostPort = new Map<string, number>();
  const clusterPort = new Map<string, number>();
  const key = (v: HostLinkView) => `${v.host}|${v.cluster}`;
  const cx = (b: Box) => b.x + b.w / 2;
  for (const [name, b] of Object.entries(hosts)) {
    const mine = views.filter((v) => v.host === name).sort((p, q) => clusters[p.cluster]!.x - clusters[q.cluster]!.x);
    const xs = spread(mine.length, b.x + 24, b.x + b.w - 24);
    mine.forEach((v, i) => hostPort.set(key(v), mine.length === 1 ? cx(b) : xs[i]!));
  }
  for (const [name, b] of Object.entries(clusters)) {
    const mine = views.filter((v) => v.cluster === name).sort((p, q) => hosts[p.host]!.x - hosts[q.host]!.x);
    const xs = spread(mine.length, b.x + 24, b.x + b.w - 24);
    mine.forEach((v, i) => clusterPort.set(key(v), mine.length === 1 ? cx(b) : xs[i]!));
  }
  // Shorter horizontal runs on the upper levels, so verticals cross as few runs as they can.
  const order = views.map((v, i) => ({ v, i, run: Math.abs(hostPort.get(key(v))! - clusterPort.get(key(v))!) })).sort((p, q) => p.run - q.run || p.i - q.i);
  const level = new Map<string, number>();
  order.forEach((o, rank) => level.set(key(o.v), rank));
  return views.map((v) => {
    const h = hosts[v.host]!;
    const c = clusters[v.cluster]!;
    const hx = hostPort.get(key(v))!;
    const px = clusterPort.get(key(v))!;
    const y = bandTop + 12 + level.get(key(v))! * BOX.hostTrack;
    const points =
      hx === px
        ? [
            { x: hx, y: h.y + h.h },
            { x: px, y: c.y },
          ]
        : [
            { x: hx, y: h.y + h.h },
            { x: hx, y },
            { x: px, y },
            { x: px, y: c.y },
          ];
    return { ...v, points };
  });
}

export function pathOf(points: Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x} ${p.y}`).join(' ');
}
