// The Copy Export operation (Redbook §11.5, §11.6.3–§11.6.5): LIBRARY EXPORT validates and starts a
// run; simulated time carries it through copying cache-only volumes to stacked volumes (E0016/E0017,
// E0013 scratch waits, E0018 after 10 hours), the database backup and eject or export-hold of each
// stacked volume (E0006, E0021/E0026), and completion (E0020, E0005, CBR3855I/CBR3856I). One run at
// a time; its state is part of the grid state and its timers are simulated events, so a restored
// checkpoint carries on where it stopped.

import type { GridState } from '../../world/state.js';
import { refuse } from '../../world/refusal.js';
import { NO_COPY, NOT_MOUNTED } from '../../model/volumes.js';
import type { FiredEvent } from '../../world/events.js';
import { MB } from '../../sim/time.js';
import { whole, type Sliced } from '../../sim/work-slices.js';
import { DRIVE_MOUNT_MS, isInCache, pumpPremigration } from '../cache.js';
import { premigrationOf } from '../premigration-queue.js';
import { copyExportedCount, poolOf, returnToScratch, type PhysicalLibrary, type StackedVolume, pvolAt, definedPool, NO_PVOL } from '../../world/tape/library.js';
import { FORMAT_BYTES_PER_MS } from '../../world/tape/media.js';
import { eject } from '../physical/io-station.js';
import { placementOf, libraryAt, databaseAt } from '../physical/tape-state.js';
import { retryWaiting, secondaryPoolOf } from '../physical/stacked.js';
import { dbBackupBytes, takeDbBackup } from './db-backup.js';
import { snapshotStatusFile } from './status-records.js';
import { exportChecks, MIN_EXPORT_DRIVES, type ExportCheck } from './validation.js';
import { hostMessage, libraryMessage, pool2 } from './messages.js';
import { TrailKind } from '../../model/volume-trail.js';
import { activeRun, LOCK_DELAY_MS, noteResumed, slotOf } from './routing.js';
import {
  CANCELED,
  EXPORTED,
  LIMIT_REACHED,
  MOUNTED,
  NO_VALID_COPY,
  NOT_COPIED,
  PENDING,
  PRIMARY_ON_PVOL,
  PRIMARY_UNAVAILABLE,
  PVOL_UNAVAILABLE,
  TERMINATED,
  type ExportRun,
  type ExportState,
} from '../../world/tape/export-types.js';
import { clusterAt } from '../../model/grid-lookup.js';

export { MIN_EXPORT_DRIVES };
/** E0013 "every five minutes"; E0016 "every 10 minutes"; E0015 after 60 minutes; E0018 after 10 hours. */
export const TICK_MS = 5 * 60_000;
export const COPY_MESSAGE_MS = 10 * 60_000;
export const SCRATCH_WAIT_LIMIT_MS = 60 * 60_000;
export const COPY_TIME_LIMIT_MS = 10 * 3_600_000;
/** Accessor move of a cartridge to export-hold or the I/O station. */
export const ROBOT_MOVE_MS = 10_000;
/** From the first E0022 to E0023: the restarted library cleans the run up. */
export const EXPORT_RECOVERY_MS = 2 * 60_000;

function runLibrary(state: GridState, run: ExportRun): PhysicalLibrary {
  return libraryAt(state, run.cluster);
}

export interface ExportVerdict {
  /** the first refusal LIBRARY EXPORT gives, in its order; null when it would start */
  refusal: { code: string; message: string } | null;
  /** the exporting cluster and pool, when the export list volume names them */
  cluster: number;
  pool: number;
}

/**
 * Every check LIBRARY EXPORT,<volser> makes, in its order (Redbook §11.5.1, §11.5.2, §11.6.2,
 * §11.6.3): the one set the Copy Export planner also answers with (issue 12 item 9), so a plan that
 * approves is an export that starts, and a plan that refuses names LIBRARY EXPORT's own code.
 */
