// Journal replication (seed 001 FIG. 1-2): the source splits every write to its protection appliance,
// which sends it to the target appliance in one of three modes — synchronous (the host waits until
// the target acknowledges), asynchronous (acknowledged on receipt, sent behind) or snapshot (writes
// aggregated and sent as one snapshot). Sent-but-not-arrived writes are the delta marking stream. The
// target enters each transaction in its journal's DO stream and distributes it to the replica,
// recording the overwritten data in the UNDO stream.

import type { GridState } from '../world/state.js';
import { refuse } from '../world/refusal.js';
import type { FiredEvent } from '../world/events.js';
import { isoTime } from '../sim/time.js';
import { BLOCK_BYTES, BlockMap, contentWord, forEachRun } from '../world/dasd/blocks.js';
import { Journal, SEGMENT_BYTES } from '../world/dasd/journal.js';
import { dasdMessage } from './messages.js';
import type { Replication, TransferMode } from '../world/dasd/state.js';
import { TxLog } from '../world/dasd/tx-log.js';
import { findDasd, roleOf, siteFailed } from './volumes.js';

/** A module-local copy: an imported binding costs a getter call on the per-transaction path. */
const BLOCK: number = BLOCK_BYTES;

export const DEFAULT_JOURNAL_BYTES = 2 ** 30;
export const DEFAULT_LINK_BYTES_PER_SEC = 125_000_000; // GBPS 1 (spec §1: GBPS 1 = 125,000,000 bytes/s)
export const DEFAULT_SNAPSHOT_MS = 10_000;
/** Arrivals at the target appliance are taken in once a second (one event per second of backlog). */
const DELIVERY_TICK_MS = 1000;

export function replicate(state: GridState, spec: { source: string; target: string; mode: TransferMode; journalBytes: number | null; gbps: number | null; everyMs: number | null }): Replication {
  const src = findDasd(state, spec.source);
  const tgt = findDasd(state, spec.target);
  if (src === tgt) refuse('SAME_VOLUME', `${src.name} cannot replicate to itself`);
  for (const v of [src, tgt]) {
    const role = roleOf(state, v.name);
    if (role) refuse('VOLUME_IN_USE', `${v.name} is already a ${role}`);
  }
  // Seed 001: "LU B is configured so that its size is identical to the size of LU A".
  if (tgt.blocks < src.blocks) refuse('TARGET_TOO_SMALL', `${tgt.name} (${tgt.sizeBytes} bytes) is smaller than ${src.name} (${src.sizeBytes} bytes)`);
  const journalBytes = spec.journalBytes ?? DEFAULT_JOURNAL_BYTES;
  if (journalBytes < 4 * SEGMENT_BYTES) refuse('JOURNAL_TOO_SMALL', `a journal needs at least 4 segments of 1 MB (one per stream)`);
  // One WAN between the two sites (seed 001 FIG. 1, WAN 128): a second replication the same way shares
  // the link, so it takes the link's rate; a different GBPS would describe another link.
  const peer = state.dasd.replications.find((x) => findDasd(state, x.source).site === src.site && findDasd(state, x.target).site === tgt.site);
  const rate = spec.gbps !== null ? spec.gbps * 125_000_000 : (peer?.bytesPerSec ?? DEFAULT_LINK_BYTES_PER_SEC);
  if (peer && rate !== peer.bytesPerSec)
    refuse(
      'LINK_RATE',
      `the link from ${src.site} to ${tgt.site} already carries ${peer.source} → ${peer.target} at ${peer.bytesPerSec / 125_000_000} GBPS: replications between the same sites share it`,
    );
  const r: Replication = {
    index: state.dasd.replications.length,
    source: src.name,
    target: tgt.name,
    mode: spec.mode,
    bytesPerSec: rate,
    snapshotEveryMs: spec.everyMs ?? DEFAULT_SNAPSHOT_MS,
    journal: new Journal(journalBytes),
    inflight: new TxLog(),
    linkFreeAt: peer ? Math.max(state.now, peer.linkFreeAt) : state.now,
    snapshot: null,
    snapshotOpenedAt: 0,
    snapshotWrites: 0,
    seq: 0,
    appliedSeq: 0,
    appliedTime: state.now,
    createdAt: state.now,
    bookmarks: [],
    access: null,
    deliverAt: -1,
    blocked: false,
    stats: { transactions: 0, bytesSent: 0, snapshots: 0, writesAggregated: 0, failovers: 0 },
    announcedReleased: 0,
  };
  // The initial synchronization: the replica starts as a full copy of the source (seed 001 delta
  // marking: "the initialization process ... transfers them to the replica to make both sites identical").
  tgt.data = src.data.clone();
  state.dasd.replications.push(r);
  return r;
}

