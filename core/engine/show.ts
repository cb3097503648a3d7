// Read-only views of the grid: the SHOW results whose shapes spec §10 fixes, and a few more fields.

import type { GridState } from '../world/state.js';
import { hex4 } from '../model/grid.js';
import { NO_COPY } from '../model/volumes.js';
import { volumeFields } from '../queries/volume-row.js';
import { COPY_TYPES } from '../world/copy-queues.js';
import { clusterStates, gridStates } from '../rules/grid-states.js';
import { describeAotm } from '../rules/failures.js';
import { isoTime } from '../sim/time.js';

export function ownedCounts(state: GridState): number[] {
  const counts = state.clusters.map(() => 0);
  const owner = state.volumes.cols.owner;
  for (let v = 0; v < state.volumes.count; v++) counts[owner[v]!]!++;
  return counts;
}

export function showGrid(state: GridState) {
  const owned = ownedCounts(state);
  const clusters: Record<string, { status: string; states: string[]; takeover: Record<string, string>; writeProtect: boolean; owned: number; site: string; model: string }> = {};
  for (const c of state.clusters) {
    const takeover: Record<string, string> = {};
    for (const [peer, mode] of Object.entries(c.takeover)) takeover[state.clusters[Number(peer)]!.name] = mode;
    clusters[c.name] = {
      status: c.status,
      states: clusterStates(state, c.index),
      takeover,
      writeProtect: c.writeProtect,
      owned: owned[c.index]!,
      site: c.site,
      model: c.model,
    };
  }
  return { name: state.name, time: isoTime(state.now), states: gridStates(clusters), clusters, volumes: state.volumes.count };
}

export function showCluster(state: GridState, x: number) {
  const c = state.clusters[x]!;
  const owned = ownedCounts(state)[x]!;
  const links: Record<string, { count: number; failed: number; gbps: number }> = {};
  for (const l of Object.values(state.links)) {
    if (l.a !== x && l.b !== x) continue;
    const peer = state.clusters[l.a === x ? l.b : l.a]!;
    links[peer.name] = { count: l.count, failed: l.failed, gbps: l.gbps };
  }
  const takeover: Record<string, string> = {};
  for (const [peer, mode] of Object.entries(c.takeover)) takeover[state.clusters[Number(peer)]!.name] = mode;
  return {
    name: c.name,
    index: c.index,
    site: c.site,
    model: c.model,
    status: c.status,
    code: c.code,
    states: clusterStates(state, c.index),
    cacheMB: Math.trunc(c.cacheBytes / 2 ** 20),
    cacheUsedMB: Math.trunc(c.cacheUsed / 2 ** 20),
    cacheUsedPercent: Math.round((c.cacheUsed / c.cacheBytes) * 1000) / 10,
    drives: c.drives,
    drivesAvailable: c.drivesAvailable,
    ioStation: c.ioStation,
    tssc: c.tsscOk ? 'ok' : 'failed',
    aotm: describeAotm(state, x),
    takeover,
    writeProtect: c.writeProtect,
    ignoreFastReady: c.ignoreFastReady,
    excludedCategories: c.excludedCategories.map(hex4),
    owned,
    links,
    premigrationBacklog: state.premigration[x]?.volume.length ?? 0,
  };
}

export function showVolume(state: GridState, v: number) {
  const cols = state.volumes.cols;
  const copies: Record<string, { level: number; consistent: boolean; inCache: boolean; premigrated: boolean }> = {};
  for (const c of state.clusters) {
    const level = cols.copyLevel[c.index]![v]!;
    if (level === NO_COPY) continue;
    copies[c.name] = {
      level,
      consistent: level === cols.level[v],
      inCache: (cols.inCache[v]! & (1 << c.index)) !== 0,
      premigrated: (cols.premigrated[v]! & (1 << c.index)) !== 0,
    };
  }
  return {
    ...volumeFields(state, v),
    copies,
    created: isoTime(cols.createdAt[v]!),
    lastAccess: isoTime(cols.lastAccess[v]!),
  };
}

const RATE_WINDOW_MS = 3_600_000;

