// What a runbook's validation knows at each line (spec §2): the grid's names as the file declares
// them, and the file port LOAD, IMPORT INVENTORY and SAVE EXPORTSET read and write through.

import type { GridState } from '../engine/state.js';
import { dasdScopeOf, emptyDasdScope, type DasdScope } from './dasd-validate.js';

/** How deep LOAD and SAMPLE may nest (a grid file or sample expanding into another, and so on). */
export const MAX_EXPANSION_DEPTH = 8;

export interface Scope {
  grid: string | null;
  clusters: string[];
  sites: Set<string>;
  hosts: Set<string>;
  mcs: Set<string>;
  /** stand-alone recovery libraries (spec §8): not part of the grid */
  standalones: Set<string>;
  /** Host DASD volumes, pools and media (spec §9) */
  dasd: DasdScope;
}

export interface FilePort {
  /**
   * reads a file named in a runbook, relative to the runbook's own folder; with `maxBytes`, a file
   * larger than that is refused while it is read (a device or FIFO never fills memory)
   */
  readText(path: string, maxBytes?: number): string;
  /** writes one (SAVE EXPORTSET), where a file system is available */
  writeText?(path: string, text: string): void;
}

export function scopeOf(state: GridState): Scope {
  return {
    grid: state.name,
    clusters: state.clusters.map((c) => c.name),
    sites: new Set(state.sites.map((s) => s.id)),
    hosts: new Set(state.hosts.map((h) => h.name)),
    mcs: new Set(state.mcs.map((m) => m.name)),
    standalones: new Set(state.tape.standalones.map((s) => s.name)),
    dasd: dasdScopeOf(state),
  };
}

export function emptyScope(): Scope {
  return { grid: null, clusters: [], sites: new Set(), hosts: new Set(), mcs: new Set(), standalones: new Set(), dasd: emptyDasdScope() };
}

/** A LOAD of a file already on the way here, or nesting past the bound: refused before reading. */
export function nestingProblem(chain: readonly string[], file: string): string | null {
  const way = [...chain, file].join(' → ');
  if (chain.includes(file)) return `LOAD ${file} loads itself again (${way}): refused`;
  if (chain.length >= MAX_EXPANSION_DEPTH) return `LOAD nested more than ${MAX_EXPANSION_DEPTH} deep (${way}): refused`;
  return null;
}
