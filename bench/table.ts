// The bench's table for people: one row per figure, "—" for figures of features not built yet, the
// ratio to the machine's own limit where there is one, and a verdict: against the ratio target where
// the figure has one (ratios decide: a busy machine stretches figure and baseline alike), else
// against the absolute target.

import type { Figure, Figures } from './figures.js';

interface Machine {
  cpus: number;
  model: string;
  memGB: number;
  node: string;
  loadavg?: number;
}

/** "<= 10 s" → does `value` meet it? null when there is no target or no value. */
export function meetsTarget(value: number | null | undefined, target: string | null | undefined): boolean | null {
  if (value === null || value === undefined || !target) return null;
  const m = /^(<=|>=|<|>)\s*([\d.]+)/.exec(target);
  if (!m) return null;
  const limit = Number(m[2]);
  switch (m[1]) {
    case '<=':
      return value <= limit;
    case '>=':
      return value >= limit;
    case '<':
      return value < limit;
    default:
      return value > limit;
  }
}

/** The figure's verdict: its ratio against the ratio target where it has one, else its value against the target. */
export function meets(figure: Figure): boolean | null {
  if (figure.ratioTarget && figure.ratio !== null && figure.ratio !== undefined) return meetsTarget(figure.ratio, figure.ratioTarget);
  return meetsTarget(figure.value, figure.target);
}

/** "ok", "MISSED", or "ok (absolute target missed)" when the ratio holds but the wall time does not. */
export function verdict(figure: Figure): string {
  const decided = meets(figure);
  if (decided === null) return '';
  if (!decided) return 'MISSED';
  const absolute = figure.ratioTarget ? meetsTarget(figure.value, figure.target) : null;
  return absolute === false ? 'ok (absolute target missed)' : 'ok';
}

export function formatValue(f: Figure): string {
  return f.value === null ? '—' : `${f.value.toLocaleString('en-US')} ${f.unit}`;
}

export function formatRatio(f: Figure): string {
  if (f.ratio === null || f.ratio === undefined) return '';
  return `${f.ratio.toLocaleString('en-US')}× of ${(f.baseline ?? 0).toLocaleString('en-US')} ${f.unit}`;
}

export function formatTable(figures: Figures, machine: Machine): string {
  const rows = Object.entries(figures).map(([name, f]) => [
    name,
    formatValue(f),
    f.target ?? '',
    formatRatio(f),
    f.ratioTarget ?? '',
    f.note ?? verdict(f),
    f.detail
      ? Object.entries(f.detail)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')
      : '',
  ]);
  const header = ['figure', 'value', 'target', 'ratio to baseline', 'ratio target', 'verdict', 'detail'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    `TimeZero bench — ${machine.cpus} × ${machine.model}, ${machine.memGB} GB, node ${machine.node}${machine.loadavg === undefined ? '' : `, load average ${machine.loadavg} (wall times stretch under load; ratios to baselines measured in the same run do not)`}`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ].join('\n');
}
