// The export status file (Redbook §11.5: "response records in the reserved file that list the logical
// volumes exported and the physical volumes on which they reside ... [and] the current status for all
// physical volumes with a state of Copy Exported") and SHOW EXPORTSTATUS (spec §10). Records are
// rendered on demand from the run's columns: a million-volume export keeps no million strings.
//
// Logical volume record (80 bytes):  cols 1-6 logical VOLSER, 7 ',', 8-13 stacked volume (blank when
//   not exported), 14 ',', 15-16 status code, 17 ',', 18 '*' when not exported, 19-80 status text.
// Stacked volume record (80 bytes):  cols 1-6 VOLSER, 7 ',', 8-9 pool, 10 ',', 11 format code,
//   12 ',', 13-20 MB written, 21 ',', 22-24 % utilised, 25 ',', 26-27 media, 28 ',',
//   29-47 export time (YYYY-MM-DD-HH.MM.SS), 48 ',', 49 database backup (Y/N).
// Logical records sort by stacked volume then logical volume; stacked volume records by utilisation,
// then pool, then VOLSER (Copy Export User's Guide).

import type { GridState } from '../../world/state.js';
import { refuse } from '../../world/refusal.js';
import { encodeVolser } from '../../model/volser.js';
import { isoTime } from '../../sim/time.js';
import type { PhysicalLibrary } from '../../world/tape/library.js';
import { libraryAt } from '../physical/tape-state.js';
import { record } from './export-list.js';
import { EXPORTED, PENDING, REASONS, type ExportListVolume, type ExportRun } from '../../world/tape/export-types.js';
import { copyExportedVolumes, mbWritten, percentUsed, stackedVolumeRecord } from './status-records.js';
import { pvolAt } from '../../world/tape/library.js';

export { copyExportedVolumes, snapshotStatusFile, stackedVolumeRecord, STATUS_SNAPSHOT_LIMIT } from './status-records.js';

export const DEFAULT_LIST_LIMIT = 1000;

function latestRun(state: GridState, volser: string): ExportRun | null {
  return state.tape.exports.findLast((run) => run.listVolser === volser) ?? null;
}

function logicalRecord(volser: string, pvol: string | null, code: number): string {
  const exported = code === EXPORTED;
  return record(`${volser.padEnd(6)},${(pvol ?? '').padStart(6)},${String(code).padStart(2, '0')},${exported ? ' ' : '*'}${REASONS[code]}`);
}

/** Position i of a run's export set: the volume, its reason code, its stacked volume (NO_PVOL when none). */
function exportEntry(run: ExportRun, i: number): { v: number; code: number; pvol: number } {
  const v = run.volumes[i];
  const code = run.reason[i];
  const pvol = run.pvolOf[i];
  if (v === undefined || code === undefined || pvol === undefined) throw new RangeError(`export run ${run.id} has no position ${i} (${run.volumes.length} volumes)`);
  return { v, code, pvol };
}

/** A bucket's positions packed with their VOLSER code sort natively when both fit in a double. */
const PACK = 2 ** 21;

/**
 * The first `limit` positions of the run's export set in status-file order (stacked volume, then
 * logical VOLSER). Bucketed by stacked volume and sorted a bucket at a time, only as far as `limit`
 * reaches, with native numeric sorts: a million-volume status file reads back in milliseconds.
 */
function recordOrder(state: GridState, run: ExportRun, lib: PhysicalLibrary, limit: number): Uint32Array {
  const n = run.volumes.length;
  const cols = state.volumes.cols;
  // Rank of each exported stacked volume by VOLSER; 0: not exported (listed first).
  const used = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const p = run.pvolOf[i]!;
    if (run.reason[i] === EXPORTED && p >= 0 && !used.has(p)) used.set(p, 0);
  }
  const byVolser = [...used.keys()].sort((a, b) => encodeVolser(pvolAt(lib, a).volser) - encodeVolser(pvolAt(lib, b).volser));
  byVolser.forEach((p, k) => used.set(p, k + 1));
  const rank = new Uint32Array(n);
  const start = new Uint32Array(byVolser.length + 2);
  for (let i = 0; i < n; i++) {
    const p = run.pvolOf[i]!;
    rank[i] = run.reason[i] === EXPORTED && p >= 0 ? used.get(p)! : 0;
    start[rank[i]! + 1]!++;
  }
  for (let r = 1; r < start.length; r++) start[r]! += start[r - 1]!;
  const grouped = new Uint32Array(n);
  const fill = start.slice(0, start.length - 1);
  for (let i = 0; i < n; i++) grouped[fill[rank[i]!]!++] = i;
  const out = new Uint32Array(Math.min(n, limit));
  let k = 0;
  for (let r = 0; r < start.length - 1 && k < out.length; r++) {
    const bucket = grouped.subarray(start[r]!, start[r + 1]!);
    if (bucket.length < PACK) {
      const keys = new Float64Array(bucket.length);
      for (let j = 0; j < bucket.length; j++) keys[j] = cols.code[run.volumes[bucket[j]!]!]! * PACK + j;
      keys.sort();
      for (let j = 0; j < keys.length && k < out.length; j++) out[k++] = bucket[keys[j]! % PACK]!;
    } else {
      const sorted = Array.from(bucket).sort((a, b) => cols.code[run.volumes[a]!]! - cols.code[run.volumes[b]!]!);
      for (let j = 0; j < sorted.length && k < out.length; j++) out[k++] = sorted[j]!;
    }
  }
  return out;
}

