// Failures, repair, service, ownership takeover and AOTM (spec §6; Redbook §11.1, §11.2).

import type { GridState, Mount } from '../world/state.js';
import { refuse } from '../world/refusal.js';
import { linkKey, type TakeoverMode } from '../model/grid.js';
import type { FiredEvent } from '../world/events.js';
import { pumpPremigration } from './cache.js';
import { replanCopies } from './copies.js';
import { loseMount, syncCategories } from './mounts.js';
import { emit, emitLibraryMessage, isUp, reachable } from './reach.js';
import { formatDuration } from '../sim/time.js';
import { clusterAt, hostNamed, linkBetween, siteNamed } from '../model/grid-lookup.js';

/** After a cluster's status or a grid link changed. */
function afterTopologyChange(state: GridState): void {
  state.gridChanges++;
  replanCopies(state);
  syncCategories(state);
  noticePeers(state);
  for (const c of state.clusters) if (c.model === 'TAPE') pumpPremigration(state, c.index);
}

function loseMounts(state: GridState, match: (m: Mount) => boolean, reason: string): void {
  for (const m of [...state.mounts.values(), ...state.drMounts.values()]) if (match(m)) loseMount(state, m, reason);
}

/** Call Home from the first surviving library (Redbook §11.2: invoked on grid component failures). */
function callHome(state: GridState, reason: string): void {
  const reporter = state.clusters.find((c) => isUp(c));
  emit(state, 'CALLHOME', reporter ? reporter.name : (state.name ?? 'GRID'), reason);
}

/**
 * Redbook §11.2.6: when a cluster fails, "All channel activity on the failing host links are stopped.
 * Host channel errors are reported": every live host with the cluster's devices online sees its paths go.
 */
function hostChannelErrors(state: GridState, lost: number[]): void {
  for (const h of state.hosts) {
    if (h.failed) continue;
    for (const x of lost) {
      const devices = h.devices[x];
      if (devices && devices.online && devices.paths > devices.failedPaths) emit(state, 'IOS050I', h.name, clusterAt(state, x).name, '0');
    }
  }
}

export function failCluster(state: GridState, x: number): void {
  const c = clusterAt(state, x);
  if (c.status === 'failed') refuse('ALREADY_FAILED', `${c.name} is already failed`);
  c.status = 'failed';
  loseMounts(state, (m) => m.cluster === x || m.tvc === x, `${c.name} failed`);
  hostChannelErrors(state, [x]);
  callHome(state, `cluster ${c.name} failed`);
  afterTopologyChange(state);
  rearmAotm(state);
}

export function repairCluster(state: GridState, x: number): void {
  const c = clusterAt(state, x);
  if (c.status !== 'failed') refuse('NOT_FAILED', `${c.name} is not failed`);
  c.status = 'online';
  restored(state, x);
  afterTopologyChange(state);
}

/** The failed cluster is back: takeover modes against it end (Redbook §11.1). */
function restored(state: GridState, x: number): void {
  for (const other of state.clusters) {
    delete other.takeover[x];
    delete other.lostPeerAt[x];
  }
  clusterAt(state, x).lostPeerAt = {};
}

export function failLink(state: GridState, a: number, b: number, one: boolean): void {
  const link = linkBetween(state, a, b);
  if (link.failed >= link.count) refuse('ALREADY_FAILED', `every link between ${clusterAt(state, a).name} and ${clusterAt(state, b).name} is already failed`);
  const first = link.failed;
  link.failed = one ? link.failed + 1 : link.count;
  const names = `${clusterAt(state, a).name}-${clusterAt(state, b).name}`;
  // Redbook §11.2.4: a job using the failed link for a remote TVC fails; a rerun uses another link.
  loseMounts(state, (m) => m.tvc !== m.cluster && linkKey(m.cluster, m.tvc) === linkKey(a, b) && m.linkIndex >= first && m.linkIndex < link.failed, `grid link ${names} failed`);
  callHome(state, `grid link ${one ? '' : 'group '}${names} failed`);
  afterTopologyChange(state);
}