export function showQueue(state: GridState, x: number) {
  const q = state.copies.target(x);
  const byType: Record<string, { count: number; bytes: number; inFlight: number; completed: number; drainMBps: number }> = {};
  COPY_TYPES.forEach((name) => (byType[name] = { count: 0, bytes: 0, inFlight: 0, completed: 0, drainMBps: 0 }));
  for (let i = 0; i < q.volume.length; i++) {
    const t = byType[COPY_TYPES[q.type.at(i)]!]!;
    t.count++;
    t.bytes += q.size.at(i);
  }
  for (const f of q.inFlight) {
    const t = byType[COPY_TYPES[f.type]!]!;
    t.count++;
    t.inFlight++;
    t.bytes += Math.max(0, Math.round(f.remaining));
  }
  // Spec §12: bytes over the elapsed time on the link. Copies that started within the last hour count,
  // the finished ones whole and the ones in flight for what they have moved so far, over the time
  // since the earliest of them started: every counted byte moved in that window, so a pair's rate
  // cannot exceed its links' bandwidth.
  const horizon = state.now - RATE_WINDOW_MS;
  const moved = COPY_TYPES.map(() => 0);
  let start = Infinity;
  for (let i = 0; i < q.recent.length; i += 3) {
    const startedAt = q.recent.at(i);
    if (startedAt < horizon) continue;
    start = Math.min(start, startedAt);
    moved[q.recent.at(i + 2)]! += q.recent.at(i + 1);
  }
  for (const f of q.inFlight) {
    if (f.startedAt < horizon) continue;
    const done = f.bytes - Math.max(0, f.remaining - f.rate * (state.now - q.settledAt));
    if (done <= 0) continue;
    start = Math.min(start, f.startedAt);
    moved[f.type]! += done;
  }
  const seconds = Math.max(1, state.now - start) / 1000;
  if (start < Infinity) COPY_TYPES.forEach((name, i) => (byType[name]!.drainMBps = moved[i]! / 2 ** 20 / seconds));
  COPY_TYPES.forEach((name, i) => {
    const t = byType[name]!;
    t.completed = q.completed[i]!;
    t.drainMBps = Math.round(t.drainMBps * 10) / 10;
  });
  let oldest = Infinity;
  if (q.volume.length > 0) oldest = q.enqueuedAt.at(0);
  for (const f of q.inFlight) oldest = Math.min(oldest, f.enqueuedAt);
  const count = q.volume.length + q.inFlight.length;
  const bytes = Object.values(byType).reduce((s, t) => s + t.bytes, 0);
  return { cluster: state.clusters[x]!.name, count, bytes, oldest: oldest === Infinity ? null : isoTime(oldest), inFlight: q.inFlight.length, byType };
}

export function queueHistory(state: GridState, x: number) {
  return state.copies.target(x).history.map((s) => ({ time: isoTime(s.time), count: s.count, bytes: s.bytes }));
}

/** Up to `limit` queued or in-flight volumes of a target, oldest first. */
export function queuedVolumes(state: GridState, x: number, limit = 100) {
  const q = state.copies.target(x);
  const rows: { volser: string; type: string; sizeMB: number; enqueued: string; inFlight: boolean; source: string | null }[] = [];
  for (const f of q.inFlight) {
    rows.push({
      volser: state.volumes.volser(f.volume),
      type: COPY_TYPES[f.type]!,
      sizeMB: Math.trunc(f.bytes / 2 ** 20),
      enqueued: isoTime(f.enqueuedAt),
      inFlight: true,
      source: state.clusters[f.source]!.name,
    });
  }
  for (let i = 0; i < q.volume.length && rows.length < limit; i++) {
    rows.push({
      volser: state.volumes.volser(q.volume.at(i)),
      type: COPY_TYPES[q.type.at(i)]!,
      sizeMB: Math.trunc(q.size.at(i) / 2 ** 20),
      enqueued: isoTime(q.enqueuedAt.at(i)),
      inFlight: false,
      source: null,
    });
  }
  return rows.slice(0, limit);
}