export interface StatusView {
  header: string;
  recordCount: number;
  records: string[];
}

/** The export status file as the host would read it back: header, then up to `limit` records. */
export function statusFile(state: GridState, list: ExportListVolume, run: ExportRun | null, limit: number): StatusView {
  if (!run) return { header: (list.files[2][0] ?? '').trimEnd(), recordCount: 0, records: [] };
  const lib = libraryAt(state, run.cluster);
  const header = 'EXPORT STATUS 02';
  // An ended run's file is the one it wrote; a run still going shows the library as it is now.
  const kept = run.statusStacked ?? null;
  const physical = kept ? [] : copyExportedVolumes(lib);
  const records: string[] = [];
  const logicalOrder = recordOrder(state, run, lib, limit);
  for (const i of logicalOrder) {
    if (records.length >= limit) break;
    const { code, pvol, v } = exportEntry(run, i);
    records.push(logicalRecord(state.volumes.volser(v), code === EXPORTED && pvol >= 0 ? pvolAt(lib, pvol).volser : null, code));
  }
  for (const p of physical) {
    if (records.length >= limit) break;
    records.push(stackedVolumeRecord(p));
  }
  for (const r of kept?.records ?? []) {
    if (records.length >= limit) break;
    records.push(r);
  }
  return { header, recordCount: run.volumes.length + (kept ? kept.total : physical.length), records: records.map((r) => r.trimEnd()) };
}

/**
 * SHOW EXPORTSTATUS <volser> [VOLUME <volser>] [LIMIT <n>] (spec §10 shape, more fields beside): the
 * latest run of the list volume, or the run numbered `runId` (the Copy Export view's history).
 */
export function showExportStatus(state: GridState, volser: string, only: string | null, limit = DEFAULT_LIST_LIMIT, runId?: number) {
  const list = state.tape.exportLists.find((l) => l.volser === volser);
  if (!list) refuse('NOT_EXPORT_LIST', `${volser} holds no export list`);
  const run = runId === undefined ? latestRun(state, volser) : (state.tape.exports.find((r) => r.id === runId && r.listVolser === volser) ?? null);
  if (!run && runId !== undefined) refuse('NO_SUCH_EXPORT', `export run ${runId} did not use list volume ${volser}`);
  const volumes: Record<string, { exported: boolean; pvol: string | null; reason: string; code: string }> = {};
  const lib = run ? libraryAt(state, run.cluster) : null;
  if (run && lib) {
    const entry = (i: number) => {
      const { code, pvol } = exportEntry(run, i);
      return {
        exported: code === EXPORTED,
        pvol: pvol >= 0 && (code === EXPORTED || code === PENDING) ? pvolAt(lib, pvol).volser : null,
        reason: REASONS[code] ?? `REASON ${code}`,
        code: String(code).padStart(2, '0'),
      };
    };
    if (only !== null) {
      const v = state.volumes.find(only);
      let i = -1;
      for (let k = 0; k < run.volumes.length && v >= 0; k++) if (run.volumes[k] === v) i = k;
      if (i < 0) refuse('NOT_IN_EXPORT', `${only} was not part of the export for list volume ${volser}`);
      volumes[only] = entry(i);
    } else for (const [i, v] of run.volumes.subarray(0, Math.max(0, limit)).entries()) volumes[state.volumes.volser(v)] = entry(i);
  }
  const stacked = run && lib ? run.exportedPvols.map((id) => pvolAt(lib, id)) : [];
  return {
    volser,
    library: run?.library ?? state.clusters[list.cluster]?.name ?? null,
    pool: list.pool,
    option: list.eject ? 'EJECT' : 'HOLD',
    lmtdbpvl: list.lmtdbpvl,
    state: run?.state ?? 'not started',
    started: run ? isoTime(run.startedAt) : null,
    ended: run?.endedAt != null ? isoTime(run.endedAt) : null,
    requested: run?.requested ?? 0,
    exportable: run?.exportable ?? 0,
    exported: run?.exported ?? 0,
    stacked: run?.stacked ?? stacked.length,
    mbExported: run?.mbExported ?? 0,
    mbMoved: run?.mbMoved ?? 0,
    invalid: run?.invalid ?? 0,
    mounted: run?.mounted ?? 0,
    toCopy: run?.outstanding ?? 0,
    completion: run?.completion ?? null,
    stopReason: run?.stopReason ?? null,
    volumes,
    volumesListed: Object.keys(volumes).length,
    volumesTotal: run?.volumes.length ?? 0,
    stackedVolumes: stacked.map((p) => ({
      pvol: p.volser,
      pool: p.pool,
      format: p.format,
      media: p.media,
      mbWritten: mbWritten(p),
      utilization: percentUsed(p),
      time: p.exportedAt === null ? null : isoTime(p.exportedAt),
      dbBackup: p.dbBackup !== null,
      location: p.location,
    })),
    excludedStackedVolumes: run?.excludedPvols.map((e) => ({ pvol: e.volser, reason: REASONS[e.reason] ?? `REASON ${e.reason}` })) ?? [],
    dbBackupOn: run && lib ? run.dbPvols.filter((id) => pvolAt(lib, id).dbBackup !== null && pvolAt(lib, id).exportId === run.id).map((id) => pvolAt(lib, id).volser) : [],
    statusFile: statusFile(state, list, run, limit),
    exportListFile: list.files[0].map((r) => r.trimEnd()),
    reservedFile: list.files[1].map((r) => r.trimEnd()),
  };
}
