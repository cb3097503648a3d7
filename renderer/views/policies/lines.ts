// The runbook lines the Policies view issues (spec §3, §12; README "Copy Export additions"): one pure
// function per form, returning the line or the first problem with the field it names, so the view
// never sends a line the parser would refuse and a test can read exactly what an edit issues.

export type CopyMode = 'R' | 'D' | 'N' | 'S';
export type Built = { line: string } | { field: string; problem: string };

const NAME = /^[A-Z0-9_.$@#-]{1,32}$/;
const HEX4 = /^[0-9A-F]{4}$/;
const DURATION = /^\d+(s|m|h|d)$/;

export interface McForm {
  name: string;
  modes: CopyMode[];
  secondaryPool: string;
  preference: 'PG0' | 'PG1';
}

/** MC <name> COPY <modes> [SECONDARY <pool>] PG0|PG1 */
export function mcLine(f: McForm): Built {
  const name = f.name.trim().toUpperCase();
  if (!NAME.test(name)) return { field: 'Name', problem: '1-32 letters, digits or _.$@#-' };
  if (/^\d+$/.test(name)) return { field: 'Name', problem: 'a name of digits only would read as a number' };
  if (f.modes.length === 0) return { field: 'Copy modes', problem: 'the grid has no clusters yet' };
  const sync = f.modes.filter((m) => m === 'S').length;
  // Spec §3: Synchronous copy needs exactly two S clusters.
  if (sync !== 0 && sync !== 2) return { field: 'Copy modes', problem: `Synchronous needs exactly two S clusters, not ${sync}` };
  let secondary = '';
  if (f.secondaryPool.trim() !== '') {
    const pool = Number(f.secondaryPool);
    if (!Number.isInteger(pool) || pool < 1 || pool > 32) return { field: 'Secondary pool', problem: 'a pool number 1-32, or empty for none' };
    secondary = ` SECONDARY ${pool}`;
  }
  return { line: `MC ${name} COPY ${f.modes.join('')}${secondary} ${f.preference}` };
}

export interface PoolForm {
  cluster: string;
  pool: string;
  media: string;
  format: string;
  copyExport: boolean;
  reclaimPool: string;
}

/** POOL <cl> <n> [MEDIA <m>] [FORMAT <f>] [COPYEXPORT] [RECLAIM <n>] */
export function poolLine(f: PoolForm): Built {
  if (!f.cluster) return { field: 'Cluster', problem: 'pools belong to a tape-attached cluster: the grid has none' };
  const pool = Number(f.pool);
  if (f.pool.trim() === '' || !Number.isInteger(pool) || pool < 0 || pool > 32) return { field: 'Pool', problem: 'a pool number 0-32' };
  let line = `POOL ${f.cluster} ${pool}`;
  if (f.media) line += ` MEDIA ${f.media}`;
  if (f.format) line += ` FORMAT ${f.format}`;
  if (f.copyExport) {
    if (pool === 0) return { field: 'Copy Export', problem: 'pool 0 is the common scratch pool: it holds empty cartridges only' };
    line += ' COPYEXPORT';
  }
  if (f.reclaimPool.trim() !== '') {
    const reclaim = Number(f.reclaimPool);
    if (!Number.isInteger(reclaim) || reclaim < 1 || reclaim > 32) return { field: 'Reclaim pool', problem: 'a pool number 1-32, or empty to keep it' };
    // Redbook §11.5.1: a Copy Export pool's reclaim pool must be itself.
    if (f.copyExport && reclaim !== pool) return { field: 'Reclaim pool', problem: `a Copy Export pool reclaims into itself: ${pool}` };
    line += ` RECLAIM ${reclaim}`;
  }
  return { line };
}

export interface CategoryForm {
  category: string;
  scratch: boolean;
  expireHold: string;
}

/** CATEGORY <hex> SCRATCH|PRIVATE [EXPIREHOLD <duration>] */
export function categoryLine(f: CategoryForm): Built {
  const hex = f.category.trim().toUpperCase();
  if (!HEX4.test(hex)) return { field: 'Category', problem: '4 hexadecimal digits, such as 0002' };
  if (hex === 'FF00') return { field: 'Category', problem: 'FF00 is the insert category and cannot be redefined' };
  const hold = f.expireHold.trim().toLowerCase();
  if (hold !== '' && !DURATION.test(hold)) return { field: 'Expire Hold', problem: 'a duration such as 12h or 2d, or empty for none' };
  if (hold !== '' && !f.scratch) return { field: 'Expire Hold', problem: 'Expire Hold applies to scratch categories only' };
  return { line: `CATEGORY ${hex} ${f.scratch ? 'SCRATCH' : 'PRIVATE'}${hold && !/^0+[smhd]$/.test(hold) ? ` EXPIREHOLD ${hold}` : ''}` };
}

export interface DevsupForm {
  host: string;
  scratch: string;
  private: string;
  error: string;
}

/** DEVSUP <host> SCRATCH <hex> PRIVATE <hex> ERROR <hex> (spec §12, Redbook §11.10.1 step 8) */
export function devsupLine(f: DevsupForm): Built {
  const parts: string[] = [];
  for (const [label, key, value] of [
    ['Scratch', 'SCRATCH', f.scratch],
    ['Private', 'PRIVATE', f.private],
    ['Error', 'ERROR', f.error],
  ] as const) {
    const hex = value.trim().toUpperCase();
    if (!HEX4.test(hex)) return { field: label, problem: '4 hexadecimal digits' };
    parts.push(`${key} ${hex}`);
  }
  return { line: `DEVSUP ${f.host} ${parts.join(' ')}` };
}

/** Seconds as the shortest exact duration the runbook language takes (0 → ''). */
export function durationText(seconds: number): string {
  if (seconds <= 0) return '';
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
  ] as const) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
