// Carrying cartridges (Redbook §11.5, §11.7.2 step 6): ejected copy-exported stacked volumes go from
// the source library's I/O station or the vault into a stand-alone recovery library — "All of the
// exported stacked volumes from the source TS7740 must be loaded into the library" — or, once they
// hold no active data, back to the source library as scratch (§11.5.2 "Normally, you will return the
// empty physical volumes to the library I/O station ... and reinsert them").

import type { GridState } from '../../world/state.js';
import { refuse } from '../../world/refusal.js';
import { rangeSize, rangeVolser, type VolserRange } from '../../model/volser.js';
import type { Format, Media } from '../../world/tape/media.js';
import { returnToScratch, type PhysicalLibrary, type StackedVolume } from '../../world/tape/library.js';
import { removable, takeOut, drainEjectQueue } from '../physical/io-station.js';
import { sourceTag } from '../copy-export/db-backup.js';
import { isEmpty, refuseIfBusy } from './standalone.js';
import { type StandaloneLibrary } from '../../world/tape/standalone.js';
import { clusterAt } from '../../model/grid-lookup.js';

/** A cartridge arriving in a stand-alone library, from a source library or an export-set file. */
export interface IncomingPvol {
  volser: string;
  pool: number;
  media: Media;
  format: Format;
  encryptKey: string | null;
  capacityBytes: number;
  writtenBytes: number;
  activeBytes: number;
  activeCount: number;
  exportedAt: number | null;
  exportedBytes: number;
  dbBackup: number | null;
  contentDb: number | null;
  source: string;
}

export function incomingOf(state: GridState, cluster: number, p: StackedVolume): IncomingPvol {
  return {
    volser: p.volser,
    pool: p.pool,
    media: p.media,
    format: p.format,
    encryptKey: p.encryptKey,
    capacityBytes: p.capacityBytes,
    writtenBytes: p.writtenBytes,
    activeBytes: p.activeBytes,
    activeCount: p.activeCount,
    exportedAt: p.exportedAt,
    exportedBytes: p.exportedBytes,
    dbBackup: p.dbBackup,
    contentDb: p.contentDb,
    source: sourceTag(state, cluster),
  };
}

/** Checks a load is allowed before anything changes: busy, not empty, slots. */
export function checkLoad(sa: StandaloneLibrary, count: number): void {
  refuseIfBusy(sa);
  // Redbook §11.7.1: "If the recovery TS7700 ... is not empty of data ..., the Copy Export volumes must
  // not be loaded into the attached library until the machine has been emptied of data."
  if (!isEmpty(sa)) refuse('NOT_EMPTY', `${sa.name} holds data: erase it (ERASE ${sa.name}) before loading copy-exported volumes`);
  const used = sa.physical.pvols.filter((p) => p.location === 'library').length;
  // Redbook §11.7.1: "sufficient library storage slots ... to hold all of the copy-exported physical volumes".
  if (used + count > sa.slots) refuse('NO_SLOTS', `${sa.name} has ${sa.slots - used} free slots for ${count} cartridges`);
}

export function loadCartridges(sa: StandaloneLibrary, incoming: IncomingPvol[]) {
  const lib = sa.physical;
  const loaded: string[] = [];
  const skipped: { pvol: string; reason: string }[] = [];
  for (const c of incoming) {
    if (lib.pvols.some((p) => p.volser === c.volser && p.location === 'library')) {
      skipped.push({ pvol: c.volser, reason: 'a cartridge with this VOLSER is already in the library' });
      continue;
    }
    lib.pvols.push({
      id: lib.pvols.length,
      volser: c.volser,
      pool: c.pool,
      media: c.media,
      format: c.format,
      encryptKey: c.encryptKey,
      state: 'copy-exported',
      priorState: null,
      location: 'library',
      capacityBytes: c.capacityBytes,
      writtenBytes: c.writtenBytes,
      activeBytes: c.activeBytes,
      activeCount: c.activeCount,
      primaryCount: 0,
      filledAt: null,
      lockedBy: -1,
      exportedAt: c.exportedAt,
      exportId: null,
      exportedBytes: c.exportedBytes,
      dbBackup: c.dbBackup,
      contentDb: c.contentDb,
      reclaimed: false,
      source: c.source,
    });
    loaded.push(c.volser);
  }
  return { library: sa.name, loaded: loaded.length, pvols: loaded, skipped };
}

