// The stacked-volume records of the export status file (Redbook §11.5: "the current status for all
// physical volumes with a state of Copy Exported") and the copy of them an export run keeps at its end,
// so each run's status file reads back as it was written when the list volume serves a later export.
// Kept apart from status-file.ts so the export process can take the copy without importing the mount
// rules that status-file.ts's logical records reach.
//
// Stacked volume record (80 bytes):  cols 1-6 VOLSER, 7 ',', 8-9 pool, 10 ',', 11 format code,
//   12 ',', 13-20 MB written, 21 ',', 22-24 % utilised, 25 ',', 26-27 media, 28 ',',
//   29-47 export time (YYYY-MM-DD-HH.MM.SS), 48 ',', 49 database backup (Y/N).

import type { GridState } from '../../world/state.js';
import { isoTime, MB } from '../../sim/time.js';
import type { PhysicalLibrary, StackedVolume } from '../../world/tape/library.js';
import { formatCode } from '../../world/tape/media.js';
import { libraryAt } from '../physical/tape-state.js';
import type { ExportRun } from '../../world/tape/export-types.js';

const RECORD_BYTES = 80;
/** Stacked-volume records kept per ended run (about 50 bytes each): a run's file stays bounded. */
export const STATUS_SNAPSHOT_LIMIT = 1000;

export function mbWritten(p: StackedVolume): number {
  return p.activeCount > 0 ? Math.ceil(p.writtenBytes / MB) : 0;
}

export function percentUsed(p: StackedVolume): number {
  return p.capacityBytes > 0 ? Math.floor((p.activeBytes / p.capacityBytes) * 100) : 0;
}

function statusTime(ms: number | null): string {
  if (ms === null) return ''.padEnd(19);
  const t = isoTime(ms);
  return `${t.slice(0, 10)}-${t.slice(11, 13)}.${t.slice(14, 16)}.${t.slice(17, 19)}`;
}

export function stackedVolumeRecord(p: StackedVolume): string {
  const text = [
    p.volser.padEnd(6),
    String(p.pool).padStart(2),
    formatCode(p.format, p.encryptKey !== null),
    String(mbWritten(p)).padStart(8),
    String(percentUsed(p)).padStart(3),
    p.media,
    statusTime(p.exportedAt),
    p.dbBackup !== null ? 'Y' : 'N',
  ].join(',');
  return text.slice(0, RECORD_BYTES).padEnd(RECORD_BYTES, ' ');
}

/** Copy-exported stacked volumes of a library in status-file order: utilisation, pool, VOLSER. */
export function copyExportedVolumes(lib: PhysicalLibrary): StackedVolume[] {
  return lib.pvols
    .filter((p) => p.state === 'copy-exported' && p.location !== 'deleted')
    .sort((a, b) => percentUsed(a) - percentUsed(b) || a.pool - b.pool || (a.volser < b.volser ? -1 : a.volser > b.volser ? 1 : 0));
}

/** At a run's end: the stacked-volume records of its status file, kept with the run (bounded, with the full count). */
export function snapshotStatusFile(state: GridState, run: ExportRun): void {
  const physical = copyExportedVolumes(libraryAt(state, run.cluster));
  run.statusStacked = { records: physical.slice(0, STATUS_SNAPSHOT_LIMIT).map((p) => stackedVolumeRecord(p).trimEnd()), total: physical.length };
}