export function exportVerdict(state: GridState, volser: string): ExportVerdict {
  const no = (code: string, message: string, cluster = -1, pool = -1): ExportVerdict => ({ refusal: { code, message }, cluster, pool });
  const list = state.tape.exportLists.find((l) => l.volser === volser);
  const v = state.volumes.find(volser);
  if (v < 0) return no('NO_SUCH_VOLUME', `${volser} is not in the grid`);
  const level = state.volumes.get(v, 'level');
  // Redbook §11.6.3 step 3: routed to the TS7700 where the export list volume resides; §11.5.2: it
  // must be valid on that one only.
  const holders = state.clusters.filter((c) => state.volumes.copyLevelOf(c.index, v) === level && level > 0);
  if (holders.length > 1) {
    return no('FUNCTION_INCOMPATIBLE', `ERROR CODE 32: ${volser} has a valid copy on ${holders.map((c) => c.name).join(' and ')}; the export list volume must be valid on the exporting cluster only`);
  }
  const [holder] = holders;
  if (holder === undefined) return no('NO_VALID_COPY', `${volser} has no valid copy in the grid`);
  if (!list || list.level !== level) return no('NOT_EXPORT_LIST', `${volser} does not hold an export list (write one with EXPORTLIST)`);
  const c = holder.index;
  const checks = exportChecks(state, c, list.pool);
  const first = (stage: ExportCheck['stage']) => checks.find((x) => x.stage === stage && x.level === 'error');
  const refusal = first('pool');
  if (refusal) return no(refusal.code, refusal.message, c, list.pool);
  const lib = libraryAt(state, c);
  // Redbook §11.5.1: "The export list file volume cannot be assigned to the secondary copy pool that is
  // specified for the operation. If it is, the Copy Export operation will fail."
  const listPool = secondaryPoolOf(state, lib, v);
  const at = placementOf(state, c);
  const onPool = [at.primary[v], at.secondary[v]].some((p) => p !== undefined && p >= 0 && pvolAt(lib, p).pool === list.pool);
  if (listPool === list.pool || list.pool === 1 || onPool) {
    return no('EXPORT_LIST_IN_POOL', `export list volume ${volser} is assigned to pool ${list.pool}, the pool being exported`, c, list.pool);
  }
  // Redbook §11.5.1: the I/O station, four drives, the copy-exported limit (§11.6.2 steps 2–3).
  const short = first('resources');
  if (short) return no(short.code, short.message, c, list.pool);
  return { refusal: null, cluster: c, pool: list.pool };
}

/** Logical volumes LIBRARY EXPORT looks at between two progress reports: a few tens of milliseconds. */
export const EXPORT_SCAN_SLICE = 262_144;

/** LIBRARY EXPORT,<volser>: routed to the cluster holding the export list volume, validated, started. */
export function startExport(state: GridState, volser: string) {
  return whole(startExportSlices(state, volser));
}

/**
 * startExport() yielding the logical volumes scanned for the export set between slices. Nothing in
 * the grid changes until the scan is done, so a Cancel there (Session.abandonRun) is safe.
 */
export function* startExportSlices(state: GridState, volser: string, slice = EXPORT_SCAN_SLICE) {
  const verdict = exportVerdict(state, volser);
  if (verdict.refusal) {
    if (verdict.refusal.code === 'FUNCTION_INCOMPATIBLE') hostMessage(state, 'CBR3726I', '32', state.name ?? 'GRID', volser);
    refuse(verdict.refusal.code, verdict.refusal.message);
  }
  const list = state.tape.exportLists.find((l) => l.volser === volser);
  if (!list) throw new Error(`export list ${volser} passed the checks but is gone`);
  const c = verdict.cluster;
  const lib = libraryAt(state, c);
  const run = yield* selectExportSet(state, lib, c, list.pool, volser, list.eject, list.lmtdbpvl, slice);
  state.tape.exports.push(run);
  state.tape.activeExport = state.tape.exports.length - 1;
  lockPool(lib, run);
  libraryMessage(state, run.library, 'E0000', volser);
  libraryMessage(state, run.library, 'E0019', pool2(run.pool));
  if (run.invalid > 0) libraryMessage(state, run.library, 'E0024', String(run.invalid), run.library);
  retryWaiting(state, c);
  if (run.outstanding > 0 && run.state === 'premigrating') {
    run.copyStartedAt = state.now;
    libraryMessage(state, run.library, 'E0016');
    state.events.push(state.now + TICK_MS, { kind: 'ce-tick', args: [run.id, run.generation] });
    pumpPremigration(state, c);
  } else if (run.state === 'premigrating') {
    run.state = 'exporting';
    state.events.push(state.now + LOCK_DELAY_MS, { kind: 'ce-lock', args: [run.id, run.generation] });
  }
  return { volser, library: run.library, pool: run.pool, state: run.state, requested: run.requested, exportable: run.exportable, invalid: run.invalid, toCopy: run.outstanding };
}