function carry(state: GridState, cluster: number, lib: PhysicalLibrary, picked: StackedVolume[], sa: StandaloneLibrary) {
  checkLoad(sa, picked.length);
  const result = loadCartridges(
    sa,
    picked.map((p) => incomingOf(state, cluster, p)),
  );
  for (const p of picked) {
    if (!result.pvols.includes(p.volser)) continue;
    takeOut(lib, p);
    p.location = `standalone:${sa.name}`;
  }
  drainEjectQueue(lib);
  return { ...result, from: lib.name };
}

/** TRANSPORT EXPORTED FROM <cl> TO <standalone>: every ejected copy-exported volume of the cluster. */
export function transportExported(state: GridState, cluster: number, sa: StandaloneLibrary) {
  const lib = state.tape.libraries[cluster];
  if (!lib) refuse('NOT_TAPE_ATTACHED', `${clusterAt(state, cluster).name} is disk-only: it exports nothing`);
  const picked = lib.pvols.filter((p) => p.state === 'copy-exported' && removable(p));
  if (picked.length === 0) refuse('NOTHING_TO_TRANSPORT', `${lib.name} has no ejected copy-exported stacked volume (export-hold ones must be ejected first: EJECT ${lib.name} EXPORTHOLD)`);
  return carry(state, cluster, lib, picked, sa);
}

function locate(state: GridState, volser: string): { cluster: number; lib: PhysicalLibrary; pvol: StackedVolume } | null {
  for (let c = 0; c < state.tape.libraries.length; c++) {
    const lib = state.tape.libraries[c];
    const pvol = lib?.pvols.find((p) => p.volser === volser && p.location !== 'deleted');
    if (lib && pvol) return { cluster: c, lib, pvol };
  }
  return null;
}

/** TRANSPORT <pvol-range> TO <standalone>: named cartridges, all of them ejected copy-exported volumes of one source. */
export function transportRange(state: GridState, range: VolserRange, sa: StandaloneLibrary) {
  const found = [];
  const problems: string[] = [];
  for (let i = 0; i < rangeSize(range); i++) {
    const volser = rangeVolser(range, i);
    const at = locate(state, volser);
    if (!at) problems.push(`${volser} is no stacked volume of the grid`);
    else if (at.pvol.state !== 'copy-exported') problems.push(`${volser} is not copy-exported`);
    else if (!removable(at.pvol)) problems.push(`${volser} is ${at.pvol.location === 'export-hold' ? 'in export-hold inside the library (eject it first)' : at.pvol.location}`);
    else found.push(at);
  }
  if (problems.length > 0) refuse('NOT_TRANSPORTABLE', problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : ''));
  const clusters = new Set(found.map((f) => f.cluster));
  if (clusters.size > 1) refuse('MIXED_SOURCES', 'the range holds cartridges of more than one source library: transport them separately');
  const [first] = found;
  if (!first) refuse('NOTHING_TO_TRANSPORT', 'the range names no cartridge to transport');
  return carry(
    state,
    first.cluster,
    first.lib,
    found.map((f) => f.pvol),
    sa,
  );
}

/** TRANSPORT <pvol-range> TO <cl>: empty copy-exported volumes back home, as scratch (§11.5.2). */
export function returnHome(state: GridState, range: VolserRange, cluster: number) {
  const lib = state.tape.libraries[cluster];
  if (!lib) refuse('NOT_TAPE_ATTACHED', `${clusterAt(state, cluster).name} is disk-only`);
  const picked: StackedVolume[] = [];
  const problems: string[] = [];
  for (let i = 0; i < rangeSize(range); i++) {
    const volser = rangeVolser(range, i);
    const p = lib.pvols.find((x) => x.volser === volser && x.location !== 'deleted');
    if (!p) problems.push(`${volser} is not a stacked volume of ${lib.name}`);
    else if (p.state !== 'copy-exported' || !removable(p)) problems.push(`${volser} is not an ejected copy-exported volume`);
    else if (p.activeCount > 0) problems.push(`${volser} still holds ${p.activeCount} active logical volume(s): reclaim it first`);
    else picked.push(p);
  }
  if (problems.length > 0) refuse('NOT_RETURNABLE', problems.slice(0, 5).join('; '));
  for (const p of picked) {
    takeOut(lib, p);
    returnToScratch(lib, p);
  }
  drainEjectQueue(lib);
  return { library: lib.name, returned: picked.map((p) => p.volser) };
}
