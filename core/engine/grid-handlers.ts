// What the engine does for the grid's own commands (spec §1–§7, §11): one handler each. Copy Export
// (tape.ts) and Host DASD (dasd.ts) add their part to some of these in their own handlers; the command
// tables (core/commands/) name the handler each command runs.

import type { SomeHandlers } from '../commands/spec.js';
import { refuse } from '../world/refusal.js';
import { CATEGORY_SCRATCH, CATEGORY_PRIVATE, hex4, type TakeoverMode } from '../model/grid.js';
import { Rng } from '../sim/rng.js';
import { isoTime } from '../sim/time.js';
import * as topology from '../rules/topology.js';
import * as mounts from '../rules/mounts.js';
import * as failures from '../rules/failures.js';
import { showCluster, showGrid, showQueue, showVolume } from './show.js';
import * as drFamily from '../rules/dr-family.js';
import { readiness } from '../rules/readiness.js';
import { describeFamily } from './show-family.js';
import { importInventory } from '../inventory/apply.js';
import { drSetup, fail, jobRead, jobWrite, repair, returnToScratch } from './grid-ops.js';

const expandedBySession = (name: string) => (): never => {
  throw new Error(`${name} is expanded by the session before it reaches the engine`);
};
const evaluatedByRunner = (name: string) => (): never => {
  throw new Error(`${name} is evaluated by the runbook runner`);
};

