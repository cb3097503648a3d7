// The grid's commands that do more than call one rule: DR family setup, jobs, return to scratch,
// failures and repairs (spec §3–§7). Their run handlers (core/engine/grid-handlers.ts) call these.

import type { CommandOf } from '../runbook/commands.js';
import { MESSAGES } from '../runbook/messages.js';
import { emit } from '../rules/reach.js';
import type { GridState } from '../world/state.js';
import { Refusal } from '../world/refusal.js';
import type { DrFamily } from '../world/dr-family.js';
import { CATEGORY_SCRATCH } from '../model/grid.js';
import { rangeSize, rangeVolser } from '../model/volser.js';
import { advanceTo } from '../world/run.js';
import { whole } from '../sim/work-slices.js';
import * as mounts from '../rules/mounts.js';
import * as failures from '../rules/failures.js';
import { showGrid } from './show.js';
import * as drFamily from '../rules/dr-family.js';
import { describeFamily } from './show-family.js';

export function drSetup(s: GridState, command: CommandOf<'DRSETUP'>) {
  const a = command.args;
  const name = a.family.name;
  let f: DrFamily;
  switch (a.action) {
    case 'ADD':
      f = drFamily.addToFamily(s, name, a.cluster!.index);
      break;
    case 'REMOVE':
      f = drFamily.removeFromFamily(s, name, a.cluster!.index);
      break;
    case 'WP':
      f = drFamily.setFamilyWriteProtect(s, name, a.value === 'ENABLE');
      break;
    case 'FLASH': {
      f = a.value === 'ENABLE' ? drFamily.enableFlash(s, name) : drFamily.disableFlash(s, name);
      drFamily.refreshFlashActive(s);
      // Issue 12 item 7: a family of tape-attached clusters only takes no snapshot at all; say so.
      const capable = f.clusters.filter((c) => s.clusters[c]!.model === 'DISK');
      if (a.value === 'ENABLE' && capable.length === 0) {
        const members = f.clusters.map((c) => `${s.clusters[c]!.name} ${s.clusters[c]!.model}`).join(', ');
        emit(s, 'TZ0700W', name, members);
        return { ...describeFamily(s, f), warning: MESSAGES.TZ0700W.text(name, members) };
      }
      break;
    }
    case 'LIVECOPY':
      f = drFamily.family(s, name);
      f.liveCopy = a.value as 'FAMILY' | 'NONE';
      break;
  }
  return describeFamily(s, f);
}

/** Jobs between two looks at the wall clock: a JOB of 200,000 writes shows its progress and takes a Cancel. */
const JOBS_PER_SLICE = 500;

export function jobWrite(s: GridState, command: CommandOf<'JOB_WRITE'>) {
  return whole(jobWriteInSlices(s, command));
}

export function* jobWriteInSlices(s: GridState, command: CommandOf<'JOB_WRITE'>) {
  const a = command.args;
  const size = a.size ?? 800 * 2 ** 20;
  const start = s.now;
  const result = { requested: a.count, succeeded: 0, failed: 0, volsers: [] as string[], failures: {} as Record<string, number> };
  for (let i = 0; i < a.count; i++) {
    if (i > 0 && i % JOBS_PER_SLICE === 0) yield { done: i, total: a.count, unit: 'jobs' };
    if (a.over !== null) advanceTo(s, start + Math.floor((a.over * i) / a.count));
    let volser: string | null = null;
    try {
      // The JOB holds its own mount: the volume by number, not looked up by volser twice per write.
      const m = mounts.scratchMount(s, a.cluster.index, a.host.name, a.mc?.name ?? null, a.category);
      volser = s.volumes.volser(m.volume);
      mounts.writeVolumeOf(s, m.volume, volser, size);
      mounts.demountOf(s, m.volume, volser);
      result.succeeded++;
      if (result.volsers.length < 1000) result.volsers.push(volser);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      if (volser !== null && s.mounts.has(s.volumes.find(volser))) mounts.detach(s, s.volumes.find(volser));
      result.failed++;
      result.failures[error.code] = (result.failures[error.code] ?? 0) + 1;
    }
  }
  if (a.over !== null) advanceTo(s, start + a.over);
  return result;
}

export function jobRead(s: GridState, command: CommandOf<'JOB_READ'>) {
  return whole(jobReadInSlices(s, command));
}

export function* jobReadInSlices(s: GridState, command: CommandOf<'JOB_READ'>) {
  const a = command.args;
  const n = rangeSize(a.range);
  const result = { requested: n, succeeded: 0, failed: 0, volsers: [] as string[], failures: {} as Record<string, number> };
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % JOBS_PER_SLICE === 0) yield { done: i, total: n, unit: 'jobs' };
    const volser = rangeVolser(a.range, i);
    let mounted = false;
    try {
      mounts.mountSpecific(s, volser, a.cluster.index, a.host.name);
      mounted = true;
      mounts.readVolume(s, volser);
      mounts.demount(s, volser);
      result.succeeded++;
      if (result.volsers.length < 1000) result.volsers.push(volser);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      if (mounted) mounts.detach(s, s.volumes.find(volser));
      result.failed++;
      result.failures[error.code] = (result.failures[error.code] ?? 0) + 1;
    }
  }
  return result;
}

export function returnToScratch(s: GridState, command: CommandOf<'RETURN'>) {
  const category = command.args.category ?? CATEGORY_SCRATCH;
  const n = rangeSize(command.args.range);
  const result = { requested: n, returned: 0, failed: 0, failures: {} as Record<string, number> };
  for (let i = 0; i < n; i++) {
    try {
      mounts.changeVolume(s, mounts.findVolume(s, rangeVolser(command.args.range, i)), category, null, command.args.host?.name ?? null);
      result.returned++;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      result.failed++;
      result.failures[error.code] = (result.failures[error.code] ?? 0) + 1;
    }
  }
  return result;
}

export function fail(s: GridState, command: CommandOf<'FAIL'>) {
  const a = command.args;
  switch (a.what) {
    case 'CLUSTER':
      failures.failCluster(s, a.cluster!.index);
      break;
    case 'LINK':
      failures.failLink(s, a.cluster!.index, a.peer!.index, a.one);
      break;
    case 'HOSTLINK':
      return { host: a.host!.name, cluster: s.clusters[a.cluster!.index]!.name, pathsLeft: failures.failHostLink(s, a.host!.name, a.cluster!.index) };
    case 'SITE':
      failures.failSite(s, a.site!.name);
      break;
    case 'TSSC':
      failures.setTssc(s, a.cluster!.index, false);
      break;
  }
  return showGrid(s);
}

export function repair(s: GridState, command: CommandOf<'REPAIR'>) {
  const a = command.args;
  switch (a.what) {
    case 'CLUSTER':
      failures.repairCluster(s, a.cluster!.index);
      break;
    case 'LINK':
      failures.repairLink(s, a.cluster!.index, a.peer!.index);
      break;
    case 'HOSTLINK':
      failures.repairHostLink(s, a.host!.name, a.cluster!.index);
      break;
    case 'SITE':
      failures.repairSite(s, a.site!.name);
      break;
    case 'TSSC':
      failures.setTssc(s, a.cluster!.index, true);
      break;
  }
  return showGrid(s);
}
