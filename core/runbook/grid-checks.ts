// Reference checks of the grid's lines before anything runs (spec §2): clusters, sites, hosts and
// Management Classes followed through the topology the file itself declares. One function per command;
// the command tables (core/commands/) name them.

import { MAX_CLUSTERS_PER_GRID } from '../model/grid.js';
import type { CommandRecord } from './commands.js';
import type { LineError } from './cursor.js';
import { SAMPLES } from '../samples/index.js';
import { gridFileToRunbook, MAX_GRID_FILE_BYTES } from '../model/grid-file.js';
import { parseInventory, readKeptInventory } from '../inventory/csv.js';
import { standaloneRef } from './tape-validate.js';
import type { CheckContext, SomeChecks } from '../commands/spec.js';
import { emptyScope, nestingProblem } from './scope-of.js';

const hosts = (v: CheckContext, cmd: CommandRecord<'READ' | 'WRITE' | 'DEMOUNT' | 'DEVSUP' | 'RETURN'>) => v.named(v.scope.hosts, 'host', cmd.args.host);

/** A cluster of the grid, or a stand-alone library where one will do (INSERT, PRELOAD, DRIVES, SHOW CLUSTER). */
const clusterOrStandalone = (v: CheckContext, cmd: CommandRecord<'INSERT' | 'DRIVES' | 'SHOW_CLUSTER'>) => (standaloneRef(v.scope, cmd.args.cluster) ? null : v.refs(cmd.args.cluster));

const failure = (cmd: CommandRecord<'FAIL' | 'REPAIR'>, v: CheckContext): LineError | null => {
  const a = cmd.args;
  const e = v.refs(a.cluster, a.peer) ?? v.named(v.scope.hosts, 'host', a.host) ?? v.named(v.scope.sites, 'site', a.site);
  if (e) return e;
  if (a.what === 'LINK' && a.cluster && a.peer && a.cluster.index === a.peer.index) return v.at(a.peer.col, 'a grid link joins two different clusters');
  return null;
};

