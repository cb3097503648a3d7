// Host writes to DASD (DASDWRITE, DASDLOAD) routed by the volume's role: a replicated source splits
// to its appliance (seed 001), a replica takes writes only to an accessed image, a distributed volume
// writes into the open change set, a remote-copy primary marks grains dirty (seed 003). CHECKSUM gives
// the content digest of a volume or of the image a host sees.

import type { GridState } from '../world/state.js';
import { refuse } from '../world/refusal.js';
import { advanceTo } from '../world/run.js';
import { isoTime } from '../sim/time.js';
import { blockRange, BLOCK_BYTES, contentWord, digest, hashText } from '../world/dasd/blocks.js';
import { distributedDigest, distributedWrite } from './distributed.js';
import { imageDigest, writeImage } from './image-access.js';
import { primaryWrite } from './remote-copy.js';
import { deliver, splitLoad, splitWrite } from './replication.js';
import type { DasdVolume } from '../world/dasd/state.js';
import { distributedOf, findDasd, remoteCopyOf, replicationFrom, replicationTo, siteFailed } from './volumes.js';

const MB = 2 ** 20;
/** A host channel program writes at most this much in one IO: a longer DASDWRITE is several transactions. */
export const MAX_IO_BLOCKS = 256;

function writable(state: GridState, v: DasdVolume, site: string | null): void {
  if (site !== null && !distributedOf(state, v.name) && site !== v.site) refuse('WRONG_SITE', `${v.name} is at site ${v.site}`);
  if (siteFailed(state, site ?? v.site)) refuse('SITE_FAILED', `site ${site ?? v.site} has failed`);
  const r = replicationTo(state, v.name);
  // Seed 001: the target-side protection agent "fails I/O requests sent from host computer 116 to LU B".
  if (r && !r.access) refuse('REPLICA_PROTECTED', `${v.name} is the replica of ${r.source}: enable image access to write to it`);
  const rc = remoteCopyOf(state, v.name);
  if (rc && rc.secondary === v.name) refuse('SECONDARY_PROTECTED', `${v.name} is the remote copy secondary of ${rc.primary}`);
}

/** One host write of blocks [first, first+count) with content `seed`, issued at `time`; returns when it completes. */
function writeBlocks(state: GridState, v: DasdVolume, site: string | null, time: number, first: number, count: number, seed: number): number {
  const d = distributedOf(state, v.name);
  if (d) {
    distributedWrite(state, d, site, first, count, seed);
    return time;
  }
  const r = replicationTo(state, v.name);
  if (r) {
    writeImage(state, r, first, count, (b) => contentWord(seed, b));
    return time;
  }
  const data = v.data;
  for (let k = 0; k < count; k++) data.set(first + k, contentWord(seed, first + k));
  let done = time;
  const src = replicationFrom(state, v.name);
  if (src) done = splitWrite(state, src, time, first, count, seed);
  const rc = remoteCopyOf(state, v.name);
  if (rc) primaryWrite(state, rc, first, count);
  return done;
}

export function dasdWrite(state: GridState, name: string, offset: number, size: number, pattern: string | null, site: string | null) {
  const v = findDasd(state, name);
  if (offset + size > v.sizeBytes) refuse('OUT_OF_RANGE', `${offset + size} bytes is past the end of ${name} (${v.sizeBytes} bytes)`);
  writable(state, v, site);
  v.writes++;
  const seed = pattern !== null ? hashText(pattern) : hashText(`${v.name}#${v.writes}`);
  const { first, count } = blockRange(offset, size);
  const start = state.now;
  // Each transaction (one channel program's IO) completes at its own millisecond, one after another
  // (spec §12, seed 001: the journal orders transactions in time): a point in time then names one
  // image, the same one a bookmark taken at that instant names, and no two writes share a time.
  let ioEnd = start;
  let done = start;
  for (let at = first; at < first + count; at += MAX_IO_BLOCKS) {
    ioEnd++;
    if (ioEnd > state.now) advanceTo(state, ioEnd);
    done = Math.max(done, writeBlocks(state, v, site, ioEnd, at, Math.min(MAX_IO_BLOCKS, first + count - at), seed));
  }
  // A synchronous split: the host's write completes only when the target appliance has it.
  if (done > state.now) advanceTo(state, done);
  const r = replicationFrom(state, v.name);
  if (r) deliver(state, r);
  // waitMs: how long the host waited for a synchronous replica (0 when its own IO was the longer).
  return { dasd: name, offset, size, blocks: count, firstBlock: first, pattern, completed: isoTime(state.now), waitMs: done > ioEnd ? state.now - start : 0 };
}

