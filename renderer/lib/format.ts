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

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A console message in z/OS form: `CBR3786E VTS operations degraded in library CL1.` */
export function zosMessage(m: { id: string; text: string }): string {
  return m.text.startsWith(`${m.id} `) ? m.text : `${m.id} ${m.text}`;
}
