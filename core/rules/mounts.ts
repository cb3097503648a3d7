// Host work: mounts, writes, reads, demounts (spec §4, §5; Redbook §11.1 I/O TVC selection and copy
// consistency points). A mount needs the host's devices on the cluster, ownership, and a TVC holding a
// consistent copy: the mount cluster's own first, else a reachable peer's (remote TVC).

import type { GridState, Mount } from '../world/state.js';
import { refuse } from '../world/refusal.js';
import { hex4 } from '../model/grid.js';
import { NOT_MOUNTED } from '../model/volumes.js';
import { advanceTo, advanceUntil } from '../world/run.js';
import { isoTime } from '../sim/time.js';
import { ensureRoom, isInCache, isScratch, outOfCache, placeInCache, recallTime, resizeCached } from './cache.js';
import { DEFERRED, IMMEDIATE_DEFERRED, SYNC_DEFERRED } from '../world/copy-queues.js';
import { copyInFlight, enqueueCopy, startImmediateCopy } from './copies.js';
import { acquireOwnership, canOwnForWrite } from './ownership.js';
import { isUp, pairBandwidth, reachable } from './reach.js';
import { isWriteProtected } from './write-protect.js';
import { family, flashFamilyFor, imageAtTimeZero, isExcludedCategory, preserveTimeZero } from './dr-family.js';
import { mountAtTimeZero } from './dr-mounts.js';
import type { MountResult } from './mount-result.js';
import { checkRecall } from './physical/stacked.js';

const NO_MC = 255;
const RUN_WAIT_LIMIT_MS = 30 * 86_400_000;

function hostDevices(state: GridState, hostName: string, cluster: number) {
  const host = hostNamed(state, hostName);
  const c = clusterAt(state, cluster);
  if (c.status === 'failed' || c.status === 'service') {
    refuse('CLUSTER_UNAVAILABLE', `${c.name} is ${c.status === 'failed' ? 'failed' : 'in service'}: its virtual devices are unavailable`);
  }
  if (host.failed) refuse('DEVICES_OFFLINE', `host ${host.name} is down`);
  const devices = host.devices[cluster];
  if (!devices || !devices.online) refuse('DEVICES_OFFLINE', `${c.name} devices are not online to ${host.name}`);
  if (devices.paths - devices.failedPaths <= 0) refuse('DEVICES_OFFLINE', `every host link from ${host.name} to ${c.name} has failed`);
  return host;
}

import { TrailKind } from '../model/volume-trail.js';
import { clusterAt, hostNamed, linkBetween } from '../model/grid-lookup.js';

