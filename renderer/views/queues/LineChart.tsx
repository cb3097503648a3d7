// A small hand-written SVG line chart (no chart library is installed): time on x, one line per series,
// step-after (a queue depth holds until the next sample), an optional marker at a moment.

import { bytes as fmtBytes, shortTime, showTime } from '../../lib/format';

export interface Series {
  name: string;
  points: { t: number; v: number }[];
}

interface Props {
  series: Series[];
  /** the right edge (the simulated present) */
  end: number;
  unit: 'copies' | 'bytes';
  marker?: number | null;
  label: string;
}

const W = 720;
const H = 220;
const PAD = { l: 64, r: 16, t: 14, b: 30 };

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  const m = v / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

export function LineChart({ series, end, unit, marker, label }: Props) {
  const all = series.flatMap((s) => s.points);
  // From the first sample to the present, at least ten minutes wide; nothing is drawn past the present.
  const t0 = all.length ? Math.min(end, ...all.map((p) => p.t)) : end;
  const t1 = Math.max(end, t0 + 600_000);
  // Copies are whole: at least four per gridline step so the axis never shows 0.25 of a copy.
  const vMax = Math.max(unit === 'copies' ? 4 : 1, niceMax(Math.max(0, ...all.map((p) => p.v))));
  const x = (t: number) => PAD.l + ((t - t0) / (t1 - t0)) * (W - PAD.l - PAD.r);
  const y = (v: number) => H - PAD.b - (v / vMax) * (H - PAD.t - PAD.b);
  const fmt = (v: number) => (unit === 'bytes' ? fmtBytes(v) : v.toLocaleString('en-US'));
  const multiDay = t1 - t0 > 86_400_000;
  const xTicks = [0, 1, 2, 3, 4].map((i) => t0 + ((t1 - t0) * i) / 4);
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => vMax * f);
  const summary =
    series.length === 0 ? 'no samples yet' : series.map((s) => `${s.name} now ${fmt(s.points[s.points.length - 1]?.v ?? 0)}, peak ${fmt(Math.max(0, ...s.points.map((p) => p.v)))}`).join('; ');

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${label}: ${summary}`} preserveAspectRatio="xMinYMin meet">
        {yTicks.map((v) => (
          <g key={v}>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} className="grid-line" />
            <text x={PAD.l - 6} y={y(v) + 4} textAnchor="end" className="axis-label">
              {fmt(v)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={t} x={x(t)} y={H - 10} textAnchor="middle" className="axis-label">
            {multiDay ? showTime(new Date(t).toISOString()).slice(5, 16) : shortTime(new Date(t).toISOString()).slice(0, 5)}
          </text>
        ))}
        {series.map((s, i) => {
          if (s.points.length === 0) return null;
          let d = `M ${x(s.points[0]!.t)} ${y(s.points[0]!.v)}`;
          for (let k = 1; k < s.points.length; k++) d += ` H ${x(s.points[k]!.t)} V ${y(s.points[k]!.v)}`;
          d += ` H ${x(end)}`;
          const last = s.points[s.points.length - 1]!;
          return (
            <g key={s.name}>
              <path d={d} className={`series series-${i % 8}`} />
              <circle cx={x(end)} cy={y(last.v)} r={3.5} className={`series-dot series-fill-${i % 8}`} />
            </g>
          );
        })}
        {marker != null && marker >= t0 && marker <= t1 ? <line x1={x(marker)} x2={x(marker)} y1={PAD.t} y2={H - PAD.b} className="marker" /> : null}
      </svg>
      <figcaption>
        {label}
        <ul className="chart-legend">
          {series.map((s, i) => (
            <li key={s.name}>
              <span className={`swatch series-bg-${i % 8}`} /> {s.name}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
