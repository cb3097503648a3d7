// Building the grid (spec §3): sites, clusters, fully meshed grid links, hosts, Management Classes,
// categories, inserted and preloaded logical volumes.

import { EventQueue } from '../sim/event-queue.js';
import type { GridState } from '../world/state.js';
import { refuse } from '../world/refusal.js';
import { isUp, reachable } from './reach.js';
import { CATEGORY_INSERT, DEFAULT_AOTM_GRACE_MS, DEFAULT_DISK_CACHE, DEFAULT_DRIVES, DEFAULT_TAPE_CACHE, linkKey, type ClusterModel, isCopyMode, type PreferenceGroup } from '../model/grid.js';
import { VolumeStore } from '../model/volumes.js';
import { CATEGORY_ERROR as CATEGORY_ERROR_DEFAULT, CATEGORY_PRIVATE as CATEGORY_PRIVATE_DEFAULT, CATEGORY_SCRATCH as CATEGORY_SCRATCH_DEFAULT } from '../model/grid.js';
import { rangeCodes, rangeVolser, type VolserRange } from '../model/volser.js';
import { CopyQueues } from '../world/copy-queues.js';
import { ScratchPools } from '../world/scratch-pools.js';
import { isScratch, REMOVAL_THRESHOLD, ensureRoom } from './cache.js';
import { NO_MC } from './mounts.js';
import { createTapeState } from '../world/tape/tape-state.js';
import { placePreloaded } from './physical/stacked.js';
import { whole, type Sliced } from '../sim/work-slices.js';
import { clusterAt, mcAt, hostNamed, linkBetween } from '../model/grid-lookup.js';

export function newGrid(state: GridState, name: string): void {
  Object.assign(state, {
    name,
    // Pending copies, pre-migrations and timers belong to the grid being replaced.
    events: new EventQueue(),
    sites: [],
    clusters: [],
    links: {},
    hosts: [],
    mcs: [],
    categories: { 0x0002: { hex: 0x0002, scratch: true, expireHoldMs: 0 }, 0x000f: { hex: 0x000f, scratch: false, expireHoldMs: 0 }, 0x000e: { hex: 0x000e, scratch: false, expireHoldMs: 0 } },
    volumes: new VolumeStore(0),
    copies: new CopyQueues(),
    scratch: new ScratchPools(),
    premigration: [],
    mounts: new Map(),
    drMounts: new Map(),
    families: [],
    flashActive: false,
    announced: {},
    gridChanges: state.gridChanges + 1,
    tape: createTapeState(),
  });
}

export function addSite(state: GridState, id: string): void {
  if (state.sites.some((s) => s.id === id)) refuse('DUPLICATE', `site ${id} already exists`);
  state.sites.push({ id, failed: false });
}

export interface ClusterSpec {
  name: string;
  site: string;
  model: ClusterModel;
  cache: number | null;
  drives: number | null;
  ioStation: boolean;
  code: string | null;
}

export function addCluster(state: GridState, spec: ClusterSpec): void {
  const index = state.clusters.length;
  const drives = spec.drives ?? (spec.model === 'TAPE' ? DEFAULT_DRIVES : 0);
  state.clusters.push({
    index,
    name: spec.name,
    site: spec.site,
    model: spec.model,
    cacheBytes: spec.cache ?? (spec.model === 'DISK' ? DEFAULT_DISK_CACHE : DEFAULT_TAPE_CACHE),
    cacheUsed: 0,
    drives,
    drivesAvailable: drives,
    ioStation: spec.ioStation,
    code: spec.code ?? '8.50',
    status: state.sites.find((s) => s.id === spec.site)?.failed ? 'failed' : 'online',
    tsscOk: true,
    takeover: {},
    aotm: { enabled: false, mode: 'write', graceMs: DEFAULT_AOTM_GRACE_MS },
    lostPeerAt: {},
    writeProtect: false,
    ignoreFastReady: false,
    excludedCategories: [],
    premigrationBacklog: 0,
  });
  // Clusters are fully meshed by default: two 10 Gbps links (spec §3).
  for (let other = 0; other < index; other++) state.links[linkKey(other, index)] = { a: other, b: index, count: 2, gbps: 10, failed: 0 };
  state.volumes.addCluster();
  state.copies.target(index);
  state.announced[index] = [];
  state.gridChanges++;
}

