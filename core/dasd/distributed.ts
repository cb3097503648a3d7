// Active/active distributed volume (seed 001 FIGS. 3-8, claims 1-20). Hosts at both sites write the
// same virtual volume; write order fidelity comes from change sets: periodically IO is quiesced, a
// change set is cut and IO resumes (FIG. 5 steps 500-510), the write caches travel to the other site
// (520), and each site flushes the change set to its backend leg after reading the undo of the data it
// overwrites into its appliance's journal (525-540); the flushed change set is a point in time (550).
// FRACTURE splits the sites (FIG. 7): IO stops at the second site, caches flush, and that site can be
// ROLLed to a point in time while production goes on at the first — or, while no production write has
// reached the first since the fracture, ROLL names the first and the roles swap ("access to point in
// time images may be enabled in an active/active storage system, for each of the sites"). UNFRACTURE decides (FIG. 8):
// KEEP CURRENT discards the point-in-time changes, rolls forward with the redo log and resyncs from
// the active site; KEEP PIT discards the redo log and resyncs the active site to the point in time.

import type { GridState } from '../world/state.js';
import { refuse } from '../world/refusal.js';
import { advanceTo } from '../world/run.js';
import type { FiredEvent } from '../world/events.js';
import { isoTime } from '../sim/time.js';
import { BLOCK_BYTES, BlockMap, contentWord, digest, forEachRun } from '../world/dasd/blocks.js';
import { ROLL_BYTES_PER_SEC } from './image-access.js';
import { Journal } from '../world/dasd/journal.js';
import { DEFAULT_JOURNAL_BYTES, DEFAULT_LINK_BYTES_PER_SEC } from './replication.js';
import type { ChangeSet, DistributedVolume } from '../world/dasd/state.js';
import { TxLog } from '../world/dasd/tx-log.js';
import { findDasd, roleOf } from './volumes.js';

export function distribute(state: GridState, name: string, sites: [string, string], changeSetMs: number, gbps: number | null, journalBytes: number | null) {
  const v = findDasd(state, name);
  const role = roleOf(state, name);
  if (role) refuse('VOLUME_IN_USE', `${name} is already a ${role}`);
  if (sites[0] === sites[1]) refuse('SAME_SITE', 'an active/active volume spans two different sites');
  if (!sites.includes(v.site)) refuse('WRONG_SITE', `${name} is at site ${v.site}: one of the two sites must be its own`);
  for (const s of sites) if (!state.sites.some((x) => x.id === s)) refuse('NO_SUCH_SITE', `no site ${s}`);
  const ordered: [string, string] = sites[0] === v.site ? sites : [sites[1], sites[0]];
  const d: DistributedVolume = {
    name,
    sites: ordered,
    legs: [v.data, v.data.clone()],
    journals: [new Journal(journalBytes ?? DEFAULT_JOURNAL_BYTES), new Journal(journalBytes ?? DEFAULT_JOURNAL_BYTES)],
    changeSetMs,
    bytesPerSec: gbps !== null ? gbps * 125_000_000 : DEFAULT_LINK_BYTES_PER_SEC,
    open: new BlockMap(v.blocks),
    openSince: state.now,
    openWrites: 0,
    pending: [],
    nextChangeSet: 1,
    points: [{ changeSet: 0, time: state.now }],
    bookmarks: [],
    closeAt: -1,
    quiesces: 0,
    fracture: null,
  };
  state.dasd.distributed.push(d);
  return describeDistributed(state, d);
}

export function distributed(state: GridState, name: string): DistributedVolume {
  const d = state.dasd.distributed.find((x) => x.name === name);
  if (!d) refuse('NOT_DISTRIBUTED', `${name} is not an active/active distributed volume`);
  return d;
}

function siteIndex(d: DistributedVolume, site: string | null): 0 | 1 {
  // No SITE: the production side — the active site while fractured (either can be the one rolled).
  if (site === null) return d.fracture ? d.fracture.active : 0;
  const i = d.sites.indexOf(site);
  if (i === 0 || i === 1) return i;
  refuse('WRONG_SITE', `${d.name} spans sites ${d.sites.join(' and ')}, not ${site}`);
}

