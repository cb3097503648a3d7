// Image access on a replica (seed 001 "Image Access"): any point in time the journal still holds,
// by time or bookmark. VIRTUAL exposes the image at once, built from the journal over the replica;
// LOGGED rolls the replica itself to the image (a delay that grows with the distance); IMAGE ROLL
// turns a virtual access into logged access by rolling in the background, transparently. Distribution
// is held meanwhile. IMAGE DISABLE discards every change made during access, then distribution goes on.

import type { GridState } from '../world/state.js';
import { refuse } from '../world/refusal.js';
import { advanceTo } from '../world/run.js';
import type { FiredEvent } from '../world/events.js';
import { isoTime } from '../sim/time.js';
import { BLOCK_BYTES, BlockMap, digest } from '../world/dasd/blocks.js';
import { dasdMessage } from './messages.js';
import { deliver, distributeAll, earliestPoint, latestPoint, syncApplied } from './replication.js';
import type { ImageAccess, Replication } from '../world/dasd/state.js';
import { TxLog } from '../world/dasd/tx-log.js';
import { findDasd } from './volumes.js';

/** How fast the appliance rolls the replica through the journal (reads undo, writes redo and data). */
export const ROLL_BYTES_PER_SEC = 200 * 2 ** 20;

/** Absolute index of the last entry with time <= t, or -1. Times ascend along a journal stream. */
function lastAtOrBefore(log: TxLog, t: number): number {
  let lo = log.head;
  let hi = log.tail;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log.timeAt(mid) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1 >= log.head ? lo - 1 : -1;
}

export interface Point {
  seq: number;
  time: number;
  requested: string;
}

/** A time or bookmark → the transaction the image ends with; refused outside the reachable window. */
export function resolvePoint(state: GridState, r: Replication, at: number | null, bookmarkName: string | null): Point {
  const earliest = earliestPoint(r);
  const latest = latestPoint(r);
  if (bookmarkName !== null) {
    const b = r.bookmarks.find((x) => x.name === bookmarkName);
    if (!b) refuse('NO_SUCH_BOOKMARK', `no bookmark ${bookmarkName} on ${r.source} (bookmarks: ${r.bookmarks.map((x) => x.name).join(', ') || 'none'})`);
    if (b.seq < earliest.seq) refuse('PIT_NOT_REACHABLE', `bookmark ${b.name} (${isoTime(b.time)}) was released from the journal: the earliest reachable point in time is ${isoTime(earliest.time)}`);
    if (b.seq > latest.seq) refuse('PIT_NOT_ARRIVED', `bookmark ${b.name} has not reached ${r.target}'s journal yet`);
    return { seq: b.seq, time: b.time, requested: b.name };
  }
  if (at === null) refuse('NO_POINT_IN_TIME', `say the point in time of ${r.target}'s image: AT <time> or a bookmark`);
  const t = at;
  if (t > state.now) refuse('FUTURE_TIME', `${isoTime(t)} is after the simulated present ${isoTime(state.now)}`);
  if (t < earliest.time) refuse('PIT_NOT_REACHABLE', `${isoTime(t)} is before the earliest reachable point in time ${isoTime(earliest.time)} of ${r.target}'s journal`);
  const j = r.journal;
  let seq = earliest.seq;
  const d = lastAtOrBefore(j.doLog, t);
  if (d >= 0) seq = j.doLog.seqAt(d);
  else {
    const u = lastAtOrBefore(j.undoLog, t);
    if (u >= 0) seq = j.undoLog.seqAt(u);
  }
  return { seq, time: t, requested: isoTime(t) };
}

/**
 * The image at `seq` as an overlay on the replica: the undo of every distributed transaction after it
 * (oldest first wins: that is the data at the point in time), or the DO data up to it when it lies
 * ahead of distribution (newest first wins).
 */
