// Whole-file validation before anything runs (spec §2): syntax, then references (clusters, sites,
// hosts, Management Classes) followed through the topology the file itself declares.

import type { Command, CommandName, CommandRecord } from './commands.js';
import type { ClusterRef } from './cursor.js';
import { isLineError, parseLine, type LineError } from './parser.js';
import { visibleText } from './visible-text.js';
import type { FilePort, Scope } from './scope.js';
import { MAX_EXPANSION_DEPTH } from './scope-of.js';
import type { CheckContext } from '../commands/spec.js';
import { COMMANDS } from '../commands/index.js';

export { MAX_EXPANSION_DEPTH, emptyScope, nestingProblem, scopeOf } from './scope-of.js';
export type { FilePort, Scope } from './scope.js';

export interface Validated {
  commands: Command[];
  errors: LineError[];
}

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

/** Checks one command's references through its table entry and applies its declarations to the scope. */
function check(cmd: Command, scope: Scope, files: FilePort | null, chain: readonly string[]): LineError | null {
  const at = (col: number, message: string): LineError => ({ line: cmd.line, col, message });
  const v: CheckContext = {
    scope,
    files,
    chain,
    at,
    refs: (...list) => {
      for (const ref of list) {
        if (!ref) continue;
        const problem = resolve(scope, ref);
        if (problem) return at(ref.col, problem);
      }
      return null;
    },
    named: (set, what, n) => (n && !set.has(n.name) ? at(n.col, `unknown ${what} '${n.name}'`) : null),
    expand: (text, origin) => expand(cmd, text, origin, scope, files, chain),
  };
  return checkWith(cmd, v);
}

function checkWith<K extends CommandName>(cmd: CommandRecord<K>, v: CheckContext): LineError | null {
  return COMMANDS[cmd.name].validate(cmd, v);
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
