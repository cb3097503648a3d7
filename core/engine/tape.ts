// The engine's Copy Export and Copy Export Recovery commands (spec §8): the new lines run here, and
// the existing ones that touch tape (CLUSTER, INSERT, PRELOAD, DRIVES, FAIL/REPAIR, SHOW CLUSTER and
// SHOW VOLUME … ON) get the physical side or are answered for a stand-alone library.

import type { RunContext, SomeHandlers } from '../commands/spec.js';
import type { CommandRecord } from '../runbook/commands.js';
import { whole, type Sliced } from '../sim/work-slices.js';
import { GRID_RUN } from './grid-handlers.js';
import type { GridState } from '../world/state.js';
import { refuse } from '../world/refusal.js';
import { CATEGORY_PRIVATE, CATEGORY_SCRATCH } from '../model/grid.js';
import { decodeVolser, rangeSize } from '../model/volser.js';
import { hostMessage } from '../rules/copy-export/messages.js';
import { createLibrary, DEFAULT_COMMON_SCRATCH, DEFAULT_PRIMARY_POOL, definePool, findPvol, poolOf, type PhysicalLibrary, type StackedVolume } from '../world/tape/library.js';
import { emptyIoStation, ejectExportHold, removable, takeOut } from '../rules/physical/io-station.js';
import { libraryOf } from '../rules/physical/tape-state.js';
import { retryWaiting, secondaryPoolOf } from '../rules/physical/stacked.js';
import { isInCache } from '../rules/cache.js';
import { reclaimBusy, startReclaim } from '../rules/physical/reclaim.js';
import { describePvol, physicalDrives, poolCount, reclaimActivities, showPool, type DriveActivity } from '../rules/physical/show.js';
import { activeRun } from '../rules/copy-export/routing.js';
import { cancelExport, clusterStatusChanged, drivesChanged, exportBusy, restartLibrary, startExportSlices } from '../rules/copy-export/process.js';
import { writeExportList } from '../rules/copy-export/export-list.js';
import { showExportStatus } from '../rules/copy-export/status-file.js';
import { defineStandalone, insertInto, preloadInto, refuseIfBusy, showStandalone, showStandaloneVolume, standalone } from '../rules/recovery/standalone.js';
import { type StandaloneLibrary } from '../world/tape/standalone.js';
import { returnHome, transportExported, transportRange } from '../rules/recovery/transport.js';
import { loadExportSet, saveExportSet } from '../rules/recovery/export-set.js';
import { erase, recover, recoveryBusy, showRecovery } from '../rules/recovery/recover.js';

/** Logical volume insert processing: the window during which Copy Export is refused (§11.5.1). */
const INSERT_MS_PER_VOLUME = 2;
const INSERT_MIN_MS = 5_000;

/** Library keys for timed library work: a cluster index, or -1 - index for a stand-alone library. */
function saKey(sa: StandaloneLibrary): number {
  return -1 - sa.index;
}

/** A new cluster's physical library (tape-attached only): pool 0 with its scratch, pool 1. */
export function addClusterLibrary(state: GridState, index: number): void {
  const c = state.clusters[index]!;
  while (state.tape.libraries.length < index) state.tape.libraries.push(null);
  state.tape.libraries[index] = c.model === 'TAPE' ? createLibrary(c.name, `S${String.fromCharCode(65 + index)}`, c.ioStation, DEFAULT_COMMON_SCRATCH) : null;
}

function clusterLibrary(state: GridState, index: number): PhysicalLibrary {
  const lib = libraryOf(state, index);
  if (!lib) refuse('NOT_TAPE_ATTACHED', `${state.clusters[index]!.name} is disk-only: it has no physical library`);
  return lib;
}

/** The distributed library a Library Request names (Redbook §11.6.2: "only valid ... against a distributed library"). */
function distributed(state: GridState, name: string): { lib: PhysicalLibrary; key: number; drives: number; available: number; sa: StandaloneLibrary | null } {
  const sa = state.tape.standalones.find((s) => s.name === name);
  if (sa) return { lib: sa.physical, key: saKey(sa), drives: sa.drives, available: sa.drivesAvailable, sa };
  const c = state.clusters.findIndex((x) => x.name === name);
  if (c < 0) refuse('COMPOSITE_LIBRARY', `${name} is the composite library: this request is only valid against a distributed library`);
  const cluster = state.clusters[c]!;
  return { lib: clusterLibrary(state, c), key: c, drives: cluster.drives, available: cluster.drivesAvailable, sa: null };
}