/** What an export of a pool would take, computed without changing anything (LIBRARY EXPORT and the planner). */
export interface ExportSetScan {
  /** volume numbers of the export set (the requested volumes), ascending */
  volumes: Int32Array;
  reason: Uint8Array;
  pvolOf: Int32Array;
  exportable: number;
  invalid: number;
  mounted: number;
  /** cache-only (or secondary-less) volumes to copy to the pool first */
  outstanding: number;
  bytesToCopy: number;
  /** on tape with a valid primary copy but no secondary: the second copy is made from the primary */
  missingSecondary: number[];
}

/**
 * The export set (Redbook §11.5.1, §11.6.5): logical volumes associated with the pool — not those
 * exported before and unchanged since; exportable when valid on the cluster; mounted ones left out;
 * cache-only ones to be copied to the pool first.
 */
export function scanExportSet(state: GridState, lib: PhysicalLibrary, c: number, pool: number): ExportSetScan {
  return whole(scanExportSetSlices(state, lib, c, pool));
}

/** scanExportSet() yielding the logical volumes looked at of the grid's every `slice` volumes. */
export function* scanExportSetSlices(state: GridState, lib: PhysicalLibrary, c: number, pool: number, slice = EXPORT_SCAN_SLICE): Sliced<ExportSetScan> {
  const cols = state.volumes.cols;
  const pl = placementOf(state, c);
  const n = state.volumes.count;
  const mcPool = new Int16Array(256).fill(-1);
  const mcNoCopy = new Uint8Array(256);
  state.mcs.forEach((m, i) => {
    if (m.secondaryPool !== null) mcPool[i] = m.secondaryPool;
    mcNoCopy[i] = (m.modes[c] ?? 'N') === 'N' ? 1 : 0;
  });
  const exportedState = new Uint8Array(lib.pvols.length);
  for (const p of lib.pvols) if (p.state === 'copy-exported') exportedState[p.id] = 1;
  const copyLevel = copyLevelOf(state, c);
  const level = cols.level;
  const mc = cols.mc;
  const secondary = pl.secondary;
  const tapeLevel = pl.tapeLevel;
  const picked = new Int32Array(n);
  let count = 0;
  for (let v = 0; v < n; v++) {
    if (v % slice === 0 && v > 0) yield { done: v, total: n, unit: 'logical volumes' };
    const m = mc[v]!;
    if (mcPool[m] !== pool || level[v] === 0) continue;
    const copy = copyLevel[v]!;
    if (copy === NO_COPY && mcNoCopy[m]) continue; // not meant to be on this cluster
    const sec = secondary[v]!;
    // Previously exported and unchanged: not requested again (Redbook §11.5.1, §11.6.5). A volume
    // modified elsewhere since, whose copy here is behind, is requested (and found invalid: E0024).
    if (sec >= 0 && exportedState[sec] && tapeLevel[v] === copy && copy === level[v]) continue;
    picked[count++] = v;
  }
  const volumes = picked.slice(0, count);
  const reason = new Uint8Array(count).fill(PENDING);
  const pvolOf = new Int32Array(count).fill(-1);
  let exportable = 0;
  let invalid = 0;
  let mounted = 0;
  let outstanding = 0;
  let bytesToCopy = 0;
  const missingSecondary: number[] = [];
  for (let i = 0; i < count; i++) {
    const v = volumes[i]!;
    const copy = copyLevel[v]!;
    if (copy !== level[v]) {
      reason[i] = NO_VALID_COPY;
      invalid++;
      continue;
    }
    exportable++;
    // Redbook §11.5.1: "Volumes that are currently mounted cannot be Copy Exported."
    if (cols.mountedOn[v] !== NOT_MOUNTED) {
      reason[i] = MOUNTED;
      mounted++;
      continue;
    }
    if (tapeLevel[v] === copy && secondary[v]! >= 0) pvolOf[i] = secondary[v]!;
    else {
      outstanding++;
      bytesToCopy += cols.sizeBytes[v]!;
      if (tapeLevel[v] === copy && pl.primary[v]! >= 0) missingSecondary.push(v);
    }
  }
  return { volumes, reason, pvolOf, exportable, invalid, mounted, outstanding, bytesToCopy, missingSecondary };
}

