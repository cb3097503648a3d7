// The grid engine: executes validated runbook commands against the grid state, deterministically.

import type { Command, CommandOf } from '../runbook/commands.js';
import { MESSAGES } from '../runbook/messages.js';
import { type ConsoleMessage } from '../world/console-message.js';
import { emit } from '../rules/reach.js';
import { createState, type GridState } from '../world/state.js';
import { Refusal, refuse } from '../world/refusal.js';
import { CATEGORY_SCRATCH, CATEGORY_PRIVATE, hex4, type TakeoverMode } from '../model/grid.js';
import { rangeSize, rangeVolser } from '../model/volser.js';
import { Rng } from '../sim/rng.js';
import { advanceTo, advanceUntil } from '../world/run.js';
import { isoTime, MAX_SIM_TIME } from '../sim/time.js';
import * as topology from '../rules/topology.js';
import * as mounts from '../rules/mounts.js';
import * as failures from '../rules/failures.js';
import { updateGridStates } from '../rules/grid-states.js';
import { copiesCanProgress } from '../rules/copies.js';
import { showCluster, showGrid, showQueue, showVolume } from './show.js';
import * as drFamily from '../rules/dr-family.js';
import type { DrFamily } from '../world/dr-family.js';
import { readiness } from '../rules/readiness.js';
import { describeFamily } from './show-family.js';
import { runWithTape, tapeBusy } from './tape.js';
import { runWithDasd } from './dasd.js';
import type { FilePort } from '../runbook/validate.js';
import { importInventory, importInventorySlices } from '../inventory/apply.js';
import { EVENT_RULES } from './event-handlers.js';
import { whole, type Sliced } from '../sim/work-slices.js';

export interface Outcome {
  ok: boolean;
  error: { code: string; message: string } | null;
  result: unknown;
  messages: ConsoleMessage[];
}

const IDLE_LIMIT_MS = 30 * 86_400_000;

export class Engine {
  state: GridState;
  /** answers SHOW … AT <time>: the session rebuilds the grid as it was */
  history: ((time: number) => Engine) | null = null;
  /** files named in runbooks (LOAD EXPORTSET, SAVE EXPORTSET): the session's port */
  files: FilePort | null = null;
  /** re-executing a journal: commands with effects outside the grid (writing files) hold back */
  replaying = false;

  constructor(seed = 1, state?: GridState) {
    this.state = state ?? createState(EVENT_RULES, seed);
  }

  execute(command: Command): Outcome {
    return whole(this.executeInSlices(command));
  }

  /**
   * execute() with a long command's work in slices (sim/work-slices.ts), yielding its progress in
   * between. A caller that stops before the end holds a half-applied grid and must throw this engine
   * away (Session.abandonRun).
   */
  *executeInSlices(command: Command): Sliced<Outcome> {
    const state = this.state;
    state.messages = [];
    state.trail.begin(command.text);
    let outcome: Outcome;
    try {
      const result = yield* this.perform(command);
      outcome = { ok: true, error: null, result: result ?? null, messages: [] };
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      outcome = { ok: false, error: { code: error.code, message: error.message }, result: null, messages: [] };
    }
    updateGridStates(state);
    outcome.messages = state.messages;
    state.messages = [];
    return outcome;
  }

  private *perform(command: Command): Sliced<unknown> {
    const s = this.state;
    const throughRules = (next: () => unknown) => runWithDasd(s, command, () => runWithTape(s, command, this.files, this.replaying, next));
    if (command.name === 'PRELOAD' && !command.args.cluster.standalone) {
      // The tape and DASD rules do nothing before a PRELOAD into the grid, so its work can run first, in slices; they then see its result.
      const a = command.args;
      const result = yield* topology.preloadSlices(s, a.range, a.cluster.index, a.mc.name, a.size, a.category ?? CATEGORY_PRIVATE);
      return throughRules(() => result);
    }
    if (command.name === 'IMPORT_INVENTORY' && command.args.data) {
      // Likewise for an inventory import (rows in slices).
      const result = yield* importInventorySlices(s, command.args.data);
      return throughRules(() => result);
    }
    return throughRules(() => this.run(command));
  }

