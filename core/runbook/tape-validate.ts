// Reference checks for the Copy Export and recovery lines (spec §8): stand-alone libraries are named
// like clusters but are not part of the grid; only the commands that make sense for one library
// (INSERT, PRELOAD, POOL, DRIVES, RECLAIM, SHOW …) accept them in a cluster's place.

import type { ClusterRef, LineError, Named } from './cursor.js';
import type { Scope } from './scope.js';
import type { CheckContext, SomeChecks } from '../commands/spec.js';

/** Marks a reference to a stand-alone library; false when it names none. */
export function standaloneRef(scope: Scope, ref: ClusterRef): boolean {
  if (!scope.standalones.has(ref.ref)) return false;
  ref.standalone = ref.ref;
  ref.index = -1;
  return true;
}

function library(v: CheckContext, n: Named): LineError | null {
  const scope = v.scope;
  if (scope.clusters.includes(n.name) || scope.standalones.has(n.name) || scope.grid === n.name) return null;
  return v.at(n.col, `unknown library '${n.name}' (distributed libraries: ${[...scope.clusters, ...scope.standalones].join(', ') || 'none'})`);
}

function standaloneOnly(v: CheckContext, n: Named): LineError | null {
  const s = v.scope.standalones;
  return s.has(n.name) ? null : v.at(n.col, `unknown stand-alone library '${n.name}'${s.size ? ` (stand-alone libraries: ${[...s].join(', ')})` : ': define it with STANDALONE'}`);
}

/** A stand-alone library where only a cluster of the grid will do: say so rather than "unknown cluster". */
function gridCluster(v: CheckContext, ref: ClusterRef | null): LineError | null {
  return ref && v.scope.standalones.has(ref.ref) ? v.at(ref.col, `${ref.ref} is a stand-alone library, not a cluster of the grid`) : v.refs(ref);
}

/** A cluster or a stand-alone library: an unknown name is listed against both kinds once there are both. */
function anyLibrary(v: CheckContext, ref: ClusterRef): LineError | null {
  const scope = v.scope;
  if (standaloneRef(scope, ref) || !v.refs(ref)) return null;
  if (!scope.standalones.size) return v.refs(ref);
  return v.at(ref.col, `unknown library '${ref.ref}' (clusters and stand-alone libraries: ${[...scope.clusters, ...scope.standalones].join(', ')})`);
}

export const TAPE_CHECKS = {
  POOL: (cmd, v) => anyLibrary(v, cmd.args.cluster),
  RECLAIM: (cmd, v) => anyLibrary(v, cmd.args.cluster),
  SHOW_POOL: (cmd, v) => anyLibrary(v, cmd.args.cluster),
  EXPORTLIST: (cmd, v) => gridCluster(v, cmd.args.cluster) ?? v.named(v.scope.mcs, 'Management Class', cmd.args.mc),
  SETTING: (cmd, v) => gridCluster(v, cmd.args.cluster),
  RESTART: (cmd, v) => gridCluster(v, cmd.args.cluster),
  IOSTATION: (cmd, v) => gridCluster(v, cmd.args.cluster),
  EJECT: (cmd, v) => gridCluster(v, cmd.args.cluster),
  COPYEXP: (cmd, v) => library(v, cmd.args.library),
  PDRIVE: (cmd, v) => library(v, cmd.args.library),
  POOLCNT: (cmd, v) => library(v, cmd.args.library),
  STANDALONE: (cmd, v) => {
    const name = cmd.args.name;
    const scope = v.scope;
    if (scope.standalones.has(name.name)) return v.at(name.col, `stand-alone library ${name.name} is already defined`);
    if (scope.clusters.includes(name.name)) return v.at(name.col, `${name.name} is a cluster of the grid: a stand-alone library is not part of it`);
    // LI REQ names a distributed library by name: one named like the composite would be ambiguous
    if (scope.grid === name.name) return v.at(name.col, `${name.name} is the composite library of the grid: a stand-alone library needs a name of its own`);
    scope.standalones.add(name.name);
    return null;
  },
  TRANSPORT: (cmd, v) => {
    const e = gridCluster(v, cmd.args.cluster);
    if (e) return e;
    if (cmd.args.cluster) return standaloneRef(v.scope, cmd.args.target) ? null : standaloneOnly(v, { name: cmd.args.target.ref, col: cmd.args.target.col });
    // a stacked-volume range goes to a stand-alone library or back to a cluster
    return anyLibrary(v, cmd.args.target);
  },
  SAVE_EXPORTSET: (cmd, v) => gridCluster(v, cmd.args.cluster),
  LOAD_EXPORTSET: (cmd, v) => standaloneOnly(v, cmd.args.target),
  ERASE: (cmd, v) => standaloneOnly(v, cmd.args.target),
  RECOVER: (cmd, v) => standaloneOnly(v, cmd.args.target),
  SHOW_RECOVERY: (cmd, v) => standaloneOnly(v, cmd.args.target),
  SHOW_PVOL: (cmd, v) => (cmd.args.on ? standaloneOnly(v, cmd.args.on) : null),
} satisfies SomeChecks;