function activities(state: GridState, key: number, lib: PhysicalLibrary): DriveActivity[] {
  const out: DriveActivity[] = [];
  const run = activeRun(state);
  if (run && key === run.cluster) {
    for (const id of run.inFlight) if (run.dbPvols.includes(id)) out.push({ role: 'MIGR', pool: run.pool, pvol: lib.pvols[id]!.volser, lvol: null });
  }
  if (key >= 0) {
    const pl = state.tape.placements[key];
    const filling = (poolNumber: number) => {
      const pool = poolOf(lib, poolNumber);
      const id = pool ? (pool.exportFilling >= 0 ? pool.exportFilling : pool.filling) : -1;
      return id >= 0 ? lib.pvols[id]!.volser : null;
    };
    for (const e of state.events.toJSON().events) {
      if (e.kind !== 'premigrated' || e.args[0] !== key) continue;
      const v = e.args[1]!;
      const lvol = state.volumes.volser(v);
      const primary = pl && v < pl.primary.length && pl.tapeLevel[v] === e.args[2] ? pl.primary[v]! : -1;
      if (primary >= 0 && !isInCache(state, key, v)) {
        // A second copy of a migrated volume is made from its primary copy on tape: recalled, then written.
        out.push({ role: 'RECA', pool: lib.pvols[primary]!.pool, pvol: lib.pvols[primary]!.volser, lvol });
      }
      const target = primary >= 0 ? (secondaryPoolOf(state, lib, v) ?? DEFAULT_PRIMARY_POOL) : DEFAULT_PRIMARY_POOL;
      out.push({ role: 'MIGR', pool: target, pvol: filling(target), lvol });
    }
  }
  return [...out, ...reclaimActivities(lib)];
}

function libraryRequest(state: GridState, text: string, lib: string, keyword: string): void {
  hostMessage(state, 'CBR1020I', text);
  hostMessage(state, 'CBR1280I', lib, keyword);
}

function pvolAnywhere(state: GridState, volser: string): { lib: PhysicalLibrary; pvol: StackedVolume; cluster: number } {
  for (let c = 0; c < state.tape.libraries.length; c++) {
    const lib = state.tape.libraries[c];
    const pvol = lib ? findPvol(lib, volser) : undefined;
    if (lib && pvol) return { lib, pvol, cluster: c };
  }
  refuse('NO_SUCH_PVOL', `${volser} is no stacked volume of the grid`);
}

/** The volumes on a stacked volume, by scanning the placement columns (for SHOW PVOL). */
function volumesOn(state: GridState, cluster: number, id: number, limit: number): string[] {
  const pl = state.tape.placements[cluster];
  const out: string[] = [];
  if (!pl) return out;
  const n = Math.min(state.volumes.count, pl.primary.length);
  for (let v = 0; v < n && out.length < limit; v++) if (pl.primary[v] === id || pl.secondary[v] === id) out.push(state.volumes.volser(v));
  return out;
}

/**
 * LIBRARY EXPORT,<volser>[,CANCEL] in slices: starting an export scans the grid's logical volumes for
 * its export set (Redbook §11.5.1), which on millions of volumes is long enough to show and cancel.
 */
export function* libraryExportSlices(x: RunContext, command: CommandRecord<'LIBRARY_EXPORT'>): Sliced<unknown> {
  hostMessage(x.state, 'CBR1020I', `EXPORT,${command.args.volser.name}${command.args.cancel ? ',CANCEL' : ''}`);
  return command.args.cancel ? cancelExport(x.state, command.args.volser.name) : yield* startExportSlices(x.state, command.args.volser.name);
}

/**
 * The Copy Export and recovery commands, and the physical side of the grid commands that touch tape:
 * those call the grid's own handler (GRID_RUN) and add their part.
 */