export function setLink(state: GridState, a: number, b: number, count: number | null, gbps: number | null): void {
  if (a === b) refuse('BAD_LINK', 'a grid link joins two different clusters');
  const link = linkBetween(state, a, b);
  if (count !== null) link.count = count;
  if (gbps !== null) link.gbps = gbps;
  link.failed = Math.min(link.failed, link.count);
  state.gridChanges++;
}

export function addHost(state: GridState, name: string, site: string, role: 'PRODUCTION' | 'DR', devices: number[], paths: number): void {
  if (state.hosts.some((h) => h.name === name)) refuse('DUPLICATE', `host ${name} already exists`);
  const host = {
    name,
    site,
    role,
    failed: state.sites.find((s) => s.id === site)?.failed ?? false,
    devices: devicesOf(devices, paths),
    devsup: { scratch: CATEGORY_SCRATCH_DEFAULT, private: CATEGORY_PRIVATE_DEFAULT, error: CATEGORY_ERROR_DEFAULT },
  };
  state.hosts.push(host);
}

export function vary(state: GridState, hostName: string, cluster: number, online: boolean): void {
  const host = hostNamed(state, hostName);
  const devices = host.devices[cluster];
  if (!online) {
    for (const m of state.mounts.values()) {
      if (m.host === hostName && m.cluster === cluster && !m.lost) refuse('DEVICES_BUSY', `${state.volumes.volser(m.volume)} is mounted on a device being varied offline`);
    }
  }
  if (devices) devices.online = online;
  else if (online) host.devices[cluster] = { online: true, paths: 2, failedPaths: 0 };
}

/** A host's virtual devices on each of `clusters`, online, with `paths` host links each. */
function devicesOf(clusters: readonly number[], paths: number): Record<number, { online: boolean; paths: number; failedPaths: number }> {
  const devices: Record<number, { online: boolean; paths: number; failedPaths: number }> = {};
  for (const d of clusters) devices[d] = { online: true, paths, failedPaths: 0 };
  return devices;
}

/** DEVSUPxx on a host: its scratch (MEDIA1), private and error categories. */
export function devsup(state: GridState, hostName: string, scratch: number | null, priv: number | null, error: number | null): void {
  const host = hostNamed(state, hostName);
  if (scratch !== null) host.devsup.scratch = scratch;
  if (priv !== null) host.devsup.private = priv;
  if (error !== null) host.devsup.error = error;
}

export function defineMc(state: GridState, name: string, modes: string, secondaryPool: number | null, preference: PreferenceGroup): void {
  const letters = [...modes];
  const copyModes = letters.filter(isCopyMode);
  if (copyModes.length !== letters.length) refuse('BAD_COPY_MODE', `${modes}: copy modes are R, D, N or S, one per cluster`);
  const mc = { name, modes: copyModes, secondaryPool, preference };
  const at = state.mcs.findIndex((m) => m.name === name);
  if (at >= 0) state.mcs[at] = mc;
  else {
    if (state.mcs.length >= NO_MC) refuse('LIMIT', `at most ${NO_MC} Management Classes`);
    state.mcs.push(mc);
  }
}

export function defineCategory(state: GridState, hex: number, scratch: boolean, expireHoldMs: number): void {
  state.categories[hex] = { hex, scratch, expireHoldMs };
}

/** Encodes a range once, refusing it whole if any volser is already in the grid. */
function freeCodes(state: GridState, range: VolserRange): Uint32Array {
  const codes = rangeCodes(range);
  checkFree(state, range, codes, 0, codes.length);
  return codes;
}

/** New empty volumes (level 0): every cluster knows them; scratch ones join the owner's scratch pool. */
export function insertVolumes(state: GridState, range: VolserRange, owner: number, category: number): { inserted: number } {
  // Redbook §11.10.3 step 8: "If you perform this step [break the links] before cartridge insertion,
  // the insertion will fail": every running peer must hear of the new volumes.
  for (const peer of state.clusters) {
    if (peer.index !== owner && isUp(peer) && !reachable(state, owner, peer.index)) {
      refuse('GRID_LINKS_BROKEN', `${clusterAt(state, owner).name} cannot reach ${peer.name}: logical volumes cannot be inserted while the grid links are broken`);
    }
  }
  const codes = freeCodes(state, range);
  const n = codes.length;
  const store = state.volumes;
  store.reserve(store.count + n);
  const cols = store.cols;
  const scratch = isScratch(state, category);
  for (const code of codes) {
    const v = store.add(code);
    cols.category[v] = category;
    cols.mc[v] = NO_MC;
    cols.owner[v] = owner;
    cols.level[v] = 0;
    cols.createdAt[v] = state.now;
    cols.lastAccess[v] = state.now;
    cols.categoryChangedAt[v] = state.now;
    for (const levels of cols.copyLevel) levels[v] = 0;
    if (scratch) state.scratch.add(category, owner, v);
  }
  return { inserted: n };
}

