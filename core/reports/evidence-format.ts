// Durations as a report reads them: 45 s, 12 min 5 s, 3 h 20 min.

export function formatSeconds(s: number): string {
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return Math.round(s % 60) === 0 ? `${Math.floor(s / 60)} min` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return Math.round((s % 3600) / 60) === 0 ? `${Math.floor(s / 3600)} h` : `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}

/** A simulated time for a table cell: 2026-01-01 00:08:36 (UTC, whole seconds; the model keeps the exact ISO time). */
export function displayTime(iso: string | null): string {
  if (iso === null) return '—';
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '');
}