  private run(command: Command): unknown {
    const s = this.state;
    switch (command.name) {
      case 'SEED':
        s.seed = command.args.seed;
        s.rng = new Rng(command.args.seed);
        return { seed: command.args.seed };
      case 'CLOCK':
        if (s.events.size > 0 || s.clockSet) refuse('CLOCK_RUNNING', 'CLOCK sets the time only before the first event');
        s.now = command.args.time;
        return { time: isoTime(s.now) };
      case 'GRID':
        topology.newGrid(s, command.args.name);
        return { name: command.args.name };
      case 'SAMPLE':
      case 'LOAD':
        throw new Error(`${command.name} is expanded by the session before it reaches the engine`);
      case 'SITE':
        topology.addSite(s, command.args.site);
        return { site: command.args.site };
      case 'CLUSTER': {
        const a = command.args;
        topology.addCluster(s, { name: a.cluster.name, site: a.site.name, model: a.model, cache: a.cache, drives: a.drives, ioStation: a.ioStation, code: a.code });
        return showCluster(s, s.clusters.length - 1);
      }
      case 'LINK':
        topology.setLink(s, command.args.a.index, command.args.b.index, command.args.count, command.args.gbps);
        return showCluster(s, command.args.a.index).links;
      case 'HOST': {
        const a = command.args;
        topology.addHost(s, a.host.name, a.site.name, a.role, a.devices.map((d) => d.index), a.paths);
        return { host: a.host.name, devices: a.devices.map((d) => s.clusters[d.index]!.name) };
      }
      case 'DEVSUP': {
        const a = command.args;
        topology.devsup(s, a.host.name, a.scratch, a.private, a.error);
        const d = s.hosts.find((h) => h.name === a.host.name)!.devsup;
        return { host: a.host.name, scratch: hex4(d.scratch), private: hex4(d.private), error: hex4(d.error) };
      }
      case 'VARY':
        topology.vary(s, command.args.host.name, command.args.cluster.index, command.args.online);
        return { host: command.args.host.name, cluster: s.clusters[command.args.cluster.index]!.name, online: command.args.online };
      case 'MC':
        topology.defineMc(s, command.args.mc.name, command.args.modes, command.args.secondaryPool, command.args.preference);
        return { mc: command.args.mc.name, modes: command.args.modes, preference: command.args.preference };
      case 'CATEGORY':
        topology.defineCategory(s, command.args.category, command.args.scratch, command.args.expireHold);
        return { category: command.args.category.toString(16).toUpperCase().padStart(4, '0'), scratch: command.args.scratch };
      case 'INSERT':
        return topology.insertVolumes(s, command.args.range, command.args.cluster.index, command.args.category ?? CATEGORY_SCRATCH);
      case 'PRELOAD': {
        const a = command.args;
        return topology.preloadVolumes(s, a.range, a.cluster.index, a.mc.name, a.size, a.category ?? CATEGORY_PRIVATE);
      }
      case 'MOUNT': {
        const a = command.args;
        if (a.volser === null) return mounts.mountScratch(s, a.cluster.index, a.host.name, a.mc?.name ?? null, a.category);
        const mounted = mounts.mountSpecific(s, a.volser.name, a.cluster.index, a.host.name);
        // Spec §12: MC on a specific mount assigns the Management Class too; the copies follow it.
        return a.mc ? mounts.assignMountMc(s, mounted, a.mc.name) : mounted;
      }
      case 'WRITE':
        return mounts.writeVolume(s, command.args.volser.name, command.args.size, command.args.host?.name ?? null);
      case 'READ':
        return mounts.readVolume(s, command.args.volser.name, command.args.host?.name ?? null);
      case 'DEMOUNT':
        return mounts.demount(s, command.args.volser.name, command.args.host?.name ?? null);
      case 'DRSETUP':
        return this.drSetup(command);
      case 'SHOW_DRFAMILY':
        return describeFamily(s, drFamily.family(s, command.args.family.name));
      case 'SHOW_READINESS': {
        const f = drFamily.family(s, command.args.family.name);
        return readiness(s, f, command.args.cluster?.index ?? f.clusters[0]);
      }
      case 'JOB_WRITE':
        return this.jobWrite(command);
      case 'JOB_READ':
        return this.jobRead(command);
      case 'RETURN':
        return this.returnToScratch(command);
      case 'CHANGE': {
        const v = mounts.findVolume(s, command.args.volser.name);
        const mc = command.args.mc ? s.mcs.findIndex((m) => m.name === command.args.mc!.name) : null;
        mounts.changeVolume(s, v, command.args.category, mc, command.args.host?.name ?? null);
        return showVolume(s, v);
      }
      case 'IMPORT_INVENTORY':
        if (!command.args.data) throw new Error('IMPORT INVENTORY runs only after validation has read its inventory');
        return importInventory(s, command.args.data);
      case 'FAIL':
        return this.fail(command);
      case 'REPAIR':
        return this.repair(command);
      case 'SERVICE':
        failures.service(s, command.args.cluster.index, command.args.phase);
        return { cluster: s.clusters[command.args.cluster.index]!.name, status: s.clusters[command.args.cluster.index]!.status };
      case 'TAKEOVER': {
        const a = command.args;
        const mode = a.mode === 'NONE' ? null : (a.mode.toLowerCase() as TakeoverMode);
        failures.setTakeover(s, a.survivor.index, a.failed.index, mode);
        return { survivor: s.clusters[a.survivor.index]!.name, failed: s.clusters[a.failed.index]!.name, mode: mode ?? 'none' };
      }
      case 'AOTM': {
        const a = command.args;
        failures.setAotm(s, a.cluster.index, a.on, a.mode ? (a.mode.toLowerCase() as TakeoverMode) : null, a.grace);
        return { cluster: s.clusters[a.cluster.index]!.name, ...failures.describeAotm(s, a.cluster.index) };
      }
      case 'ADVANCE':
        return this.advance(command.args.duration);
      case 'WRITEPROTECT': {
        const c = s.clusters[command.args.cluster.index]!;
        c.writeProtect = command.args.on;
        c.ignoreFastReady = command.args.on && command.args.ignoreFastReady;
        return { cluster: c.name, writeProtect: c.writeProtect, ignoreFastReady: c.ignoreFastReady };
      }
      case 'EXCLUDE': {
        const c = s.clusters[command.args.cluster.index]!;
        c.excludedCategories = [...command.args.categories];
        return showCluster(s, c.index).excludedCategories;
      }
      case 'DRIVES': {
        const c = s.clusters[command.args.cluster.index]!;
        if (c.model !== 'TAPE') refuse('NOT_TAPE_ATTACHED', `${c.name} is disk-only: it has no physical drives`);
        if (command.args.available > c.drives) refuse('TOO_MANY_DRIVES', `${c.name} has ${c.drives} drives`);
        c.drivesAvailable = command.args.available;
        return { cluster: c.name, drives: c.drives, available: c.drivesAvailable };
      }
      case 'SHOW_GRID':
        return command.args.at === null ? showGrid(s) : this.at(command.args.at).showGrid();
      case 'SHOW_CLUSTER':
        return showCluster(s, command.args.cluster.index);
      case 'SHOW_VOLUME': {
        const engine = command.args.at === null ? this : this.at(command.args.at);
        const v = mounts.findVolume(engine.state, command.args.volser.name);
        return showVolume(engine.state, v);
      }
      case 'SHOW_QUEUE':
        return showQueue(s, command.args.cluster.index);
      case 'SHOW_RESULT':
      case 'EXPECT':
      case 'EXPECT_MESSAGE':
        throw new Error(`${command.name} is evaluated by the runbook runner`);
    }
    // tape.ts and dasd.ts serve the rest before this switch is reached
    return null;
  }

