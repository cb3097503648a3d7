// EXPORTLIST: the host job of Redbook §11.6.3 Example 11-4 — mounts the export list volume on the
// cluster that is to export, writes its three files of 80-byte records (export list, reserved file,
// export status header) and demounts it, so its copies follow its Management Class like any volume.

import type { GridState } from '../../world/state.js';
import { refuse } from '../../world/refusal.js';
import { demount, findVolume, mountSpecific, writeVolume, changeVolume } from '../mounts.js';
import { isScratch } from '../cache.js';
import { pool2 } from './messages.js';
import type { ExportListFiles, ExportListVolume } from '../../world/tape/export-types.js';
import { clusterAt } from '../../model/grid-lookup.js';

export const RECORD_BYTES = 80;

/** One 80-byte record (Redbook §11.6.3: "All records must be 80 bytes in length"). */
export function record(text: string): string {
  return text.length >= RECORD_BYTES ? text.slice(0, RECORD_BYTES) : text.padEnd(RECORD_BYTES, ' ');
}

export function exportListFiles(pool: number, ejectOption: boolean, lmtdbpvl: boolean): ExportListFiles {
  const options = ['OPTIONS1', 'COPY', ...(lmtdbpvl ? ['LMTDBPVL'] : []), ...(ejectOption ? ['EJECT'] : [])].join(',');
  return [[record('EXPORT LIST 03'), record(`EXPORT PARAMETERS PHYSICAL POOL TO EXPORT:${pool2(pool)}`), record(options)], [record('RESERVED FILE')], [record('EXPORT STATUS 01')]];
}

/** Bytes on the logical volume: the records plus standard labels (VOL1, and HDR1/HDR2/EOF1/EOF2 per file). */
function volumeBytes(files: string[][]): number {
  const records = files.reduce((n, f) => n + f.length, 0);
  return (records + 1 + files.length * 4) * RECORD_BYTES;
}

export function writeExportList(state: GridState, volser: string, cluster: number, pool: number, ejectOption: boolean, lmtdbpvl: boolean, mcName: string | null) {
  const v = findVolume(state, volser);
  const c = clusterAt(state, cluster);
  const host = [...state.hosts]
    .sort((a, b) => (a.role === b.role ? 0 : a.role === 'PRODUCTION' ? -1 : 1))
    .find((h) => {
      const devices = h.devices[cluster];
      return !h.failed && devices?.online && devices.paths > devices.failedPaths;
    });
  if (!host) refuse('DEVICES_OFFLINE', `no host has ${c.name}'s virtual devices online to write the export list volume`);
  const volumes = state.volumes;
  const mc = mcName === null ? null : state.mcs.findIndex((m) => m.name === mcName);
  // Redbook §11.6.3 Important: the files get a Management Class that keeps a copy on the exporting cluster only.
  changeVolume(state, v, isScratch(state, volumes.get(v, 'category')) ? host.devsup.private : null, mc);
  const files = exportListFiles(pool, ejectOption, lmtdbpvl);
  mountSpecific(state, volser, cluster, host.name);
  writeVolume(state, volser, volumeBytes(files));
  const result = demount(state, volser);
  const list: ExportListVolume = { volser, cluster, level: volumes.get(v, 'level'), pool, eject: ejectOption, lmtdbpvl, writtenAt: state.now, files };
  const at = state.tape.exportLists.findIndex((l) => l.volser === volser);
  if (at >= 0) state.tape.exportLists[at] = list;
  else state.tape.exportLists.push(list);
  const copies = state.clusters.filter((x) => volumes.copyLevelOf(x.index, v) === volumes.get(v, 'level')).map((x) => x.name);
  return {
    volser,
    cluster: c.name,
    pool,
    option: ejectOption ? 'EJECT' : 'HOLD',
    lmtdbpvl,
    mc: state.mcs[volumes.get(v, 'mc')]?.name ?? null,
    host: host.name,
    level: result.level,
    copies,
    deferredCopies: result.deferredCopies,
    files: { exportList: files[0].map((r) => r.trimEnd()), reserved: files[1].map((r) => r.trimEnd()), status: files[2].map((r) => r.trimEnd()) },
  };
}