export function repairLink(state: GridState, a: number, b: number): void {
  const link = linkBetween(state, a, b);
  if (link.failed === 0) refuse('NOT_FAILED', `no failed link between ${clusterAt(state, a).name} and ${clusterAt(state, b).name}`);
  link.failed = 0;
  afterTopologyChange(state);
}

export function failHostLink(state: GridState, hostName: string, x: number): number {
  const host = hostNamed(state, hostName);
  const devices = host.devices[x];
  if (!devices) refuse('DEVICES_OFFLINE', `${hostName} has no devices defined on ${clusterAt(state, x).name}`);
  if (devices.failedPaths >= devices.paths) refuse('ALREADY_FAILED', `every host link from ${hostName} to ${clusterAt(state, x).name} is already failed`);
  devices.failedPaths++;
  const left = devices.paths - devices.failedPaths;
  // Redbook §11.2.2: host channel errors are reported; with an alternate path I/O continues.
  emit(state, 'IOS050I', hostName, clusterAt(state, x).name, String(left));
  if (left === 0) loseMounts(state, (m) => m.host === hostName && m.cluster === x, `every host link from ${hostName} to ${clusterAt(state, x).name} failed`);
  return left;
}

export function repairHostLink(state: GridState, hostName: string, x: number): void {
  const devices = hostNamed(state, hostName).devices[x];
  if (!devices || devices.failedPaths === 0) refuse('NOT_FAILED', `no failed host link from ${hostName} to ${clusterAt(state, x).name}`);
  devices.failedPaths = 0;
}

export function failSite(state: GridState, siteId: string): void {
  const site = siteNamed(state, siteId);
  if (site.failed) refuse('ALREADY_FAILED', `site ${siteId} is already failed`);
  site.failed = true;
  const lost = state.clusters.filter((c) => c.site === siteId);
  for (const c of lost) {
    c.status = 'failed';
    c.tsscOk = false; // the site's TSSC goes down with it
  }
  for (const h of state.hosts) if (h.site === siteId) h.failed = true;
  loseMounts(state, (m) => lost.some((c) => c.index === m.cluster || c.index === m.tvc) || hostNamed(state, m.host).failed, `site ${siteId} failed`);
  hostChannelErrors(
    state,
    lost.map((c) => c.index),
  );
  callHome(state, `site ${siteId} failed`);
  afterTopologyChange(state);
  rearmAotm(state);
}

export function repairSite(state: GridState, siteId: string): void {
  const site = siteNamed(state, siteId);
  if (!site.failed) refuse('NOT_FAILED', `site ${siteId} is not failed`);
  site.failed = false;
  for (const c of state.clusters) {
    if (c.site !== siteId) continue;
    c.status = 'online';
    c.tsscOk = true;
    restored(state, c.index);
  }
  for (const h of state.hosts) if (h.site === siteId) h.failed = false;
  afterTopologyChange(state);
}

export function setTssc(state: GridState, x: number, ok: boolean): void {
  clusterAt(state, x).tsscOk = ok;
  if (ok) rearmAotm(state);
}

/**
 * Redbook §11.1: AOTM checks through the TSSCs whenever a cluster cannot obtain ownership from a peer
 * it has lost. A check that found the TSSC path down, or the peer still running behind a broken grid
 * network, is made again when that changes (TSSC path repaired, peer really failed); the grace period
 * still counts from when the peer was first lost.
 */
function rearmAotm(state: GridState): void {
  for (const c of state.clusters) {
    if (!isUp(c) || !c.aotm.enabled) continue;
    for (const [peer, since] of Object.entries(c.lostPeerAt)) if (!c.takeover[Number(peer)]) scheduleAotm(state, c.index, Number(peer), since);
  }
}

