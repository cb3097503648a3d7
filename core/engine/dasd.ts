// The engine's Host DASD commands (spec §9): the new lines run here; GRID resets the DASD state with the
// rest, ADVANCE UNTIL IDLE also waits for DASD work (deliveries, change sets, background rolls), and a
// repaired site lets held deliveries go on.

import type { RunContext, SomeHandlers } from '../commands/spec.js';
import { GRID_RUN } from './grid-handlers.js';
import { TAPE_RUN } from './tape.js';
import type { GridState } from '../world/state.js';
import { refuse } from '../world/refusal.js';
import { advanceUntilInSlices, simulatedProgress } from '../world/run-slices.js';
import { whole, type Sliced } from '../sim/work-slices.js';
import { isoTime } from '../sim/time.js';
import { createDasdState } from '../world/dasd/state.js';
import { defineDasd, describeDasd, findDasd, replicationFrom } from '../dasd/volumes.js';
import { checksum, dasdLoad, dasdWrite } from '../dasd/host-io.js';
import { announceRelease, bookmark, deliverEverywhere, replicate, replicationLinkUp } from '../dasd/replication.js';
import { disableAccess, enableAccess, replicaOf, resolvePoint, rollInBackground } from '../dasd/image-access.js';
import { failover } from '../dasd/failover.js';
import { bookmarkDistributed, distribute, distributed, distributedBusy, fracture, rollSite, unfracture } from '../dasd/distributed.js';
import { backup, changeSourcePool, defineSourcePool, defineTargetPool, prepair, showVersions } from '../dasd/copy-versions.js';
import { establishOffline, flashToMedia, ship, showRemoteCopy, sync, upload } from '../dasd/remote-copy.js';
import { showJournal } from '../dasd/show.js';
import { digest } from '../world/dasd/blocks.js';

const IDLE_LIMIT_MS = 30 * 86_400_000;

/** DASD work that will finish by itself as time passes. */
export function dasdBusy(state: GridState): boolean {
  for (const r of state.dasd.replications) {
    // Writes waiting on a failed site are not work in progress: they wait for REPAIR.
    if ((r.inflight.length > 0 && replicationLinkUp(state, r)) || r.snapshot !== null || r.access?.rollDoneAt != null) return true;
  }
  return state.dasd.distributed.some(distributedBusy);
}

/** Answers the replications' journal-full releases: one message per command that released history. */
export function announceReleases(state: GridState): void {
  for (const r of state.dasd.replications) announceRelease(state, r);
}

/**
 * The Host DASD commands, and the DASD side of GRID (a new grid has no DASD), ADVANCE UNTIL IDLE
 * (waits for DASD work too) and REPAIR (held deliveries go on): those call the grid's handler and add theirs.
 */