function copyLevelOf(state: GridState, c: number): Int32Array {
  return state.volumes.copyLevels(c);
}

function* selectExportSet(state: GridState, lib: PhysicalLibrary, c: number, pool: number, listVolser: string, ejectOption: boolean, lmtdbpvl: boolean, slice: number): Sliced<ExportRun> {
  const scan = yield* scanExportSetSlices(state, lib, c, pool, slice);
  const { volumes, reason, pvolOf, exportable, invalid, mounted, outstanding } = scan;
  const count = volumes.length;
  // Volumes on tape without their secondary copy get one made from the primary (through pre-migration).
  const queue = premigrationOf(state, c);
  for (const v of scan.missingSecondary) {
    queue.volume.push(v);
    queue.level.push(state.volumes.copyLevelOf(c, v));
  }
  return {
    id: state.tape.exports.length,
    listVolser,
    cluster: c,
    library: clusterAt(state, c).name,
    pool,
    eject: ejectOption,
    lmtdbpvl,
    state: 'premigrating',
    generation: 0,
    startedAt: state.now,
    endedAt: null,
    requested: count,
    exportable,
    exported: 0,
    stacked: 0,
    mbExported: 0,
    mbMoved: 0,
    invalid,
    mounted,
    outstanding,
    copyStartedAt: null,
    copyEndedAt: null,
    scratchWaitSince: null,
    queue: [],
    inFlight: [],
    exportedPvols: [],
    excludedPvols: [],
    dbPvols: [],
    database: null,
    stopRequested: null,
    stopReason: null,
    interruptedIn: null,
    statusStacked: null,
    completion: null,
    volumes,
    reason,
    pvolOf,
  };
}

/**
 * Copy Export User's Guide: "The physical volumes associated with the secondary physical volume pool
 * that have active data on them ... are locked for the operation"; cache-only export volumes go only
 * to the locked volumes, later data of the pool to others.
 */
function lockPool(lib: PhysicalLibrary, run: ExportRun): void {
  const pool = definedPool(lib, run.pool);
  for (const p of lib.pvols) {
    if (p.pool !== run.pool || p.location !== 'library' || p.lockedBy >= 0) continue;
    if (p.state === 'copy-exported' || p.state === 'empty' || p.state === 'erase') continue;
    if (p.activeCount > 0 || p.id === pool.filling) p.lockedBy = run.id;
  }
  if (pool.filling >= 0 && pvolAt(lib, pool.filling).lockedBy === run.id) {
    pool.exportFilling = pool.filling;
    pool.filling = -1;
  }
}

function liveRun(state: GridState, args: number[]): ExportRun | null {
  const [id, generation] = args;
  const run = id === undefined ? undefined : state.tape.exports[id];
  if (!run || run.generation !== generation || state.tape.activeExport !== run.id) return null;
  return run;
}

