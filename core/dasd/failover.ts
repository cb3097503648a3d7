// Failover (seed 001: "a user may reverse the direction of replicate data flow, in which case Site I
// starts to behave as a target backup site, and Site II ... as a source production site"). The replica
// becomes the production volume — the accessed image when image access is on (the DO stream's newer
// data is discarded), else the latest image — and the former source, now the replica, is resynchronized
// with only the blocks that differ (delta marking).

import type { GridState } from '../world/state.js';
import { refuse } from '../world/refusal.js';
import { advanceTo } from '../world/run.js';
import { BLOCK_BYTES, differingBlocks } from '../world/dasd/blocks.js';
import { replicaOf, ROLL_BYTES_PER_SEC } from './image-access.js';
import { Journal } from '../world/dasd/journal.js';
import { deliver, distributeAll, drain, linkPeers, splitWriteRuns } from './replication.js';
import { TxLog } from '../world/dasd/tx-log.js';
import { findDasd, siteFailed } from './volumes.js';

export function failover(state: GridState, replicaName: string) {
  const r = replicaOf(state, replicaName);
  const oldSource = findDasd(state, r.source);
  const replica = findDasd(state, r.target);
  if (siteFailed(state, replica.site)) refuse('SITE_FAILED', `site ${replica.site} of ${replica.name} has failed`);
  let lost = 0;
  if (siteFailed(state, oldSource.site)) {
    // What had not reached the target journal is lost with the production site.
    lost = r.inflight.length + (r.snapshot ? 1 : 0);
    r.inflight.clear();
    r.snapshot = null;
  } else drain(state, r);
  let discarded = 0;
  let image: string | null = null;
  if (r.access) {
    const a = r.access;
    image = a.requested;
    if (a.mode === 'virtual') {
      // The virtual image becomes the physical volume: its blocks from the journal, then the writes
      // made to it. No undo is kept: the history before failover belongs to the old direction.
      let moved = 0;
      a.image?.forEach((b, word) => {
        replica.data.set(b, word);
        moved++;
      });
      a.writes?.forEach((b, word) => {
        replica.data.set(b, word);
        moved++;
      });
      advanceTo(state, state.now + Math.ceil((moved * BLOCK_BYTES * 1000) / ROLL_BYTES_PER_SEC));
    }
    // Writes made to the image are kept: they are production data now.
    discarded = r.journal.discardDo();
    r.access = null;
  } else distributeAll(state, r);

  // Reverse the direction: a fresh journal at the new target's site, same size.
  const journalBytes = r.journal.bytes;
  r.source = replica.name;
  r.target = oldSource.name;
  r.journal = new Journal(journalBytes);
  r.inflight = new TxLog();
  r.bookmarks = [];
  r.seq = 0;
  r.appliedSeq = 0;
  r.appliedTime = state.now;
  r.createdAt = state.now;
  // The reversed direction is the other side of the duplex WAN: busy as its other replications keep it.
  r.linkFreeAt = Math.max(state.now, ...linkPeers(state, r).map((p) => (p === r ? state.now : p.linkFreeAt)));
  r.deliverAt = -1;
  r.blocked = false;
  r.announcedReleased = 0;
  r.stats.failovers++;
  // Delta marking: only the blocks that differ travel to the new replica.
  const differ = differingBlocks(replica.data, oldSource.data);
  const resyncEnd = splitWriteRuns(state, r, differ, replica.data);
  if (!siteFailed(state, oldSource.site)) deliver(state, r);
  return {
    source: r.source,
    target: r.target,
    image,
    lostTransactions: lost,
    discardedTransactions: discarded,
    resyncBlocks: differ.length,
    resyncBytes: differ.length * BLOCK_BYTES,
    resyncSeconds: Math.max(0, (resyncEnd - state.now) / 1000),
  };
}
