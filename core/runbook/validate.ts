// Whole-file validation before anything runs (spec §2): syntax, then references (clusters, sites,
// hosts, Management Classes) followed through the topology the file itself declares.

import { MAX_CLUSTERS_PER_GRID } from '../model/grid.js';
import type { GridState } from '../world/state.js';
import type { Command } from './commands.js';
import type { ClusterRef, Named } from './cursor.js';
import { isLineError, parseLine, type LineError } from './parser.js';
import { SAMPLES } from '../samples/index.js';
import { gridFileToRunbook, MAX_GRID_FILE_BYTES } from '../model/grid-file.js';
import { parseInventory, readKeptInventory } from '../inventory/csv.js';
import { checkTape, standaloneRef } from './tape-validate.js';
import { checkDasd, dasdScopeOf, emptyDasdScope } from './dasd-validate.js';
import type { Scope } from './scope.js';
import { visibleText } from './visible-text.js';

export interface FilePort {
  /**
   * reads a file named in a runbook, relative to the runbook's own folder; with `maxBytes`, a file
   * larger than that is refused while it is read (a device or FIFO never fills memory)
   */
  readText(path: string, maxBytes?: number): string;
  /** writes one (SAVE EXPORTSET), where a file system is available */
  writeText?(path: string, text: string): void;
}

export function scopeOf(state: GridState): Scope {
  return {
    grid: state.name,
    clusters: state.clusters.map((c) => c.name),
    sites: new Set(state.sites.map((s) => s.id)),
    hosts: new Set(state.hosts.map((h) => h.name)),
    mcs: new Set(state.mcs.map((m) => m.name)),
    standalones: new Set(state.tape.standalones.map((s) => s.name)),
    dasd: dasdScopeOf(state),
  };
}

function emptyScope(): Scope {
  return { grid: null, clusters: [], sites: new Set(), hosts: new Set(), mcs: new Set(), standalones: new Set(), dasd: emptyDasdScope() };
}

export interface Validated {
  commands: Command[];
  errors: LineError[];
}

/** How deep LOAD and SAMPLE may nest (a grid file or sample expanding into another, and so on). */
export const MAX_EXPANSION_DEPTH = 8;

/**
 * `chain` names the grid files and samples this text was expanded from, outermost first (empty for
 * a runbook itself): it bounds nesting and names the way to an error.
 */
export function validateText(text: string, scope: Scope, files: FilePort | null, chain: readonly string[] = []): Validated {
  const commands: Command[] = [];
  const errors: LineError[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const parsed = parseLine(lines[i]!, i + 1);
    if (parsed === null) continue;
    // Messages echo the runbook's tokens: shown visibly (control characters escaped, long tokens cut).
    if (isLineError(parsed)) {
      errors.push({ ...parsed, message: visibleText(parsed.message) });
      continue;
    }
    const error = check(parsed, scope, files, chain);
    if (error) errors.push({ ...error, message: visibleText(error.message) });
    else commands.push(parsed);
  }
  return { commands, errors };
}

function resolve(scope: Scope, ref: ClusterRef): string | null {
  const byName = scope.clusters.indexOf(ref.ref);
  if (byName >= 0) {
    ref.index = byName;
    return null;
  }
  if (/^\d+$/.test(ref.ref) && Number(ref.ref) < scope.clusters.length) {
    ref.index = Number(ref.ref);
    return null;
  }
  return scope.clusters.length === 0 ? `unknown cluster '${ref.ref}': no cluster is defined yet` : `unknown cluster '${ref.ref}' (clusters: ${scope.clusters.join(', ')})`;
}

function need(set: Set<string>, what: string, n: Named | null): LineError | string | null {
  if (n && !set.has(n.name)) return `unknown ${what} '${n.name}'`;
  return null;
}

