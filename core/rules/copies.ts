// The copy scheduler (spec §5; Redbook §11.1 copy consistency points). A copy moves from a cluster
// holding a consistent copy to its target over the working grid links between them, at their summed
// bandwidth shared equally by the copies in flight on that pair, at most 20 per target; queues
// drain in demount order. RUN (immediate) copies start at once and DEMOUNT waits for them.

import type { GridState } from '../world/state.js';
import { DEFERRED, IMMEDIATE, IMMEDIATE_DEFERRED, MAX_COPIES_IN_FLIGHT, type CopyInFlight, type TargetQueue } from '../world/copy-queues.js';
import { ensureRoom, placeInCache } from './cache.js';
import { isUp, pairBandwidth } from './reach.js';
import type { FiredEvent } from '../world/events.js';
import { TrailKind } from '../model/volume-trail.js';

const HISTORY_STEP_MS = 60_000;
const HISTORY_LIMIT = 2000;
const RECENT_WINDOW_MS = 3_600_000;

export function enqueueCopy(state: GridState, target: number, v: number, level: number, type: number): void {
  const q = state.copies.target(target);
  const size = state.volumes.cols.sizeBytes[v]!;
  q.volume.push(v);
  q.level.push(level);
  q.type.push(type);
  q.enqueuedAt.push(state.now);
  q.size.push(size);
  q.bytes += size;
  q.pending[type]!++;
  pumpCopies(state, target);
}

/**
 * A RUN copy: in flight at once, ahead of the queue. Returns false when the target cannot be
 * reached or no source can feed it; the caller turns it into an immediate-deferred copy.
 */
export function startImmediateCopy(state: GridState, target: number, v: number, level: number): boolean {
  const q = state.copies.target(target);
  settle(state, q);
  const source = pickSource(state, target, v, level);
  if (source < 0) return false;
  const size = state.volumes.cols.sizeBytes[v]!;
  if (!ensureRoom(state, target, size)) return false;
  q.inFlight.push(newFlight(state, v, level, IMMEDIATE, source, size, state.now));
  q.pending[IMMEDIATE]!++;
  reschedule(state, target, q);
  return true;
}

export function copyInFlight(state: GridState, target: number, v: number): boolean {
  const q = state.copies.targets[target];
  return !!q && q.inFlight.some((f) => f.volume === v);
}

function newFlight(state: GridState, v: number, level: number, type: number, source: number, bytes: number, enqueuedAt: number): CopyInFlight {
  return { volume: v, level, type, source, bytes, remaining: bytes, rate: 0, enqueuedAt, startedAt: state.now };
}

/** The consistent copy with the most bandwidth to the target; ties go to the lower cluster index. */
function pickSource(state: GridState, target: number, v: number, level: number): number {
  if (!isUp(state.clusters[target]!)) return -1;
  const cols = state.volumes.cols;
  let best = -1;
  let bestBandwidth = 0;
  for (let s = 0; s < state.clusters.length; s++) {
    if (s === target || cols.copyLevel[s]![v] !== level) continue;
    const bandwidth = pairBandwidth(state, s, target);
    if (bandwidth > bestBandwidth) {
      best = s;
      bestBandwidth = bandwidth;
    }
  }
  return best;
}

/** Brings every in-flight copy of a target up to the present. */
function settle(state: GridState, q: TargetQueue): void {
  const elapsed = state.now - q.settledAt;
  if (elapsed > 0) for (const f of q.inFlight) f.remaining -= f.rate * elapsed;
  q.settledAt = state.now;
}

/**
 * Starts waiting copies while the target has room in flight, then re-plans the next completion.
 * `quiet`: re-plan only if a copy started (a wake-up from another target's completion).
 */