export const TAPE_RUN = {
  CLUSTER: (x, command) => {
    const result = GRID_RUN.CLUSTER(x, command);
    addClusterLibrary(x.state, x.state.clusters.length - 1);
    return result;
  },
  INSERT: (x, command) => {
    const a = command.args;
    if (a.cluster.standalone) return insertInto(standalone(x.state, a.cluster.standalone), a.range, a.category ?? CATEGORY_SCRATCH);
    // Redbook §11.5.1: "Copy Export and the insertion of logical volumes are mutually exclusive".
    const run = activeRun(x.state);
    if (run) refuse('EXPORT_IN_PROGRESS', `Copy Export for list volume ${run.listVolser} is in progress on ${run.library}: logical volumes cannot be inserted`);
    const result = GRID_RUN.INSERT(x, command);
    x.state.tape.insertUntil = Math.max(x.state.tape.insertUntil, x.state.now + Math.max(INSERT_MIN_MS, rangeSize(a.range) * INSERT_MS_PER_VOLUME));
    return result;
  },
  PRELOAD: (x, command) => {
    const a = command.args;
    if (a.cluster.standalone) return preloadInto(standalone(x.state, a.cluster.standalone), a.range, a.mc.name, a.size, a.category ?? CATEGORY_PRIVATE, x.state.now);
    return GRID_RUN.PRELOAD(x, command);
  },
  DRIVES: (x, command) => {
    const a = command.args;
    if (a.cluster.standalone) {
      const sa = standalone(x.state, a.cluster.standalone);
      if (a.available > sa.drives) refuse('TOO_MANY_DRIVES', `${sa.name} has ${sa.drives} drives`);
      sa.drivesAvailable = a.available;
      if (a.type) {
        sa.formats = [a.type];
        sa.physical.driveFormat = a.type;
      }
      return { library: sa.name, drives: sa.drives, available: sa.drivesAvailable, formats: sa.formats };
    }
    const result = GRID_RUN.DRIVES(x, command) as Record<string, unknown>;
    const lib = libraryOf(x.state, a.cluster.index);
    if (lib && a.type) lib.driveFormat = a.type;
    drivesChanged(x.state, a.cluster.index);
    return lib ? { ...result, type: lib.driveFormat } : result;
  },
  FAIL: (x, command) => {
    const result = GRID_RUN.FAIL(x, command);
    clusterStatusChanged(x.state);
    return result;
  },
  REPAIR: (x, command) => {
    const result = GRID_RUN.REPAIR(x, command);
    clusterStatusChanged(x.state);
    return result;
  },
  SHOW_CLUSTER: (x, command) => {
    const a = command.args;
    if (a.cluster.standalone) return showStandalone(standalone(x.state, a.cluster.standalone));
    const result = GRID_RUN.SHOW_CLUSTER(x, command) as Record<string, unknown>;
    const lib = libraryOf(x.state, a.cluster.index);
    if (!lib) return result;
    return {
      ...result,
      driveType: lib.driveFormat,
      ioStationFull: lib.ioStation.full || lib.ioStation.held.length >= lib.ioStation.slots,
      copyExportLimit: lib.copyExportLimit,
      pools: lib.pools.map((p) => p.number),
    };
  },
  SHOW_VOLUME: (x, command) => {
    const a = command.args;
    if (a.on) return showStandaloneVolume(standalone(x.state, a.on.name), a.volser.name);
    const result = GRID_RUN.SHOW_VOLUME(x, command) as Record<string, unknown>;
    const v = x.state.volumes.find(a.volser.name);
    if (a.at !== null || v < 0) return result;
    const tape: Record<string, { primary: string | null; secondary: string | null; level: number }> = {};
    for (let c = 0; c < x.state.clusters.length; c++) {
      const lib = libraryOf(x.state, c);
      const pl = x.state.tape.placements[c];
      if (!lib || !pl || v >= pl.primary.length || pl.tapeLevel[v]! < 0) continue;
      tape[x.state.clusters[c]!.name] = { primary: lib.pvols[pl.primary[v]!]?.volser ?? null, secondary: pl.secondary[v]! >= 0 ? lib.pvols[pl.secondary[v]!]!.volser : null, level: pl.tapeLevel[v]! };
    }
    return { ...result, stacked: tape };
  },
  POOL: (x, command) => {
    const a = command.args;
    const spec = { media: a.media, format: a.format, copyExport: a.copyExport, reclaimPool: a.reclaimPool, scratch: a.scratch, encryptKey: a.encrypt };
    if (a.cluster.standalone) {
      const sa = standalone(x.state, a.cluster.standalone);
      definePool(sa.physical, a.pool, spec);
      return showPool(sa.physical, a.pool);
    }
    const lib = clusterLibrary(x.state, a.cluster.index);
    definePool(lib, a.pool, spec);
    // Scratch made available: pre-migrations waiting for a stacked volume go on (E0014 if an export waited).
    retryWaiting(x.state, a.cluster.index);
    return showPool(lib, a.pool);
  },
  EXPORTLIST: (x, command) => {
    const a = command.args;
    return writeExportList(x.state, a.volser.name, a.cluster.index, a.pool, a.eject, a.lmtdbpvl, a.mc?.name ?? null);
  },
  LIBRARY_EXPORT: (x, command) => whole(libraryExportSlices(x, command)),
  COPYEXP: (x, command) => {
    const a = command.args;
    const d = distributed(x.state, a.library.name);
    libraryRequest(x.state, `REQ,${a.library.name},COPYEXP,${a.pvol.name},${a.action}`, a.library.name, `COPYEXP,${a.pvol.name},${a.action}`);
    const pvol = findPvol(d.lib, a.pvol.name);
    if (!pvol) refuse('NO_SUCH_PVOL', `${a.pvol.name} is not a stacked volume of ${a.library.name}`);
    if (pvol.state !== 'copy-exported') refuse('NOT_COPY_EXPORTED', `${a.pvol.name} is not in the copy-exported x.state`);
    if (a.action === 'RECLAIM') {
      if (d.sa?.testMode) refuse('DR_TEST_MODE', `${d.sa.name} is in DR test mode: no reclamation`);
      return startReclaim(x.state, d.key, d.lib, pvol.pool, null, pvol.activeCount > 0 ? [pvol] : []);
    }
    // Redbook §11.5.2: "To have the original TS7700 stop managing the copy-exported volumes" — the
    // empty ones returned from offsite: a volume still holding active data is reclaimed first.
    if (pvol.location === 'library' || pvol.location === 'export-hold' || pvol.location === 'eject-pending')
      refuse('IN_LIBRARY', `${a.pvol.name} is still in the library: only exported volumes offsite can be deleted`);
    if (pvol.activeCount > 0) refuse('PVOL_HAS_ACTIVE_DATA', `${a.pvol.name} still holds ${pvol.activeCount} active logical volume(s): reclaim it first (COPYEXP,${a.pvol.name},RECLAIM)`);
    if (removable(pvol)) takeOut(d.lib, pvol);
    pvol.location = 'deleted';
    return { library: a.library.name, pvol: a.pvol.name, deleted: true };
  },
  PDRIVE: (x, command) => {
    const d = distributed(x.state, command.args.library.name);
    libraryRequest(x.state, `REQ,${command.args.library.name},PDRIVE`, command.args.library.name, 'PDRIVE');
    return { library: command.args.library.name, request: 'PDRIVE', ...physicalDrives(d.lib, d.key, d.drives, d.available, activities(x.state, d.key, d.lib)) };
  },
  POOLCNT: (x, command) => {
    const d = distributed(x.state, command.args.library.name);
    libraryRequest(x.state, `REQ,${command.args.library.name},POOLCNT`, command.args.library.name, 'POOLCNT');
    return { library: command.args.library.name, request: 'POOLCNT', ...poolCount(d.lib) };
  },
  SETTING: (x, command) => {
    const lib = clusterLibrary(x.state, command.args.cluster.index);
    lib.copyExportLimit = command.args.value;
    return { library: lib.name, copyExportLimit: lib.copyExportLimit };
  },
  IOSTATION: (x, command) => {
    const lib = clusterLibrary(x.state, command.args.cluster.index);
    if (!lib.ioStation.present) refuse('NO_IO_STATION', `${lib.name}'s library has no I/O station`);
    if (command.args.full) {
      lib.ioStation.full = true;
      return { library: lib.name, ioStation: 'full', held: lib.ioStation.held.length };
    }
    return { library: lib.name, ioStation: 'empty', ...emptyIoStation(lib) };
  },
  EJECT: (x, command) => {
    const lib = clusterLibrary(x.state, command.args.cluster.index);
    return { library: lib.name, ejected: ejectExportHold(lib), ioStationHeld: lib.ioStation.held.length, waitingForRoom: lib.ejectQueue.length };
  },
  RECLAIM: (x, command) => {
    const a = command.args;
    if (a.cluster.standalone) {
      const sa = standalone(x.state, a.cluster.standalone);
      refuseIfBusy(sa);
      // Redbook §11.7.2 step 7: "By keeping the Disaster Recovery Test Mode check box selected, the reclaim operation is not performed."
      if (sa.testMode) refuse('DR_TEST_MODE', `${sa.name} is in DR test mode: reclamation is not performed`);
      return startReclaim(x.state, saKey(sa), sa.physical, a.pool, a.threshold);
    }
    return startReclaim(x.state, a.cluster.index, clusterLibrary(x.state, a.cluster.index), a.pool, a.threshold);
  },
  PVOL: (x, command) => {
    const { pvol, lib } = pvolAnywhere(x.state, command.args.pvol.name);
    if (pvol.state === 'copy-exported') refuse('NOT_IN_LIBRARY', `${pvol.volser} is copy-exported`);
    if (command.args.state === 'AVAILABLE') {
      if (pvol.priorState) pvol.state = pvol.priorState;
      pvol.priorState = null;
    } else {
      if (!pvol.priorState) pvol.priorState = pvol.state;
      pvol.state = command.args.state === 'UNAVAILABLE' ? 'unavailable' : 'ror';
    }
    return { library: lib.name, ...describePvol(pvol) };
  },
  STANDALONE: (x, command) => {
    const a = command.args;
    const sa = defineStandalone(x.state, { name: a.name.name, drives: a.drives, formats: a.formats, code: a.code, keys: a.keys, slots: a.slots, partition: a.partition });
    return showStandalone(sa);
  },
  TRANSPORT: (x, command) => {
    const a = command.args;
    if (a.target.standalone) {
      const sa = standalone(x.state, a.target.standalone);
      return a.cluster ? transportExported(x.state, a.cluster.index, sa) : transportRange(x.state, a.range!, sa);
    }
    const result = returnHome(x.state, a.range!, a.target.index);
    retryWaiting(x.state, a.target.index);
    return result;
  },
  RESTART: (x, command) => restartLibrary(x.state, command.args.cluster.index),
  SAVE_EXPORTSET: (x, command) => {
    if (x.replaying) return { file: command.args.file, skipped: 'replay' };
    return saveExportSet(x.state, command.args.cluster.index, command.args.file, x.files);
  },
  LOAD_EXPORTSET: (x, command) => loadExportSet(x.state, command.args.file, standalone(x.state, command.args.target.name), x.files, x.replaying),
  ERASE: (x, command) => erase(x.state, standalone(x.state, command.args.target.name)),
  RECOVER: (x, command) => recover(x.state, standalone(x.state, command.args.target.name), command.args.from?.name ?? null, command.args.testMode),
  SHOW_RECOVERY: (x, command) => showRecovery(x.state, standalone(x.state, command.args.target.name)),
  SHOW_EXPORTSTATUS: (x, command) => showExportStatus(x.state, command.args.volser.name, command.args.volume?.name ?? null, command.args.limit ?? undefined),
  SHOW_POOL: (x, command) => {
    const a = command.args;
    const lib = a.cluster.standalone ? standalone(x.state, a.cluster.standalone).physical : clusterLibrary(x.state, a.cluster.index);
    if (!poolOf(lib, a.pool)) refuse('NO_SUCH_POOL', `pool ${a.pool} is not defined on ${lib.name}`);
    return showPool(lib, a.pool);
  },
  SHOW_PVOL: (x, command) => {
    const a = command.args;
    if (a.on) {
      const sa = standalone(x.state, a.on.name);
      const pvol = findPvol(sa.physical, a.pvol.name);
      if (!pvol || pvol.location !== 'library') refuse('NO_SUCH_PVOL', `${a.pvol.name} is not in ${sa.name}`);
      const on: string[] = [];
      for (let i = 0; i < sa.volumes.count && on.length < 100; i++) if (sa.volumes.pvol[i] === pvol.id) on.push(decodeVolser(sa.volumes.volser[i]!));
      return { library: sa.name, ...describePvol(pvol), volumes: on };
    }
    const { pvol, lib, cluster } = pvolAnywhere(x.state, a.pvol.name);
    return { library: lib.name, ...describePvol(pvol), volumes: volumesOn(x.state, cluster, pvol.id, 100) };
  },
} satisfies SomeHandlers;

/** Timed tape work still under way: ADVANCE UNTIL IDLE waits for it. */
export function tapeBusy(state: GridState): boolean {
  if (exportBusy(state) || recoveryBusy(state)) return true;
  for (const lib of state.tape.libraries) if (lib && reclaimBusy(lib)) return true;
  return state.tape.standalones.some((sa) => reclaimBusy(sa.physical));
}
