// The engine's Host DASD commands (spec §9): the new lines run here; GRID resets the DASD state with the
// rest, ADVANCE UNTIL IDLE also waits for DASD work (deliveries, change sets, background rolls), and a
// repaired site lets held deliveries go on.

import type { Command } from '../runbook/commands.js';
import type { GridState } from '../world/state.js';
import { refuse } from '../world/refusal.js';
import { advanceUntil } from '../world/run.js';
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

/** Runs a command, answering the DASD ones here. `next` runs the rest of the engine. */
export function runWithDasd(state: GridState, command: Command, next: () => unknown): unknown {
  const result = run(state, command, next);
  // Journal full: one message per command that released history, with where the window now starts.
  for (const r of state.dasd.replications) announceRelease(state, r);
  return result;
}

function run(state: GridState, command: Command, next: () => unknown): unknown {
  switch (command.name) {
    case 'GRID': {
      const result = next();
      state.dasd = createDasdState();
      return result;
    }
    case 'ADVANCE': {
      if (command.args.duration !== null || !dasdBusy(state)) return next();
      const from = state.now;
      advanceUntil(state, () => !dasdBusy(state), state.now + IDLE_LIMIT_MS);
      const result = next() as Record<string, unknown>;
      return { ...result, from: isoTime(from) };
    }
    case 'REPAIR': {
      const result = next();
      deliverEverywhere(state);
      return result;
    }
    case 'DASD': {
      const a = command.args;
      return describeDasd(state, defineDasd(state, { name: a.name.name, site: a.site.name, sizeBytes: a.size, type: a.type, tech: a.tech }));
    }
    case 'DASDWRITE': {
      const a = command.args;
      return dasdWrite(state, a.dasd.name, a.offset, a.size, a.pattern, a.site?.name ?? null);
    }
    case 'DASDLOAD': {
      const a = command.args;
      return dasdLoad(state, a.dasd.name, a.rate, a.ioSize, a.duration, a.site?.name ?? null);
    }
    case 'CHECKSUM': {
      const a = command.args;
      return checksum(state, a.dasd.name, a.image, a.site?.name ?? null);
    }
    case 'REPLICATE': {
      const a = command.args;
      const r = replicate(state, { source: a.source.name, target: a.target.name, mode: a.mode, journalBytes: a.journal, gbps: a.gbps, everyMs: a.every });
      return { source: r.source, target: r.target, mode: r.mode, journalSegments: r.journal.segments, linkBytesPerSec: r.bytesPerSec, digest: digest(findDasd(state, r.target).data) };
    }
    case 'BOOKMARK': {
      const a = command.args;
      const r = replicationFrom(state, a.dasd.name);
      if (r) return { dasd: a.dasd.name, ...bookmark(state, r, a.name.name) };
      const d = state.dasd.distributed.find((x) => x.name === a.dasd.name);
      if (d) return { dasd: a.dasd.name, ...bookmarkDistributed(state, d, a.name.name) };
      findDasd(state, a.dasd.name);
      return refuse('NOT_REPLICATED', `${a.dasd.name} is neither a replication source nor a distributed volume: bookmarks mark a replicated stream`);
    }
    case 'IMAGE_ACCESS': {
      const a = command.args;
      const r = replicaOf(state, a.replica.name);
      return enableAccess(state, r, resolvePoint(state, r, a.point.at, a.point.bookmark), a.mode);
    }
    case 'IMAGE_ROLL':
      return rollInBackground(state, replicaOf(state, command.args.replica.name));
    case 'IMAGE_DISABLE':
      return disableAccess(state, replicaOf(state, command.args.replica.name));
    case 'FAILOVER':
      return failover(state, command.args.replica.name);
    case 'DISTRIBUTE': {
      const a = command.args;
      return distribute(state, a.dasd.name, [a.sites[0]!.name, a.sites[1]!.name], a.changeSet, a.gbps, a.journal);
    }
    case 'FRACTURE':
      return fracture(state, distributed(state, command.args.dasd.name));
    case 'ROLL': {
      const a = command.args;
      return rollSite(state, distributed(state, a.dasd.name), a.site.name, a.point.at, a.point.bookmark);
    }
    case 'UNFRACTURE':
      return unfracture(state, distributed(state, command.args.dasd.name), command.args.keep);
    case 'SOURCEPOOL': {
      const a = command.args;
      if (a.action === 'DEFINE') return defineSourcePool(state, a.pool.name, a.volumes.map((v) => v.name));
      return changeSourcePool(state, a.pool.name, a.action, a.volumes[0]!.name);
    }
    case 'TARGETPOOL': {
      const a = command.args;
      return defineTargetPool(state, a.pool.name, a.source.name, a.volumes.map((v) => v.name));
    }
    case 'PREPAIR':
      return prepair(state, command.args.pool.name);
    case 'BACKUP':
      return backup(state, command.args.pool.name);
    case 'SHOW_VERSIONS':
      return showVersions(state, command.args.pool.name);
    case 'REMOTECOPY': {
      const a = command.args;
      const rc = establishOffline(state, a.primary.name, a.secondary.name, a.grain, a.gbps);
      return showRemoteCopy(state, rc.primary);
    }
    case 'FLASHCOPY': {
      const m = flashToMedia(state, command.args.dasd.name, command.args.media.name);
      return { media: m.name, from: m.from, site: m.site, takenAt: isoTime(m.takenAt), blocks: m.blocks.count(), digest: digest(m.blocks) };
    }
    case 'SHIP':
      return ship(state, command.args.media.name, command.args.site.name);
    case 'UPLOAD':
      return upload(state, command.args.media.name, command.args.dasd.name);
    case 'SYNC':
      return sync(state, command.args.dasd.name);
    case 'SHOW_JOURNAL':
      return showJournal(replicaOf(state, command.args.replica.name));
    case 'SHOW_REMOTECOPY':
      return showRemoteCopy(state, command.args.dasd.name);
    case 'SHOW_DASD':
      return describeDasd(state, findDasd(state, command.args.dasd.name));
    default:
      return next();
  }
}
