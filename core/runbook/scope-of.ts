// The scope a runbook starts from (the grid's names as they stand, or nothing after GRID), and the
// bound on LOAD and SAMPLE nesting.

import type { GridState } from '../world/state.js';
import { dasdScopeOf, emptyDasdScope } from './dasd-validate.js';
import type { Scope } from './scope.js';

/** How deep LOAD and SAMPLE may nest (a grid file or sample expanding into another, and so on). */
export const MAX_EXPANSION_DEPTH = 8;

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
