// Multiple copy versions of a source pool (seed 002). Each target pool holds one copy version; version
// n uses target pool (n-1) mod k. Replication records (RR) describe versions that exist, pre-pairing
// records (PPR) versions to come. BACKUP makes a copy record from a pre-copy record — the version's
// PPR, else the RR of the version it replaces, else fresh pairs (FIG. 7) — verified against the source
// pool as it is now (FIG. 8), copies, records the new RR, breaks pairs of removed sources and deletes the
// records of the version replaced (FIG. 6). Target selection scans the pool for an available target
// of compatible type, geometry and size and copy technology (FIG. 5), and notifies when none fits.

import type { GridState } from '../world/state.js';
import { refuse } from '../world/refusal.js';
import { advanceTo } from '../world/run.js';
import { isoTime } from '../sim/time.js';
import { BLOCK_BYTES } from '../world/dasd/blocks.js';
import { dasdMessage } from './messages.js';
import type { CopyPair, CopyRecord, CopyTech, DasdVolume, SourcePool, TargetPool, VersionState } from '../world/dasd/state.js';
import { findDasd, GEOMETRY, roleOf } from './volumes.js';

/** Traditional copy moves every written block at this rate; point-in-time copies are instant. */
export const COPY_BYTES_PER_SEC = 100 * 2 ** 20;

export function sourcePool(state: GridState, name: string): SourcePool {
  const p = state.dasd.sourcePools.find((x) => x.name === name);
  if (!p) refuse('NO_SUCH_POOL', `no source pool ${name}`);
  return p;
}

function versions(state: GridState, pool: string): VersionState {
  let v = state.dasd.versions.find((x) => x.pool === pool);
  if (!v) {
    v = { pool, records: [], lastVersion: 0, chronology: [], notifications: [] };
    state.dasd.versions.push(v);
  }
  return v;
}

function targetPools(state: GridState, pool: string): TargetPool[] {
  return state.dasd.targetPools.filter((t) => t.sourcePool === pool);
}

function poolForVersion(state: GridState, pool: string, version: number): TargetPool {
  const pools = targetPools(state, pool);
  // Versions take the target pools in turn.
  const tp = pools[(version - 1) % pools.length];
  if (!tp) refuse('NO_TARGET_POOL', `source pool ${pool} has no target pool: define one with TARGETPOOL … FOR ${pool}`);
  return tp;
}

/**
 * Spec §12, seed 002 Table 3.4 and [0055]: each volume of the volume pool directory is either a
 * source (the current data) or a target holding one copy version, in exactly one pool. A volume in
 * two pools would have one backup overwrite another's version, or a backup overwrite live data.
 */
function refuseIfPooled(state: GridState, volumes: string[]): void {
  const seen = new Set<string>();
  for (const v of volumes) {
    if (seen.has(v)) refuse('VOLUME_IN_POOL', `${v} is named twice: a volume belongs to one pool once`);
    seen.add(v);
    const source = state.dasd.sourcePools.find((p) => p.volumes.includes(v));
    if (source) refuse('VOLUME_IN_POOL', `${v} is already in source pool ${source.name}: a volume belongs to at most one source or target pool`);
    const target = state.dasd.targetPools.find((p) => p.volumes.includes(v));
    if (target) refuse('VOLUME_IN_POOL', `${v} is already in target pool ${target.name} (copy versions of ${target.sourcePool}): a volume belongs to at most one source or target pool`);
  }
}

export function defineSourcePool(state: GridState, name: string, volumes: string[]) {
  if (state.dasd.sourcePools.some((p) => p.name === name)) refuse('DUPLICATE', `source pool ${name} already exists`);
  for (const v of volumes) findDasd(state, v);
  refuseIfPooled(state, volumes);
  state.dasd.sourcePools.push({ name, volumes: [...volumes] });
  versions(state, name);
  return { pool: name, volumes };
}