/** Checks one command's references and applies its declarations to the scope. */
function check(cmd: Command, scope: Scope, files: FilePort | null, chain: readonly string[]): LineError | null {
  const at = (col: number, message: string): LineError => ({ line: cmd.line, col, message });
  const refs = (...list: (ClusterRef | null | undefined)[]): LineError | null => {
    for (const ref of list) {
      if (!ref) continue;
      const problem = resolve(scope, ref);
      if (problem) return at(ref.col, problem);
    }
    return null;
  };
  const named = (set: Set<string>, what: string, n: Named | null) => {
    const problem = need(set, what, n);
    return problem ? at(n!.col, problem as string) : null;
  };
  switch (cmd.name) {
    case 'GRID':
      Object.assign(scope, emptyScope(), { grid: cmd.args.name });
      return null;
    case 'DRSETUP':
      if (scope.grid !== cmd.args.library.name) {
        return at(cmd.args.library.col, `unknown library '${cmd.args.library.name}': DRSETUP goes to the composite library${scope.grid ? ` ${scope.grid}` : ''}`);
      }
      return refs(cmd.args.cluster);
    case 'SHOW_READINESS':
      return refs(cmd.args.cluster);
    case 'READ':
    case 'WRITE':
    case 'DEMOUNT':
      return named(scope.hosts, 'host', cmd.args.host);
    case 'SAMPLE': {
      // Own properties only: SAMPLE constructor must not reach Object.prototype.
      const sample = Object.hasOwn(SAMPLES, cmd.args.sample.name) ? SAMPLES[cmd.args.sample.name] : undefined;
      if (!sample) return at(cmd.args.sample.col, `unknown sample '${cmd.args.sample.name}' (samples: ${Object.keys(SAMPLES).join(', ')})`);
      return expand(cmd, sample.runbook, `sample ${cmd.args.sample.name}`, scope, files, chain);
    }
    case 'LOAD': {
      if (!files) return at(cmd.args.col, 'LOAD needs a file system: not available here');
      const nesting = nestingProblem(chain, cmd.args.file);
      if (nesting) return at(cmd.args.col, nesting);
      let text: string;
      try {
        text = files.readText(cmd.args.file, MAX_GRID_FILE_BYTES);
      } catch (error) {
        return at(cmd.args.col, `cannot read grid file '${cmd.args.file}': ${(error as Error).message}`);
      }
      const converted = gridFileToRunbook(text);
      if (typeof converted !== 'string') return at(cmd.args.col, `${cmd.args.file}: ${converted.path}: ${converted.message}`);
      return expand(cmd, converted, cmd.args.file, scope, files, chain);
    }
    case 'IMPORT_INVENTORY': {
      // The inventory is read (and checked row by row) here, so nothing runs unless all of it is good.
      if (!files) return at(cmd.args.col, 'IMPORT INVENTORY needs the inventories kept with the grid: not available here');
      let text: string;
      try {
        text = files.readText(cmd.args.file);
      } catch (error) {
        return at(cmd.args.col, `cannot read inventory '${cmd.args.file}': ${(error as Error).message}`);
      }
      const kept = readKeptInventory(text);
      if (typeof kept === 'string') return at(cmd.args.col, `inventory '${cmd.args.file}': ${kept}`);
      const parsed = parseInventory(kept.csv, kept.mapping, { clusters: scope.clusters, mcs: [...scope.mcs] });
      const e = parsed.errors[0];
      if (e) return at(cmd.args.col, `${cmd.args.file}: row ${e.row}, column ${e.column || '(row)'}: ${e.message}`);
      cmd.args.data = parsed.columns;
      return null;
    }
    case 'SITE':
      if (scope.sites.has(cmd.args.site)) return at(cmd.col, `site ${cmd.args.site} is already defined`);
      scope.sites.add(cmd.args.site);
      return null;
    case 'CLUSTER': {
      const a = cmd.args;
      if (scope.clusters.includes(a.cluster.name)) return at(a.cluster.col, `cluster ${a.cluster.name} is already defined`);
      if (/^\d+$/.test(a.cluster.name)) return at(a.cluster.col, `cluster name '${a.cluster.name}' would read as an index`);
      if (scope.standalones.has(a.cluster.name)) return at(a.cluster.col, `${a.cluster.name} is a stand-alone library`);
      if (scope.clusters.length >= MAX_CLUSTERS_PER_GRID) return at(a.cluster.col, `more than ${MAX_CLUSTERS_PER_GRID} clusters: a grid has at most ${MAX_CLUSTERS_PER_GRID}`);
      const site = named(scope.sites, 'site', a.site);
      if (site) return site;
      scope.clusters.push(a.cluster.name);
      return null;
    }
    case 'LINK': {
      const e = refs(cmd.args.a, cmd.args.b);
      if (e) return e;
      if (cmd.args.a.index === cmd.args.b.index) return at(cmd.args.b.col, 'a grid link joins two different clusters');
      return null;
    }
    case 'HOST': {
      const a = cmd.args;
      if (scope.hosts.has(a.host.name)) return at(a.host.col, `host ${a.host.name} is already defined`);
      const e = named(scope.sites, 'site', a.site) ?? refs(...a.devices);
      if (e) return e;
      scope.hosts.add(a.host.name);
      return null;
    }
    case 'DEVSUP':
      return named(scope.hosts, 'host', cmd.args.host);
    case 'VARY':
      return named(scope.hosts, 'host', cmd.args.host) ?? refs(cmd.args.cluster);
    case 'MC': {
      const a = cmd.args;
      if (scope.clusters.length === 0) return at(a.modesCol, 'MC needs the clusters first: one copy mode per cluster');
      if (a.modes.length !== scope.clusters.length) {
        return at(a.modesCol, `copy modes '${a.modes}' name ${a.modes.length} cluster(s); the grid has ${scope.clusters.length}`);
      }
      scope.mcs.add(a.mc.name);
      return null;
    }
    case 'INSERT':
      return standaloneRef(scope, cmd.args.cluster) ? null : refs(cmd.args.cluster);
    case 'PRELOAD':
      if (standaloneRef(scope, cmd.args.cluster)) return null;
      return refs(cmd.args.cluster) ?? named(scope.mcs, 'Management Class', cmd.args.mc);
    case 'MOUNT':
      return refs(cmd.args.cluster) ?? named(scope.hosts, 'host', cmd.args.host) ?? named(scope.mcs, 'Management Class', cmd.args.mc);
    case 'JOB_WRITE':
      return named(scope.hosts, 'host', cmd.args.host) ?? refs(cmd.args.cluster) ?? named(scope.mcs, 'Management Class', cmd.args.mc);
    case 'JOB_READ':
      return named(scope.hosts, 'host', cmd.args.host) ?? refs(cmd.args.cluster);
    case 'CHANGE':
      return named(scope.mcs, 'Management Class', cmd.args.mc) ?? named(scope.hosts, 'host', cmd.args.host);
    case 'RETURN':
      return named(scope.hosts, 'host', cmd.args.host);
    case 'FAIL':
    case 'REPAIR': {
      const a = cmd.args;
      const e = refs(a.cluster, a.peer) ?? named(scope.hosts, 'host', a.host) ?? named(scope.sites, 'site', a.site);
      if (e) return e;
      if (a.what === 'LINK' && a.cluster!.index === a.peer!.index) return at(a.peer!.col, 'a grid link joins two different clusters');
      return null;
    }
    case 'SHOW_CLUSTER':
    case 'DRIVES':
      return standaloneRef(scope, cmd.args.cluster) ? null : refs(cmd.args.cluster);
    case 'SHOW_VOLUME':
      if (cmd.args.on && !scope.standalones.has(cmd.args.on.name)) return at(cmd.args.on.col, `unknown stand-alone library '${cmd.args.on.name}'`);
      return null;
    case 'SERVICE':
    case 'SHOW_QUEUE':
    case 'WRITEPROTECT':
    case 'EXCLUDE':
      return refs(cmd.args.cluster);
    case 'AOTM':
      return refs(cmd.args.cluster);
    case 'TAKEOVER':
      return refs(cmd.args.survivor, cmd.args.failed);
    default:
      return checkTape(cmd, scope, { at, refs, named }) ?? checkDasd(cmd, scope, { at, refs, named }) ?? null;
  }
}

/** A LOAD of a file already on the way here, or nesting past the bound: refused before reading. */
function nestingProblem(chain: readonly string[], file: string): string | null {
  const way = [...chain, file].join(' → ');
  if (chain.includes(file)) return `LOAD ${file} loads itself again (${way}): refused`;
  if (chain.length >= MAX_EXPANSION_DEPTH) return `LOAD nested more than ${MAX_EXPANSION_DEPTH} deep (${way}): refused`;
  return null;
}

function expand(cmd: Command, text: string, origin: string, scope: Scope, files: FilePort | null, chain: readonly string[]): LineError | null {
  if (chain.length >= MAX_EXPANSION_DEPTH) {
    return { line: cmd.line, col: cmd.col, message: `nested more than ${MAX_EXPANSION_DEPTH} deep (${[...chain, origin].join(' → ')}): refused` };
  }
  const inner = validateText(text, scope, files, [...chain, origin]);
  if (inner.errors.length > 0) {
    const e = inner.errors[0]!;
    return { line: cmd.line, col: cmd.col, message: `${origin}:${e.line}:${e.col}: ${e.message}` };
  }
  cmd.children = inner.commands;
  return null;
}
