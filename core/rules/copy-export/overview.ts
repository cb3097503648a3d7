// The Copy Export view's data (issue 5 item 4): a read-only look at every tape-attached library —
// pools, stacked volumes with state and location, the copy-exported count against its limit — the
// export lists and export runs (newest first), and a planner that predicts, before LIBRARY EXPORT,
// what an export of a pool would take: stacked volumes, scratch cartridges, time, and what the
// library would refuse or warn about (Redbook §11.5.1, §11.6.2). Pure: nothing in the state changes.
// The shapes are those of contract/export-api.ts (exportOverview, exportPlan), field for field.

import type { GridState } from '../../world/state.js';
import { refuse } from '../../world/refusal.js';
import { isoTime, MB } from '../../sim/time.js';
import { DRIVE_BYTES_PER_MS, DRIVE_MOUNT_MS } from '../cache.js';
import { premigrationOf } from '../premigration-queue.js';
import { capacityOf, FORMAT_BYTES_PER_MS } from '../../world/tape/media.js';
import { removable } from '../physical/io-station.js';
import { copyExportedCount, countedHere, NO_PVOL, poolOf, scratchAvailable, utilization, type PhysicalLibrary, type PvolState, type StackedVolume } from '../../world/tape/library.js';
import { libraryOf } from '../physical/tape-state.js';
import { dbBackupBytes } from './db-backup.js';
import { COPY_TIME_LIMIT_MS, exportVerdict, ROBOT_MOVE_MS, scanExportSet } from './process.js';
import { activeRun, LOCK_DELAY_MS } from './routing.js';
import { PENDING } from '../../world/tape/export-types.js';
import { exportChecks } from './validation.js';
import { clusterAt } from '../../model/grid-lookup.js';

export interface PoolOverview {
  pool: number;
  media: string;
  format: string;
  copyExport: boolean;
  reclaimPool: number;
  reclaimThreshold: number;
  encryptKey: string | null;
  /** empty cartridges of the pool (POOLCNT EMPTY) */
  scratch: number;
  filling: number;
  full: number;
  erase: number;
  ror: number;
  unavailable: number;
  copyExported: number;
  activeMB: number;
  logicalVolumes: number;
}

export interface StackedVolumeOverview {
  pvol: string;
  pool: number;
  media: string;
  format: string;
  state: PvolState;
  /** library, export-hold, eject-pending, io-station, vault, standalone:<name> */
  location: string;
  activeMB: number;
  utilization: number;
  logicalVolumes: number;
  /** when it was copy exported, null when it was not */
  exported: string | null;
  dbBackup: boolean;
}

export interface ExportRunOverview {
  /** the run's number: its own status file is asked for by it */
  id: number;
  listVolser: string;
  library: string;
  pool: number;
  option: 'EJECT' | 'HOLD';
  lmtdbpvl: boolean;
  state: string;
  started: string;
  ended: string | null;
  requested: number;
  exportable: number;
  exported: number;
  stacked: number;
  mbExported: number;
  mbMoved: number;
  toCopy: number;
  completion: string | null;
  stopReason: string | null;
}

export interface LibraryOverview {
  cluster: string;
  status: string;
  drives: number;
  drivesAvailable: number;
  ioStation: { present: boolean; full: boolean; held: number; slots: number };
  copyExportLimit: number;
  copyExported: number;
  pools: PoolOverview[];
  /** up to `stackedLimit`, copy-exported and Copy Export pool volumes first */
  stackedVolumes: StackedVolumeOverview[];
  stackedVolumesTotal: number;
  /** copy-exported cartridges out of the library: what SAVE EXPORTSET writes */
  ejectedCopyExported: number;
}

export interface ExportOverview {
  time: string;
  libraries: LibraryOverview[];
  exportLists: { volser: string; library: string; pool: number; option: 'EJECT' | 'HOLD'; lmtdbpvl: boolean; written: string; runs: number }[];
  /** newest first */
  exports: ExportRunOverview[];
  /** the export list volume of the run in progress */
  activeExport: string | null;
  insertInProgress: boolean;
}