export const DASD_RUN = {
  GRID: (x, command) => {
    const result = GRID_RUN.GRID(x, command);
    x.state.dasd = createDasdState();
    return result;
  },
  ADVANCE: (x, command) => whole(advanceInSlices(x, command.args.duration)),
  REPAIR: (x, command) => {
    const result = TAPE_RUN.REPAIR(x, command);
    deliverEverywhere(x.state);
    return result;
  },
  DASD: (x, command) => {
    const a = command.args;
    return describeDasd(x.state, defineDasd(x.state, { name: a.name.name, site: a.site.name, sizeBytes: a.size, type: a.type, tech: a.tech }));
  },
  DASDWRITE: (x, command) => {
    const a = command.args;
    return dasdWrite(x.state, a.dasd.name, a.offset, a.size, a.pattern, a.site?.name ?? null);
  },
  DASDLOAD: (x, command) => {
    const a = command.args;
    return dasdLoad(x.state, a.dasd.name, a.rate, a.ioSize, a.duration, a.site?.name ?? null);
  },
  CHECKSUM: (x, command) => {
    const a = command.args;
    return checksum(x.state, a.dasd.name, a.image, a.site?.name ?? null);
  },
  REPLICATE: (x, command) => {
    const a = command.args;
    const r = replicate(x.state, { source: a.source.name, target: a.target.name, mode: a.mode, journalBytes: a.journal, gbps: a.gbps, everyMs: a.every });
    return { source: r.source, target: r.target, mode: r.mode, journalSegments: r.journal.segments, linkBytesPerSec: r.bytesPerSec, digest: digest(findDasd(x.state, r.target).data) };
  },
  BOOKMARK: (x, command) => {
    const a = command.args;
    const r = replicationFrom(x.state, a.dasd.name);
    if (r) return { dasd: a.dasd.name, ...bookmark(x.state, r, a.name.name) };
    const d = x.state.dasd.distributed.find((x) => x.name === a.dasd.name);
    if (d) return { dasd: a.dasd.name, ...bookmarkDistributed(x.state, d, a.name.name) };
    findDasd(x.state, a.dasd.name);
    return refuse('NOT_REPLICATED', `${a.dasd.name} is neither a replication source nor a distributed volume: bookmarks mark a replicated stream`);
  },
  IMAGE_ACCESS: (x, command) => {
    const a = command.args;
    const r = replicaOf(x.state, a.replica.name);
    return enableAccess(x.state, r, resolvePoint(x.state, r, a.point.at, a.point.bookmark), a.mode);
  },
  IMAGE_ROLL: (x, command) => rollInBackground(x.state, replicaOf(x.state, command.args.replica.name)),
  IMAGE_DISABLE: (x, command) => disableAccess(x.state, replicaOf(x.state, command.args.replica.name)),
  FAILOVER: (x, command) => failover(x.state, command.args.replica.name),
  DISTRIBUTE: (x, command) => {
    const a = command.args;
    return distribute(x.state, a.dasd.name, [a.sites[0]!.name, a.sites[1]!.name], a.changeSet, a.gbps, a.journal);
  },
  FRACTURE: (x, command) => fracture(x.state, distributed(x.state, command.args.dasd.name)),
  ROLL: (x, command) => {
    const a = command.args;
    return rollSite(x.state, distributed(x.state, a.dasd.name), a.site.name, a.point.at, a.point.bookmark);
  },
  UNFRACTURE: (x, command) => unfracture(x.state, distributed(x.state, command.args.dasd.name), command.args.keep),
  SOURCEPOOL: (x, command) => {
    const a = command.args;
    if (a.action === 'DEFINE')
      return defineSourcePool(
        x.state,
        a.pool.name,
        a.volumes.map((v) => v.name),
      );
    return changeSourcePool(x.state, a.pool.name, a.action, a.volumes[0]!.name);
  },
  TARGETPOOL: (x, command) => {
    const a = command.args;
    return defineTargetPool(
      x.state,
      a.pool.name,
      a.source.name,
      a.volumes.map((v) => v.name),
    );
  },
  PREPAIR: (x, command) => prepair(x.state, command.args.pool.name),
  BACKUP: (x, command) => backup(x.state, command.args.pool.name),
  SHOW_VERSIONS: (x, command) => showVersions(x.state, command.args.pool.name),
  REMOTECOPY: (x, command) => {
    const a = command.args;
    const rc = establishOffline(x.state, a.primary.name, a.secondary.name, a.grain, a.gbps);
    return showRemoteCopy(x.state, rc.primary);
  },
  FLASHCOPY: (x, command) => {
    const m = flashToMedia(x.state, command.args.dasd.name, command.args.media.name);
    return { media: m.name, from: m.from, site: m.site, takenAt: isoTime(m.takenAt), blocks: m.blocks.count(), digest: digest(m.blocks) };
  },
  SHIP: (x, command) => ship(x.state, command.args.media.name, command.args.site.name),
  UPLOAD: (x, command) => upload(x.state, command.args.media.name, command.args.dasd.name),
  SYNC: (x, command) => sync(x.state, command.args.dasd.name),
  SHOW_JOURNAL: (x, command) => showJournal(replicaOf(x.state, command.args.replica.name)),
  SHOW_REMOTECOPY: (x, command) => showRemoteCopy(x.state, command.args.dasd.name),
  SHOW_DASD: (x, command) => describeDasd(x.state, findDasd(x.state, command.args.dasd.name)),
} satisfies SomeHandlers;

/**
 * ADVANCE with the Host DASD side (spec §9): UNTIL IDLE first waits for the DASD work in flight, then
 * for the grid's; in slices, so the console shows how far it is.
 */
export function* advanceInSlices(x: RunContext, duration: number | null): Sliced<unknown> {
  if (duration !== null || !dasdBusy(x.state)) return yield* x.engine.advanceInSlices(duration);
  const from = x.state.now;
  yield* advanceUntilInSlices(
    x.state,
    () => !dasdBusy(x.state),
    x.state.now + IDLE_LIMIT_MS,
    () => simulatedProgress(x.state, from, null),
  );
  const result = yield* x.engine.advanceInSlices(duration);
  return { ...result, from: isoTime(from) };
}
