// Reference checks for the Copy Export and recovery lines (spec §8): stand-alone libraries are named
// like clusters but are not part of the grid; only the commands that make sense for one library
// (INSERT, PRELOAD, POOL, DRIVES, RECLAIM, SHOW …) accept them in a cluster's place.

import type { Command } from './commands.js';
import type { ClusterRef, Named } from './cursor.js';
import type { LineError } from './parser.js';
import type { Scope } from './validate.js';

export interface CheckTools {
  at(col: number, message: string): LineError;
  refs(...list: (ClusterRef | null | undefined)[]): LineError | null;
  named(set: Set<string>, what: string, n: Named | null): LineError | null;
}

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
  switch (cmd.name) {
    case 'POOL':
    case 'RECLAIM':
    case 'SHOW_POOL':
      return standaloneRef(scope, cmd.args.cluster) ? null : t.refs(cmd.args.cluster);
    case 'EXPORTLIST':
      return t.refs(cmd.args.cluster) ?? t.named(scope.mcs, 'Management Class', cmd.args.mc);
    case 'SETTING':
    case 'RESTART':
    case 'IOSTATION':
    case 'EJECT':
      return t.refs(cmd.args.cluster);
    case 'COPYEXP':
    case 'PDRIVE':
    case 'POOLCNT':
      return library(scope, t, cmd.args.library);
    case 'STANDALONE': {
      const name = cmd.args.name;
      if (scope.standalones.has(name.name)) return t.at(name.col, `stand-alone library ${name.name} is already defined`);
      if (scope.clusters.includes(name.name)) return t.at(name.col, `${name.name} is a cluster of the grid: a stand-alone library is not part of it`);
      scope.standalones.add(name.name);
      return null;
    }
    case 'TRANSPORT': {
      const e = cmd.args.cluster ? t.refs(cmd.args.cluster) : null;
      if (e) return e;
      if (standaloneRef(scope, cmd.args.target)) return null;
      if (cmd.args.cluster) return t.at(cmd.args.target.col, `unknown stand-alone library '${cmd.args.target.ref}'`);
      return t.refs(cmd.args.target);
    }
    case 'SAVE_EXPORTSET':
      return t.refs(cmd.args.cluster);
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