/**
 * Replications from one site to another share the WAN between them (seed 001 FIG. 1): each keeps the
 * link's busy-until time in its linkFreeAt, and every send sets it on all of them. The link is full
 * duplex: the other direction is a link of its own.
 */
export function linkPeers(state: GridState, r: Replication): Replication[] {
  const all = state.dasd.replications;
  if (all.length === 1) return all;
  const from = findDasd(state, r.source).site;
  const to = findDasd(state, r.target).site;
  return all.filter((x) => x === r || (findDasd(state, x.source).site === from && findDasd(state, x.target).site === to));
}

function occupyLink(state: GridState, r: Replication, until: number): void {
  if (state.dasd.replications.length === 1) r.linkFreeAt = until;
  else for (const p of linkPeers(state, r)) p.linkFreeAt = until;
}

/** Sends one transaction down the link; returns its arrival time at the target appliance. */
function send(state: GridState, r: Replication, time: number, first: number, count: number, seed: number, words: BlockMap | null): number {
  const bytes = count * BLOCK;
  const exact = Math.max(time, r.linkFreeAt) + (bytes * 1000) / r.bytesPerSec;
  occupyLink(state, r, exact);
  // The link is busy to the fraction of a ms; arrival is on the clock's whole-ms tick.
  const arrive = Math.ceil(exact);
  const seq = ++r.seq;
  const w = r.inflight.pushBack(seq, time, first, count, arrive);
  const out = r.inflight.words;
  if (words) for (let k = 0; k < count; k++) out[w + k] = words.get(first + k);
  else for (let k = 0; k < count; k++) out[w + k] = contentWord(seed, first + k);
  r.stats.transactions++;
  r.stats.bytesSent += bytes;
  return arrive;
}

/**
 * A host write to a replicated source at `time`, already applied to the source volume. Returns the
 * time the host's write completes: in SYNC mode only when the target has it.
 */
export function splitWrite(state: GridState, r: Replication, time: number, first: number, count: number, seed: number): number {
  if (r.mode === 'SNAPSHOT') {
    if (!r.snapshot) {
      r.snapshot = new BlockMap(findDasd(state, r.source).blocks);
      r.snapshotOpenedAt = time;
      state.events.push(time + r.snapshotEveryMs, { kind: 'dasd-snapshot', args: [r.index] });
    }
    for (let k = 0; k < count; k++) r.snapshot.set(first + k, contentWord(seed, first + k));
    r.snapshotWrites++;
    r.stats.writesAggregated++;
    return time;
  }
  const arrive = send(state, r, time, first, count, seed, null);
  scheduleDelivery(state, r);
  return r.mode === 'SYNC' ? arrive : time;
}

/**
 * A load of `n` writes of `count` blocks, write i issued at start + i × interval at a random block,
 * applied to the source and split to the appliance: `send` written out for the million-a-second path
 * (one content word per block computed once, for the volume and the transaction alike). Snapshot mode
 * goes write by write. Returns when the last write completes (SYNC: when the target has it).
 */
export function splitLoad(state: GridState, r: Replication, data: BlockMap, n: number, start: number, interval: number, count: number, span: number, base: number): number {
  const log = r.inflight;
  const sync = r.mode === 'SYNC';
  const msPerTx = (count * BLOCK * 1000) / r.bytesPerSec;
  let done = start;
  let linkFree = r.linkFreeAt;
  if (r.mode !== 'SNAPSHOT') log.reserveBack(n, n * count);
  for (let i = 0; i < n; i++) {
    // Seed 001 background: a synchronous replica that cannot keep pace slows the production writes.
    const issue = sync ? Math.max(start + i * interval, done) : start + i * interval;
    const first = Math.floor(state.rng.next() * span);
    const seed = (base + Math.imul(i + 1, 0x9e3779b9)) | 0;
    if (r.mode === 'SNAPSHOT') {
      for (let k = 0; k < count; k++) data.set(first + k, contentWord(seed, first + k));
      splitWrite(state, r, issue, first, count, seed);
      continue;
    }
    const exact = Math.max(issue, linkFree) + msPerTx;
    linkFree = exact;
    const arrive = Math.ceil(exact);
    const w = log.pushBack(++r.seq, issue, first, count, arrive);
    const words = log.words;
    for (let k = 0; k < count; k++) {
      const word = contentWord(seed, first + k);
      words[w + k] = word;
      data.set(first + k, word);
    }
    done = sync ? arrive : issue;
  }
  if (r.mode !== 'SNAPSHOT') {
    occupyLink(state, r, linkFree);
    r.stats.transactions += n;
    r.stats.bytesSent += n * count * BLOCK;
    scheduleDelivery(state, r);
  }
  return done;
}