function waitingForScratch(lib: PhysicalLibrary, run: ExportRun): boolean {
  for (const v of lib.waiting.volume) {
    const i = slotOf(run, v);
    if (i >= 0 && (run.pvolOf[i] ?? NO_PVOL) < 0 && run.reason[i] === PENDING) return true;
  }
  return false;
}

export function onCeTick(state: GridState, event: FiredEvent<'ce-tick'>): void {
  const run = liveRun(state, event.args);
  if (!run || run.state !== 'premigrating') return;
  const lib = runLibrary(state, run);
  if (state.now - run.startedAt >= COPY_TIME_LIMIT_MS) {
    libraryMessage(state, run.library, 'E0018');
    run.stopReason = 'E0018 excessive time for copy to stacked volumes';
    finish(state, run, 'terminated');
    return;
  }
  if (waitingForScratch(lib, run)) {
    if (run.scratchWaitSince === null) run.scratchWaitSince = state.now;
    if (state.now - run.scratchWaitSince >= SCRATCH_WAIT_LIMIT_MS) {
      libraryMessage(state, run.library, 'E0015');
      run.stopReason = 'E0015 no scratch stacked volume within 60 minutes';
      finish(state, run, 'terminated');
      return;
    }
    libraryMessage(state, run.library, 'E0013');
  } else {
    noteResumed(state, run);
    if ((state.now - (run.copyStartedAt ?? run.startedAt)) % COPY_MESSAGE_MS === 0) libraryMessage(state, run.library, 'E0016');
  }
  state.events.push(state.now + TICK_MS, { kind: 'ce-tick', args: [run.id, run.generation] });
}

export function onCeLock(state: GridState, event: FiredEvent<'ce-lock'>): void {
  const run = liveRun(state, event.args);
  if (run && run.state === 'exporting') beginStackedVolumes(state, run);
}

/**
 * Stacked volume processing: the locked volumes of the pool, less those the Redbook excludes, each
 * gets the database backup (LMTDBPVL: two first and two last by VOLSER) and is ejected or held.
 */
function beginStackedVolumes(state: GridState, run: ExportRun): void {
  const lib = runLibrary(state, run);
  const pool = definedPool(lib, run.pool);
  const pl = placementOf(state, run.cluster);
  const locked = lib.pvols.filter((p) => p.lockedBy === run.id);
  const referenced = new Uint8Array(lib.pvols.length);
  for (const p of run.pvolOf) if (p >= 0) referenced[p] = 1;
  // "If a physical volume is only partially full ... its status will be changed to full".
  for (const p of locked) {
    if (p.state === 'filling') {
      p.state = 'full';
      p.filledAt = state.now;
    }
  }
  if (pool.exportFilling >= 0) pool.exportFilling = -1;
  // E0025: a migrated volume whose primary copy is unavailable keeps its secondary's stacked volume home.
  const primaryUnavailable = new Map<number, string>();
  const n = state.volumes.count;
  for (let v = 0; v < n; v++) {
    const s = pl.secondary[v] ?? NO_PVOL;
    if (s < 0 || pvolAt(lib, s).lockedBy !== run.id || primaryUnavailable.has(s)) continue;
    const p = pl.primary[v] ?? NO_PVOL;
    if (p >= 0 && pvolAt(lib, p).state === 'unavailable' && !isInCache(state, run.cluster, v)) primaryUnavailable.set(s, state.volumes.volser(v));
  }
  let room = lib.copyExportLimit - copyExportedCount(lib);
  const queue: StackedVolume[] = [];
  for (const p of [...locked].sort((a, b) => (a.volser < b.volser ? -1 : a.volser > b.volser ? 1 : 0))) {
    let reason = -1;
    const unavailablePrimary = primaryUnavailable.get(p.id);
    if (p.state === 'unavailable') reason = PVOL_UNAVAILABLE;
    // Redbook §11.5.1: "a physical volume ... [that] contains one or more primary logical volumes ...
    // and any secondary logical volumes on it are excluded from the Copy Export operation."
    else if (p.primaryCount > 0) reason = PRIMARY_ON_PVOL;
    else if (unavailablePrimary !== undefined) {
      reason = PRIMARY_UNAVAILABLE;
      libraryMessage(state, run.library, 'E0025', p.volser, unavailablePrimary);
    } else if (p.activeCount === 0 && !referenced[p.id]) {
      p.lockedBy = -1;
      continue;
    } else if (room <= 0) reason = LIMIT_REACHED;
    if (reason >= 0) {
      run.excludedPvols.push({ pvol: p.id, reason, volser: p.volser });
      continue;
    }
    room--;
    queue.push(p);
  }
  run.queue = queue.map((p) => p.id);
  // Copy Export acceleration: "the database backup will only be appended to the first two and the last
  // two volumes ... If there is a failure appending the DB backup, a different physical volume will be
  // selected" — a read-only-recovery volume cannot be appended to.
  const appendable = queue.filter((p) => p.state !== 'ror');
  const db = appendable.length > 4 && run.lmtdbpvl ? [...appendable.slice(0, 2), ...appendable.slice(-2)] : appendable;
  run.dbPvols = db.map((p) => p.id);
  run.database = queue.length > 0 ? takeDbBackup(state, run, new Set(run.queue)).id : null;
  const lanes = Math.max(1, Math.min(clusterAt(state, run.cluster).drivesAvailable, run.queue.length));
  for (let i = 0; i < lanes; i++) startNext(state, run);
  if (run.inFlight.length === 0) finish(state, run, 'completed');
}