/** Writes a run of blocks to a leg with its undo recorded in that site's journal, as one record. */
function writeLeg(d: DistributedVolume, leg: 0 | 1, seq: number, time: number, first: number, count: number, word: (b: number) => number): void {
  const j = d.journals[leg];
  const w = j.receive(seq, time, first, count);
  if (w < 0) {
    for (let k = 0; k < count; k++) d.legs[leg].set(first + k, word(first + k));
    return;
  }
  for (let k = 0; k < count; k++) j.doLog.words[w + k] = word(first + k);
  j.distributeOne(d.legs[leg]);
}

export function distributedWrite(state: GridState, d: DistributedVolume, site: string | null, first: number, count: number, seed: number): void {
  const s = siteIndex(d, site);
  const word = (b: number) => contentWord(seed, b);
  const f = d.fracture;
  if (f) {
    if (s === f.stopped) {
      // Seed 001 FIG. 7 step 720: IO is stopped on the non-active site until its point in time is exposed.
      if (!f.rolledTo) refuse('SITE_STOPPED', `IO is stopped at ${d.sites[f.stopped]} while ${d.name} is fractured: roll it to a point in time first`);
      // FIG. 8 step 820: changes to the point in time are kept so they can be discarded.
      const w = f.pitUndo.pushBack(0, state.now, first, count);
      for (let k = 0; k < count; k++) {
        f.pitUndo.words[w + k] = d.legs[f.stopped].get(first + k);
        d.legs[f.stopped].set(first + k, word(first + k));
        f.touched.set(first + k, 1);
      }
      return;
    }
    // The virtualization layer tracks what changes at the active site, for the resync.
    writeLeg(d, f.active, d.nextChangeSet, state.now, first, count, word);
    for (let k = 0; k < count; k++) f.changed.set(first + k, 1);
    return;
  }
  for (let k = 0; k < count; k++) d.open.set(first + k, word(first + k));
  d.openWrites++;
  if (d.closeAt < 0) {
    d.openSince = state.now;
    d.closeAt = state.now + d.changeSetMs;
    state.events.push(d.closeAt, { kind: 'dasd-cs-close', args: [state.dasd.distributed.indexOf(d)] });
  }
}

/** FIG. 5 steps 500-520: quiesce, cut the change set, unquiesce, transfer it to the other site. */
function closeChangeSet(state: GridState, d: DistributedVolume): ChangeSet | null {
  d.closeAt = -1;
  if (d.openWrites === 0) return null;
  d.quiesces++;
  const blocks: number[] = [];
  const words: number[] = [];
  d.open.forEach((b, w) => {
    blocks.push(b);
    words.push(w);
  });
  const last = d.pending[d.pending.length - 1];
  const transferMs = (blocks.length * BLOCK_BYTES * 1000) / d.bytesPerSec;
  const cs: ChangeSet = { number: d.nextChangeSet++, closedAt: state.now, flushAt: Math.max(state.now + transferMs, last ? last.flushAt : 0), blocks, words };
  d.pending.push(cs);
  d.open = new BlockMap(d.open.blocks);
  d.openWrites = 0;
  state.events.push(cs.flushAt, { kind: 'dasd-cs-flush', args: [state.dasd.distributed.indexOf(d)] });
  return cs;
}

/** FIG. 5 steps 525-550: at each site, undo to the journal, data to the leg; then a point in time. */
function flush(d: DistributedVolume, cs: ChangeSet): void {
  for (const leg of [0, 1] as const) {
    forEachRun(cs.blocks, (first, count, base) => writeLeg(d, leg, cs.number, cs.closedAt, first, count, (b) => cs.words[base + (b - first)] ?? 0));
  }
  d.points.push({ changeSet: cs.number, time: cs.closedAt });
}

function flushDue(state: GridState, d: DistributedVolume, all: boolean): number {
  let n = 0;
  for (let next = d.pending[0]; next !== undefined && (all || next.flushAt <= state.now); next = d.pending[0]) {
    d.pending.shift();
    flush(d, next);
    n++;
  }
  return n;
}

export function bookmarkDistributed(state: GridState, d: DistributedVolume, name: string) {
  if (d.bookmarks.some((b) => b.name === name)) refuse('DUPLICATE', `bookmark ${name} already exists on ${d.name}`);
  // A bookmark is a change set boundary: the open change set is cut now (claim 3: a bookmark per flushed change set).
  const cs = closeChangeSet(state, d);
  const changeSet = cs ? cs.number : d.nextChangeSet - 1;
  d.bookmarks.push({ name, changeSet });
  return { name, changeSet, time: isoTime(state.now) };
}

