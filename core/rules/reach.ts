// Who can talk to whom: cluster availability and grid-link reachability, and the message emitter.

import { linkBandwidth, linkKey, type Cluster, type GridLink } from '../model/grid.js';
import type { GridState } from '../world/state.js';
import { MESSAGES, messageText, type MessageId } from '../runbook/messages.js';
import { isoTime } from '../sim/time.js';
import { clusterAt } from '../model/grid-lookup.js';

/** Online or preparing for service: it still answers its peers (Redbook §11.1). */
export function isUp(cluster: Cluster): boolean {
  return cluster.status === 'online' || cluster.status === 'service-prep';
}

/** Grid links by pair index, derived from state.links (links change in place, the map object only with a new grid). */
const linksByPair = new WeakMap<object, (GridLink | undefined)[]>();
// The record looked at last, so the common case (one grid, copy after copy) skips the WeakMap.
let lastLinks: object | null = null;
let lastByPair: (GridLink | undefined)[] = [];

function linkOf(state: GridState, a: number, b: number): GridLink | undefined {
  let byPair = lastByPair;
  if (state.links !== lastLinks) {
    byPair = linksByPair.get(state.links) ?? [];
    linksByPair.set(state.links, byPair);
    lastLinks = state.links;
    lastByPair = byPair;
  }
  const i = a < b ? a * 8 + b : b * 8 + a;
  return (byPair[i] ??= state.links[linkKey(a, b)]);
}

/** Bytes per second between two clusters over their working grid links; 0 when either is down. */
export function pairBandwidth(state: GridState, a: number, b: number): number {
  if (a === b) return Infinity;
  const ca = clusterAt(state, a);
  const cb = clusterAt(state, b);
  if (!isUp(ca) || !isUp(cb)) return 0;
  return linkBandwidth(linkOf(state, a, b));
}

export function reachable(state: GridState, a: number, b: number): boolean {
  if (a === b) return isUp(clusterAt(state, a));
  return pairBandwidth(state, a, b) > 0;
}

export function emit(state: GridState, id: MessageId, ...args: string[]): void {
  const text = messageText(id, args);
  state.messages.push({ time: isoTime(state.now), id, text });
}

/** CBR3750I carries a library's own message (G0013, G0009, G0010). */
export function emitLibraryMessage(state: GridState, lib: string, inner: 'G0013' | 'G0009' | 'G0010', peer: string): void {
  const body = MESSAGES[inner].text(lib, peer);
  state.messages.push({ time: isoTime(state.now), id: 'CBR3750I', text: MESSAGES.CBR3750I.text(lib, body) });
}