export interface ExportPlan {
  cluster: string;
  pool: number;
  /** the §11.6.5 statistics the export would report, before it runs */
  requested: number;
  exportable: number;
  mounted: number;
  invalid: number;
  toCopyFromCache: number;
  mbToExport: number;
  mbToCopy: number;
  stackedVolumes: { existing: number; new: number; total: number };
  scratch: { needed: number; available: number; short: number };
  copyExported: { now: number; after: number; limit: number };
  seconds: { copy: number; databaseBackup: number; eject: number; total: number };
  checks: { level: 'error' | 'warning'; code: string; message: string; source: string }[];
  planner: string;
  /**
   * With an export list volume: what LIBRARY EXPORT,<volser> would answer now, from the very checks
   * it makes (issue 12 item 9): `accepted`, or `refused` with its error code.
   */
  verdict?: { listVolser: string; outcome: 'accepted' | 'refused'; code: string | null; message: string | null };
}

export const DEFAULT_STACKED_LIMIT = 500;
export const PLANNER = 'core/rules/copy-export/overview.ts';

/** The Copy Export view's whole picture at the current simulated time. */
export function exportOverview(state: GridState, options: { stackedLimit?: number } = {}): ExportOverview {
  const limit = options.stackedLimit ?? DEFAULT_STACKED_LIMIT;
  const libraries: LibraryOverview[] = [];
  for (const cluster of state.clusters) {
    const lib = libraryOf(state, cluster.index);
    if (lib) libraries.push(libraryOverview(state, cluster.index, lib, limit));
  }
  const run = activeRun(state);
  return {
    time: isoTime(state.now),
    libraries,
    exportLists: state.tape.exportLists.map((l) => ({
      volser: l.volser,
      library: state.clusters[l.cluster]?.name ?? String(l.cluster),
      pool: l.pool,
      option: l.eject ? 'EJECT' : 'HOLD',
      lmtdbpvl: l.lmtdbpvl,
      written: isoTime(l.writtenAt),
      runs: state.tape.exports.filter((r) => r.listVolser === l.volser).length,
    })),
    exports: [...state.tape.exports].reverse().map((r) => ({
      id: r.id,
      listVolser: r.listVolser,
      library: r.library,
      pool: r.pool,
      option: r.eject ? 'EJECT' : 'HOLD',
      lmtdbpvl: r.lmtdbpvl,
      state: r.state,
      started: isoTime(r.startedAt),
      ended: r.endedAt === null ? null : isoTime(r.endedAt),
      requested: r.requested,
      exportable: r.exportable,
      exported: r.exported,
      stacked: r.stacked,
      mbExported: r.mbExported,
      mbMoved: r.mbMoved,
      toCopy: r.outstanding,
      completion: r.completion,
      stopReason: r.stopReason,
    })),
    activeExport: run ? run.listVolser : null,
    insertInProgress: state.tape.insertUntil > state.now,
  };
}

function inLibraryCount(p: StackedVolume): boolean {
  return countedHere(p);
}

function libraryOverview(state: GridState, c: number, lib: PhysicalLibrary, limit: number): LibraryOverview {
  const cluster = clusterAt(state, c);
  const pools = new Map<number, PoolOverview>();
  for (const p of lib.pools) {
    pools.set(p.number, {
      pool: p.number,
      media: p.media,
      format: p.format,
      copyExport: p.copyExport,
      reclaimPool: p.reclaimPool,
      reclaimThreshold: p.reclaimThreshold,
      encryptKey: p.encryptKey,
      scratch: p.scratch,
      filling: 0,
      full: 0,
      erase: 0,
      ror: 0,
      unavailable: 0,
      copyExported: 0,
      activeMB: 0,
      logicalVolumes: 0,
    });
  }
  let ejected = 0;
  let total = 0;
  const activeBytes = new Map<PoolOverview, number>();
  for (const p of lib.pvols) {
    if (!inLibraryCount(p)) continue;
    total++;
    if (p.state === 'copy-exported' && removable(p)) ejected++;
    const row = pools.get(p.pool);
    if (!row) continue;
    if (p.state === 'empty') row.scratch++;
    else if (p.state === 'copy-exported') row.copyExported++;
    else row[p.state]++;
    row.logicalVolumes += p.activeCount;
    activeBytes.set(row, (activeBytes.get(row) ?? 0) + p.activeBytes);
  }
  for (const [row, bytes] of activeBytes) row.activeMB = Math.trunc(bytes / MB);
  // The volumes the view is about first: copy-exported ones, then those of Copy Export pools.
  const rank = (p: StackedVolume) => (p.state === 'copy-exported' ? 0 : poolOf(lib, p.pool)?.copyExport ? 1 : 2);
  const listed = lib.pvols
    .filter(inLibraryCount)
    .sort((a, b) => rank(a) - rank(b) || a.id - b.id)
    .slice(0, limit)
    .map((p) => ({
      pvol: p.volser,
      pool: p.pool,
      media: p.media,
      format: p.format,
      state: p.state,
      location: p.location,
      activeMB: Math.trunc(p.activeBytes / MB),
      utilization: utilization(p),
      logicalVolumes: p.activeCount,
      exported: p.exportedAt === null ? null : isoTime(p.exportedAt),
      dbBackup: p.dbBackup !== null,
    }));
  return {
    cluster: cluster.name,
    status: cluster.status,
    drives: cluster.drives,
    drivesAvailable: cluster.drivesAvailable,
    ioStation: { present: lib.ioStation.present, full: lib.ioStation.full, held: lib.ioStation.held.length, slots: lib.ioStation.slots },
    copyExportLimit: lib.copyExportLimit,
    copyExported: copyExportedCount(lib),
    pools: [...pools.values()],
    stackedVolumes: listed,
    stackedVolumesTotal: total,
    ejectedCopyExported: ejected,
  };
}

