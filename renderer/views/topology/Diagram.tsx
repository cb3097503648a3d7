// The grid as an SVG diagram: site columns, hosts, clusters, grid links and host links, each
// selectable (click, or Enter/Space when focused) to open its actions.

import type { KeyboardEvent } from 'react';
import type { ClusterSummary, GridView } from '../../api/shapes';
import { center, linkPath, type Box, type Layout, type LinkView } from './layout';

export type Selection =
  | { kind: 'cluster'; name: string }
  | { kind: 'link'; a: string; b: string }
  | { kind: 'host'; name: string }
  | { kind: 'hostlink'; host: string; cluster: string }
  | { kind: 'site'; id: string };

export function sameSelection(a: Selection | null, b: Selection): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

export function clusterClass(c: ClusterSummary): string {
  const classes = ['cluster'];
  if (c.status === 'failed') classes.push('is-failed');
  else if (c.status.startsWith('service')) classes.push('is-service');
  else if (c.states.length > 0) classes.push('is-degraded');
  if (Object.keys(c.takeover).length > 0) classes.push('is-takeover');
  return classes.join(' ');
}

export function linkState(l: LinkView): 'ok' | 'degraded' | 'failed' | 'unknown' {
  if (!l.known) return 'unknown';
  if (l.failed >= l.count) return 'failed';
  if (l.failed > 0) return 'degraded';
  return 'ok';
}

function pressable(onSelect: () => void) {
  return {
    tabIndex: 0,
    role: 'button',
    onClick: onSelect,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onSelect();
      }
    },
  };
}

/** Does the straight segment p→q cross a box other than its ends? Then the link bows around it. */
function crosses(p: Box, q: Box, boxes: Box[]): boolean {
  const a = center(p);
  const b = center(q);
  for (let i = 1; i < 40; i++) {
    const x = a.x + ((b.x - a.x) * i) / 40;
    const y = a.y + ((b.y - a.y) * i) / 40;
    if (boxes.some((o) => o !== p && o !== q && x >= o.x - 6 && x <= o.x + o.w + 6 && y >= o.y - 6 && y <= o.y + o.h + 6)) return true;
  }
  return false;
}