/** Seed 002 [0012]: a source added or removed updates the pre-pairing records at once (FIG. 8). */
export function changeSourcePool(state: GridState, name: string, action: 'ADD' | 'REMOVE', volume: string) {
  const p = sourcePool(state, name);
  findDasd(state, volume);
  if (action === 'ADD') {
    if (p.volumes.includes(volume)) refuse('DUPLICATE', `${volume} is already in source pool ${name}`);
    refuseIfPooled(state, [volume]);
    p.volumes.push(volume);
  } else {
    if (!p.volumes.includes(volume)) refuse('NOT_IN_POOL', `${volume} is not in source pool ${name}`);
    p.volumes = p.volumes.filter((v) => v !== volume);
  }
  const vs = versions(state, name);
  const updated: { version: number; pairs: CopyPair[] }[] = [];
  for (const r of vs.records.filter((x) => x.kind === 'PPR')) {
    const verified = verify(state, p, r, r.targetPool);
    r.pairs = verified.pairs;
    r.sources = [...p.volumes];
    updated.push({ version: r.version, pairs: r.pairs });
  }
  return { pool: name, action, volume, volumes: p.volumes, prePairingRecordsUpdated: updated };
}

export function defineTargetPool(state: GridState, name: string, pool: string, volumes: string[]) {
  sourcePool(state, pool);
  if (state.dasd.targetPools.some((t) => t.name === name)) refuse('DUPLICATE', `target pool ${name} already exists`);
  for (const v of volumes) findDasd(state, v);
  // Spec §12 (VOLUME_IN_POOL, formerly VOLUME_IN_USE for a source volume): no volume in two pools.
  refuseIfPooled(state, volumes);
  state.dasd.targetPools.push({ name, sourcePool: pool, volumes: [...volumes] });
  return { pool: name, for: pool, volumes, version: targetPools(state, pool).length };
}

/** The copy technology a pair uses, or null when the two cannot be paired (FIG. 5 step 512). */
export function copyTechnology(source: DasdVolume, target: DasdVolume): CopyTech | null {
  if (source.tech === target.tech) return source.tech;
  // Traditional copy works between any two volumes; FlashCopy and SnapShot are not interchangeable.
  if (source.tech === 'COPY' || target.tech === 'COPY') return 'COPY';
  return null;
}

/** FIG. 5: why a target does not fit a source, or null when it does. */
export function unfit(state: GridState, source: DasdVolume, target: DasdVolume, reserved: Set<string>): string | null {
  // Step 506: available — not reserved for another copy pair, not busy in a replication.
  if (reserved.has(target.name)) return `${target.name} reserved for another copy pair`;
  const role = roleOf(state, target.name);
  if (role) return `${target.name} unavailable (${role})`;
  // Step 508: compatible volume type.
  const gs = GEOMETRY[source.type];
  const gt = GEOMETRY[target.type];
  if (!gs || !gt || gs.family !== gt.family) return `${target.name} type ${target.type} not compatible with ${source.type}`;
  // Step 510: geometry and storage size.
  if (gt.cylinders < gs.cylinders) return `${target.name} geometry ${target.type} smaller than ${source.type}`;
  if (target.sizeBytes < source.sizeBytes) return `${target.name} size ${target.sizeBytes} bytes smaller than ${source.sizeBytes}`;
  // Step 512: compatible copy technology.
  if (!copyTechnology(source, target)) return `${target.name} copy technology ${target.tech} not compatible with ${source.tech}`;
  return null;
}