export function buildImage(r: Replication, seq: number): BlockMap {
  const image = new BlockMap(0);
  const u = r.journal.undoLog;
  for (let i = u.firstAfter(seq); i < u.tail; i++) {
    const start = u.startAt(i);
    const count = u.countAt(i);
    const w = u.wordsAt(i);
    for (let k = 0; k < count; k++) image.setIfAbsent(start + k, u.words[w + k]!);
  }
  const d = r.journal.doLog;
  for (let i = d.firstAfter(seq) - 1; i >= d.head; i--) {
    const start = d.startAt(i);
    const count = d.countAt(i);
    const w = d.wordsAt(i);
    for (let k = 0; k < count; k++) image.setIfAbsent(start + k, d.words[w + k]!);
  }
  return image;
}

/** Blocks a roll to `seq` moves: what decides its duration. */
function rollBlocks(r: Replication, seq: number): number {
  let n = 0;
  const u = r.journal.undoLog;
  for (let i = u.firstAfter(seq); i < u.tail; i++) n += u.countAt(i);
  const d = r.journal.doLog;
  for (let i = d.head; i < d.firstAfter(seq); i++) n += d.countAt(i);
  return n;
}

function rollMs(blocks: number): number {
  return Math.ceil((blocks * BLOCK_BYTES * 1000) / ROLL_BYTES_PER_SEC);
}

/** Rolls the replica itself backward (undo, keeping redo in the DO stream) or forward to `seq`. */
export function rollReplica(state: GridState, r: Replication, seq: number): number {
  const tgt = findDasd(state, r.target);
  const j = r.journal;
  let moved = 0;
  syncApplied(r);
  while (r.appliedSeq > seq && j.undoLog.length > 0) {
    moved += j.undoLog.countAt(j.undoLog.tail - 1);
    j.undoOne(tgt.data);
    syncApplied(r);
  }
  while (j.doLog.length > 0 && j.doLog.seqAt(j.doLog.head) <= seq) {
    moved += j.doLog.countAt(j.doLog.head);
    j.distributeOne(tgt.data);
    syncApplied(r);
  }
  return moved;
}

export function replicaOf(state: GridState, name: string): Replication {
  const r = state.dasd.replications.find((x) => x.target === name);
  if (!r) {
    const asSource = state.dasd.replications.find((x) => x.source === name);
    refuse('NOT_A_REPLICA', asSource ? `${name} is the source of a replication to ${asSource.target}: image access is on the replica` : `${name} is not a replica`);
  }
  return r;
}

export function enableAccess(state: GridState, r: Replication, point: Point, mode: 'VIRTUAL' | 'LOGGED') {
  if (r.access) refuse('IMAGE_ACCESS_ACTIVE', `image access to ${r.access.requested} is enabled on ${r.target}: disable it first`);
  deliver(state, r);
  syncApplied(r);
  const back = r.appliedSeq - point.seq;
  const access: ImageAccess = {
    mode: mode === 'VIRTUAL' ? 'virtual' : 'logged',
    seq: point.seq,
    time: point.time,
    requested: point.requested,
    image: null,
    writes: null,
    undo: null,
    rollDoneAt: null,
    enabledAt: state.now,
  };
  r.access = access;
  let rollSeconds = 0;
  if (mode === 'VIRTUAL') {
    // Seed 001: "access to the point-in-time image may be nearly instantaneous".
    access.image = buildImage(r, point.seq);
    access.writes = new BlockMap(0);
  } else {
    // Seed 001: "a delay while the successive snapshots are applied to the replica image".
    access.undo = new TxLog();
    const moved = rollReplica(state, r, point.seq);
    const ms = rollMs(moved);
    rollSeconds = ms / 1000;
    advanceTo(state, state.now + ms);
  }
  return { replica: r.target, mode: access.mode, pointInTime: point.requested, imageTime: isoTime(point.time), seq: point.seq, transactionsBack: back, rollSeconds };
}