  private drSetup(command: CommandOf<'DRSETUP'>) {
    const s = this.state;
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

  showGrid() {
    return showGrid(this.state);
  }

  private at(time: number): Engine {
    if (time > this.state.now) refuse('FUTURE_TIME', `${isoTime(time)} is after the simulated present ${isoTime(this.state.now)}`);
    if (!this.history) refuse('NO_HISTORY', 'this session keeps no history');
    return this.history(time);
  }

  advance(duration: number | null) {
    const s = this.state;
    const from = s.now;
    s.clockSet = true;
    if (duration !== null) {
      if (s.now + duration > MAX_SIM_TIME) refuse('TIME_LIMIT', `the simulated clock stops at ${isoTime(MAX_SIM_TIME)}; it is ${isoTime(s.now)}`);
      advanceTo(s, s.now + duration);
      return { from: isoTime(from), to: isoTime(s.now) };
    }
    const idle = advanceUntil(s, () => !this.busy(), s.now + IDLE_LIMIT_MS);
    if (!idle && this.busy()) advanceTo(s, from + IDLE_LIMIT_MS);
    // Spec §12: idle only when nothing is pending; copies that remain but cannot progress stop the
    // advance with idle: false and their count.
    const blockedCopies = this.blockedCopies();
    return { from: isoTime(from), to: isoTime(s.now), idle: !this.busy() && blockedCopies === 0, blockedCopies };
  }

  /** Work that can still make progress: copies in flight, pre-migration on drives. */
  busy(): boolean {
    if (copiesCanProgress(this.state) || tapeBusy(this.state)) return true;
    return this.state.premigration.some((p, i) => p.active > 0 && this.state.clusters[i]!.status !== 'failed');
  }

  blockedCopies(): number {
    let n = 0;
    for (const q of this.state.copies.targets) n += q.volume.length + q.inFlight.filter((f) => f.rate === 0).length;
    return n;
  }

  private jobWrite(command: CommandOf<'JOB_WRITE'>) {
    const a = command.args;
    const s = this.state;
    const size = a.size ?? 800 * 2 ** 20;
    const start = s.now;
    const result = { requested: a.count, succeeded: 0, failed: 0, volsers: [] as string[], failures: {} as Record<string, number> };
    for (let i = 0; i < a.count; i++) {
      if (a.over !== null) advanceTo(s, start + Math.floor((a.over * i) / a.count));
      let volser: string | null = null;
      try {
        volser = mounts.mountScratch(s, a.cluster.index, a.host.name, a.mc?.name ?? null, a.category).volser;
        mounts.writeVolume(s, volser, size);
        mounts.demount(s, volser);
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

  private jobRead(command: CommandOf<'JOB_READ'>) {
    const a = command.args;
    const s = this.state;
    const n = rangeSize(a.range);
    const result = { requested: n, succeeded: 0, failed: 0, volsers: [] as string[], failures: {} as Record<string, number> };
    for (let i = 0; i < n; i++) {
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

  private returnToScratch(command: CommandOf<'RETURN'>) {
    const s = this.state;
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

  private fail(command: CommandOf<'FAIL'>) {
    const a = command.args;
    const s = this.state;
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

  private repair(command: CommandOf<'REPAIR'>) {
    const a = command.args;
    const s = this.state;
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
}