/** FIG. 4/5: scans the target pool for the source; notifies when nothing fits. */
function selectTarget(state: GridState, vs: VersionState, tp: TargetPool, source: string, reserved: Set<string>, prefer: string | null): string | null {
  const src = findDasd(state, source);
  const order = prefer && tp.volumes.includes(prefer) ? [prefer, ...tp.volumes.filter((v) => v !== prefer)] : tp.volumes;
  const reasons: string[] = [];
  for (const name of order) {
    const why = unfit(state, src, findDasd(state, name), reserved);
    if (!why) return name;
    if (!reasons.includes(why)) reasons.push(why);
  }
  // Step 518: "sends a notification ... that there is not a target volume for use in a copy pair".
  const text = `No target volume in target pool ${tp.name} fits source volume ${source}: ${reasons.join('; ') || 'the pool is empty'}.`;
  vs.notifications.push(`${isoTime(state.now)} ${text}`);
  dasdMessage(state, 'TZ0610W', tp.name, source, reasons.join('; ') || 'the pool is empty');
  return null;
}

/**
 * FIG. 8: keeps the pre-copy record's pairs whose source is still in the pool (and whose target still
 * fits), and makes new pairs for sources added since. Returns the copy record's pairs.
 */
function verify(state: GridState, p: SourcePool, pre: CopyRecord | null, tpName: string): { pairs: CopyPair[]; removed: CopyPair[]; added: string[] } {
  const vs = versions(state, p.name);
  const tp = state.dasd.targetPools.find((t) => t.name === tpName);
  if (!tp) throw new Error(`copy record of ${p.name} names target pool ${tpName}, which is not defined`);
  const pairs: CopyPair[] = [];
  const removed: CopyPair[] = [];
  const reserved = new Set<string>();
  const keep: CopyPair[] = [];
  for (const pair of pre?.pairs ?? []) {
    if (!p.volumes.includes(pair.source)) removed.push(pair);
    else keep.push(pair);
  }
  for (const pair of keep) reserved.add(pair.target);
  for (const pair of keep) {
    reserved.delete(pair.target);
    const fits = tp.volumes.includes(pair.target) && !unfit(state, findDasd(state, pair.source), findDasd(state, pair.target), reserved);
    const target = fits ? pair.target : selectTarget(state, vs, tp, pair.source, reserved, null);
    if (target) {
      pairs.push({ source: pair.source, target });
      reserved.add(target);
    }
  }
  const added: string[] = [];
  for (const source of p.volumes) {
    if (keep.some((x) => x.source === source)) continue;
    added.push(source);
    const target = selectTarget(state, vs, tp, source, reserved, null);
    if (target) {
      pairs.push({ source, target });
      reserved.add(target);
    }
  }
  pairs.sort((a, b) => p.volumes.indexOf(a.source) - p.volumes.indexOf(b.source));
  return { pairs, removed, added };
}

function snapshotRecords(vs: VersionState, label: string, time: number): void {
  vs.chronology.push({
    label,
    time,
    records: vs.records.map((r) => ({ version: r.version, record: r.kind, pairs: r.pairs.map((p) => ({ ...p })) })).sort((a, b) => a.version - b.version || (a.record < b.record ? 1 : -1)),
  });
}

/**
 * PREPAIR: the pre-pairing records of the coming versions, one per target pool — seed 002 Table 3.6
 * holds the PPRs of V1 and V2 before either copy exists — made outside the copy window ([0004]). Run
 * again, it replaces them (FIG. 4 step 416).
 */
export function prepair(state: GridState, pool: string) {
  const p = sourcePool(state, pool);
  const vs = versions(state, pool);
  poolForVersion(state, pool, vs.lastVersion + 1);
  const k = targetPools(state, pool).length;
  const before = vs.notifications.length;
  const made: { version: number; targetPool: string; pairs: CopyPair[] }[] = [];
  for (let version = vs.lastVersion + 1; version <= vs.lastVersion + k; version++) {
    const tp = poolForVersion(state, pool, version);
    vs.records = vs.records.filter((r) => !(r.kind === 'PPR' && r.version === version));
    const { pairs } = verify(state, p, null, tp.name);
    vs.records.push({ kind: 'PPR', version, time: state.now, targetPool: tp.name, pairs, sources: [...p.volumes] });
    made.push({ version, targetPool: tp.name, pairs });
  }
  vs.records.sort((a, b) => a.version - b.version);
  const [first] = made;
  if (!first) throw new Error(`source pool ${pool}: no pre-pairing record made (no target pool)`);
  return { pool, version: first.version, record: 'PPR', targetPool: first.targetPool, pairs: first.pairs, prePairingRecords: made, notifications: vs.notifications.slice(before) };
}