/** DASDLOAD: `rate` MB/s of `ioSize` writes at random aligned offsets for `durationMs` of simulated time. */
export function dasdLoad(state: GridState, name: string, rateMBps: number, ioSize: number, durationMs: number, site: string | null) {
  const v = findDasd(state, name);
  writable(state, v, site);
  const count = Math.ceil(ioSize / BLOCK_BYTES);
  if (count > v.blocks) refuse('OUT_OF_RANGE', `an IO of ${ioSize} bytes is larger than ${name}`);
  const n = Math.floor((rateMBps * MB * (durationMs / 1000)) / ioSize);
  if (n < 1) refuse('NO_WRITES', `${rateMBps} MB/s of ${ioSize}-byte writes for ${durationMs / 1000} s is less than one write`);
  const start = state.now;
  const interval = durationMs / n;
  const base = hashText(`${v.name}@${v.writes}`);
  const span = v.blocks - count + 1;
  const perStep = distributedOf(state, name) !== undefined || replicationTo(state, name) !== undefined;
  let done = start;
  const src = replicationFrom(state, v.name);
  const rc = remoteCopyOf(state, v.name);
  const data = v.data;
  if (src && !perStep) done = splitLoad(state, src, data, n, start, interval, count, span, base);
  else
    for (let i = 0; i < n; i++) {
      // Seed 001 background: a synchronous replica that cannot keep pace slows the production writes.
      const issue = Math.max(start + i * interval, done);
      const first = Math.floor(state.rng.next() * span);
      const seed = (base + Math.imul(i + 1, 0x9e3779b9)) | 0;
      if (perStep) {
        // Change sets and image writes follow the clock: time moves write by write.
        if (issue > state.now) advanceTo(state, issue);
        done = writeBlocks(state, v, site, issue, first, count, seed);
      } else {
        // An unreplicated volume: the data, and dirty grains when it is a remote copy primary.
        for (let k = 0; k < count; k++) data.set(first + k, contentWord(seed, first + k));
        done = issue;
        if (rc) primaryWrite(state, rc, first, count);
      }
      if (done < issue) done = issue;
    }
  v.writes += n;
  const end = Math.max(start + durationMs, done);
  advanceTo(state, end);
  if (src) deliver(state, src);
  const seconds = (end - start) / 1000;
  return { dasd: name, writes: n, bytes: n * ioSize, seconds, requestedMBps: rateMBps, achievedMBps: Math.round(((n * ioSize) / MB / seconds) * 100) / 100, throttled: end > start + durationMs };
}

export function checksum(state: GridState, name: string, image: boolean, site: string | null) {
  const v = findDasd(state, name);
  const d = distributedOf(state, name);
  if (d) {
    if (image) {
      if (!d.fracture?.rolledTo) refuse('NO_IMAGE_ACCESS', `no point in time of ${name} is exposed: FRACTURE and ROLL a site first`);
      const site = d.sites[d.fracture.stopped];
      return { dasd: name, image: true, site, digest: distributedDigest(d, site) };
    }
    return { dasd: name, image: false, site, digest: distributedDigest(d, site) };
  }
  if (site !== null && site !== v.site) refuse('WRONG_SITE', `${name} is at site ${v.site}`);
  if (image) {
    const r = replicationTo(state, name);
    if (!r) refuse('NOT_A_REPLICA', `${name} is not a replica: IMAGE digests the accessed image of a replica`);
    if (!r.access) refuse('NO_IMAGE_ACCESS', `image access is not enabled on ${name}`);
    return { dasd: name, image: true, pointInTime: r.access.requested, digest: imageDigest(state, r) };
  }
  return { dasd: name, image: false, digest: digest(v.data) };
}