/** Sends the given blocks (ascending) as contiguous runs read from `from`; returns the last arrival. */
export function splitWriteRuns(state: GridState, r: Replication, blocks: number[], from: BlockMap): number {
  let arrive = state.now;
  forEachRun(blocks, (first, count) => (arrive = send(state, r, state.now, first, count, 0, from)));
  scheduleDelivery(state, r);
  return arrive;
}

/** Seed 001 snapshot mode: the aggregate of all writes since the snapshot opened, sent as one. */
export function closeSnapshot(state: GridState, r: Replication): void {
  const snap = r.snapshot;
  if (!snap) return;
  r.snapshot = null;
  const time = state.now;
  // Contiguous runs of changed blocks become the snapshot's transactions, all stamped with its time.
  let runStart = -1;
  let prev = -2;
  const runs: [number, number][] = [];
  snap.forEach((b) => {
    if (b !== prev + 1) {
      if (runStart >= 0) runs.push([runStart, prev - runStart + 1]);
      runStart = b;
    }
    prev = b;
  });
  if (runStart >= 0) runs.push([runStart, prev - runStart + 1]);
  for (const [first, count] of runs) send(state, r, time, first, count, 0, snap);
  r.stats.snapshots++;
  r.snapshotWrites = 0;
  scheduleDelivery(state, r);
}

function scheduleDelivery(state: GridState, r: Replication): void {
  const log = r.inflight;
  // A blocked journal takes nothing until image access ends (IMAGE DISABLE delivers again).
  if (log.length === 0 || r.blocked) return;
  // Across a failed site nothing arrives: REPAIR delivers again (engine/dasd.ts), so no timer until then.
  if (!replicationLinkUp(state, r)) return;
  const next = Math.ceil(log.arriveAt(log.head) / DELIVERY_TICK_MS) * DELIVERY_TICK_MS;
  if (r.deliverAt >= 0 && r.deliverAt <= next) return;
  r.deliverAt = next;
  state.events.push(next, { kind: 'dasd-deliver', args: [r.index] });
}

/** Whether both ends' sites are up, so sent transactions can arrive. */
export function replicationLinkUp(state: GridState, r: Replication): boolean {
  return !siteFailed(state, findDasd(state, r.source).site) && !siteFailed(state, findDasd(state, r.target).site);
}

/** Distribution is held while an image is accessed (seed 001: "distribution ... may be paused"). */
export function distributionPaused(r: Replication): boolean {
  return r.access !== null;
}

/**
 * Takes every transaction that has arrived by now into the target journal (DO stream), then
 * distributes the DO stream to the replica unless image access holds it.
 */
export function deliver(state: GridState, r: Replication): void {
  const tgt = findDasd(state, r.target);
  const src = findDasd(state, r.source);
  const log = r.inflight;
  const j = r.journal;
  const paused = distributionPaused(r);
  const linkUp = !siteFailed(state, src.site) && !siteFailed(state, tgt.site);
  const wasBlocked = r.blocked;
  // Undo records for everything in flight, made room for at once (distributed as it arrives below).
  if (linkUp && !paused && j.doLog.length === 0) j.undoLog.reserveBack(log.length, log.dataTail - log.dataHead);
  // Everything arrived goes in one batch while history has room for it; one by one otherwise.
  let batch = !paused;
  while (linkUp && log.length > 0) {
    const i = log.head;
    if (log.arriveAt(i) > state.now) break;
    if (batch) {
      batch = false;
      if (j.distributeArrived(log, log.arrivedBy(state.now), tgt.data)) continue;
    }
    const count = log.countAt(i);
    const from = log.wordsAt(i);
    if (!paused) {
      // Distributed as it arrives, so the DO stream stays short and its segments serve the UNDO stream.
      j.receiveAndDistribute(log.seqAt(i), log.timeAt(i), log.startAt(i), count, log.words, from, tgt.data);
      log.popFront();
      continue;
    }
    const w = j.receive(log.seqAt(i), log.timeAt(i), log.startAt(i), count);
    if (w < 0) {
      r.blocked = true;
      break;
    }
    const words = j.doLog.words;
    const inWords = log.words;
    for (let k = 0; k < count; k++) words[w + k] = inWords[from + k]!;
    log.popFront();
  }
  if (!paused) distributeAll(state, r);
  if (r.blocked && !wasBlocked) dasdMessage(state, 'TZ0602E', r.target, String(log.length));
  if (r.blocked && (log.length === 0 || !paused)) r.blocked = false;
  scheduleDelivery(state, r);
}