export function mountSpecific(state: GridState, volser: string, cluster: number, hostName: string): MountResult {
  hostDevices(state, hostName, cluster);
  const v = findVolume(state, volser);
  const cols = state.volumes.cols;
  // Spec §7: a DR host on a flashed family sees the volume as it was at time-zero, except the
  // write-protect-excluded categories its test works in.
  // The category at time-zero decides: production moving a volume into an excluded category after
  // time-zero must not hand the DR host the live volume (spec §7: category changes never alter what it sees).
  const family = flashFamilyFor(state, hostName, cluster);
  if (family && !isExcludedCategory(state, family, imageAtTimeZero(state, family, v)?.category ?? state.volumes.get(v, 'category'))) return mountAtTimeZero(state, family, v, cluster, hostName);
  if (cols.mountedOn[v] !== NOT_MOUNTED) refuse('ALREADY_MOUNTED', `${volser} is mounted on ${clusterAt(state, state.volumes.get(v, 'mountedOn')).name}`);
  // Fast Ready (spec §12; Redbook §11.9.7: "mounting that volume through a specific mount will not
  // recall the previously written data … will always mount a blank volume from a scratch (Fast Ready)
  // category"; §11.10.1 step 3: "when 'Expire Hold' is enabled, the TS7700 will not allow any host
  // access to these volumes until the hold period passes"). Only a write-protected cluster with
  // IGNOREFASTREADY treats a protected scratch volume as private: old data, read-only, no hold.
  const category = knownCategory(state, v, cluster);
  if (isScratch(state, category)) {
    const writeProtected = isWriteProtected(state, cluster, category);
    if (!(writeProtected && clusterAt(state, cluster).ignoreFastReady)) {
      const until = expireHoldUntil(state, v, category);
      if (until > state.now) {
        refuse('EXPIRE_HOLD', `${volser} is in scratch category ${hex4(category)} under Expire Hold until ${isoTime(until)}: no host can mount it`);
      }
      acquireOwnership(state, v, cluster);
      const mount = attach(state, v, hostName, cluster, cluster, writeProtected, 'scratch');
      cols.lastAccess[v] = state.now;
      return { ...mountResult(state, mount), fastReady: true };
    }
  }
  const tvc = selectTvc(state, v, cluster);
  const ownership = acquireOwnership(state, v, cluster);
  let recallMs = 0;
  if (!isInCache(state, tvc, v) && cols.level[v] === 0) {
    // Never written (inserted, data level 0): there is nothing on tape to recall.
    if (!ensureRoom(state, tvc, state.volumes.get(v, 'sizeBytes'))) refuse('CACHE_FULL', `${clusterAt(state, tvc).name} cache is full: cannot mount ${volser}`);
    placeInCache(state, tvc, v, 0, true);
  } else if (!isInCache(state, tvc, v)) {
    // Redbook §11.1: a recall into the TVC is done as part of the mount operation.
    checkRecall(state, tvc, v);
    recallMs = recallTime(state, v);
    if (!ensureRoom(state, tvc, state.volumes.get(v, 'sizeBytes'))) refuse('CACHE_FULL', `${clusterAt(state, tvc).name} cache is full: cannot recall ${volser}`);
    advanceTo(state, state.now + recallMs);
    placeInCache(state, tvc, v, state.volumes.get(v, 'level'), true);
    state.trail.push(state.now, v, TrailKind.recall, tvc, -1, state.volumes.get(v, 'level'));
  }
  const readOnly = ownership.readOnly || isWriteProtected(state, cluster, state.volumes.get(v, 'category'));
  const mount = attach(state, v, hostName, cluster, tvc, readOnly, 'live');
  cols.lastAccess[v] = state.now;
  const result = mountResult(state, mount);
  if (recallMs > 0) result.recallSeconds = recallMs / 1000;
  return result;
}

/** The volume's category as `cluster` knows it: a change it has not seen yet does not count. */
export function knownCategory(state: GridState, v: number, cluster: number): number {
  return clusterAt(state, cluster).unseenCategories?.[v]?.category ?? state.volumes.get(v, 'category');
}

/** Clusters that cannot reach the cluster changing a volume's category keep the one they knew. */
function recordUnseenCategory(state: GridState, v: number, via: number): void {
  const old = state.volumes.get(v, 'category');
  for (const c of state.clusters) {
    if (c.index === via || !isUp(c) || reachable(state, via, c.index)) continue;
    const unseen = (c.unseenCategories ??= {});
    unseen[v] = { category: unseen[v]?.category ?? old, via };
  }
}

/** After a repair: a cluster that reaches the changing cluster again learns the change. */
export function syncCategories(state: GridState): void {
  for (const c of state.clusters) {
    const unseen = c.unseenCategories;
    if (!unseen || !isUp(c)) continue;
    for (const [key, change] of Object.entries(unseen)) if (reachable(state, c.index, change.via)) delete unseen[Number(key)];
    if (Object.keys(unseen).length === 0) delete c.unseenCategories;
  }
}

/** When a returned volume's Expire Hold ends (0: none). A never-written volume has no data to hold. */
export function expireHoldUntil(state: GridState, v: number, category = state.volumes.get(v, 'category')): number {
  const hold = state.categories[category]?.expireHoldMs ?? 0;
  if (hold <= 0 || state.volumes.get(v, 'level') === 0) return 0;
  return state.volumes.get(v, 'categoryChangedAt') + hold;
}

/**
 * Spec §12, §4: `MOUNT <volser> … MC <mc>` assigns the Management Class on a specific mount (the ACS
 * routines' construct at mount time); DEMOUNT then applies its copy consistency points. A read-only
 * mount (a time-zero image, write protect, read-only takeover) cannot change the volume's constructs.
 */
