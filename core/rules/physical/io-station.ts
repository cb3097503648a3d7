// The library's convenience I/O station (Redbook §11.5.1: Copy Export needs one, empty and not going
// full): ejected stacked volumes land here until the operator empties it; when it is full, ejects wait.

import type { PhysicalLibrary, StackedVolume } from '../../world/tape/library.js';
import { pvolAt } from '../../world/tape/library.js';

export function ioStationFull(lib: PhysicalLibrary): boolean {
  return lib.ioStation.full || lib.ioStation.held.length >= lib.ioStation.slots;
}

/** Assigns a stacked volume to the eject category: into the I/O station, or queued for room there. */
export function eject(lib: PhysicalLibrary, pvol: StackedVolume): void {
  if (lib.ioStation.present && !ioStationFull(lib)) {
    pvol.location = 'io-station';
    lib.ioStation.held.push(pvol.id);
  } else {
    pvol.location = 'eject-pending';
    lib.ejectQueue.push(pvol.id);
  }
}

/** IOSTATION <cl> EMPTY: the operator takes everything out (to the vault); queued ejects move in. */
export function emptyIoStation(lib: PhysicalLibrary): { removed: string[]; movedIn: string[] } {
  const removed: string[] = [];
  for (const id of lib.ioStation.held) {
    const p = pvolAt(lib, id);
    if (p.location === 'io-station') {
      p.location = 'vault';
      removed.push(p.volser);
    }
  }
  lib.ioStation.held = [];
  lib.ioStation.full = false;
  return { removed, movedIn: drainEjectQueue(lib) };
}

export function drainEjectQueue(lib: PhysicalLibrary): string[] {
  const moved: string[] = [];
  while (lib.ioStation.present && !ioStationFull(lib)) {
    const id = lib.ejectQueue.shift();
    if (id === undefined) break;
    const p = pvolAt(lib, id);
    if (p.location !== 'eject-pending') continue;
    p.location = 'io-station';
    lib.ioStation.held.push(p.id);
    moved.push(p.volser);
  }
  return moved;
}

/** EJECT <cl> EXPORTHOLD: the operator ejects the export-hold volumes (Redbook §11.5). */
export function ejectExportHold(lib: PhysicalLibrary): string[] {
  const ejected: string[] = [];
  for (const p of lib.pvols) {
    if (p.location !== 'export-hold') continue;
    eject(lib, p);
    ejected.push(p.volser);
  }
  return ejected;
}

/** Cartridges out of the library a person can carry: in the I/O station or already in the vault. */
export function removable(pvol: StackedVolume): boolean {
  return pvol.location === 'io-station' || pvol.location === 'vault';
}

/** The cartridge leaves the I/O station for good (carried offsite or to another library). */
export function takeOut(lib: PhysicalLibrary, pvol: StackedVolume): void {
  const at = lib.ioStation.held.indexOf(pvol.id);
  if (at >= 0) lib.ioStation.held.splice(at, 1);
}