/** What hosts at either site read: the flushed leg under the change sets not yet flushed. */
export function hostView(d: DistributedVolume): BlockMap[] {
  const layers = [d.open];
  for (const change of [...d.pending].reverse()) {
    const m = new BlockMap(0);
    change.blocks.forEach((b, k) => m.set(b, change.words[k]!));
    layers.push(m);
  }
  return layers;
}

export function distributedDigest(d: DistributedVolume, site: string | null): string {
  if (site === null && !d.fracture) return digest(d.legs[0], ...hostView(d));
  return digest(d.legs[siteIndex(d, site)]);
}

export function fracture(state: GridState, d: DistributedVolume) {
  if (d.fracture) refuse('ALREADY_FRACTURED', `${d.name} is already fractured`);
  // FIG. 7 steps 710-730: split the cluster, stop IO on the second site, flush the write caches.
  closeChangeSet(state, d);
  const flushed = flushDue(state, d, true);
  d.fracture = { at: state.now, active: 0, stopped: 1, changed: new BlockMap(0), rolledTo: null, touched: new BlockMap(0), pitUndo: new TxLog() };
  return { dasd: d.name, fractured: true, activeSite: d.sites[0], stoppedSite: d.sites[1], flushedChangeSets: flushed };
}

export function rollSite(state: GridState, d: DistributedVolume, site: string, at: number | null, bookmarkName: string | null) {
  const f = d.fracture;
  if (!f) refuse('NOT_FRACTURED', `${d.name} is not fractured: FRACTURE it before rolling a site`);
  const s = siteIndex(d, site);
  if (f.rolledTo) refuse('ALREADY_ROLLED', `${d.sites[f.stopped]} was already rolled to change set ${f.rolledTo.changeSet}: UNFRACTURE first`);
  if (s === f.active) {
    // Either site can be the one rolled (seed 001: point-in-time access "for each of the sites"). The
    // first is active after FRACTURE; it can still stop instead while production wrote nothing there,
    // since the second site took no IO meanwhile. After writes it holds production data: refuse.
    const written = f.changed.count();
    if (written > 0)
      refuse('SITE_ACTIVE', `${site} is the active site of ${d.name}: production wrote ${written} block(s) there since the fracture; roll ${d.sites[f.stopped]}, or UNFRACTURE and FRACTURE again`);
  }
  let point: { changeSet: number; time: number } | undefined;
  if (bookmarkName !== null) {
    const b = d.bookmarks.find((x) => x.name === bookmarkName);
    if (!b) refuse('NO_SUCH_BOOKMARK', `no bookmark ${bookmarkName} on ${d.name}`);
    point = d.points.find((p) => p.changeSet === b.changeSet);
    if (!point) refuse('PIT_NOT_ARRIVED', `bookmark ${bookmarkName}'s change set ${b.changeSet} was not flushed before the fracture`);
  } else {
    const time = at ?? state.now;
    if (time > state.now) refuse('FUTURE_TIME', `${isoTime(time)} is after the simulated present`);
    point = d.points.findLast((p) => p.time <= time);
    if (!point) refuse('PIT_NOT_REACHABLE', `${isoTime(time)} is before ${d.name} was distributed${d.points[0] ? ` (${isoTime(d.points[0].time)})` : ''}`);
  }
  const j = d.journals[s];
  if (j.released > 0 && j.releasedSeq > point.changeSet) refuse('PIT_NOT_REACHABLE', `${site}'s journal released change set ${point.changeSet}: the earliest reachable is ${j.releasedSeq}`);
  // Every check passed: the rolled site is the stopped one, production goes on at the other.
  f.active = s === 0 ? 1 : 0;
  f.stopped = s;
  // FIG. 7 step 740, claim 6: the undo data is applied; what it overwrites goes to the redo log.
  let rolled = 0;
  const u = j.undoLog;
  while (u.length > 0 && u.seqAt(u.tail - 1) > point.changeSet) {
    const newest = u.tail - 1;
    const start = u.startAt(newest);
    const count = u.countAt(newest);
    for (let k = 0; k < count; k++) f.touched.set(start + k, 1);
    rolled += count;
    j.undoOne(d.legs[s]);
  }
  const ms = Math.ceil((rolled * BLOCK_BYTES * 1000) / ROLL_BYTES_PER_SEC);
  f.rolledTo = point;
  advanceTo(state, state.now + ms);
  return { dasd: d.name, site, pointInTime: isoTime(point.time), changeSet: point.changeSet, rolledBlocks: rolled, rollSeconds: ms / 1000, digest: digest(d.legs[s]) };
}

