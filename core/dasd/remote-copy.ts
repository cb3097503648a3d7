// Remote copy established offline (seed 003 FIG. 3): the relationship is established (302) with no
// writes to the secondary; from then on the primary marks every grain it writes dirty in a bitmap. A
// flash copy goes to portable media (304), is shipped (306) and uploaded at the secondary (308). The
// secondary's own "all dirty" initialization is suppressed (310) and its sync request sees through to
// the primary's bitmap (312-316): only dirty grains cross the link. Without an upload it is a
// conventional full synchronization.

import type { GridState } from '../world/state.js';
import { refuse } from '../world/refusal.js';
import { advanceTo } from '../world/run.js';
import { isoTime } from '../sim/time.js';
import { BLOCK_BYTES, digest } from '../world/dasd/blocks.js';
import { dasdMessage } from './messages.js';
import { DEFAULT_LINK_BYTES_PER_SEC } from './replication.js';
import type { Media, RemoteCopy } from '../world/dasd/state.js';
import { findDasd, remoteCopyOf, roleOf, siteFailed } from './volumes.js';

export const DEFAULT_GRAIN_BYTES = 256 * 1024;
export const SEEDING_STAGES = ['established', 'flash-copied', 'shipped', 'uploaded', 'synchronized'] as const;

export function establishOffline(state: GridState, primary: string, secondary: string, grainBytes: number | null, gbps: number | null): RemoteCopy {
  const p = findDasd(state, primary);
  const s = findDasd(state, secondary);
  if (p === s) refuse('SAME_VOLUME', `${primary} cannot be its own secondary`);
  for (const v of [p, s]) {
    const role = roleOf(state, v.name);
    if (role) refuse('VOLUME_IN_USE', `${v.name} is already a ${role}`);
  }
  if (s.sizeBytes < p.sizeBytes) refuse('TARGET_TOO_SMALL', `${secondary} is smaller than ${primary}`);
  const grain = grainBytes ?? DEFAULT_GRAIN_BYTES;
  if (grain % BLOCK_BYTES !== 0) refuse('BAD_GRAIN', `a grain is a whole number of 4 KB blocks`);
  const rc: RemoteCopy = {
    primary,
    secondary,
    grainBytes: grain,
    bytesPerSec: gbps !== null ? gbps * 125_000_000 : DEFAULT_LINK_BYTES_PER_SEC,
    establishedAt: state.now,
    // Step 302: nothing is dirty at establishment; writes from now on are.
    dirty: new Uint8Array(Math.ceil(p.sizeBytes / grain)),
    state: 'established-offline',
    media: null,
    uploaded: false,
    lastSync: null,
  };
  state.dasd.remoteCopies.push(rc);
  return rc;
}

/** A primary write: its grains turn dirty until synchronized; once live the secondary is updated in step. */
export function primaryWrite(state: GridState, rc: RemoteCopy, first: number, count: number): void {
  const per = rc.grainBytes / BLOCK_BYTES;
  if (rc.state === 'synchronized') {
    const p = findDasd(state, rc.primary);
    const s = findDasd(state, rc.secondary);
    for (let k = 0; k < count; k++) s.data.set(first + k, p.data.get(first + k));
    return;
  }
  for (let g = Math.floor(first / per); g <= Math.floor((first + count - 1) / per); g++) rc.dirty[g] = 1;
}

export function flashToMedia(state: GridState, dasd: string, name: string): Media {
  const v = findDasd(state, dasd);
  if (state.dasd.media.some((m) => m.name === name)) refuse('DUPLICATE', `media ${name} already exists`);
  // Step 304: a point-in-time copy, "taken as close to the time of the establishment ... as possible".
  const m: Media = { name, from: v.name, site: v.site, takenAt: state.now, blocks: v.data.clone(), shippedAt: null };
  state.dasd.media.push(m);
  return m;
}

export function media(state: GridState, name: string): Media {
  const m = state.dasd.media.find((x) => x.name === name);
  if (!m) refuse('NO_SUCH_MEDIA', `no portable media ${name}`);
  return m;
}

export function ship(state: GridState, name: string, site: string) {
  const m = media(state, name);
  if (!state.sites.some((s) => s.id === site)) refuse('NO_SUCH_SITE', `no site ${site}`);
  const from = m.site;
  m.site = site;
  m.shippedAt = state.now;
  return { media: name, from, to: site, shippedAt: isoTime(state.now) };
}