export function assignMountMc(state: GridState, result: MountResult, mcName: string): MountResult {
  const v = state.volumes.find(result.volser);
  const m = state.mounts.get(v);
  if (!m || m.readOnly || result.source === 'snapshot' || result.source === 'backup') return result;
  const cols = state.volumes.cols;
  const mc = state.mcs.findIndex((x) => x.name === mcName);
  if (mc !== cols.mc[v]) {
    preserveTimeZero(state, v);
    cols.mc[v] = mc;
    m.mcChanged = true;
  }
  return { ...result, mc: mcName };
}

function usableCopy(state: GridState, v: number, c: number, level: number): boolean {
  return state.volumes.copyLevelOf(c, v) === level && (isInCache(state, c, v) || (state.volumes.get(v, 'premigrated') & (1 << c)) !== 0 || level === 0);
}

/** Local consistent copy first, then a reachable peer's (in cache before on tape, most bandwidth). */
function selectTvc(state: GridState, v: number, cluster: number): number {
  const level = state.volumes.get(v, 'level');
  if (usableCopy(state, v, cluster, level)) return cluster;
  let best = -1;
  let bestScore = -1;
  for (let c = 0; c < state.clusters.length; c++) {
    if (c === cluster || !reachable(state, cluster, c) || !usableCopy(state, v, c, level)) continue;
    const score = (isInCache(state, c, v) ? 2 ** 60 : 0) + pairBandwidth(state, cluster, c);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  if (best < 0) {
    refuse('NO_VALID_COPY', `no consistent copy of ${state.volumes.volser(v)} (level ${level}) is reachable from ${clusterAt(state, cluster).name}`);
  }
  return best;
}

export function mountScratch(state: GridState, cluster: number, hostName: string, mcName: string | null, category: number | null): MountResult {
  return mountResult(state, scratchMount(state, cluster, hostName, mcName, category));
}

/** A scratch mount, as MOUNT SCRATCH makes it: the mount itself, for a JOB that goes on to write the volume. */
export function scratchMount(state: GridState, cluster: number, hostName: string, mcName: string | null, category: number | null): Mount {
  const host = hostDevices(state, hostName, cluster);
  const c = clusterAt(state, cluster);
  const scratchCategory = category ?? host.devsup.scratch;
  if (isWriteProtected(state, cluster, scratchCategory)) {
    refuse('WRITE_PROTECTED', `${c.name} is write protected and category ${hex4(scratchCategory)} is not excluded`);
  }
  // Checked before a scratch volume is taken from the pool, so a refused mount does not lose it.
  if (!ensureRoom(state, cluster, 0) || outOfCache(state, cluster)) refuse('CACHE_FULL', `${c.name} cache is full`);
  const v = takeScratch(state, cluster, scratchCategory);
  const cols = state.volumes.cols;
  acquireOwnership(state, v, cluster);
  const oldMc = state.volumes.get(v, 'mc');
  const oldCategory = state.volumes.get(v, 'category');
  if (mcName !== null) cols.mc[v] = state.mcs.findIndex((m) => m.name === mcName);
  else if (cols.mc[v] === NO_MC && state.mcs.length > 0) cols.mc[v] = 0;
  // OAM makes the volume private (the host's DEVSUP private category) once the scratch mount completes.
  preserveTimeZero(state, v);
  cols.category[v] = host.devsup.private;
  cols.categoryChangedAt[v] = state.now;
  cols.lastAccess[v] = state.now;
  const mount = attach(state, v, hostName, cluster, cluster, false, 'scratch');
  trailChanges(state, v, oldCategory, oldMc);
  return mount;
}

/**
 * Redbook §11.2.3: scratch mounts succeed while the mounting cluster owns scratch volumes; it may also
 * take them from reachable peers, or from a failed peer under write ownership takeover.
 */
function takeScratch(state: GridState, cluster: number, category: number): number {
  const cols = state.volumes.cols;
  const hold = state.categories[category]?.expireHoldMs ?? 0;
  // The mounting cluster's own pool first, then its peers' in cluster order (no list made: once per write).
  for (let k = -1; k < state.clusters.length; k++) {
    const owner = k < 0 ? cluster : clusterAt(state, k).index;
    if (k >= 0 && owner === cluster) continue;
    const pool = state.scratch.pool(category, owner);
    if (!pool || pool.length === 0) continue;
    if (owner !== cluster && !takeable(state, owner, cluster)) continue;
    const deferred = 0;
    while (pool.length > deferred) {
      const v = pool.at(deferred);
      if (cols.category[v] !== category || cols.owner[v] !== owner || cols.mountedOn[v] !== NOT_MOUNTED) {
        removeAt(pool, deferred);
        continue;
      }
      // Expire hold (Redbook §11.4.1) keeps a returned volume's data from reuse until it expires; a
      // volume that was never written has nothing to hold.
      if (hold > 0 && state.volumes.get(v, 'level') > 0 && state.volumes.get(v, 'categoryChangedAt') + hold > state.now) {
        break; // Expire hold: not reusable yet; later returns are held longer still
      }
      removeAt(pool, deferred);
      if (!canOwnForWrite(state, v, cluster)) continue;
      return v;
    }
  }
  refuse('NO_SCRATCH', `no scratch volume in category ${hex4(category)} that ${clusterAt(state, cluster).name} owns or can take`);
}

function takeable(state: GridState, owner: number, cluster: number): boolean {
  if (reachable(state, cluster, owner)) return true;
  const status = clusterAt(state, owner).status;
  return status === 'service' || status === 'service-prep' || clusterAt(state, cluster).takeover[owner] === 'write';
}

function removeAt(pool: { at(i: number): number; shift(): number; unshift(v: number): void }, i: number): void {
  if (i === 0) {
    pool.shift();
    return;
  }
  const front: number[] = [];
  for (let k = 0; k < i; k++) front.push(pool.shift());
  pool.shift();
  for (const v of front.reverse()) pool.unshift(v);
}

function attach(state: GridState, v: number, host: string, cluster: number, tvc: number, readOnly: boolean, source: Mount['source']): Mount {
  let linkIndex = -1;
  if (tvc !== cluster) {
    const link = linkBetween(state, cluster, tvc);
    linkIndex = link.failed + state.rng.below(link.count - link.failed);
  }
  const mount: Mount = { volume: v, host, cluster, tvc, linkIndex, readOnly, source, pendingBytes: null, lost: null };
  state.mounts.set(v, mount);
  state.volumes.cols.mountedOn[v] = cluster;
  state.trail.push(
    state.now,
    v,
    source === 'scratch' ? TrailKind.scratchMount : TrailKind.mount,
    cluster,
    tvc,
    0,
    state.hosts.findIndex((h) => h.name === host),
  );
  return mount;
}

function mountResult(state: GridState, m: Mount): MountResult {
  const result: MountResult = {
    volser: state.volumes.volser(m.volume),
    mountCluster: clusterAt(state, m.cluster).name,
    tvcCluster: clusterAt(state, m.tvc).name,
    source: m.source,
    sourceCluster: clusterAt(state, m.tvc).name,
    readOnly: m.readOnly,
  };
  // Redbook §11.2.4: a remote mount runs over one grid link; if that link fails, so does the job.
  if (m.tvc !== m.cluster) result.gridLink = m.linkIndex + 1;
  return result;
}

export function findVolume(state: GridState, volser: string): number {
  const v = state.volumes.find(volser);
  if (v < 0) refuse('NO_SUCH_VOLUME', `${volser} is not in the grid`);
  return v;
}

function fits(m: Mount | undefined, host: string | null): m is Mount {
  return m !== undefined && (host === null || m.host === host);
}

/** The live mount or the DR host's time-zero mount of a volser; HOST tells them apart. */
export function findMount(state: GridState, volser: string, host: string | null): Mount {
  return mountOf(state, findVolume(state, volser), volser, host);
}

/** findMount of volume v, whose volser the caller has at hand (a JOB's own mount: no lookup by volser). */
function mountOf(state: GridState, v: number, volser: string, host: string | null): Mount {
  const live = state.mounts.get(v);
  const dr = state.drMounts.get(v);
  if (fits(live, host) && fits(dr, host)) refuse('AMBIGUOUS_MOUNT', `${volser} is mounted by ${live.host} and, at time-zero, by ${dr.host}: say HOST`);
  const mount = fits(live, host) ? live : fits(dr, host) ? dr : undefined;
  if (!mount) refuse('NOT_MOUNTED', `${volser} is not mounted${host ? ` by ${host}` : ''}`);
  return mount;
}

function activeMount(state: GridState, v: number, volser: string, host: string | null): Mount {
  const mount = mountOf(state, v, volser, host);
  if (mount.lost) refuse('JOB_FAILED', `${volser}: ${mount.lost}`);
  return mount;
}

export function writeVolume(state: GridState, volser: string, bytes: number, host: string | null = null): { volser: string; bytes: number; tvcCluster: string } {
  return writeVolumeOf(state, findVolume(state, volser), volser, bytes, host);
}

/** writeVolume of volume v (volser is its volser). */
export function writeVolumeOf(state: GridState, v: number, volser: string, bytes: number, host: string | null = null): { volser: string; bytes: number; tvcCluster: string } {
  const m = activeMount(state, v, volser, host);
  if (m.family) refuse('WRITE_PROTECTED', `${volser} is mounted from DR family ${m.family}'s time-zero image, which is read-only`);
  if (isWriteProtected(state, m.cluster, state.volumes.get(m.volume, 'category'))) {
    refuse('WRITE_PROTECTED', `${clusterAt(state, m.cluster).name} is write protected: ${volser} cannot be modified`);
  }
  if (m.readOnly) refuse('READ_ONLY_TAKEOVER', `${volser} was taken under read-only ownership takeover: writes are not allowed`);
  const already = m.pendingBytes ?? 0;
  if (!ensureRoom(state, m.tvc, Math.max(0, bytes - already)) || outOfCache(state, m.tvc)) refuse('CACHE_FULL', `${clusterAt(state, m.tvc).name} cache is full`);
  m.pendingBytes = bytes;
  return { volser, bytes, tvcCluster: clusterAt(state, m.tvc).name };
}

export function readVolume(state: GridState, volser: string, host: string | null = null) {
  const m = activeMount(state, findVolume(state, volser), volser, host);
  const cols = state.volumes.cols;
  if (m.family) {
    const image = family(state, m.family).images.get(m.volume);
    return {
      volser,
      level: image?.level ?? state.volumes.get(m.volume, 'level'),
      sizeMB: (image?.sizeBytes ?? state.volumes.get(m.volume, 'sizeBytes')) / 2 ** 20,
      tvcCluster: clusterAt(state, m.tvc).name,
      source: m.drSource,
    };
  }
  cols.lastAccess[m.volume] = state.now;
  // A Fast Ready mount presents a blank volume (Redbook §11.9.7): nothing of the old data is read.
  if (m.source === 'scratch') return { volser, level: 0, sizeMB: (m.pendingBytes ?? 0) / 2 ** 20, tvcCluster: clusterAt(state, m.tvc).name, blank: true };
  return { volser, level: state.volumes.get(m.volume, 'level'), sizeMB: state.volumes.get(m.volume, 'sizeBytes') / 2 ** 20, tvcCluster: clusterAt(state, m.tvc).name };
}

export interface DemountResult {
  volser: string;
  level: number;
  tvcCluster: string;
  runCopies: string[];
  deferredCopies: string[];
  waitedSeconds: number;
}

/** Rewind-unload: a new data level, then the Management Class's copy consistency points (spec §5). */
export function demount(state: GridState, volser: string, host: string | null = null): DemountResult {
  return demountOf(state, findVolume(state, volser), volser, host);
}

/** demount of volume v (volser is its volser). */
export function demountOf(state: GridState, v: number, volser: string, host: string | null = null): DemountResult {
  const m = mountOf(state, v, volser, host);
  const cols = state.volumes.cols;
  if (m.family) {
    // Spec §12, seed 000: post-time-zero changes "should not alter the time-zero view": the DR host's
    // demount reports the time-zero image's level, never the live volume's.
    const image = state.families.find((f) => f.name === m.family)?.images.get(v);
    state.drMounts.delete(v);
    state.trail.push(state.now, v, TrailKind.demount, m.cluster);
    if (m.lost) refuse('JOB_FAILED', `${volser}: ${m.lost}`);
    return { volser, level: image?.level ?? state.volumes.get(v, 'level'), tvcCluster: clusterAt(state, m.tvc).name, runCopies: [], deferredCopies: [], waitedSeconds: 0 };
  }
  if (m.lost) {
    detach(state, v);
    refuse('JOB_FAILED', `${volser}: ${m.lost}`);
  }
  const result: DemountResult = { volser, level: state.volumes.get(v, 'level'), tvcCluster: clusterAt(state, m.tvc).name, runCopies: [], deferredCopies: [], waitedSeconds: 0 };
  if (m.pendingBytes !== null) {
    preserveTimeZero(state, v);
    const level = state.volumes.get(v, 'level') + 1;
    cols.level[v] = level;
    resizeCached(state, v, m.pendingBytes);
    placeInCache(state, m.tvc, v, level);
    state.trail.push(state.now, v, TrailKind.write, m.tvc, -1, level, m.pendingBytes);
    result.level = level;
    const started = state.now;
    const run = replicate(state, v, m.tvc, level, result);
    if (run.length > 0) {
      advanceUntil(state, () => run.every((t) => !copyInFlight(state, t, v)), state.now + RUN_WAIT_LIMIT_MS);
      result.waitedSeconds = (state.now - started) / 1000;
    }
  } else if (m.mcChanged && state.volumes.get(v, 'level') > 0) {
    // The new Management Class's copy policy applies at rewind-unload even without a write.
    const level = state.volumes.get(v, 'level');
    const started = state.now;
    const run = replicate(state, v, m.tvc, level, result, true);
    if (run.length > 0) {
      advanceUntil(state, () => run.every((t) => !copyInFlight(state, t, v)), state.now + RUN_WAIT_LIMIT_MS);
      result.waitedSeconds = (state.now - started) / 1000;
    }
  }
  cols.lastAccess[v] = state.now;
  detach(state, v);
  state.trail.push(state.now, v, TrailKind.demount, m.cluster, -1, state.volumes.get(v, 'level'));
  return result;
}

/** `missingOnly`: a copy-policy refresh, only to clusters without a consistent copy yet. */
function replicate(state: GridState, v: number, tvc: number, level: number, result: DemountResult, missingOnly = false): number[] {
  const mc = state.mcs[state.volumes.get(v, 'mc')];
  if (!mc) return [];
  const run: number[] = [];
  for (let t = 0; t < state.clusters.length; t++) {
    if (t === tvc) continue;
    if (missingOnly && (state.volumes.copyLevelOf(t, v) === level || copyInFlight(state, t, v))) continue;
    const mode = mc.modes[t] ?? 'N';
    const name = clusterAt(state, t).name;
    if (mode === 'S') {
      // Synchronous mode duplexes at write time; an unreachable S peer turns synchronous-deferred.
      if (reachable(state, tvc, t) && ensureRoom(state, t, state.volumes.get(v, 'sizeBytes'))) {
        placeInCache(state, t, v, level);
        state.trail.push(state.now, v, TrailKind.copy, t, tvc, level);
        result.runCopies.push(name);
      } else {
        enqueueCopy(state, t, v, level, SYNC_DEFERRED);
        result.deferredCopies.push(name);
      }
    } else if (mode === 'R') {
      if (startImmediateCopy(state, t, v, level)) {
        run.push(t);
        result.runCopies.push(name);
      } else {
        // Spec §5: a RUN copy whose target is unreachable turns Deferred.
        enqueueCopy(state, t, v, level, IMMEDIATE_DEFERRED);
        result.deferredCopies.push(name);
      }
    } else if (mode === 'D') {
      enqueueCopy(state, t, v, level, DEFERRED);
      result.deferredCopies.push(name);
    }
  }
  return run;
}

export function detach(state: GridState, v: number): void {
  state.mounts.delete(v);
  state.volumes.cols.mountedOn[v] = NOT_MOUNTED;
}

/** A failure took the device or the TVC path away: the job abends, the volume stays as it was. */
export function loseMount(state: GridState, m: Mount, reason: string): void {
  if (m.lost) return;
  m.lost = reason;
  state.messages.push({
    time: new Date(state.now).toISOString().replace(/\.000Z$/, 'Z'),
    id: 'TZ0200E',
    text: `Job using ${state.volumes.volser(m.volume)} on ${clusterAt(state, m.cluster).name} failed: ${reason}.`,
  });
}

/** The cluster a host's commands go through: its first cluster with devices online and working. */
function hostCluster(state: GridState, hostName: string): number {
  const host = hostNamed(state, hostName);
  if (host.failed) refuse('DEVICES_OFFLINE', `host ${host.name} is down`);
  for (const c of state.clusters) {
    const d = host.devices[c.index];
    if (d && d.online && d.paths > d.failedPaths && isUp(c)) return c.index;
  }
  refuse('DEVICES_OFFLINE', `no cluster's devices are online to ${host.name}`);
}

/** Tape management return-to-scratch or a category / construct change through the owning cluster. */
export function changeVolume(state: GridState, v: number, category: number | null, mc: number | null, hostName: string | null = null): void {
  const cols = state.volumes.cols;
  const volser = state.volumes.volser(v);
  if (cols.mountedOn[v] !== NOT_MOUNTED) refuse('VOLUME_MOUNTED', `${volser} is mounted`);
  if (hostName !== null) {
    // Spec §12, Redbook §11.9.5 and Table 11-3: a host changes a volume through its own devices, so a
    // write-protected cluster refuses the change unless the volume's category is excluded.
    const through = hostCluster(state, hostName);
    if (isWriteProtected(state, through, knownCategory(state, v, through))) {
      refuse('WRITE_PROTECTED', `${clusterAt(state, through).name} is write protected: ${hostName} cannot change ${volser} (category ${hex4(state.volumes.get(v, 'category'))} is not excluded)`);
    }
  }
  const owner = state.volumes.get(v, 'owner');
  let via = isUp(clusterAt(state, owner)) ? owner : -1;
  if (via < 0) {
    for (const c of state.clusters)
      if (isUp(c) && canOwnForWrite(state, v, c.index)) {
        via = c.index;
        break;
      }
  }
  if (via < 0) {
    const readOnly = state.clusters.some((c) => isUp(c) && c.takeover[owner] === 'read');
    if (readOnly) refuse('READ_ONLY_TAKEOVER', `${volser}: ${clusterAt(state, owner).name} is taken over read-only; attributes cannot change`);
    refuse('OWNERSHIP_UNAVAILABLE', `${volser} is owned by ${clusterAt(state, owner).name}, which no cluster can reach`);
  }
  if (isWriteProtected(state, via, state.volumes.get(v, 'category'))) refuse('WRITE_PROTECTED', `${clusterAt(state, via).name} is write protected: ${volser} cannot change`);
  acquireOwnership(state, v, via);
  const oldCategory = state.volumes.get(v, 'category');
  const oldMc = state.volumes.get(v, 'mc');
  if ((mc !== null && mc !== cols.mc[v]) || (category !== null && category !== cols.category[v])) preserveTimeZero(state, v);
  if (mc !== null) cols.mc[v] = mc;
  if (category !== null && category !== cols.category[v]) {
    recordUnseenCategory(state, v, via);
    cols.category[v] = category;
    cols.categoryChangedAt[v] = state.now;
    if (isScratch(state, category)) state.scratch.add(category, state.volumes.get(v, 'owner'), v);
  }
  trailChanges(state, v, oldCategory, oldMc);
}

/** A category or Management Class change, old and new packed into one number, for the volume's history. */
function trailChanges(state: GridState, v: number, oldCategory: number, oldMc: number): void {
  const cols = state.volumes.cols;
  if (cols.category[v] !== oldCategory) state.trail.push(state.now, v, TrailKind.category, state.volumes.get(v, 'owner'), -1, 0, oldCategory * 65536 + state.volumes.get(v, 'category'));
  if (cols.mc[v] !== oldMc) state.trail.push(state.now, v, TrailKind.mc, state.volumes.get(v, 'owner'), -1, 0, oldMc * 256 + state.volumes.get(v, 'mc'));
}

export { NO_MC };