/** BACKUP: FIG. 6 copy method with the FIG. 7 copy record and FIG. 8 verification. */
export function backup(state: GridState, pool: string) {
  const p = sourcePool(state, pool);
  const vs = versions(state, pool);
  const version = vs.lastVersion + 1;
  const tp = poolForVersion(state, pool, version);
  const k = targetPools(state, pool).length;
  const before = vs.notifications.length;
  const label = `T${version}`;
  snapshotRecords(vs, label, state.now);
  const ppr = vs.records.find((r) => r.kind === 'PPR' && r.version === version);
  const replaced = vs.records.find((r) => r.kind === 'RR' && r.version === version - k);
  const pre = ppr ?? replaced ?? null;
  const preCopy = ppr ? 'PPR' : replaced ? 'RR' : 'none';
  const { pairs, removed, added } = verify(state, p, pre, tp.name);
  // Step 606: the copy. Point-in-time technologies are instant; traditional copy takes time.
  let copiedBytes = 0;
  const technologies: Record<string, CopyTech> = {};
  for (const pair of pairs) {
    const src = findDasd(state, pair.source);
    const tgt = findDasd(state, pair.target);
    const tech = copyTechnology(src, tgt);
    if (!tech) throw new Error(`${pair.source} and ${pair.target} were paired without a copy technology in common`);
    technologies[`${pair.source}-${pair.target}`] = tech;
    tgt.data = src.data.clone();
    if (tech === 'COPY') copiedBytes += src.data.count() * BLOCK_BYTES;
  }
  const time = state.now;
  if (copiedBytes > 0) advanceTo(state, state.now + Math.ceil((copiedBytes * 1000) / COPY_BYTES_PER_SEC));
  // Steps 608-614: the new replication record; pairs of sources removed since the pre-copy record break.
  for (const pair of removed) dasdMessage(state, 'TZ0611I', pair.source, pair.target, pool);
  // Step 616: the records of the version replaced, and this version's pre-pairing record, go.
  vs.records = vs.records.filter((r) => !(r.version === version && r.kind === 'PPR') && !(r.kind === 'RR' && r.version === version - k));
  vs.records.push({ kind: 'RR', version, time, targetPool: tp.name, pairs, sources: [...p.volumes] });
  vs.records.sort((a, b) => a.version - b.version);
  vs.lastVersion = version;
  snapshotRecords(vs, `${label}+`, state.now);
  const unpaired = p.volumes.filter((s) => !pairs.some((x) => x.source === s));
  return {
    pool,
    version,
    time: isoTime(time),
    targetPool: tp.name,
    preCopyRecord: preCopy,
    pairs,
    technologies,
    brokenPairs: removed,
    addedSources: added,
    unpaired,
    replacedVersion: replaced ? replaced.version : null,
    copySeconds: copiedBytes / COPY_BYTES_PER_SEC,
    notifications: vs.notifications.slice(before),
  };
}

/** SHOW VERSIONS (spec §10): the records in force, and the chronology of seed 002 Appendix A. */
export function showVersions(state: GridState, pool: string) {
  sourcePool(state, pool);
  const vs = versions(state, pool);
  return {
    pool,
    versions: vs.records.map((r) => ({ version: r.version, time: isoTime(r.time), record: r.kind, targetPool: r.targetPool, pairs: r.pairs })),
    notifications: vs.notifications,
    chronology: vs.chronology.map((c) => ({ label: c.label, time: isoTime(c.time), records: c.records })),
    sourceVolumes: sourcePool(state, pool).volumes,
    targetPools: targetPools(state, pool).map((t) => ({ name: t.name, volumes: t.volumes })),
  };
}