export const GRID_RUN = {
  SEED: ({ state: s }, command) => {
    s.seed = command.args.seed;
    s.rng = new Rng(command.args.seed);
    return { seed: command.args.seed };
  },
  CLOCK: ({ state: s }, command) => {
    if (s.events.size > 0 || s.clockSet) refuse('CLOCK_RUNNING', 'CLOCK sets the time only before the first event');
    s.now = command.args.time;
    return { time: isoTime(s.now) };
  },
  GRID: ({ state: s }, command) => {
    topology.newGrid(s, command.args.name);
    return { name: command.args.name };
  },
  SAMPLE: expandedBySession('SAMPLE'),
  LOAD: expandedBySession('LOAD'),
  SITE: ({ state: s }, command) => {
    topology.addSite(s, command.args.site);
    return { site: command.args.site };
  },
  CLUSTER: ({ state: s }, command) => {
    const a = command.args;
    topology.addCluster(s, { name: a.cluster.name, site: a.site.name, model: a.model, cache: a.cache, drives: a.drives, ioStation: a.ioStation, code: a.code });
    return showCluster(s, s.clusters.length - 1);
  },
  LINK: ({ state: s }, command) => {
    topology.setLink(s, command.args.a.index, command.args.b.index, command.args.count, command.args.gbps);
    return showCluster(s, command.args.a.index).links;
  },
  HOST: ({ state: s }, command) => {
    const a = command.args;
    topology.addHost(
      s,
      a.host.name,
      a.site.name,
      a.role,
      a.devices.map((d) => d.index),
      a.paths,
    );
    return { host: a.host.name, devices: a.devices.map((d) => s.clusters[d.index]!.name) };
  },
  DEVSUP: ({ state: s }, command) => {
    const a = command.args;
    topology.devsup(s, a.host.name, a.scratch, a.private, a.error);
    const d = s.hosts.find((h) => h.name === a.host.name)!.devsup;
    return { host: a.host.name, scratch: hex4(d.scratch), private: hex4(d.private), error: hex4(d.error) };
  },
  VARY: ({ state: s }, command) => {
    topology.vary(s, command.args.host.name, command.args.cluster.index, command.args.online);
    return { host: command.args.host.name, cluster: s.clusters[command.args.cluster.index]!.name, online: command.args.online };
  },
  MC: ({ state: s }, command) => {
    topology.defineMc(s, command.args.mc.name, command.args.modes, command.args.secondaryPool, command.args.preference);
    return { mc: command.args.mc.name, modes: command.args.modes, preference: command.args.preference };
  },
  CATEGORY: ({ state: s }, command) => {
    topology.defineCategory(s, command.args.category, command.args.scratch, command.args.expireHold);
    return { category: command.args.category.toString(16).toUpperCase().padStart(4, '0'), scratch: command.args.scratch };
  },
  INSERT: ({ state: s }, command) => topology.insertVolumes(s, command.args.range, command.args.cluster.index, command.args.category ?? CATEGORY_SCRATCH),
  PRELOAD: ({ state: s }, command) => {
    const a = command.args;
    return topology.preloadVolumes(s, a.range, a.cluster.index, a.mc.name, a.size, a.category ?? CATEGORY_PRIVATE);
  },
  MOUNT: ({ state: s }, command) => {
    const a = command.args;
    if (a.volser === null) return mounts.mountScratch(s, a.cluster.index, a.host.name, a.mc?.name ?? null, a.category);
    const mounted = mounts.mountSpecific(s, a.volser.name, a.cluster.index, a.host.name);
    // Spec §12: MC on a specific mount assigns the Management Class too; the copies follow it.
    return a.mc ? mounts.assignMountMc(s, mounted, a.mc.name) : mounted;
  },
  WRITE: ({ state: s }, command) => mounts.writeVolume(s, command.args.volser.name, command.args.size, command.args.host?.name ?? null),
  READ: ({ state: s }, command) => mounts.readVolume(s, command.args.volser.name, command.args.host?.name ?? null),
  DEMOUNT: ({ state: s }, command) => mounts.demount(s, command.args.volser.name, command.args.host?.name ?? null),
  DRSETUP: ({ state: s }, command) => drSetup(s, command),
  SHOW_DRFAMILY: ({ state: s }, command) => describeFamily(s, drFamily.family(s, command.args.family.name)),
  SHOW_READINESS: ({ state: s }, command) => {
    const f = drFamily.family(s, command.args.family.name);
    return readiness(s, f, command.args.cluster?.index ?? f.clusters[0]);
  },
  JOB_WRITE: ({ state: s }, command) => jobWrite(s, command),
  JOB_READ: ({ state: s }, command) => jobRead(s, command),
  RETURN: ({ state: s }, command) => returnToScratch(s, command),
  CHANGE: ({ state: s }, command) => {
    const v = mounts.findVolume(s, command.args.volser.name);
    const mcName = command.args.mc?.name;
    const mc = mcName !== undefined ? s.mcs.findIndex((m) => m.name === mcName) : null;
    mounts.changeVolume(s, v, command.args.category, mc, command.args.host?.name ?? null);
    return showVolume(s, v);
  },
  IMPORT_INVENTORY: ({ state: s }, command) => {
    if (!command.args.data) throw new Error('IMPORT INVENTORY runs only after validation has read its inventory');
    return importInventory(s, command.args.data);
  },
  FAIL: ({ state: s }, command) => fail(s, command),
  REPAIR: ({ state: s }, command) => repair(s, command),
  SERVICE: ({ state: s }, command) => {
    failures.service(s, command.args.cluster.index, command.args.phase);
    return { cluster: s.clusters[command.args.cluster.index]!.name, status: s.clusters[command.args.cluster.index]!.status };
  },
  TAKEOVER: ({ state: s }, command) => {
    const a = command.args;
    const mode: TakeoverMode | null = a.mode === 'READ' ? 'read' : a.mode === 'WRITE' ? 'write' : null;
    failures.setTakeover(s, a.survivor.index, a.failed.index, mode);
    return { survivor: s.clusters[a.survivor.index]!.name, failed: s.clusters[a.failed.index]!.name, mode: mode ?? 'none' };
  },
  AOTM: ({ state: s }, command) => {
    const a = command.args;
    const mode: TakeoverMode | null = a.mode === 'READ' ? 'read' : a.mode === 'WRITE' ? 'write' : null;
    failures.setAotm(s, a.cluster.index, a.on, mode, a.grace);
    return { cluster: s.clusters[a.cluster.index]!.name, ...failures.describeAotm(s, a.cluster.index) };
  },
  ADVANCE: ({ engine }, command) => engine.advance(command.args.duration),
  WRITEPROTECT: ({ state: s }, command) => {
    const c = s.clusters[command.args.cluster.index]!;
    c.writeProtect = command.args.on;
    c.ignoreFastReady = command.args.on && command.args.ignoreFastReady;
    return { cluster: c.name, writeProtect: c.writeProtect, ignoreFastReady: c.ignoreFastReady };
  },
  EXCLUDE: ({ state: s }, command) => {
    const c = s.clusters[command.args.cluster.index]!;
    c.excludedCategories = [...command.args.categories];
    return showCluster(s, c.index).excludedCategories;
  },
  DRIVES: ({ state: s }, command) => {
    const c = s.clusters[command.args.cluster.index]!;
    if (c.model !== 'TAPE') refuse('NOT_TAPE_ATTACHED', `${c.name} is disk-only: it has no physical drives`);
    if (command.args.available > c.drives) refuse('TOO_MANY_DRIVES', `${c.name} has ${c.drives} drives`);
    c.drivesAvailable = command.args.available;
    s.gridChanges++;
    return { cluster: c.name, drives: c.drives, available: c.drivesAvailable };
  },
  SHOW_GRID: ({ engine, state: s }, command) => (command.args.at === null ? showGrid(s) : engine.at(command.args.at).showGrid()),
  SHOW_CLUSTER: ({ state: s }, command) => showCluster(s, command.args.cluster.index),
  SHOW_VOLUME: (x, command) => {
    const state = command.args.at === null ? x.state : x.engine.at(command.args.at).state;
    const v = mounts.findVolume(state, command.args.volser.name);
    return showVolume(state, v);
  },
  SHOW_QUEUE: ({ state: s }, command) => showQueue(s, command.args.cluster.index),
  SHOW_RESULT: evaluatedByRunner('SHOW_RESULT'),
  EXPECT: evaluatedByRunner('EXPECT'),
  EXPECT_MESSAGE: evaluatedByRunner('EXPECT_MESSAGE'),
} satisfies SomeHandlers;
