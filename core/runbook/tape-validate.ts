// Reference checks for the Copy Export and recovery lines (spec §8): stand-alone libraries are named
// like clusters but are not part of the grid; only the commands that make sense for one library
// (INSERT, PRELOAD, POOL, DRIVES, RECLAIM, SHOW …) accept them in a cluster's place.

import type { Command } from './commands.js';
import type { ClusterRef, Named } from './cursor.js';
import type { LineError } from './parser.js';
import type { CheckTools, Scope } from './scope.js';

/** Marks a reference to a stand-alone library; false when it names none. */
export function standaloneRef(scope: Scope, ref: ClusterRef): boolean {
  if (!scope.standalones.has(ref.ref)) return false;
  ref.standalone = ref.ref;
  ref.index = -1;
  return true;
}

function library(scope: Scope, t: CheckTools, n: Named): LineError | null {
  if (scope.clusters.includes(n.name) || scope.standalones.has(n.name) || scope.grid === n.name) return null;
  return t.at(n.col, `unknown library '${n.name}' (distributed libraries: ${[...scope.clusters, ...scope.standalones].join(', ') || 'none'})`);
}

/** The check for a tape command, or undefined when the command is not one of these. */
export function checkTape(cmd: Command, scope: Scope, t: CheckTools): LineError | null | undefined {
  const standaloneOnly = (n: Named) => (scope.standalones.has(n.name) ? null : t.at(n.col, `unknown stand-alone library '${n.name}'${scope.standalones.size ? ` (stand-alone libraries: ${[...scope.standalones].join(', ')})` : ': define it with STANDALONE'}`));
  // a stand-alone library where only a cluster of the grid will do: say so rather than "unknown cluster"
  const gridCluster = (ref: ClusterRef | null) => (ref && scope.standalones.has(ref.ref) ? t.at(ref.col, `${ref.ref} is a stand-alone library, not a cluster of the grid`) : t.refs(ref));
  // a cluster or a stand-alone library: an unknown name is listed against both kinds once there are both
  const anyLibrary = (ref: ClusterRef) => {
    if (standaloneRef(scope, ref) || !t.refs(ref)) return null;
    if (!scope.standalones.size) return t.refs(ref);
    return t.at(ref.col, `unknown library '${ref.ref}' (clusters and stand-alone libraries: ${[...scope.clusters, ...scope.standalones].join(', ')})`);
  };
  switch (cmd.name) {
    case 'POOL':
    case 'RECLAIM':
    case 'SHOW_POOL':
      return anyLibrary(cmd.args.cluster);
    case 'EXPORTLIST':
      return gridCluster(cmd.args.cluster) ?? t.named(scope.mcs, 'Management Class', cmd.args.mc);
    case 'SETTING':
    case 'RESTART':
    case 'IOSTATION':
    case 'EJECT':
      return gridCluster(cmd.args.cluster);
    case 'COPYEXP':
    case 'PDRIVE':
    case 'POOLCNT':
      return library(scope, t, cmd.args.library);
    case 'STANDALONE': {
      const name = cmd.args.name;
      if (scope.standalones.has(name.name)) return t.at(name.col, `stand-alone library ${name.name} is already defined`);
      if (scope.clusters.includes(name.name)) return t.at(name.col, `${name.name} is a cluster of the grid: a stand-alone library is not part of it`);
      // LI REQ names a distributed library by name: one named like the composite would be ambiguous
      if (scope.grid === name.name) return t.at(name.col, `${name.name} is the composite library of the grid: a stand-alone library needs a name of its own`);
      scope.standalones.add(name.name);
      return null;
    }
    case 'TRANSPORT': {
      const e = gridCluster(cmd.args.cluster);
      if (e) return e;
      if (cmd.args.cluster) return standaloneRef(scope, cmd.args.target) ? null : standaloneOnly({ name: cmd.args.target.ref, col: cmd.args.target.col });
      // a stacked-volume range goes to a stand-alone library or back to a cluster
      return anyLibrary(cmd.args.target);
    }
    case 'SAVE_EXPORTSET':
      return gridCluster(cmd.args.cluster);
    case 'LOAD_EXPORTSET':
    case 'ERASE':
    case 'RECOVER':
    case 'SHOW_RECOVERY':
      return standaloneOnly(cmd.args.target);
    case 'SHOW_PVOL':
      return cmd.args.on ? standaloneOnly(cmd.args.on) : null;
    case 'LIBRARY_EXPORT':
    case 'PVOL':
    case 'SHOW_EXPORTSTATUS':
      return null;
    default:
      return undefined;
  }
}