export function upload(state: GridState, name: string, dasd: string) {
  const m = media(state, name);
  const v = findDasd(state, dasd);
  if (m.site !== v.site) refuse('MEDIA_ELSEWHERE', `media ${name} is at site ${m.site}, ${dasd} at ${v.site}: SHIP it first`);
  const rc = state.dasd.remoteCopies.find((r) => r.secondary === dasd);
  if (rc && rc.primary !== m.from) refuse('WRONG_MEDIA', `media ${name} holds a copy of ${m.from}, not of ${rc.primary}`);
  if (rc && rc.state !== 'established-offline') refuse('ALREADY_SYNCHRONIZED', `${dasd} is already synchronized with ${rc.primary}`);
  v.data = m.blocks.clone();
  if (rc) {
    rc.media = name;
    rc.uploaded = true;
  }
  return { media: name, dasd, blocks: v.data.count(), takenAt: isoTime(m.takenAt), digest: digest(v.data) };
}

/** SYNC (spec §10: {dirtyGrains, bytesSent, bytesFullSync}); time advances by the transfer over the link. */
export function sync(state: GridState, dasd: string) {
  const rc = remoteCopyOf(state, dasd);
  if (!rc) refuse('NO_REMOTE_COPY', `${dasd} is in no remote copy relationship`);
  if (rc.state === 'synchronized') refuse('ALREADY_SYNCHRONIZED', `${rc.secondary} is already synchronized with ${rc.primary}`);
  const p = findDasd(state, rc.primary);
  const s = findDasd(state, rc.secondary);
  if (siteFailed(state, p.site) || siteFailed(state, s.site)) refuse('LINK_DOWN', `the online link between ${p.site} and ${s.site} is down`);
  const total = rc.dirty.length;
  const per = rc.grainBytes / BLOCK_BYTES;
  const fullBytes = p.sizeBytes;
  // Step 310: with an uploaded copy the secondary sees through to the primary's bitmap; without one it
  // requests everything (all grains dirty), the conventional initialization.
  let grains = 0;
  for (let g = 0; g < total; g++) {
    if (rc.uploaded && rc.dirty[g] === 0) continue;
    grains++;
    const first = g * per;
    const last = Math.min(p.blocks, first + per);
    for (let b = first; b < last; b++) s.data.set(b, p.data.get(b));
  }
  const bytesSent = Math.min(fullBytes, grains * rc.grainBytes);
  const seconds = bytesSent / rc.bytesPerSec;
  const fullSyncSeconds = fullBytes / rc.bytesPerSec;
  rc.state = 'synchronizing';
  advanceTo(state, state.now + Math.ceil(seconds * 1000));
  rc.dirty.fill(0);
  rc.state = 'synchronized';
  rc.lastSync = { dirtyGrains: grains, bytesSent, bytesFullSync: fullBytes, seconds, fullSyncSeconds };
  dasdMessage(state, 'TZ0620I', rc.secondary, String(grains), String(total));
  return {
    primary: rc.primary,
    secondary: rc.secondary,
    seeded: rc.uploaded,
    dirtyGrains: grains,
    totalGrains: total,
    bytesSent,
    bytesFullSync: fullBytes,
    // Issue 6 item 4: what the seeding saved against a full sync over the configured link.
    bytesSaved: fullBytes - bytesSent,
    seconds: round(seconds),
    fullSyncSeconds: round(fullSyncSeconds),
    secondsSaved: round(fullSyncSeconds - seconds),
    identical: digest(p.data) === digest(s.data),
  };
}

export function showRemoteCopy(state: GridState, dasd: string) {
  const rc = remoteCopyOf(state, dasd);
  if (!rc) refuse('NO_REMOTE_COPY', `${dasd} is in no remote copy relationship`);
  let dirty = 0;
  for (const d of rc.dirty) dirty += d;
  const m = rc.media ? state.dasd.media.find((x) => x.name === rc.media) : state.dasd.media.find((x) => x.from === rc.primary);
  // Seeding progress through seed 003 FIG. 3: 302 established, 304 copied, 306 shipped, 308 uploaded, 316 synchronized.
  const stage =
    rc.state === 'synchronized' ? 'synchronized' : rc.uploaded ? 'uploaded' : m?.shippedAt != null && m.site === findDasd(state, rc.secondary).site ? 'shipped' : m ? 'flash-copied' : 'established';
  return {
    primary: rc.primary,
    secondary: rc.secondary,
    state: rc.state,
    stage,
    stagesDone: SEEDING_STAGES.indexOf(stage) + 1,
    stages: SEEDING_STAGES.length,
    establishedAt: isoTime(rc.establishedAt),
    grainBytes: rc.grainBytes,
    totalGrains: rc.dirty.length,
    dirtyGrains: dirty,
    linkBytesPerSec: rc.bytesPerSec,
    media: m ? { name: m.name, site: m.site, takenAt: isoTime(m.takenAt), shipped: m.shippedAt !== null } : null,
    uploaded: rc.uploaded,
    lastSync: rc.lastSync,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