/**
 * Lanes of equal drives working through jobs in order, each job on the first lane free: the makespan.
 * `busy`: milliseconds each lane still needs for the work already on it.
 */
function makespan(jobs: number[], lanes: number, busy: number[] = []): number {
  const free = new Float64Array(Math.max(1, lanes));
  busy.slice(0, free.length).forEach((ms, i) => (free[i] = ms));
  let end = 0;
  for (const ms of jobs) {
    // The first lane free soonest takes the job.
    let k = 0;
    let soonest = Infinity;
    free.forEach((t, i) => {
      if (t < soonest) {
        soonest = t;
        k = i;
      }
    });
    const done = soonest + ms;
    free[k] = done;
    if (done > end) end = done;
  }
  return end;
}

/**
 * What LIBRARY EXPORT of `pool` on `cluster` would take if issued now (Redbook §11.6.2: "check that
 * the TS7700 ... has the required physical drives and scratch physical volume resources ... [and] is
 * not near the limit"). Follows the engine's own rules: the export set of §11.5.1, cache-only volumes
 * pre-migrated on the available drives, the locked stacked volumes less those §11.5.1 excludes, the
 * database backup on each (with `lmtdbpvl`, the first two and last two), one robot move each.
 */
export function planExport(state: GridState, clusterRef: number | string, poolNumber: number, options: { lmtdbpvl?: boolean | undefined; listVolser?: string | undefined } = {}): ExportPlan {
  const plan = planPool(state, clusterRef, poolNumber, options);
  if (options.listVolser === undefined) return plan;
  const { refusal } = exportVerdict(state, options.listVolser);
  plan.verdict = { listVolser: options.listVolser, outcome: refusal ? 'refused' : 'accepted', code: refusal?.code ?? null, message: refusal?.message ?? null };
  if (refusal && !plan.checks.some((x) => x.level === 'error' && x.code === refusal.code)) {
    plan.checks.unshift({ level: 'error', code: refusal.code, message: refusal.message, source: 'LIBRARY EXPORT' });
  }
  return plan;
}

