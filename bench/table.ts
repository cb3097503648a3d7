// The bench's table for people: one row per figure, "—" for figures of features not built yet,
// a verdict against the target where there is one.

import type { Figure, Figures } from './figures.js';

interface Machine {
  cpus: number;
  model: string;
  memGB: number;
  node: string;
  loadavg?: number;
}

/** "<= 10 s" → does `value` meet it? null when the figure has no target or no value. */
export function meets(figure: Figure): boolean | null {
  if (figure.value === null || figure.target === null) return null;
  const m = /^(<=|>=|<|>)\s*([\d.]+)/.exec(figure.target);
  if (!m) return null;
  const limit = Number(m[2]);
  switch (m[1]) {
    case '<=':
      return figure.value <= limit;
    case '>=':
      return figure.value >= limit;
    case '<':
      return figure.value < limit;
    default:
      return figure.value > limit;
  }
}

export function formatTable(figures: Figures, machine: Machine): string {
  const rows = Object.entries(figures).map(([name, f]) => {
    const verdict = meets(f);
    return [
      name,
      f.value === null ? '—' : `${f.value.toLocaleString('en-US')} ${f.unit}`,
      f.target ?? '',
      f.note ?? (verdict === null ? '' : verdict ? 'ok' : 'MISSED'),
      f.detail ? Object.entries(f.detail).map(([k, v]) => `${k}=${v}`).join(' ') : '',
    ];
  });
  const header = ['figure', 'value', 'target', 'verdict', 'detail'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [
    `TimeZero bench — ${machine.cpus} × ${machine.model}, ${machine.memGB} GB, node ${machine.node}${machine.loadavg === undefined ? '' : `, load average ${machine.loadavg} (wall times stretch under load; see cpuSeconds)`}`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ].join('\n');
}