function startNext(state: GridState, run: ExportRun): void {
  const id = run.queue.shift();
  if (id === undefined) return;
  const lib = runLibrary(state, run);
  const p = pvolAt(lib, id);
  run.inFlight.push(id);
  let ms = ROBOT_MOVE_MS;
  if (run.dbPvols.includes(id) && run.database !== null) {
    const db = databaseAt(state, run.database);
    ms += 2 * DRIVE_MOUNT_MS + Math.ceil(dbBackupBytes(db) / FORMAT_BYTES_PER_MS[p.format] / 1000) * 1000;
  }
  state.events.push(state.now + ms, { kind: 'ce-pvol', args: [run.id, run.generation, id] });
}

export function onCePvol(state: GridState, event: FiredEvent<'ce-pvol'>): void {
  const run = liveRun(state, event.args);
  if (!run) return;
  const id = event.args[2];
  const lib = runLibrary(state, run);
  const p = pvolAt(lib, id);
  run.inFlight = run.inFlight.filter((x) => x !== id);
  p.state = 'copy-exported';
  p.exportedAt = state.now;
  p.exportId = run.id;
  p.exportedBytes = p.activeBytes;
  p.contentDb = run.database;
  p.dbBackup = run.dbPvols.includes(id) ? run.database : null;
  p.lockedBy = -1;
  for (const pool of lib.pools) if (pool.filling === id) pool.filling = -1;
  run.exportedPvols.push(id);
  if (run.eject) {
    eject(lib, p);
    libraryMessage(state, run.library, 'E0006', p.volser, run.library, 'EJECT');
  } else {
    p.location = 'export-hold';
    libraryMessage(state, run.library, 'E0006', p.volser, run.library, 'EXPORT-HOLD');
  }
  if (run.stopRequested === null) startNext(state, run);
  if (run.inFlight.length === 0 && (run.queue.length === 0 || run.stopRequested !== null)) {
    finish(state, run, run.stopRequested === 'cancel' ? 'canceled' : run.stopRequested === 'terminate' ? 'terminated' : 'completed');
  }
}

