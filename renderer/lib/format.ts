// Formatting for people: simulated times (always UTC, as the engine keeps them), sizes, durations.

export function ms(iso: string): number {
  return Date.parse(iso);
}

/** An ISO time the contract accepts (`2026-01-01T00:10:00Z`). */
export function iso(time: number): string {
  return new Date(time).toISOString().replace(/\.000Z$/, 'Z');
}

export function showTime(isoTime: string | null | undefined): string {
  if (!isoTime) return '—';
  // Milliseconds stay when the engine has them (ADVANCE UNTIL IDLE ends when the last copy lands).
  return isoTime.replace('T', ' ').replace(/\.0+Z$/, 'Z');
}

/** A wall-clock instant (a backup's creation) in the same ISO UTC form, to the second. */
export function utcTime(instant: string | number): string {
  const t = typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(t)) return String(instant);
  return new Date(t)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
}

export function shortTime(isoTime: string): string {
  const m = /T(\d{2}:\d{2}(:\d{2})?)/.exec(isoTime);
  return m ? m[1]! : isoTime;
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

export function bytes(n: number): string {
  let v = n;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(v >= 100 ? 0 : 1)} ${UNITS[u]}`;
}

const DECIMAL = ['MB', 'GB', 'TB', 'PB', 'EB'];

/**
 * A size the engine counts in megabytes (10^6 bytes, as the TS7700 reports capacity) in the largest
 * decimal unit that keeps it at or above 1: `1,066,192,896` MB reads `1.07 PB`, 800 reads `800 MB`.
 */
export function megabytes(mb: number): string {
  if (!Number.isFinite(mb)) return '—';
  let v = mb;
  let u = 0;
  while (Math.abs(v) >= 1000 && u < DECIMAL.length - 1) {
    v /= 1000;
    u++;
  }
  if (u === 0) return `${count(Math.round(v))} MB`;
  // Three significant figures: 1.07 PB, 15.0 GB, 640 TB.
  const shown = Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
  return `${shown} ${DECIMAL[u]}`;
}

export function duration(msSpan: number): string {
  if (msSpan < 0) return '—';
  const s = Math.floor(msSpan / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${s % 60}s`;
  return `${s}s`;
}

// One formatter for every count: toLocaleString builds a new one per call, which a table of thousands
// of rows scrolling at 60 frames a second pays for in every cell.
const COUNT = new Intl.NumberFormat('en-US');

export function count(n: number): string {
  return COUNT.format(n);
}

/** A console message in z/OS form: `CBR3786E VTS operations degraded in library CL1.` */
export function zosMessage(m: { id: string; text: string }): string {
  return m.text.startsWith(`${m.id} `) ? m.text : `${m.id} ${m.text}`;
}