export const GRID_CHECKS = {
  GRID: (cmd, v) => {
    Object.assign(v.scope, emptyScope(), { grid: cmd.args.name });
    return null;
  },
  DRSETUP: (cmd, v) => {
    if (v.scope.grid !== cmd.args.library.name) {
      return v.at(cmd.args.library.col, `unknown library '${cmd.args.library.name}': DRSETUP goes to the composite library${v.scope.grid ? ` ${v.scope.grid}` : ''}`);
    }
    return v.refs(cmd.args.cluster);
  },
  SHOW_READINESS: (cmd, v) => v.refs(cmd.args.cluster),
  READ: (cmd, v) => hosts(v, cmd),
  WRITE: (cmd, v) => hosts(v, cmd),
  DEMOUNT: (cmd, v) => hosts(v, cmd),
  SAMPLE: (cmd, v) => {
    // Own properties only: SAMPLE constructor must not reach Object.prototype.
    const sample = Object.hasOwn(SAMPLES, cmd.args.sample.name) ? SAMPLES[cmd.args.sample.name] : undefined;
    if (!sample) return v.at(cmd.args.sample.col, `unknown sample '${cmd.args.sample.name}' (samples: ${Object.keys(SAMPLES).join(', ')})`);
    return v.expand(sample.runbook, `sample ${cmd.args.sample.name}`);
  },
  LOAD: (cmd, v) => {
    if (!v.files) return v.at(cmd.args.col, 'LOAD needs a file system: not available here');
    const nesting = nestingProblem(v.chain, cmd.args.file);
    if (nesting) return v.at(cmd.args.col, nesting);
    let text: string;
    try {
      text = v.files.readText(cmd.args.file, MAX_GRID_FILE_BYTES);
    } catch (error) {
      return v.at(cmd.args.col, `cannot read grid file '${cmd.args.file}': ${error instanceof Error ? error.message : String(error)}`);
    }
    const converted = gridFileToRunbook(text);
    if (typeof converted !== 'string') return v.at(cmd.args.col, `${cmd.args.file}: ${converted.path}: ${converted.message}`);
    return v.expand(converted, cmd.args.file);
  },
  IMPORT_INVENTORY: (cmd, v) => {
    // The inventory is read (and checked row by row) here, so nothing runs unless all of it is good.
    if (!v.files) return v.at(cmd.args.col, 'IMPORT INVENTORY needs the inventories kept with the grid: not available here');
    let text: string;
    try {
      text = v.files.readText(cmd.args.file);
    } catch (error) {
      return v.at(cmd.args.col, `cannot read inventory '${cmd.args.file}': ${error instanceof Error ? error.message : String(error)}`);
    }
    const kept = readKeptInventory(text);
    if (typeof kept === 'string') return v.at(cmd.args.col, `inventory '${cmd.args.file}': ${kept}`);
    const parsed = parseInventory(kept.csv, kept.mapping, { clusters: v.scope.clusters, mcs: [...v.scope.mcs] });
    const e = parsed.errors[0];
    if (e) return v.at(cmd.args.col, `${cmd.args.file}: row ${e.row}, column ${e.column || '(row)'}: ${e.message}`);
    cmd.args.data = parsed.columns;
    return null;
  },
  SITE: (cmd, v) => {
    if (v.scope.sites.has(cmd.args.site)) return v.at(cmd.col, `site ${cmd.args.site} is already defined`);
    v.scope.sites.add(cmd.args.site);
    return null;
  },
  CLUSTER: (cmd, v) => {
    const a = cmd.args;
    const scope = v.scope;
    if (scope.clusters.includes(a.cluster.name)) return v.at(a.cluster.col, `cluster ${a.cluster.name} is already defined`);
    if (/^\d+$/.test(a.cluster.name)) return v.at(a.cluster.col, `cluster name '${a.cluster.name}' would read as an index`);
    if (scope.standalones.has(a.cluster.name)) return v.at(a.cluster.col, `${a.cluster.name} is a stand-alone library`);
    if (scope.clusters.length >= MAX_CLUSTERS_PER_GRID) return v.at(a.cluster.col, `more than ${MAX_CLUSTERS_PER_GRID} clusters: a grid has at most ${MAX_CLUSTERS_PER_GRID}`);
    const site = v.named(scope.sites, 'site', a.site);
    if (site) return site;
    scope.clusters.push(a.cluster.name);
    return null;
  },
  LINK: (cmd, v) => {
    const e = v.refs(cmd.args.a, cmd.args.b);
    if (e) return e;
    if (cmd.args.a.index === cmd.args.b.index) return v.at(cmd.args.b.col, 'a grid link joins two different clusters');
    return null;
  },
  HOST: (cmd, v) => {
    const a = cmd.args;
    if (v.scope.hosts.has(a.host.name)) return v.at(a.host.col, `host ${a.host.name} is already defined`);
    const e = v.named(v.scope.sites, 'site', a.site) ?? v.refs(...a.devices);
    if (e) return e;
    v.scope.hosts.add(a.host.name);
    return null;
  },
  DEVSUP: (cmd, v) => hosts(v, cmd),
  VARY: (cmd, v) => v.named(v.scope.hosts, 'host', cmd.args.host) ?? v.refs(cmd.args.cluster),
  MC: (cmd, v) => {
    const a = cmd.args;
    const clusters = v.scope.clusters;
    if (clusters.length === 0) return v.at(a.modesCol, 'MC needs the clusters first: one copy mode per cluster');
    if (a.modes.length !== clusters.length) return v.at(a.modesCol, `copy modes '${a.modes}' name ${a.modes.length} cluster(s); the grid has ${clusters.length}`);
    v.scope.mcs.add(a.mc.name);
    return null;
  },
  INSERT: (cmd, v) => clusterOrStandalone(v, cmd),
  PRELOAD: (cmd, v) => {
    if (standaloneRef(v.scope, cmd.args.cluster)) return null;
    return v.refs(cmd.args.cluster) ?? v.named(v.scope.mcs, 'Management Class', cmd.args.mc);
  },
  MOUNT: (cmd, v) => v.refs(cmd.args.cluster) ?? v.named(v.scope.hosts, 'host', cmd.args.host) ?? v.named(v.scope.mcs, 'Management Class', cmd.args.mc),
  JOB_WRITE: (cmd, v) => v.named(v.scope.hosts, 'host', cmd.args.host) ?? v.refs(cmd.args.cluster) ?? v.named(v.scope.mcs, 'Management Class', cmd.args.mc),
  JOB_READ: (cmd, v) => v.named(v.scope.hosts, 'host', cmd.args.host) ?? v.refs(cmd.args.cluster),
  CHANGE: (cmd, v) => v.named(v.scope.mcs, 'Management Class', cmd.args.mc) ?? v.named(v.scope.hosts, 'host', cmd.args.host),
  RETURN: (cmd, v) => hosts(v, cmd),
  FAIL: (cmd, v) => failure(cmd, v),
  REPAIR: (cmd, v) => failure(cmd, v),
  SHOW_CLUSTER: (cmd, v) => clusterOrStandalone(v, cmd),
  DRIVES: (cmd, v) => clusterOrStandalone(v, cmd),
  SHOW_VOLUME: (cmd, v) => {
    if (cmd.args.on && !v.scope.standalones.has(cmd.args.on.name)) return v.at(cmd.args.on.col, `unknown stand-alone library '${cmd.args.on.name}'`);
    return null;
  },
  SERVICE: (cmd, v) => v.refs(cmd.args.cluster),
  SHOW_QUEUE: (cmd, v) => v.refs(cmd.args.cluster),
  WRITEPROTECT: (cmd, v) => v.refs(cmd.args.cluster),
  EXCLUDE: (cmd, v) => v.refs(cmd.args.cluster),
  AOTM: (cmd, v) => v.refs(cmd.args.cluster),
  TAKEOVER: (cmd, v) => v.refs(cmd.args.survivor, cmd.args.failed),
} satisfies SomeChecks;
