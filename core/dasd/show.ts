// SHOW JOURNAL and SHOW DASD, and the Host DASD overview the console view reads: replication sets,
// journal usage and the reachable window, image access, copy versions, seeding progress.

import type { GridState } from '../world/state.js';
import { isoTime } from '../sim/time.js';
import { describeDistributed } from './distributed.js';
import { SEGMENT_BYTES } from '../world/dasd/journal.js';
import { earliestPoint, latestPoint, syncApplied } from './replication.js';
import { showRemoteCopy } from './remote-copy.js';
import { showVersions } from './copy-versions.js';
import type { Replication } from '../world/dasd/state.js';
import { describeDasd } from './volumes.js';

export function showJournal(r: Replication) {
  syncApplied(r);
  const j = r.journal;
  const earliest = earliestPoint(r);
  const latest = latestPoint(r);
  const a = r.access;
  return {
    replica: r.target,
    source: r.source,
    mode: r.mode,
    segmentBytes: SEGMENT_BYTES,
    segments: j.segments,
    usedSegments: j.usedSegments(),
    freeSegments: j.free.length,
    usedPercent: Math.round((j.usedSegments() / j.segments) * 1000) / 10,
    streams: streamsById(j.describeStreams()),
    /** the reachable window: any point in time between these can be accessed */
    earliestPointInTime: isoTime(earliest.time),
    latestPointInTime: isoTime(latest.time),
    earliestSeq: earliest.seq,
    latestSeq: latest.seq,
    appliedSeq: r.appliedSeq,
    releasedTransactions: j.released,
    historyTransactions: j.undoLog.length,
    pendingDistribution: j.doLog.length,
    /** seed 001 delta marking: written at the source, not yet safely in this journal */
    deltaMarking: { transactions: r.inflight.length + (r.snapshot ? 1 : 0), blocks: r.inflight.blocks + (r.snapshot ? r.snapshot.count() : 0) },
    distribution: r.access ? 'paused' : 'running',
    blocked: r.blocked,
    imageAccess: a
      ? { mode: a.mode, pointInTime: a.requested, seq: a.seq, rolling: a.rollDoneAt !== null, readyAt: a.rollDoneAt !== null ? isoTime(a.rollDoneAt) : null, enabledAt: isoTime(a.enabledAt) }
      : null,
    bookmarks: r.bookmarks.map((b) => ({ name: b.name, time: isoTime(b.time), seq: b.seq, reachable: b.seq >= earliest.seq && b.seq <= latest.seq })),
    stats: { ...r.stats },
  };
}

export function dasdOverview(state: GridState) {
  const d = state.dasd;
  return {
    time: isoTime(state.now),
    volumes: d.volumes.map((v) => describeDasd(state, v)),
    replications: d.replications.map((r) => showJournal(r)),
    distributed: d.distributed.map((x) => describeDistributed(state, x)),
    versions: d.sourcePools.map((p) => showVersions(state, p.name)),
    remoteCopies: d.remoteCopies.map((rc) => showRemoteCopy(state, rc.primary)),
    media: d.media.map((m) => ({ name: m.name, from: m.from, site: m.site, takenAt: isoTime(m.takenAt), shippedAt: m.shippedAt !== null ? isoTime(m.shippedAt) : null })),
  };
}

/** Spec §12: result keys are identifiers, so every stream is reachable by an EXPECT path. */
const STREAM_IDS = { DO: 'do', 'DO METADATA': 'doMetadata', UNDO: 'undo', 'UNDO METADATA': 'undoMetadata', 'ACCESS LOG': 'accessLog' } as const;

function streamsById<T>(streams: Record<keyof typeof STREAM_IDS, T>): Record<(typeof STREAM_IDS)[keyof typeof STREAM_IDS], T> {
  return { do: streams.DO, doMetadata: streams['DO METADATA'], undo: streams.UNDO, undoMetadata: streams['UNDO METADATA'], accessLog: streams['ACCESS LOG'] };
}