export function pumpCopies(state: GridState, target: number, quiet = false): void {
  const q = state.copies.target(target);
  settle(state, q);
  const cols = state.volumes.cols;
  let skipped = 0;
  let started = 0;
  while (q.inFlight.length < MAX_COPIES_IN_FLIGHT && q.volume.length > skipped) {
    const v = q.volume.at(skipped);
    const level = q.level.at(skipped);
    // A newer level supersedes the queued one; a target already consistent needs nothing.
    if (cols.level[v] !== level || cols.copyLevel[target]![v] === level) {
      dropAt(q, skipped);
      continue;
    }
    const source = pickSource(state, target, v, level);
    if (source < 0) {
      if (!isUp(state.clusters[target]!)) break;
      skipped++; // its only consistent copies are out of reach: later entries may still flow
      if (skipped > 64) break;
      continue;
    }
    const size = q.size.at(skipped);
    if (!ensureRoom(state, target, size)) break;
    const type = q.type.at(skipped);
    const enqueuedAt = q.enqueuedAt.at(skipped);
    dropAt(q, skipped, true);
    q.inFlight.push(newFlight(state, v, level, type, source, size, enqueuedAt));
    started++;
  }
  if (!quiet || started > 0) reschedule(state, target, q);
}

/**
 * Spec §12 (copy sources): a copy completed on one cluster makes it a source for every other target
 * still waiting for that volume, so blocked copies elsewhere start now instead of when some
 * unrelated copy next wakes their queue. Only queues with waiting copies and room in flight look.
 */
function wakeWaitingTargets(state: GridState, except: number): void {
  const targets = state.copies.targets;
  for (let t = 0; t < targets.length; t++) {
    const q = targets[t]!;
    if (t === except || q.volume.length === 0 || q.inFlight.length >= MAX_COPIES_IN_FLIGHT) continue;
    pumpCopies(state, t, true);
  }
}

/** Removes the waiting entry at position i (0 = head) keeping the others in order. */
function dropAt(q: TargetQueue, i: number, started = false): void {
  q.bytes -= q.size.at(i);
  if (!started) q.pending[q.type.at(i)]!--;
  if (i === 0) {
    q.volume.shift();
    q.level.shift();
    q.type.shift();
    q.enqueuedAt.shift();
    q.size.shift();
    return;
  }
  const held = [q.volume, q.level, q.type, q.enqueuedAt, q.size].map((fifo) => {
    const front: number[] = [];
    for (let k = 0; k < i; k++) front.push(fifo.shift());
    fifo.shift();
    return { fifo, front };
  });
  for (const { fifo, front } of held) for (let k = front.length - 1; k >= 0; k--) fifo.unshift(front[k]!);
}

/**
 * Copies in flight per source cluster and each source's bandwidth to the target, reused by every
 * re-plan (re-planning runs once per copy event; flights share few sources).
 */
let perSource = new Int32Array(8);
let sourceBandwidth = new Float64Array(8);

function reschedule(state: GridState, target: number, q: TargetQueue): void {
  const flights = q.inFlight;
  if (perSource.length < state.clusters.length) {
    perSource = new Int32Array(state.clusters.length);
    sourceBandwidth = new Float64Array(state.clusters.length);
  }
  for (const f of flights) {
    if (perSource[f.source]!++ === 0) sourceBandwidth[f.source] = pairBandwidth(state, f.source, target);
  }
  let next = Infinity;
  for (const f of flights) {
    f.rate = sourceBandwidth[f.source]! / 1000 / perSource[f.source]!;
    if (f.rate > 0) next = Math.min(next, state.now + Math.max(1, Math.ceil(f.remaining / f.rate)));
  }
  for (const f of flights) perSource[f.source] = 0;
  q.version++;
  if (next < Infinity) state.events.push(next, { kind: 'copy', args: [target, q.version] });
  sampleBacklog(state, q);
}

export function onCopy(state: GridState, event: FiredEvent<'copy'>): void {
  const target = event.args[0];
  const q = state.copies.target(target);
  if (q.version !== event.args[1]) return; // re-planned since
  settle(state, q);
  // Every copy whose transfer ends by now completes, in the order they went in flight.
  let ending = 0;
  for (const f of q.inFlight) if (ends(f)) ending++;
  if (ending === 0) return reschedule(state, target, q);
  // The ending ones leave the in-flight list in place (order kept), before any of them completes.
  const flights = q.inFlight;
  const done: CopyInFlight[] = [];
  let kept = 0;
  for (const f of flights) {
    if (ends(f)) done.push(f);
    else flights[kept++] = f;
  }
  while (flights.length > kept) flights.pop();
  for (const f of done) completeCopy(state, target, q, f);
  pumpCopies(state, target);
  wakeWaitingTargets(state, target);
}

