// The DR host's DASD in a DR test (Redbook §11.9.1, §11.11; seed 001 "Image Access"): its catalogs and
// tape management data must be at the same point in time as the tape it reads. When a DASD volume at
// the DR site is the replica of a journal replication, the wizard rolls it to the family's time-zero
// (FlashCopy test) or to the test's start point (§11.10 procedures) with logged image access, and at
// clean-up disables access, which discards what the DR host wrote to it. Without such a replica the
// step says it is skipped and why.

import type { GridState } from '../world/state.js';
import { BLOCK_BYTES } from '../world/dasd/blocks.js';
import { earliestPoint, latestPoint } from '../dasd/replication.js';
import type { Replication } from '../world/dasd/state.js';
import { findDasd, siteFailed } from '../dasd/volumes.js';
import { isoTime } from '../sim/time.js';
import { clusterIndex } from './checks.js';
import type { Finding, Phase, WizardParams, WizardStep } from './types.js';

/** Deliveries into a target journal happen on whole seconds (core/dasd/replication.ts). */
const DELIVERY_TICK_MS = 1000;
/** Bookmark names: 1-32 of the runbook name characters (spec §9 BOOKMARK). */
const MAX_NAME = 32;

/** Where the DR host stands: its own site, else the DR cluster's. */
export function drSite(p: WizardParams, state: GridState): string | null {
  const host = state.hosts.find((h) => h.name === p.drHost);
  if (host) return host.site;
  return state.clusters[clusterIndex(state, p.drCluster)]?.site ?? null;
}

/** Journal replications whose replica sits at the DR site and whose source does not: the DR host's DASD. */
export function drReplicas(p: WizardParams, state: GridState): Replication[] {
  const site = drSite(p, state);
  if (site === null) return [];
  return state.dasd.replications.filter((r) => findDasd(state, r.target).site === site && findDasd(state, r.source).site !== site);
}

function skipReason(p: WizardParams, state: GridState): string {
  const site = drSite(p, state) ?? '(unknown)';
  const any = state.dasd.replications.length;
  const why = any === 0 ? 'no DASD replication is defined' : `none of the ${any} DASD replication(s) has its replica at the DR site ${site}`;
  return `Skipped: ${why}, so there is no journal to bring the DR host's catalogs and tape management data to the test's point in time (define one with REPLICATE <source> TO <replica at ${site}>; Redbook §11.9.1). Restore them to the same point as the tape by other means.`;
}