/** The end of a run, however it ends: status records, statistics, resources released, messages. */
export function finish(state: GridState, run: ExportRun, final: ExportState): void {
  const lib = runLibrary(state, run);
  const excluded = new Map(run.excludedPvols.map((e) => [e.pvol, e.reason]));
  const stopReason = final === 'canceled' ? CANCELED : TERMINATED;
  let exported = 0;
  for (const [i, v] of run.volumes.entries()) {
    if (run.reason[i] !== PENDING) continue;
    const p = run.pvolOf[i] ?? NO_PVOL;
    const exclusion = excluded.get(p);
    if (p >= 0 && pvolAt(lib, p).exportId === run.id) {
      run.reason[i] = EXPORTED;
      state.trail.push(state.now, v, TrailKind.exported, run.cluster, -1, 0, run.id);
      exported++;
    } else if (p >= 0 && exclusion !== undefined) run.reason[i] = exclusion;
    else if (p < 0) run.reason[i] = final === 'completed' ? NOT_COPIED : final === 'canceled' ? CANCELED : NOT_COPIED;
    else run.reason[i] = stopReason;
  }
  run.exported = exported;
  run.stacked = run.exportedPvols.length;
  // Redbook §11.6.5: "the sum of the MB integer values of the data stored on each Exported Stacked
  // Volume ... full count by bytes divided by 1,048,576 ... less than 1 ... becomes 1 ... truncated".
  run.mbExported = run.exportedPvols.reduce((sum, id) => sum + Math.max(1, Math.floor(pvolAt(lib, id).exportedBytes / MB)), 0);
  run.mbMoved = 0; // "For Copy Export at code release level R1.4 and later, this value is 0."
  for (const p of lib.pvols) if (p.lockedBy === run.id) p.lockedBy = -1;
  const pool = poolOf(lib, run.pool);
  if (pool && pool.exportFilling >= 0) {
    const f = pvolAt(lib, pool.exportFilling);
    if (pool.filling < 0 && f.state === 'filling') pool.filling = f.id;
    else if (f.state === 'filling') f.state = 'full';
    pool.exportFilling = -1;
  }
  run.queue = [];
  run.inFlight = [];
  run.state = final;
  run.endedAt = state.now;
  state.tape.activeExport = -1;
  const dbWritten = run.dbPvols.filter((id) => pvolAt(lib, id).exportId === run.id).map((id) => pvolAt(lib, id).volser);
  if (dbWritten.length > 0) {
    if (run.lmtdbpvl) libraryMessage(state, run.library, 'E0021', dbWritten.join(', '));
    else libraryMessage(state, run.library, 'E0026');
  }
  if (final === 'recovered') libraryMessage(state, run.library, 'E0023');
  if (final === 'canceled') hostMessage(state, 'TZ0500I', run.listVolser, run.library);
  if (final === 'terminated' && run.stopReason) hostMessage(state, 'TZ0501I', run.listVolser, run.library, run.stopReason);
  if (final === 'completed') libraryMessage(state, run.library, 'E0020', pool2(run.pool));
  // Redbook §11.5.3 tip: a reclaimed export-hold volume goes back to scratch after the next export.
  for (const p of lib.pvols) {
    if (p.location === 'export-hold' && p.reclaimed && p.activeCount === 0) {
      hostMessage(state, 'TZ0502I', p.volser, lib.name);
      returnToScratch(lib, p);
    }
  }
  libraryMessage(state, run.library, 'E0005', run.listVolser);
  const clean = final === 'completed' && run.exported === run.requested && run.excludedPvols.length === 0;
  run.completion = clean ? 'CBR3855I' : 'CBR3856I';
  hostMessage(state, run.completion, run.listVolser, state.name ?? run.library, ...[run.requested, run.exportable, run.exported, run.stacked, run.mbExported, run.mbMoved].map(String));
  // The status file this run wrote back to the list volume: a later export with it writes another.
  snapshotStatusFile(state, run);
  retryWaiting(state, run.cluster);
}