/** Its transfer ends within half a millisecond of now. */
function ends(f: CopyInFlight): boolean {
  return f.rate > 0 && f.remaining <= f.rate / 2;
}

function completeCopy(state: GridState, target: number, q: TargetQueue, f: CopyInFlight): void {
  const cols = state.volumes.cols;
  if (cols.copyLevel[target]![f.volume]! < f.level || cols.copyLevel[target]![f.volume] === -1) {
    placeInCache(state, target, f.volume, f.level);
    state.trail.push(state.now, f.volume, TrailKind.copy, target, f.source, f.level);
  }
  q.pending[f.type]!--;
  q.completed[f.type]!++;
  q.completedBytes[f.type]! += f.bytes;
  // Spec §12: a drain rate is bytes over the elapsed time on the link, so each completion is kept with
  // the time its transfer started (the rate's window opens there, not at the first completion).
  q.recent.push(f.startedAt);
  q.recent.push(f.bytes);
  q.recent.push(f.type);
  // Drop completions older than the drain-rate window, in bulk: readers skip the stale ones anyway.
  // (Start times come almost in order, as copies start in queue order; a straggler only drops early.)
  // The search's first probe is the middle entry: when that one is still in the window the search
  // ends at or before it and nothing would be dropped, so only a stale middle runs the search.
  const recent = q.recent;
  const horizon = state.now - RECENT_WINDOW_MS;
  const entries = recent.length / 3;
  if (entries > 0 && recent.at(0) < horizon && recent.at((entries >> 1) * 3) < horizon) {
    let lo = 0;
    let hi = entries;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (recent.at(mid * 3) < horizon) lo = mid + 1;
      else hi = mid;
    }
    if (lo * 6 > recent.length) recent.drop(lo * 3);
  }
}

/**
 * Re-plans every target after a failure or repair: copies whose pair lost all bandwidth go back to
 * the head of their queue (RUN copies become immediate-deferred), and waiting ones start if they can.
 */
export function replanCopies(state: GridState): void {
  for (let t = 0; t < state.copies.targets.length; t++) {
    const q = state.copies.targets[t]!;
    settle(state, q);
    const stalled = q.inFlight.filter((f) => pairBandwidth(state, f.source, t) === 0);
    if (stalled.length > 0) {
      q.inFlight = q.inFlight.filter((f) => !stalled.includes(f));
      for (let i = stalled.length - 1; i >= 0; i--) {
        const f = stalled[i]!;
        q.volume.unshift(f.volume);
        q.level.unshift(f.level);
        const type = f.type === IMMEDIATE ? IMMEDIATE_DEFERRED : f.type;
        q.pending[f.type]!--;
        q.pending[type]!++;
        q.type.unshift(type);
        q.enqueuedAt.unshift(f.enqueuedAt);
        q.size.unshift(f.bytes);
        q.bytes += f.bytes;
      }
    }
    pumpCopies(state, t);
  }
}

function sampleBacklog(state: GridState, q: TargetQueue): void {
  const count = q.volume.length + q.inFlight.length;
  let inFlight = 0;
  for (const f of q.inFlight) inFlight += Math.max(0, f.remaining);
  const bytes = q.bytes + inFlight;
  const last = q.history[q.history.length - 1];
  if (last && state.now - last.time < HISTORY_STEP_MS) {
    last.count = count;
    last.bytes = bytes;
    return;
  }
  q.history.push({ time: state.now, count, bytes });
  // One sample a minute past the limit drops one: shift is O(1) where splice copies the whole array.
  while (q.history.length > HISTORY_LIMIT) q.history.shift();
}

/** Anything queued or in flight that can make progress now. */
export function copiesCanProgress(state: GridState): boolean {
  for (const q of state.copies.targets) if (q.inFlight.some((f) => f.rate > 0)) return true;
  return false;
}

export function countQueued(state: GridState, type: number): number {
  let n = 0;
  for (const q of state.copies.targets) n += q.pending[type]!;
  return n;
}

export { DEFERRED };