export function service(state: GridState, x: number, phase: 'PREP' | 'ON' | 'OFF'): void {
  const c = clusterAt(state, x);
  if (c.status === 'failed') refuse('CLUSTER_UNAVAILABLE', `${c.name} is failed`);
  if (phase === 'PREP') c.status = 'service-prep';
  else if (phase === 'ON') {
    if (c.status !== 'service-prep') refuse('SERVICE_PREP_REQUIRED', `${c.name} must complete service preparation first`);
    c.status = 'service';
    loseMounts(state, (m) => m.cluster === x || m.tvc === x, `${c.name} entered service`);
  } else {
    c.status = 'online';
    restored(state, x);
  }
  afterTopologyChange(state);
}

/** The MI's Ownership Takeover Mode: only against a cluster the survivor cannot reach. */
export function setTakeover(state: GridState, survivor: number, failed: number, mode: TakeoverMode | null): void {
  const s = clusterAt(state, survivor);
  const f = clusterAt(state, failed);
  if (survivor === failed) refuse('BAD_TAKEOVER', 'a cluster cannot take over for itself');
  if (mode !== null && reachable(state, survivor, failed)) {
    refuse('PEER_REACHABLE', `${s.name} can still reach ${f.name}: takeover would let two clusters own the same volumes`);
  }
  if (mode === null) delete s.takeover[failed];
  else s.takeover[failed] = mode;
  emit(state, 'TZ0300I', f.name, s.name, mode ?? 'none');
}

export function setAotm(state: GridState, x: number, on: boolean, mode: TakeoverMode | null, graceMs: number | null): void {
  const c = clusterAt(state, x);
  c.aotm = { enabled: on, mode: mode ?? c.aotm.mode, graceMs: graceMs ?? c.aotm.graceMs };
  if (on) for (const [peer, since] of Object.entries(c.lostPeerAt)) scheduleAotm(state, x, Number(peer), since);
}

/** The TSSC check at the end of the grace period; at once when the grace period is already over. */
function scheduleAotm(state: GridState, x: number, peer: number, since: number): void {
  const c = clusterAt(state, x);
  const due = since + c.aotm.graceMs;
  if (due <= state.now) aotmCheck(state, x, peer, since);
  else state.events.push(due, { kind: 'aotm', args: [x, peer, since] });
}

/** Each surviving cluster notices peers it lost (G0013) or regained, and starts AOTM grace periods. */
function noticePeers(state: GridState): void {
  for (const x of state.clusters) {
    if (!isUp(x)) continue;
    for (const p of state.clusters) {
      if (p.index === x.index) continue;
      const lost = !reachable(state, x.index, p.index) && p.status !== 'service';
      if (!lost) {
        delete x.lostPeerAt[p.index];
        continue;
      }
      if (x.lostPeerAt[p.index] !== undefined) continue;
      x.lostPeerAt[p.index] = state.now;
      emitLibraryMessage(state, x.name, 'G0013', p.name);
      if (x.aotm.enabled) scheduleAotm(state, x.index, p.index, state.now);
    }
  }
}

/**
 * Redbook §11.1: after the grace period AOTM asks, over the TSSC network, whether the peer is really
 * down. Only a peer shown inoperable is taken over; a grid-network failure alone never triggers it.
 */
export function onAotm(state: GridState, event: FiredEvent<'aotm'>): void {
  const [x, peer, since] = event.args;
  aotmCheck(state, x, peer, since);
}

function aotmCheck(state: GridState, x: number, peer: number, since: number): void {
  const c = clusterAt(state, x);
  const p = clusterAt(state, peer);
  if (c.lostPeerAt[peer] !== since || !isUp(c) || !c.aotm.enabled || c.takeover[peer]) return;
  if (!c.tsscOk || !p.tsscOk || p.status !== 'failed') return;
  c.takeover[peer] = c.aotm.mode;
  emitLibraryMessage(state, c.name, c.aotm.mode === 'write' ? 'G0009' : 'G0010', p.name);
}

export function describeAotm(state: GridState, x: number) {
  const a = clusterAt(state, x).aotm;
  return { enabled: a.enabled, mode: a.mode, grace: formatDuration(a.graceMs) };
}