/**
 * Volumes written before the run (level 1), with copies where their Management Class puts them:
 * in cache on disk-only clusters, pre-migrated to tape on tape-attached ones.
 */
/** Volumes a PRELOAD checks or adds between two progress reports: a few tens of milliseconds of work. */
export const PRELOAD_SLICE = 50_000;

export function preloadVolumes(state: GridState, range: VolserRange, owner: number, mcName: string, size: number, category: number): { preloaded: number } {
  return whole(preloadSlices(state, range, owner, mcName, size, category));
}

/**
 * PRELOAD in slices of `slice` volumes: the whole range is checked before anything changes (a volser
 * already in the grid refuses it untouched), then added slice by slice, each slice filled and placed
 * on stacked volumes in order, so the grid ends exactly as one pass over the range leaves it. Cache
 * room is made once, at the end, as for one pass.
 */
export function* preloadSlices(state: GridState, range: VolserRange, owner: number, mcName: string, size: number, category: number, slice = PRELOAD_SLICE): Sliced<{ preloaded: number }> {
  const codes = rangeCodes(range);
  const n = codes.length;
  for (let from = 0; from < n; from += slice) {
    checkFree(state, range, codes, from, Math.min(n, from + slice));
    yield { done: 0, total: n };
  }
  const mcIndex = state.mcs.findIndex((m) => m.name === mcName);
  const mc = mcAt(state, mcIndex);
  const store = state.volumes;
  store.reserve(store.count + n);
  const cols = store.cols;
  const holders = state.clusters.filter((c) => c.index === owner || ['R', 'D', 'S'].includes(mc.modes[c.index] ?? 'N'));
  let cacheBits = 0;
  let tapeBits = 0;
  for (const c of holders) {
    if (c.model === 'DISK' || (c.index === owner && mc.preference === 'PG1')) cacheBits |= 1 << c.index;
    if (c.model === 'TAPE') tapeBits |= 1 << c.index;
  }
  const scratch = isScratch(state, category);
  const start = store.count;
  // Every volume of the range is alike but for its volser: whole-slice fills, not a loop per volume.
  for (let from = 0; from < n; from += slice) {
    const first = store.addBlock(codes.subarray(from, Math.min(n, from + slice)));
    const end = store.count;
    cols.category.fill(category, first, end);
    cols.mc.fill(mcIndex, first, end);
    cols.owner.fill(owner, first, end);
    cols.level.fill(1, first, end);
    cols.sizeBytes.fill(size, first, end);
    cols.createdAt.fill(state.now, first, end);
    cols.lastAccess.fill(state.now, first, end);
    cols.categoryChangedAt.fill(state.now, first, end);
    cols.inCache.fill(cacheBits, first, end);
    cols.premigrated.fill(tapeBits, first, end);
    for (const c of holders) state.volumes.copyLevels(c.index).fill(1, first, end);
    placePreloaded(state, first, end - first);
    yield { done: end - start, total: n };
  }
  for (const c of holders) if (cacheBits & (1 << c.index)) c.cacheUsed += size * n;
  if (scratch) state.scratch.addRun(category, owner, start, start + n);
  for (const c of holders) if (c.cacheUsed > c.cacheBytes * REMOVAL_THRESHOLD) ensureRoom(state, c.index, 0);
  return { preloaded: n };
}

function checkFree(state: GridState, range: VolserRange, codes: Uint32Array, from: number, to: number): void {
  // A counter beside for..of: entries() would make an array per volume, millions for the collector.
  let k = from;
  for (const code of codes.subarray(from, to)) {
    if (state.volumes.findCode(code) >= 0) refuse('VOLUME_EXISTS', `${rangeVolser(range, k)} is already in the grid`);
    k++;
  }
}

export { CATEGORY_INSERT };