export function distributeAll(state: GridState, r: Replication): void {
  const tgt = findDasd(state, r.target);
  const j = r.journal;
  while (j.distributeOne(tgt.data)) {
    /* each step moves one DO record to the replica and its undo to the UNDO stream */
  }
  syncApplied(r);
}

/** The replica's image: the newest transaction distributed to it (or the oldest reachable point). */
export function syncApplied(r: Replication): void {
  const u = r.journal.undoLog;
  if (u.length > 0) {
    const i = u.tail - 1;
    r.appliedSeq = u.seqAt(i);
    r.appliedTime = u.timeAt(i);
  } else {
    const e = earliestPoint(r);
    r.appliedSeq = e.seq;
    r.appliedTime = e.time;
  }
}

/** Journal full: say once per burst how much history went and where the window now starts. */
export function announceRelease(state: GridState, r: Replication): void {
  const released = r.journal.released;
  if (released === r.announcedReleased) return;
  const { time } = earliestPoint(r);
  dasdMessage(state, 'TZ0601W', r.target, String(released - r.announcedReleased), isoTime(time));
  r.announcedReleased = released;
}

/** The oldest image the journal can still produce: after the last released transaction. */
export function earliestPoint(r: Replication): { seq: number; time: number } {
  const j = r.journal;
  if (j.released === 0) return { seq: 0, time: r.createdAt };
  return { seq: j.releasedSeq, time: j.releasedTime ?? r.createdAt };
}

/** The newest image: the last transaction in the target journal. */
export function latestPoint(r: Replication): { seq: number; time: number } {
  const d = r.journal.doLog;
  if (d.length > 0) {
    const i = d.tail - 1;
    return { seq: d.seqAt(i), time: d.timeAt(i) };
  }
  return { seq: r.appliedSeq, time: r.appliedTime };
}

/** Every in-flight transaction delivered (used before failover over a working link, and by tests). */
export function drain(state: GridState, r: Replication): void {
  closeSnapshot(state, r);
  const log = r.inflight;
  if (log.length > 0) {
    const last = log.arriveAt(log.tail - 1);
    if (last > state.now) state.now = Math.max(state.now, last);
  }
  deliver(state, r);
}

export function deliverEverywhere(state: GridState): void {
  for (const r of state.dasd.replications) deliver(state, r);
}

/** Bookmarks name a consistent point; in snapshot mode the open snapshot closes there. */
export function bookmark(state: GridState, r: Replication, name: string): { name: string; seq: number; time: string } {
  if (r.bookmarks.some((b) => b.name === name)) refuse('DUPLICATE', `bookmark ${name} already exists on ${r.source}`);
  closeSnapshot(state, r);
  const b = { name, seq: r.seq, time: state.now };
  r.bookmarks.push(b);
  return { name, seq: b.seq, time: isoTime(b.time) };
}

export function onDasdDeliver(state: GridState, event: FiredEvent<'dasd-deliver'>): void {
  const r = state.dasd.replications[event.args[0]];
  if (!r || r.deliverAt !== event.time) return;
  r.deliverAt = -1;
  deliver(state, r);
}

export function onDasdSnapshot(state: GridState, event: FiredEvent<'dasd-snapshot'>): void {
  const r = state.dasd.replications[event.args[0]];
  if (r && r.snapshot && r.snapshotOpenedAt + r.snapshotEveryMs === event.time) closeSnapshot(state, r);
}