export function unfracture(state: GridState, d: DistributedVolume, keep: 'PIT' | 'CURRENT') {
  const f = d.fracture;
  if (!f) refuse('NOT_FRACTURED', `${d.name} is not fractured`);
  const seq = d.nextChangeSet++;
  const a = f.active;
  const t = f.stopped;
  let discarded = 0;
  let synced = 0;
  if (keep === 'CURRENT') {
    // Claim 10: discard the changes made at the point in time (no redo is written for them) ...
    const p = f.pitUndo;
    for (let i = p.tail - 1; i >= p.head; i--) {
      const w = p.wordsAt(i);
      for (let k = p.countAt(i) - 1; k >= 0; k--) d.legs[t].set(p.startAt(i) + k, p.words[w + k]!);
      discarded += p.countAt(i);
    }
    // ... roll the site to the latest point with the redo log (undo goes back to the undo stream) ...
    while (d.journals[t].distributeOne(d.legs[t])) {
      /* redo record by record */
    }
    // ... and synchronize both sites to the active site's image.
    f.changed.forEach((b) => {
      writeLeg(d, t, seq, state.now, b, 1, (x) => d.legs[a].get(x));
      synced++;
    });
  } else {
    // Claim 9: stop access to the active site, discard the redo log, synchronize to the point in time;
    // undo for all the resync writes goes to the active site's journal.
    discarded = d.journals[t].discardDo();
    const blocks = new BlockMap(0);
    f.changed.forEach((b) => blocks.set(b, 1));
    f.touched.forEach((b) => blocks.set(b, 1));
    blocks.forEach((b) => {
      writeLeg(d, a, seq, state.now, b, 1, (x) => d.legs[t].get(x));
      synced++;
    });
  }
  d.fracture = null;
  d.points.push({ changeSet: seq, time: state.now });
  const ms = Math.ceil((synced * BLOCK_BYTES * 1000) / d.bytesPerSec);
  advanceTo(state, state.now + ms);
  return { dasd: d.name, keep, syncedBlocks: synced, discarded, syncSeconds: ms / 1000, digest: digest(d.legs[a]), identical: digest(d.legs[0]) === digest(d.legs[1]) };
}

export function distributedBusy(d: DistributedVolume): boolean {
  return d.openWrites > 0 || d.pending.length > 0;
}

export function describeDistributed(state: GridState, d: DistributedVolume) {
  const last = d.points.at(-1);
  if (!last) throw new Error(`${d.name} has no point in time, not even the one it was created at`);
  return {
    dasd: d.name,
    sites: d.sites,
    changeSetSeconds: d.changeSetMs / 1000,
    openWrites: d.openWrites,
    pendingChangeSets: d.pending.length,
    flushedChangeSets: d.points.length - 1,
    quiesces: d.quiesces,
    latestPointInTime: isoTime(last.time),
    fractured: d.fracture !== null,
    rolledTo: d.fracture?.rolledTo ? isoTime(d.fracture.rolledTo.time) : null,
    stoppedSite: d.fracture ? d.sites[d.fracture.stopped] : null,
    journals: d.journals.map((j, i) => ({ site: d.sites[i], usedSegments: j.usedSegments(), segments: j.segments, undoRecords: j.undoLog.length, redoRecords: j.doLog.length })),
    now: isoTime(state.now),
  };
}

export function onDasdCsClose(state: GridState, event: FiredEvent<'dasd-cs-close'>): void {
  const d = state.dasd.distributed[event.args[0]];
  if (d && d.closeAt === event.time && !d.fracture) closeChangeSet(state, d);
}

export function onDasdCsFlush(state: GridState, event: FiredEvent<'dasd-cs-flush'>): void {
  const d = state.dasd.distributed[event.args[0]];
  if (d) flushDue(state, d, false);
}
