// The grid as an SVG diagram: site columns, hosts, clusters, grid links and host links, each
// selectable (click, or Enter/Space when focused) to open its actions.

import type { KeyboardEvent } from 'react';
import type { ClusterSummary, GridView } from '../../../contract/show-api';
import { hostLinkState, linkState, pathOf, type Layout } from './layout';

export type Selection =
  { kind: 'cluster'; name: string } | { kind: 'link'; a: string; b: string } | { kind: 'host'; name: string } | { kind: 'hostlink'; host: string; cluster: string } | { kind: 'site'; id: string };

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

export function Diagram({ grid, view, selection, onSelect }: { grid: GridView; view: Layout; selection: Selection | null; onSelect: (s: Selection) => void }) {
  return (
    <svg className="diagram" viewBox={`0 0 ${view.width} ${view.height}`} style={{ maxWidth: view.width }} role="group" aria-label={`Grid ${grid.name ?? ''} diagram`}>
      <defs>
        <pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="8" className="hatch-line" />
        </pattern>
      </defs>
      {view.sites.map((s) => {
        const sel: Selection = { kind: 'site', id: s.id };
        return (
          <g
            key={s.id}
            className={`site${s.failed ? ' is-failed' : ''}${sameSelection(selection, sel) ? ' is-selected' : ''}`}
            {...pressable(() => onSelect(sel))}
            aria-label={`Site ${s.id}${s.failed ? ', failed' : ''}`}
            aria-pressed={sameSelection(selection, sel)}
          >
            <rect x={s.box.x} y={s.box.y} width={s.box.w} height={s.box.h} rx={10} className="site-box" />
            <text x={s.box.x + 12} y={s.box.y + 22} className="site-label">
              Site {s.id}
              {s.failed ? ' — FAILED' : ''}
            </text>
          </g>
        );
      })}
      {view.hostLinks.map((hl) => {
        const state = hostLinkState(hl);
        const sel: Selection = { kind: 'hostlink', host: hl.host, cluster: hl.cluster };
        const why = hl.endFailed ? ` (${grid.clusters[hl.cluster]?.status === 'failed' ? `${hl.cluster} is failed` : `${hl.host} is failed`})` : '';
        const label = `Host link ${hl.host}–${hl.cluster}: ${state}${why}${hl.paths !== null ? `, ${hl.paths - (hl.failedPaths ?? 0)} of ${hl.paths} paths` : ''}`;
        const d = pathOf(hl.points);
        return (
          <g
            key={`${hl.host}-${hl.cluster}`}
            className={`hostlink hostlink-${state}${sameSelection(selection, sel) ? ' is-selected' : ''}`}
            {...pressable(() => onSelect(sel))}
            aria-label={label}
            aria-pressed={sameSelection(selection, sel)}
            data-hostlink={`${hl.host}-${hl.cluster}`}
          >
            <title>{label}</title>
            <path d={d} className="link-hit" />
            <path d={d} className="hostlink-line" />
          </g>
        );
      })}
      {view.links.map((l) => {
        const state = linkState(l);
        const sel: Selection = { kind: 'link', a: l.a, b: l.b };
        const working = l.count - l.failed;
        const down = l.downEnds.length > 0 ? `unusable while ${l.downEnds.join(' and ')} ${l.downEnds.length > 1 ? 'are' : 'is'} failed` : null;
        const label = `Grid link ${l.a}–${l.b}: ${down ?? (state === 'unknown' ? 'state not recorded for this moment' : `${working} of ${l.count} working`)}`;
        const d = pathOf(l.points);
        return (
          <g
            key={`${l.a}-${l.b}`}
            className={`link link-${state}${sameSelection(selection, sel) ? ' is-selected' : ''}`}
            {...pressable(() => onSelect(sel))}
            aria-label={label}
            aria-pressed={sameSelection(selection, sel)}
            data-link={`${l.a}-${l.b}`}
          >
            <title>{label}</title>
            <path d={d} className="link-hit" />
            <path d={d} className="link-line" />
            <rect x={l.label.x} y={l.label.y} width={l.label.w} height={l.label.h} rx={8} className="link-label-box" />
            <text x={l.label.x + l.label.w / 2} y={l.label.y + l.label.h - 4} className="link-label" textAnchor="middle">
              {l.text}
            </text>
          </g>
        );
      })}
      {view.hostList.map((host) => {
        const b = view.hosts[host.name]!;
        const sel: Selection = { kind: 'host', name: host.name };
        return (
          <g
            key={host.name}
            className={`host${host.failed ? ' is-failed' : ''}${sameSelection(selection, sel) ? ' is-selected' : ''}`}
            {...pressable(() => onSelect(sel))}
            aria-label={`Host ${host.name}${host.role ? `, ${host.role}` : ''}${host.failed ? ', failed' : ''}`}
            aria-pressed={sameSelection(selection, sel)}
          >
            <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={12} className="host-box" />
            <text x={b.x + b.w / 2} y={b.y + 16} textAnchor="middle" className="host-label">
              {host.name}
            </text>
            <text x={b.x + b.w / 2} y={b.y + 31} textAnchor="middle" className="host-role">
              {host.role ? (host.role === 'PRODUCTION' ? 'production host' : `${host.role.toLowerCase()} host`) : 'host'}
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
          <g
            key={name}
            className={`${clusterClass(c)}${sameSelection(selection, sel) ? ' is-selected' : ''}`}
            {...pressable(() => onSelect(sel))}
            aria-label={label}
            aria-pressed={sameSelection(selection, sel)}
            data-cluster={name}
            data-status={c.status}
          >
            <title>{label}</title>
            <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={6} className="cluster-box" />
            {c.status === 'failed' || c.status.startsWith('service') ? <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={6} fill="url(#hatch)" className="cluster-hatch" /> : null}
            <text x={b.x + 10} y={b.y + 22} className="cluster-name">
              {name}
            </text>
            <text x={b.x + b.w - 10} y={b.y + 21} className="cluster-model" textAnchor="end">
              {c.model ?? ''}
            </text>
            <text x={b.x + 10} y={b.y + 41} className="cluster-status">
              {c.status.toUpperCase()}
              {c.writeProtect ? ' · WP' : ''}
            </text>
            <text x={b.x + 10} y={b.y + 59} className="cluster-line">
              {c.states.length > 0 ? `${c.states.length} grid state${c.states.length > 1 ? 's' : ''}` : 'no grid states'}
            </text>
            <text x={b.x + 10} y={b.y + 77} className="cluster-line">
              {takeover.length > 0 ? `takeover ×${takeover.length}` : `${compactCount(c.owned)} owned`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Owned counts that fit a cluster box: 15,000 · 1.2M. */
function compactCount(n: number): string {
  if (n >= 10_000_000) return `${Math.round(n / 1_000_000)}M`;
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)}M`;
  return n.toLocaleString('en-US');
}
