// Grid states as each cluster sees them (spec §6; Redbook §11.2) and the messages raised on entry.

import type { GridState } from '../world/state.js';
import { linkKey, type Cluster, type GridLink } from '../model/grid.js';
import { IMMEDIATE_DEFERRED } from '../world/copy-queues.js';
import { emit, isUp, reachable } from './reach.js';
import { countQueued } from './copies.js';
import { clusterAt } from '../model/grid-lookup.js';
import { field } from '../model/json-fields.js';

export const GRID_LINKS_DEGRADED = 'Grid Links Degraded';
export const VTS_OPERATIONS_DEGRADED = 'VTS Operations Degraded';
export const COPY_OPERATION_DISABLED = 'Copy Operation Disabled';
export const IMMEDIATE_DEFERRED_STATE = "Immediate Mode Copy Completion's Deferred";
export const LIBRARY_OPERATIONS_DEGRADED = 'Library Operations Degraded';

const ORDER = [GRID_LINKS_DEGRADED, VTS_OPERATIONS_DEGRADED, COPY_OPERATION_DISABLED, IMMEDIATE_DEFERRED_STATE, LIBRARY_OPERATIONS_DEGRADED];

export function clusterStates(state: GridState, x: number, immediateDeferred = countQueued(state, IMMEDIATE_DEFERRED) > 0): string[] {
  const c = clusterAt(state, x);
  if (!isUp(c)) return [];
  let linksDegraded = false;
  let peerFailed = false;
  let copyDisabled = false;
  for (const p of state.clusters) {
    if (p.index === x) continue;
    const link = state.links[linkKey(x, p.index)];
    if (link && link.failed > 0) linksDegraded = true;
    if (p.status === 'failed') peerFailed = true;
    if (!reachable(state, x, p.index)) copyDisabled = true;
  }
  const states: string[] = [];
  if (linksDegraded) states.push(GRID_LINKS_DEGRADED);
  if (linksDegraded || peerFailed) states.push(VTS_OPERATIONS_DEGRADED);
  if (copyDisabled) states.push(COPY_OPERATION_DISABLED);
  if (immediateDeferred) states.push(IMMEDIATE_DEFERRED_STATE);
  if (c.model === 'TAPE' && c.drivesAvailable < c.drives) states.push(LIBRARY_OPERATIONS_DEGRADED);
  return states;
}

/** The composite library's states: every state some cluster is in. */
export function gridStates(clusters: Record<string, unknown>): string[] {
  const all = new Set<string>();
  for (const c of Object.values(clusters)) {
    const states = field(c, 'states');
    if (Array.isArray(states)) for (const s of states) if (typeof s === 'string') all.add(s);
  }
  return ORDER.filter((s) => all.has(s));
}

/** Announces entered and left states per cluster (CBR3786E, CBR3785E, CBR3758E; TZ0100I/TZ0101I). */
export function updateGridStates(state: GridState): void {
  const immediateDeferred = countQueued(state, IMMEDIATE_DEFERRED) > 0;
  // Runs after every event: skip the work unless an input of clusterStates changed since last time.
  if (!inputsChanged(state, immediateDeferred)) return;
  for (const c of state.clusters) {
    const now = clusterStates(state, c.index, immediateDeferred);
    const before = state.announced[c.index] ?? [];
    if (now.length === before.length && now.every((s, i) => s === before[i])) continue;
    state.announced[c.index] = now;
    if (!isUp(c)) continue;
    for (const s of now) {
      if (before.includes(s)) continue;
      if (s === VTS_OPERATIONS_DEGRADED) emit(state, 'CBR3786E', c.name);
      else if (s === COPY_OPERATION_DISABLED) emit(state, 'CBR3785E', c.name);
      else if (s === LIBRARY_OPERATIONS_DEGRADED) emit(state, 'CBR3758E', c.name);
      else emit(state, 'TZ0100I', c.name, s);
    }
    for (const s of before) if (!now.includes(s)) emit(state, 'TZ0101I', c.name, s);
  }
}

/**
 * What clusterStates read at the last look, per grid: the immediate-deferred backlog, each cluster's
 * status and whether it is a tape cluster short of drives, each link's count and failures. Links are
 * added only with a cluster (topology.ts) and the record is replaced only with a new grid or a
 * restore, so the list is re-read when either changes — not enumerated after every event. Clusters
 * and links are compared only when state.gridChanges moved since.
 */
interface Inputs {
  linksOf: object;
  clustersOf: readonly Cluster[];
  clusters: number;
  gridChanges: number;
  links: GridLink[];
  immediateDeferred: boolean;
  status: string[];
  /** per cluster: 1 when clusterStates would see a tape cluster short of drives; per link: count, failed */
  numbers: Int32Array;
}

const lastInputs = new WeakMap<GridState, Inputs>();
// The inputs looked at last, so the common case (one grid, event after event) skips the WeakMap. A
// grid's links record and clusters array are its own (a new grid or a restore makes new ones), so
// they tell its inputs apart without holding the grid itself: a replaced grid must not stay in
// memory because it was the last one looked at.
let last: Inputs | null = null;
// No closures here: this runs after every event, and tsx's transform wraps each closure it creates.

/**
 * Whether anything clusterStates reads changed since the last call: cluster status, a tape cluster
 * short of drives, link counts and failures, and the immediate-deferred backlog. Compared exactly,
 * without allocating.
 */
function inputsChanged(state: GridState, immediateDeferred: boolean): boolean {
  let inputs = last !== null && last.linksOf === state.links && last.clustersOf === state.clusters ? last : (lastInputs.get(state) ?? null);
  // The common case after an event: no cluster or link changed, only the backlog may have.
  if (inputs !== null && inputs.gridChanges === state.gridChanges && inputs.linksOf === state.links && inputs.clustersOf === state.clusters && inputs.clusters === state.clusters.length) {
    last = inputs;
    if (inputs.immediateDeferred === immediateDeferred) return false;
    inputs.immediateDeferred = immediateDeferred;
    return true;
  }
  let changed = false;
  if (inputs === null || inputs.linksOf !== state.links || inputs.clustersOf !== state.clusters || inputs.clusters !== state.clusters.length) {
    const links = Object.values(state.links);
    inputs = {
      linksOf: state.links,
      clustersOf: state.clusters,
      clusters: state.clusters.length,
      gridChanges: state.gridChanges,
      links,
      immediateDeferred: false,
      status: [],
      numbers: new Int32Array(state.clusters.length + links.length * 2),
    };
    lastInputs.set(state, inputs);
    changed = true;
  }
  last = inputs;
  inputs.gridChanges = state.gridChanges;
  if (inputs.immediateDeferred !== immediateDeferred) {
    inputs.immediateDeferred = immediateDeferred;
    changed = true;
  }
  const v = inputs.numbers;
  const status = inputs.status;
  let i = 0;
  for (const c of state.clusters) {
    // Statuses are string constants: comparing them compares references.
    if (status[i] !== c.status) {
      status[i] = c.status;
      changed = true;
    }
    const short = c.model === 'TAPE' && c.drivesAvailable < c.drives ? 1 : 0;
    if (v[i] !== short) {
      v[i] = short;
      changed = true;
    }
    i++;
  }
  for (const l of inputs.links) {
    if (v[i] !== l.count) {
      v[i] = l.count;
      changed = true;
    }
    if (v[i + 1] !== l.failed) {
      v[i + 1] = l.failed;
      changed = true;
    }
    i += 2;
  }
  return changed;
}