/** LIBRARY EXPORT,<volser>,CANCEL (Redbook §11.6.4). */
export function cancelExport(state: GridState, volser: string) {
  const run = activeRun(state);
  if (!run || run.listVolser !== volser) refuse('NO_EXPORT', `no export for list volume ${volser} is in progress`);
  if (run.state === 'interrupted' || run.state === 'recovering') refuse('CLUSTER_UNAVAILABLE', `${run.library} is recovering the export: it cannot take a cancel now`);
  // "If the processing of a physical volume has reached the point where it has been mounted to receive
  // a database backup, the backup completes and the volume is placed in the export-hold or eject
  // category before the cancel processing can continue."
  run.stopRequested = 'cancel';
  run.stopReason = 'canceled by host request';
  if (run.inFlight.length === 0) finish(state, run, 'canceled');
  return { volser, library: run.library, state: run.state, completing: run.inFlight.map((id) => pvolAt(runLibrary(state, run), id).volser) };
}

/** Redbook §11.5.1: "The operation will be terminated by the TS7700 when fewer than four physical tape drives are available." */
export function drivesChanged(state: GridState, cluster: number): void {
  const run = activeRun(state);
  if (!run || run.cluster !== cluster || run.stopRequested !== null) return;
  if (run.state !== 'premigrating' && run.state !== 'exporting') return;
  if (clusterAt(state, cluster).drivesAvailable >= MIN_EXPORT_DRIVES) return;
  run.stopRequested = 'terminate';
  run.stopReason = `fewer than ${MIN_EXPORT_DRIVES} physical drives available`;
  if (run.inFlight.length === 0) finish(state, run, 'terminated');
}

/**
 * A failed cluster interrupts its run; when it is back, E0022, the library recovers the operation
 * (status for what completed, resources released) and reports E0023 (Redbook §11.5.4).
 */
export function clusterStatusChanged(state: GridState): void {
  const run = activeRun(state);
  if (!run) return;
  const status = clusterAt(state, run.cluster).status;
  if ((run.state === 'premigrating' || run.state === 'exporting') && status === 'failed') {
    run.interruptedIn = run.state;
    run.state = 'interrupted';
    run.generation++;
    run.inFlight = [];
  } else if (run.state === 'interrupted' && status === 'online') {
    run.state = 'recovering';
    libraryMessage(state, run.library, 'E0022');
    state.events.push(state.now + EXPORT_RECOVERY_MS, { kind: 'ce-recovered', args: [run.id, run.generation] });
  }
}

/**
 * RESTART <cl>: the TS7700 comes back from "a TS7700 error or a power off condition" (Redbook Table
 * 11-1 E0022) without failing the cluster in the grid (FAIL/REPAIR CLUSTER interrupt and recover an
 * export the same way, with the grid's effects besides). An export in progress there was interrupted:
 * the library "will attempt recovery of the operation" (E0022), writes the status of what completed,
 * releases the resources and reports E0023; the operator then reissues LIBRARY EXPORT for the rest.
 */
export function restartLibrary(state: GridState, cluster: number) {
  const run = activeRun(state);
  const mine = run !== null && run.cluster === cluster;
  if (mine && (run.state === 'premigrating' || run.state === 'exporting')) {
    run.interruptedIn = run.state;
    run.state = 'interrupted';
    run.generation++;
    run.inFlight = [];
  }
  if (mine && run.state === 'interrupted' && clusterAt(state, cluster).status === 'online') {
    run.state = 'recovering';
    libraryMessage(state, run.library, 'E0022');
    state.events.push(state.now + EXPORT_RECOVERY_MS, { kind: 'ce-recovered', args: [run.id, run.generation] });
  }
  return { library: clusterAt(state, cluster).name, restarted: true, exportRecovery: mine ? { listVolser: run.listVolser, state: run.state, interruptedIn: run.interruptedIn } : null };
}

export function onCeRecovered(state: GridState, event: FiredEvent<'ce-recovered'>): void {
  const run = liveRun(state, event.args);
  if (run && run.state === 'recovering') {
    run.stopReason = `interrupted while ${run.interruptedIn}`;
    finish(state, run, 'recovered');
  }
}

/** Work that advances on its own: ADVANCE UNTIL IDLE waits for it. */
export function exportBusy(state: GridState): boolean {
  const run = activeRun(state);
  return run !== null && (run.state === 'premigrating' || run.state === 'exporting' || run.state === 'recovering');
}