export function Diagram({ grid, view, selection, onSelect }: { grid: GridView; view: Layout; selection: Selection | null; onSelect: (s: Selection) => void }) {
  const boxes = Object.values(view.clusters);
  return (
    <svg className="diagram" viewBox={`0 0 ${view.width} ${view.height}`} width={view.width} height={view.height} role="group" aria-label={`Grid ${grid.name ?? ''} diagram`}>
      <defs>
        <pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="8" className="hatch-line" />
        </pattern>
      </defs>
      {view.sites.map((s) => {
        const sel: Selection = { kind: 'site', id: s.id };
        return (
          <g key={s.id} className={`site${s.failed ? ' is-failed' : ''}${sameSelection(selection, sel) ? ' is-selected' : ''}`} {...pressable(() => onSelect(sel))} aria-label={`Site ${s.id}${s.failed ? ', failed' : ''}`} aria-pressed={sameSelection(selection, sel)}>
            <rect x={s.box.x} y={s.box.y} width={s.box.w} height={s.box.h} rx={10} className="site-box" />
            <text x={s.box.x + 12} y={s.box.y + 22} className="site-label">
              Site {s.id}
              {s.failed ? ' — FAILED' : ''}
            </text>
          </g>
        );
      })}
      {view.links.map((l, i) => {
        const a = view.clusters[l.a];
        const b = view.clusters[l.b];
        if (!a || !b) return null;
        const bend = crosses(a, b, boxes) ? (i % 2 === 0 ? 70 : -70) : 0;
        const { d, mid } = linkPath(a, b, bend);
        const state = linkState(l);
        const sel: Selection = { kind: 'link', a: l.a, b: l.b };
        const working = l.count - l.failed;
        const label = `Grid link ${l.a}–${l.b}: ${state === 'unknown' ? 'state not recorded for this moment' : `${working} of ${l.count} working`}`;
        return (
          <g key={`${l.a}-${l.b}`} className={`link link-${state}${sameSelection(selection, sel) ? ' is-selected' : ''}`} {...pressable(() => onSelect(sel))} aria-label={label} aria-pressed={sameSelection(selection, sel)}>
            <title>{label}</title>
            <path d={d} className="link-hit" />
            <path d={d} className="link-line" />
            <text x={mid.x} y={mid.y - 6} className="link-label" textAnchor="middle">
              {l.count}×{l.gbps ?? '?'}G{state === 'failed' ? ' ✕ failed' : state === 'degraded' ? ` ${l.failed} failed` : ''}
            </text>
          </g>
        );
      })}
      {view.hostLinks.map((hl) => {
        const h = view.hosts[hl.host];
        const c = view.clusters[hl.cluster];
        if (!h || !c) return null;
        const state = hl.paths !== null && hl.failedPaths !== null && hl.failedPaths >= hl.paths ? 'failed' : hl.failedPaths ? 'degraded' : hl.online ? 'ok' : 'offline';
        const sel: Selection = { kind: 'hostlink', host: hl.host, cluster: hl.cluster };
        const label = `Host link ${hl.host}–${hl.cluster}: ${state}${hl.paths !== null ? `, ${hl.paths - (hl.failedPaths ?? 0)} of ${hl.paths} paths` : ''}`;
        return (
          <g key={`${hl.host}-${hl.cluster}`} className={`hostlink hostlink-${state}${sameSelection(selection, sel) ? ' is-selected' : ''}`} {...pressable(() => onSelect(sel))} aria-label={label} aria-pressed={sameSelection(selection, sel)}>
            <title>{label}</title>
            <path d={hostLinkPath(h, c, Object.values(view.clusters))} className="link-hit" />
            <path d={hostLinkPath(h, c, Object.values(view.clusters))} className="hostlink-line" />
          </g>
        );
      })}
      {view.hostList.map((host) => {
        const b = view.hosts[host.name]!;
        const sel: Selection = { kind: 'host', name: host.name };
        return (
          <g key={host.name} className={`host${host.failed ? ' is-failed' : ''}${sameSelection(selection, sel) ? ' is-selected' : ''}`} {...pressable(() => onSelect(sel))} aria-label={`Host ${host.name}${host.role ? `, ${host.role}` : ''}${host.failed ? ', failed' : ''}`} aria-pressed={sameSelection(selection, sel)}>
            <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={20} className="host-box" />
            <text x={b.x + b.w / 2} y={b.y + 25} textAnchor="middle" className="host-label">
              {host.name}
              {host.role ? ` · ${host.role === 'PRODUCTION' ? 'prod' : host.role.toLowerCase()}` : ''}
              {host.failed ? ' · FAILED' : ''}
            </text>
          </g>
        );
      })}
      {Object.entries(grid.clusters).map(([name, c]) => {
        const b = view.clusters[name]!;
        const sel: Selection = { kind: 'cluster', name };
        const takeover = Object.entries(c.takeover).map(([peer, mode]) => `${mode} for ${peer}`);
        const label = `Cluster ${name}, ${c.status}${c.states.length ? `, ${c.states.join(', ')}` : ''}${takeover.length ? `, takeover ${takeover.join(', ')}` : ''}`;
        return (
          <g key={name} className={`${clusterClass(c)}${sameSelection(selection, sel) ? ' is-selected' : ''}`} {...pressable(() => onSelect(sel))} aria-label={label} aria-pressed={sameSelection(selection, sel)} data-cluster={name} data-status={c.status}>
            <title>{label}</title>
            <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={6} className="cluster-box" />
            {c.status === 'failed' || c.status.startsWith('service') ? <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={6} fill="url(#hatch)" className="cluster-hatch" /> : null}
            <text x={b.x + 12} y={b.y + 24} className="cluster-name">
              {name}
            </text>
            <text x={b.x + b.w - 12} y={b.y + 24} className="cluster-model" textAnchor="end">
              {c.model ?? ''}
            </text>
            <text x={b.x + 12} y={b.y + 44} className="cluster-status">
              {c.status.toUpperCase()}
              {c.writeProtect ? ' · WP' : ''}
            </text>
            <text x={b.x + 12} y={b.y + 62} className="cluster-line">
              {c.states.length > 0 ? `${c.states.length} grid state${c.states.length > 1 ? 's' : ''}` : 'no grid states'}
            </text>
            <text x={b.x + 12} y={b.y + 80} className="cluster-line">
              {takeover.length > 0 ? `takeover: ${takeover.join(', ')}` : `${c.owned.toLocaleString('en-US')} owned`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * A host link straight down to its cluster, or, when another cluster's box stands in the way (a
 * second cluster below the first in the site's column), around the boxes' left side so it never
 * reads as a link to the cluster it would cross.
 */
function hostLinkPath(host: Box, cluster: Box, clusters: Box[]): string {
  const x = cluster.x + cluster.w / 2;
  const blocked = clusters.some((o) => o !== cluster && o.x < x && x < o.x + o.w && o.y > host.y + host.h && o.y < cluster.y);
  if (!blocked) return `M ${host.x + host.w / 2} ${host.y + host.h} L ${x} ${cluster.y}`;
  const side = Math.min(host.x, cluster.x) - 8;
  const from = host.y + host.h / 2;
  const to = cluster.y + cluster.h / 2;
  return `M ${host.x} ${from} L ${side} ${from} L ${side} ${to} L ${cluster.x} ${to}`;
}