function planPool(state: GridState, clusterRef: number | string, poolNumber: number, options: { lmtdbpvl?: boolean | undefined } = {}): ExportPlan {
  const c = typeof clusterRef === 'number' ? clusterRef : state.clusters.findIndex((x) => x.name === clusterRef);
  const cluster = state.clusters[c];
  if (!cluster) refuse('NO_SUCH_CLUSTER', `no cluster ${String(clusterRef)} in the grid`);
  const checks = exportChecks(state, c, poolNumber).map(({ stage: _stage, ...check }) => check);
  const lib = libraryOf(state, c);
  const pool = lib ? poolOf(lib, poolNumber) : undefined;
  const empty: ExportPlan = {
    cluster: cluster.name,
    pool: poolNumber,
    requested: 0,
    exportable: 0,
    mounted: 0,
    invalid: 0,
    toCopyFromCache: 0,
    mbToExport: 0,
    mbToCopy: 0,
    stackedVolumes: { existing: 0, new: 0, total: 0 },
    scratch: { needed: 0, available: 0, short: 0 },
    copyExported: { now: lib ? copyExportedCount(lib) : 0, after: lib ? copyExportedCount(lib) : 0, limit: lib?.copyExportLimit ?? 0 },
    seconds: { copy: 0, databaseBackup: 0, eject: 0, total: 0 },
    checks,
    planner: PLANNER,
  };
  if (!lib || !pool) return empty;
  const warn = (code: string, source: string, message: string) => checks.push({ level: 'warning', code, message, source });
  const scan = scanExportSet(state, lib, c, poolNumber);

  // Copy phase (E0016–E0017): what is queued for pre-migration drains first, then the copies made
  // for the export; the run reaches its stacked volumes when the last export-set copy lands.
  const toCopy = new Uint8Array(state.volumes.count);
  const copyJobs: number[] = [];
  const sizes: number[] = [];
  scan.volumes.forEach((v, i) => {
    if (scan.reason[i] === PENDING && (scan.pvolOf[i] ?? NO_PVOL) < 0) toCopy[v] = 1;
  });
  const queue = premigrationOf(state, c);
  const level = state.volumes.copyLevels(c);
  const queuedLevels = queue.level.values();
  const sizeOf = (v: number) => state.volumes.get(v, 'sizeBytes');
  let last = -1;
  queue.volume.values().forEach((v, k) => {
    if (level[v] !== queuedLevels[k]) return;
    copyJobs.push(DRIVE_MOUNT_MS + Math.ceil(sizeOf(v) / DRIVE_BYTES_PER_MS));
    if (toCopy[v]) {
      toCopy[v] = 0;
      sizes.push(sizeOf(v));
      last = copyJobs.length;
    }
  });
  for (const v of scan.missingSecondary) {
    if (!toCopy[v]) continue;
    toCopy[v] = 0;
    copyJobs.push(DRIVE_MOUNT_MS + Math.ceil(sizeOf(v) / DRIVE_BYTES_PER_MS));
    sizes.push(sizeOf(v));
    last = copyJobs.length;
  }
  // Pre-migrations on a drive now: their lanes are busy until they land; export-set ones among them
  // end the copy phase no earlier than that.
  const busy: number[] = [];
  let inFlightEnd = 0;
  for (const e of state.events.toJSON().events) {
    if (e.kind !== 'premigrated' || e.args[0] !== c) continue;
    const [, v, queuedLevel] = e.args;
    busy.push(e.time - state.now);
    if (v !== undefined && toCopy[v] && level[v] === queuedLevel) {
      toCopy[v] = 0;
      sizes.push(sizeOf(v));
      inFlightEnd = Math.max(inFlightEnd, e.time - state.now);
    }
  }
  // Export-set copies found nowhere else (their pre-migration is still to be queued).
  for (const v of scan.volumes) {
    if (!toCopy[v]) continue;
    copyJobs.push(DRIVE_MOUNT_MS + Math.ceil(sizeOf(v) / DRIVE_BYTES_PER_MS));
    sizes.push(sizeOf(v));
    last = copyJobs.length;
  }
  const lanes = Math.max(1, cluster.drivesAvailable);
  const copyMs = Math.max(
    inFlightEnd,
    last < 0
      ? 0
      : makespan(
          copyJobs.slice(0, last),
          lanes,
          busy.sort((a, b) => a - b),
        ),
  );

  // Stacked volumes: those the run would lock and keep, and new ones for the copies.
  let existing = 0;
  let primaryHolders = 0;
  let activeBytes = 0;
  let fillingRoom: { written: number; capacity: number } | null = null;
  for (const p of lib.pvols) {
    if (p.pool !== poolNumber || p.location !== 'library' || p.lockedBy >= 0) continue;
    if (p.state === 'copy-exported' || p.state === 'empty' || p.state === 'erase') continue;
    if (p.activeCount === 0 && p.id !== pool.filling) continue;
    if (p.id === pool.filling && p.state === 'filling') fillingRoom = { written: p.writtenBytes, capacity: p.capacityBytes };
    if (p.state === 'unavailable' || p.primaryCount > 0) {
      primaryHolders += p.primaryCount > 0 ? 1 : 0;
      continue;
    }
    if (p.activeCount > 0) existing++;
    activeBytes += p.activeBytes;
  }
  const capacity = capacityOf(pool.format, pool.media) ?? 1;
  let fresh = 0;
  let written = fillingRoom ? fillingRoom.written : -1;
  let room = fillingRoom ? fillingRoom.capacity : 0;
  let usedFilling = false;
  for (const bytes of sizes) {
    if (written < 0 || (written > 0 && written + bytes > room)) {
      fresh++;
      written = 0;
      room = capacity;
    } else if (fillingRoom && fresh === 0) usedFilling = true;
    written += bytes;
  }
  // The volume being filled counts once: as existing when it held data, else it joins the run now.
  if (usedFilling && fillingRoom && fillingRoom.written === 0) existing++;
  const bytesToCopy = sizes.reduce((s, b) => s + b, 0);
  const totalPvols = existing + fresh;
  const nowExported = copyExportedCount(lib);
  const roomLeft = Math.max(0, lib.copyExportLimit - nowExported);
  const exportingPvols = Math.min(totalPvols, roomLeft);
  const available = scratchAvailable(lib, poolNumber);

  // Stacked volume phase: a robot move each, the database backup on the chosen ones, drives in parallel.
  const inventory = state.volumes.count;
  const dbMs = 2 * DRIVE_MOUNT_MS + Math.ceil(dbBackupBytes({ inventory }) / FORMAT_BYTES_PER_MS[pool.format] / 1000) * 1000;
  const dbCount = options.lmtdbpvl && exportingPvols > 4 ? 4 : exportingPvols;
  const pvolJobs: number[] = [];
  for (let i = 0; i < exportingPvols; i++) {
    const withDb = options.lmtdbpvl && exportingPvols > 4 ? i < 2 || i >= exportingPvols - 2 : true;
    pvolJobs.push(ROBOT_MOVE_MS + (withDb ? dbMs : 0));
  }
  const pvolLanes = Math.max(1, Math.min(cluster.drivesAvailable, exportingPvols));
  const pvolMs = exportingPvols > 0 ? makespan(pvolJobs, pvolLanes) : 0;
  const share = pvolJobs.length > 0 ? pvolMs / pvolJobs.reduce((s, x) => s + x, 0) : 0;
  const dbSeconds = (dbCount * dbMs * share) / 1000;
  const ejectSeconds = (exportingPvols * ROBOT_MOVE_MS * share) / 1000;

  if (scan.mounted > 0) warn('MOUNTED', '§11.5.1', `${scan.mounted} logical volume(s) are mounted: "Volumes that are currently mounted cannot be Copy Exported"`);
  if (scan.invalid > 0)
    warn('E0024', '§11.5.1, §11.5.4', `${scan.invalid} logical volume(s) of the pool have no valid copy on ${cluster.name} yet (E0024): they are left out until their copies complete`);
  if (primaryHolders > 0) warn('PRIMARY_ON_PVOL', '§11.5.1', `${primaryHolders} stacked volume(s) of pool ${poolNumber} hold primary copies: they and their secondary copies are excluded`);
  if (available < fresh) {
    warn('SCRATCH_SHORT', '§11.5.1, §11.5.4', `${fresh} scratch stacked volume(s) needed, ${available} available: the export waits (E0013 every 5 minutes) and ends after 60 minutes (E0015)`);
  }
  if (totalPvols > roomLeft) {
    warn(
      'LIMIT_REACHED',
      '§11.5.1, §11.6.2 step 3',
      `${totalPvols} stacked volume(s) to export, room for ${roomLeft} under the copy-exported limit of ${lib.copyExportLimit}: the rest stay in the library`,
    );
  }
  if (copyMs > COPY_TIME_LIMIT_MS) warn('E0018', '§11.5.4', `copying from cache would take ${Math.round(copyMs / 3_600_000)} hours: the export ends after 10 hours (E0018)`);
  if (scan.volumes.length === 0) warn('NOTHING_NEW', '§11.5.1', `no logical volume of pool ${poolNumber} is new or changed since the last export`);

  const mbToExport = Math.trunc((activeBytes + bytesToCopy) / MB);
  const total = copyMs + LOCK_DELAY_MS + pvolMs;
  return {
    ...empty,
    requested: scan.volumes.length,
    exportable: scan.exportable,
    mounted: scan.mounted,
    invalid: scan.invalid,
    toCopyFromCache: sizes.length,
    mbToExport,
    mbToCopy: Math.trunc(bytesToCopy / MB),
    stackedVolumes: { existing, new: fresh, total: totalPvols },
    scratch: { needed: fresh, available, short: Math.max(0, fresh - available) },
    copyExported: { now: nowExported, after: nowExported + exportingPvols, limit: lib.copyExportLimit },
    seconds: { copy: Math.round(copyMs / 1000), databaseBackup: Math.round(dbSeconds), eject: Math.round(ejectSeconds), total: Math.round(total / 1000) },
    checks,
  };
}
