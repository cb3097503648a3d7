// Simulated time is milliseconds since the Unix epoch; the clock starts at 2026-01-01T00:00:00Z (spec §1).

export const EPOCH_START = Date.UTC(2026, 0, 1);

/** The longest duration a runbook line may name, and the latest simulated moment: ISO times stop at 9999. */
export const MAX_DURATION_MS = 100 * 365 * 86_400_000;
export const MAX_SIM_TIME = Date.UTC(9999, 11, 31);

export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/i;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text);
  if (!match) return null;
  return Math.round(Number(match[1]) * UNIT_MS[match[2]!.toLowerCase()]!);
}

export function formatDuration(ms: number): string {
  if (ms % 86_400_000 === 0 && ms > 0) return `${ms / 86_400_000}d`;
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

export function parseIsoTime(text: string): number | null {
  if (!ISO.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

const SIZE = /^(\d+(?:\.\d+)?)(B|KB|MB|GB|TB|PB)$/i;
const UNIT_BYTES: Record<string, number> = { B: 1, KB: 2 ** 10, MB: 2 ** 20, GB: 2 ** 30, TB: 2 ** 40, PB: 2 ** 50 };

/** Sizes use binary units: 1 MB = 1,048,576 bytes (spec §1). */
export function parseSize(text: string): number | null {
  const match = SIZE.exec(text);
  if (!match) return null;
  return Math.round(Number(match[1]) * UNIT_BYTES[match[2]!.toUpperCase()]!);
}

export const MB = 2 ** 20;