/** A bookmark name not yet used on this replication's source: base, base-2, base-3 … */
export function freeBookmark(r: Replication, base: string): string {
  const stem = base.slice(0, MAX_NAME - 3);
  const used = new Set(r.bookmarks.map((b) => b.name));
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

const timeZeroBase = (p: WizardParams) => `TZ-${p.family ?? 'DRFAM'}`.toUpperCase();
const TEST_START = 'DRTEST';

/** FlashCopy test: BOOKMARK lines issued with FLASH ENABLE, so the replica's journal names the exact time-zero. */
export function timeZeroBookmarkLines(p: WizardParams, state: GridState): string[] {
  return drReplicas(p, state).map((r) => `BOOKMARK ${r.source} ${freeBookmark(r, timeZeroBase(p))}`);
}

type Target = { kind: 'bookmark'; name: string; seq: number | null; time: number } | { kind: 'time'; time: number };

/**
 * The point one replica is rolled to. time-zero: the bookmark made with FLASH ENABLE (time equal to the
 * family's time-zero), else time-zero itself as an ISO time; test-start: a bookmark made now.
 */
function targetOf(p: WizardParams, state: GridState, r: Replication, point: 'time-zero' | 'test-start'): Target | Finding {
  if (point === 'test-start') return { kind: 'bookmark', name: freeBookmark(r, TEST_START), seq: null, time: state.now };
  const family = state.families.find((f) => f.name === p.family);
  if (!family || family.timeZero === null) return { level: 'error', message: `DR family ${p.family ?? '(none)'} has no time-zero yet: establish it (FLASH ENABLE) before rolling ${r.target} to it` };
  const tz = family.timeZero;
  const stem = timeZeroBase(p).slice(0, MAX_NAME - 3);
  const marks = r.bookmarks.filter((b) => b.time === tz && (b.name === stem || b.name.startsWith(`${stem}-`)));
  const mark = marks[marks.length - 1];
  return mark ? { kind: 'bookmark', name: mark.name, seq: mark.seq, time: tz } : { kind: 'time', time: tz };
}

const label = (t: Target) => (t.kind === 'bookmark' ? t.name : isoTime(t.time));
const pointWords = (point: 'time-zero' | 'test-start') => (point === 'time-zero' ? "the family's time-zero" : "the test's start point");

/**
 * Whole seconds until every transaction of the image has reached the replica's journal: asynchronous
 * and snapshot transfer leave writes in flight (seed 001 delta marking), and an image cannot be
 * accessed before its last transaction arrives.
 */
export function secondsUntilArrived(state: GridState, r: Replication, t: Target): number {
  const log = r.inflight;
  let arrive = -1;
  for (let i = log.head; i < log.tail; i++) {
    const inside = t.kind === 'time' ? log.timeAt(i) <= t.time : t.seq === null || log.seqAt(i) <= t.seq;
    if (!inside) break;
    arrive = log.arriveAt(i);
  }
  // A bookmark made now closes an open snapshot (snapshot mode): its data goes down the link behind the rest.
  if (t.kind === 'bookmark' && t.seq === null && r.snapshot) {
    const bytes = r.snapshot.count() * BLOCK_BYTES;
    arrive = Math.max(arrive, Math.ceil(Math.max(state.now, r.linkFreeAt) + (bytes * 1000) / r.bytesPerSec) + 1);
  }
  if (arrive < 0) return 0;
  const delivered = Math.ceil(arrive / DELIVERY_TICK_MS) * DELIVERY_TICK_MS;
  return delivered > state.now ? Math.ceil((delivered - state.now) / 1000) : 0;
}

function checkReplica(state: GridState, r: Replication, t: Target, point: 'time-zero' | 'test-start'): Finding[] {
  const findings: Finding[] = [];
  const src = findDasd(state, r.source);
  const tgt = findDasd(state, r.target);
  const down = [src.site, tgt.site].filter((s) => siteFailed(state, s));
  if (down.length > 0)
    findings.push({ level: 'error', message: `site ${down.join(', ')} is failed: ${r.source}'s writes cannot reach ${r.target}'s journal, so the image at ${pointWords(point)} cannot be completed` });
  const a = r.access;
  if (a && a.requested !== label(t))
    findings.push({ level: 'error', message: `image access to ${a.requested} is enabled on ${r.target}: disable it (IMAGE DISABLE ${r.target}) before the test rolls it to ${pointWords(point)}` });
  // Seed 001 FIG. 2: a full journal releases its oldest history; the window's start moves forward.
  const earliest = earliestPoint(r);
  const released = t.kind === 'bookmark' && t.seq !== null ? t.seq < earliest.seq : t.time < earliest.time;
  if (released) {
    findings.push({
      level: 'error',
      message: `${r.target}'s journal no longer reaches ${pointWords(point)} ${isoTime(t.time)}: its earliest reachable point in time is ${isoTime(earliest.time)} (the journal filled and released ${r.journal.released} older transaction(s); Continuous data replication). The DR host's catalogs cannot be brought to the tape's point in time: give the journal more room (REPLICATE … JOURNAL <size>) and establish time-zero again`,
    });
  } else if (t.kind === 'bookmark' && t.seq !== null && t.seq > latestPoint(r).seq && r.blocked) {
    findings.push({ level: 'error', message: `${r.target}'s journal is full and takes no more transactions: bookmark ${t.name} cannot arrive` });
  }
  return findings;
}

/** Roll the DR host's DASD to the point in time of the test (logged access: the DR host may write; disable discards). */
export function dasdImageStep(phase: Phase, point: 'time-zero' | 'test-start', source: string): WizardStep {
  return {
    id: 'dasd-image',
    phase,
    title: `Roll the DR host’s DASD image to ${point === 'time-zero' ? 'time-zero' : 'the test’s start point'}`,
    why: `The DR host needs its catalogs and tape management data at the same point in time as the tape it reads (Redbook §11.9.1, §11.11). Each replica at the DR site gets logged image access at ${pointWords(point)} (${point === 'time-zero' ? 'the bookmark made with FLASH ENABLE' : 'a bookmark made now'}): the journal rolls it there, distribution pauses while production's writes keep arriving in the journal, and disabling access after the test discards the DR host's changes (Continuous data replication, "Image Access"; ${source}).`,
    kind: 'grid',
    lines: (p, s) => {
      const out: string[] = [];
      const waits: number[] = [];
      const access: string[] = [];
      for (const r of drReplicas(p, s)) {
        const t = targetOf(p, s, r, point);
        if ('level' in t) continue;
        if (r.access && r.access.requested === label(t)) continue; // already in effect (a resumed run)
        if (t.kind === 'bookmark' && t.seq === null) out.push(`BOOKMARK ${r.source} ${t.name}`);
        waits.push(secondsUntilArrived(s, r, t));
        access.push(`IMAGE ACCESS ${r.target} AT ${label(t)} LOGGED`, `CHECKSUM ${r.target}`);
      }
      const wait = Math.max(0, ...waits);
      return [...out, ...(wait > 0 ? [`ADVANCE ${wait}s`] : []), ...access];
    },
    check: (p, s) => {
      const replicas = drReplicas(p, s);
      if (replicas.length === 0) return [{ level: 'info', message: skipReason(p, s) }];
      const findings: Finding[] = [];
      for (const r of replicas) {
        const t = targetOf(p, s, r, point);
        if ('level' in t) findings.push(t);
        else findings.push(...checkReplica(s, r, t, point));
      }
      return findings;
    },
  };
}

/** After the test: IMAGE DISABLE discards the DR host's DASD changes and distribution catches up (seed 001). */
export function dasdReleaseStep(): WizardStep {
  return {
    id: 'dasd-release',
    phase: 'after',
    title: 'Disable image access on the DR host’s DASD',
    why: 'Disabling image access discards every change the DR host made to its rolled DASD during the test; distribution then goes on from the accessed image forward and the replica catches up with production (Continuous data replication, "Image Access"; Redbook §11.9.1).',
    kind: 'grid',
    lines: (p, s) =>
      drReplicas(p, s)
        .filter((r) => r.access !== null)
        .map((r) => `IMAGE DISABLE ${r.target}`),
    check: (p, s) => {
      const replicas = drReplicas(p, s);
      if (replicas.length === 0) return [{ level: 'info', message: skipReason(p, s) }];
      if (replicas.every((r) => r.access === null)) return [{ level: 'info', message: `Nothing to disable: no image access is enabled on ${replicas.map((r) => r.target).join(', ')}.` }];
      return [];
    },
  };
}