/** IMAGE ROLL: virtual access goes on while the replica rolls to the image in the background. */
export function rollInBackground(state: GridState, r: Replication) {
  const a = r.access;
  if (!a) refuse('NO_IMAGE_ACCESS', `image access is not enabled on ${r.target}`);
  if (a.mode === 'logged') refuse('ALREADY_LOGGED', `${r.target} already gives logged access to the image`);
  if (a.rollDoneAt !== null) refuse('ROLL_IN_PROGRESS', `${r.target} is already rolling to the image`);
  const ms = rollMs(rollBlocks(r, a.seq));
  a.rollDoneAt = state.now + ms;
  state.events.push(a.rollDoneAt, { kind: 'dasd-roll', args: [r.index] });
  return { replica: r.target, mode: a.mode, rolling: true, rollSeconds: ms / 1000, readyAt: isoTime(a.rollDoneAt) };
}

/** The background roll done: the physical image takes the virtual volume's place, writes included. */
export function finishRoll(state: GridState, r: Replication): void {
  const a = r.access;
  if (!a || a.mode !== 'virtual' || a.rollDoneAt === null) return;
  a.rollDoneAt = null;
  // History released while the roll ran (the DO stream filled the journal): the replica can no longer
  // reach the image, but the virtual image holds it whole, so access simply stays virtual.
  if (r.journal.released > 0 && r.journal.releasedSeq > a.seq) return;
  rollReplica(state, r, a.seq);
  const tgt = findDasd(state, r.target);
  const undo = new TxLog();
  a.writes?.forEach((b, word) => {
    const w = undo.pushBack(0, state.now, b, 1);
    undo.words[w] = tgt.data.get(b);
    tgt.data.set(b, word);
  });
  a.mode = 'logged';
  a.undo = undo;
  a.image = null;
  a.writes = null;
  dasdMessage(state, 'TZ0603I', r.target, a.requested);
}

/** A host write to the accessed image (seed 001: virtual writes live in the journal; logged ones keep their undo). */
export function writeImage(state: GridState, r: Replication, first: number, count: number, word: (block: number) => number): void {
  const a = r.access;
  if (!a) refuse('NO_IMAGE_ACCESS', `image access is not enabled on ${r.target}`);
  const tgt = findDasd(state, r.target);
  if (!r.journal.logAccess(count)) refuse('JOURNAL_FULL', `${r.target}'s journal has no room left for writes to the image`);
  if (a.mode === 'virtual') {
    const writes = (a.writes ??= new BlockMap(0));
    for (let k = 0; k < count; k++) writes.set(first + k, word(first + k));
    return;
  }
  const undo = (a.undo ??= new TxLog());
  const w = undo.pushBack(0, state.now, first, count);
  for (let k = 0; k < count; k++) {
    undo.words[w + k] = tgt.data.get(first + k);
    tgt.data.set(first + k, word(first + k));
  }
}

/** Digest of the image as the host sees it. */
export function imageDigest(state: GridState, r: Replication): string {
  const tgt = findDasd(state, r.target);
  const a = r.access;
  if (!a || a.mode === 'logged') return digest(tgt.data);
  return digest(tgt.data, a.writes, a.image);
}

export function disableAccess(state: GridState, r: Replication) {
  const a = r.access;
  if (!a) refuse('NO_IMAGE_ACCESS', `image access is not enabled on ${r.target}`);
  const tgt = findDasd(state, r.target);
  let discarded = 0;
  if (a.mode === 'virtual') discarded = a.writes?.count() ?? 0;
  else if (a.undo) {
    // Seed 001: "writes to the volume while image access was enabled ... may be rolled back (undone)".
    const u = a.undo;
    for (let i = u.tail - 1; i >= u.head; i--) {
      const w = u.wordsAt(i);
      for (let k = u.countAt(i) - 1; k >= 0; k--) tgt.data.set(u.startAt(i) + k, u.words[w + k]!);
      discarded += u.countAt(i);
    }
  }
  r.access = null;
  r.journal.clearAccessLog();
  const pending = r.journal.doLog.length;
  // "Then distribution to storage may continue from the accessed image forward."
  distributeAll(state, r);
  deliver(state, r);
  return { replica: r.target, disabled: true, discardedBlocks: discarded, distributedTransactions: pending };
}

export function onDasdRoll(state: GridState, event: FiredEvent<'dasd-roll'>): void {
  const r = state.dasd.replications[event.args[0]];
  if (r?.access?.rollDoneAt === event.time) finishRoll(state, r);
}
