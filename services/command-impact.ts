// What a line would throw away, worked out before it runs (command.impact), so the console can ask
// first: a grid replaced (GRID, SAMPLE, LOAD), a stand-alone library erased or overwritten (ERASE,
// RECOVER, LOAD EXPORTSET), write ownership handed to a survivor (TAKEOVER … WRITE), a cluster taken
// out of a DR family, and a PRELOAD that pushes volumes out of caches (Redbook §11.1 removal policy:
// above 95% of the cache, removal frees down to 90%; on a disk-only cluster a removed copy is gone).
// Nothing here changes the grid: it reads the state and the validated commands.

import type { GridState } from '../core/world/state.js';
import type { Command } from '../core/runbook/commands.js';
import { rangeSize } from '../core/model/volser.js';
import { REMOVAL_TARGET, REMOVAL_THRESHOLD } from '../core/rules/cache.js';
import { destructiveReason } from './backup-service.js';

export interface Impact {
  line: string;
  title: string;
  loses: string[];
  /** the host backs the database up before this line (services/backup-service.ts) */
  backup: boolean;
  /** how to undo it when no backup is taken */
  undo: string | null;
  confirmLabel: string;
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');

function size(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let v = bytes;
  let u = 0;
  // Binary, as the runbook's sizes are (1GB = 1,024 MB).
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v >= 100 || u === 0 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}

/** The impacts of the validated commands, in order; empty when nothing is lost. */
export function commandImpacts(state: GridState, commands: readonly Command[], journalLength: number): Impact[] {
  const out: Impact[] = [];
  for (const command of commands) {
    const impact = impactOf(state, command, journalLength);
    if (impact) out.push({ ...impact, line: command.text, backup: destructiveReason([command]) !== null });
  }
  return out;
}

function replacesGrid(state: GridState, journalLength: number): string[] {
  if (state.clusters.length === 0 && state.volumes.count === 0) return ['start a new grid (nothing is loaded now, so nothing is lost)'];
  return [
    `replace the whole grid ${state.name ?? '(unnamed)'}: ${n(state.clusters.length)} cluster${state.clusters.length === 1 ? '' : 's'}, ${n(state.volumes.count)} volumes, their copies, queues, DR families and Copy Export state`,
    `end its history in this console: ${journalLength === 1 ? 'the one journaled command stays' : `the ${n(journalLength)} journaled commands stay`} only in the backup`,
  ];
}

function impactOf(state: GridState, command: Command, journalLength: number): Omit<Impact, 'line' | 'backup'> | null {
  switch (command.name) {
    case 'GRID':
      return { title: `Start a new empty grid ${command.args.name}?`, loses: replacesGrid(state, journalLength), undo: null, confirmLabel: 'Start new grid' };
    case 'SAMPLE':
      return { title: `Load the sample grid ${command.args.sample.name}?`, loses: replacesGrid(state, journalLength), undo: null, confirmLabel: 'Load sample' };
    case 'LOAD':
      return { title: `Open the grid file ${command.args.file}?`, loses: replacesGrid(state, journalLength), undo: null, confirmLabel: 'Open grid file' };
    case 'ERASE': {
      const target = command.args.target.name;
      const lib = state.tape.standalones.find((s) => s.name === target);
      return {
        title: `Erase the stand-alone library ${target}?`,
        loses: [`erase ${lib ? `all ${n(lib.volumes.count)} logical volumes` : 'every logical volume'} of ${target} and their database records (its settings, VOLSER ranges, pools and keys are kept)`],
        undo: null,
        confirmLabel: `Erase ${target}`,
      };
    }
    case 'RECOVER':
    case 'LOAD_EXPORTSET': {
      // Into an empty library (the Redbook §11.7.2 order: ERASE first) nothing is lost: no question.
      const target = command.args.target.name;
      const lib = state.tape.standalones.find((s) => s.name === target);
      if (!lib || lib.volumes.count === 0) return null;
      return {
        title: command.name === 'RECOVER' ? `Recover into ${target}, which still holds volumes?` : `Load an export set into ${target}, which still holds volumes?`,
        loses: [`replace the ${n(lib.volumes.count)} logical volumes ${target} holds now with the recovered ones`],
        undo: null,
        confirmLabel: command.name === 'RECOVER' ? 'Recover' : 'Load export set',
      };
    }
    case 'TAKEOVER': {
      if (command.args.mode !== 'WRITE') return null;
      const survivor = command.args.survivor.ref;
      const failed = command.args.failed.ref;
      const owned = countOwned(state, command.args.failed.index);
      return {
        title: `Give ${survivor} write ownership of ${failed}'s volumes?`,
        loses: [
          `let ${survivor} take and modify the ${n(owned)} volumes ${failed} owns without asking ${failed} (Redbook §11.2.3 write ownership takeover)`,
          `risk two versions of the same volume if ${failed} is not really down: only use it when ${failed} has failed or is being serviced`,
        ],
        undo: `TAKEOVER ${survivor} FOR ${failed} NONE ends it, but writes made meanwhile stay.`,
        confirmLabel: 'Set write takeover',
      };
    }
    case 'DRSETUP': {
      if (command.args.action !== 'REMOVE' || !command.args.cluster) return null;
      const family = state.families.find((f) => f.name === command.args.family.name);
      const cl = command.args.cluster.ref;
      return {
        title: `Remove ${cl} from DR family ${command.args.family.name}?`,
        loses: [`take ${cl} out of the family: a DR test no longer mounts through it${family?.timeZero != null ? ', and the time-zero it holds for the running test no longer applies to it' : ''}`],
        undo: `add it again with LI REQ,…,DRSETUP,${command.args.family.name},ADD,${cl}.`,
        confirmLabel: `Remove ${cl}`,
      };
    }
    case 'PRELOAD':
      return preloadEvictions(state, command.args);
    default:
      return null;
  }
}

function countOwned(state: GridState, cluster: number): number {
  const owner = state.volumes.cols.owner;
  let k = 0;
  for (let v = 0; v < state.volumes.count; v++) if (owner[v] === cluster) k++;
  return k;
}

/**
 * PRELOAD puts the new volumes in the cache of every disk-only holder (and of a PG1 owner): where
 * that crosses the removal threshold, older volumes are removed down to the target. The count is
 * the bytes to free over the average size of what is cached there: an estimate, said as one.
 */
function preloadEvictions(state: GridState, args: Extract<Command, { name: 'PRELOAD' }>['args']): Omit<Impact, 'line' | 'backup'> | null {
  const mc = state.mcs.find((m) => m.name === args.mc.name);
  if (!mc) return null;
  const owner = args.cluster.index;
  const volumes = rangeSize(args.range);
  const added = volumes * args.size;
  const loses: string[] = [];
  for (const c of state.clusters) {
    const holds = c.index === owner || ['R', 'D', 'S'].includes(mc.modes[c.index] ?? 'N');
    const cached = holds && (c.model === 'DISK' || (c.index === owner && mc.preference === 'PG1'));
    if (!cached || c.cacheBytes <= 0) continue;
    const after = c.cacheUsed + added;
    if (after <= c.cacheBytes * REMOVAL_THRESHOLD) continue;
    const toFree = after - c.cacheBytes * REMOVAL_TARGET;
    const average = averageCachedSize(state, c.index, args.size);
    const count = Math.min(state.volumes.count + volumes, Math.ceil(toFree / average));
    loses.push(
      c.model === 'DISK'
        ? `remove about ${n(count)} volumes (${size(toFree)}) from ${c.name}'s cache to make room: ${c.name} is disk-only, so its copies of them are deleted (the clusters holding other copies keep theirs)`
        : `remove about ${n(count)} pre-migrated volumes (${size(toFree)}) from ${c.name}'s cache to make room (their copies stay on tape; reading them later needs a recall)`,
    );
  }
  if (loses.length === 0) return null;
  return { title: `PRELOAD ${n(volumes)} volumes and push others out of cache?`, loses, undo: 'removed copies come back only as later copies or recalls.', confirmLabel: 'Preload anyway' };
}

function averageCachedSize(state: GridState, cluster: number, incoming: number): number {
  const c = state.clusters[cluster]!;
  const bit = 1 << cluster;
  const { inCache } = state.volumes.cols;
  // Counting cached volumes is one pass over a byte column: fast even for millions.
  let k = 0;
  for (let v = 0; v < state.volumes.count; v++) if (inCache[v]! & bit) k++;
  return k > 0 ? Math.max(1, c.cacheUsed / k) : Math.max(1, incoming);
}
