// What one runbook command is, declared once (issue 15 item 2): how a line starts, its grammar as
// users read it, its help, how it parses, what the validator checks, what the engine does, and the
// shape of its result. The domain tables (core/commands/*.ts) hold one entry per command; their union
// is typed over every CommandName, so a command without an entry or a handler does not compile.

import type { z } from 'zod';
import type { CommandArgs, CommandName, CommandRecord } from '../runbook/commands.js';
import type { ClusterRef, Cursor, Named } from '../runbook/cursor.js';
import type { LineError } from '../runbook/cursor.js';
import type { FilePort, Scope } from '../runbook/scope.js';
import type { GridState } from '../world/state.js';

/** The chapters of the language reference, in the order HELP and docs/ list them. */
export const DOMAINS = {
  setup: 'Setup and topology',
  'tape-io': 'Tape I/O',
  failures: 'Failures, ownership and service',
  dr: 'DR families',
  'copy-export': 'Copy Export',
  recovery: 'Copy Export Recovery',
  dasd: 'Host DASD: replication and distributed volumes',
  'dasd-copies': 'Host DASD: copy versions and remote copy',
  show: 'SHOW',
  runner: 'EXPECT, HELP and the runner',
} as const;
export type Domain = keyof typeof DOMAINS;

/** What the parser hands a command's parse function besides the cursor. */
export interface ParseContext {
  /** the line as written (EXPECT reads its value from it) */
  raw: string;
  /** the language itself: HELP looks a topic up in it */
  language: LanguageIndex;
}

export interface LanguageIndex {
  /** the commands a topic names ('MOUNT', 'SHOW', 'SHOW GRID', 'LI REQ', 'SHOW_GRID'); empty when none */
  find(topic: string): CommandName[];
  /** the command words nearest to a misspelt one, best first */
  nearest(word: string): string[];
}

/** The references a validate function checks, with the scope it reads and extends. */
export interface CheckContext {
  scope: Scope;
  files: FilePort | null;
  at(col: number, message: string): LineError;
  /** resolves cluster references (index set); the first unknown one is the error */
  refs(...list: (ClusterRef | null | undefined)[]): LineError | null;
  named(set: Set<string>, what: string, n: Named | null): LineError | null;
  /** SAMPLE and LOAD: validates the text they stand for as this command's children */
  expand(text: string, origin: string): LineError | null;
  /** the grid files and samples this text was expanded from, outermost first */
  chain: readonly string[];
}

/** The grid as it was at a past moment (SHOW … AT). */
export interface PastGrid {
  state: GridState;
  showGrid(): unknown;
}

/** What handlers ask of the engine itself: advancing time, and the past. */
export type AdvanceResult = { from: string; to: string; idle?: boolean; blockedCopies?: number };

export interface EngineView {
  advance(duration: number | null): AdvanceResult;
  /** advance() in slices, yielding how far it is (ADVANCE in the console: a bar and Cancel) */
  advanceInSlices(duration: number | null): Sliced<AdvanceResult>;
  at(time: number): PastGrid;
}

/** What a run handler works on. */
export interface RunContext {
  engine: EngineView;
  state: GridState;
  files: FilePort | null;
  /** re-executing a journal: commands with effects outside the grid (writing files) hold back */
  replaying: boolean;
  commands: CommandTable;
}

export interface ArgumentDoc {
  name: string;
  text: string;
}

/**
 * How a command is treated around the engine: `act` changes the grid (journaled and replayed),
 * `look` only shows it (journaled, never replayed; allowed with --read-only), `runner` is answered by
 * the session itself (EXPECT, SHOW RESULT).
 */
export type Effect = 'act' | 'look' | 'runner';

import type { Sliced } from '../sim/work-slices.js';

export interface CommandSpec<K extends CommandName> {
  name: K;
  domain: Domain;
  /** the parser's key: the first word, or LIBRARY_REQUEST / LIBRARY_EXPORT for the z/OS forms */
  head: string;
  /** how the line starts, as typed: 'MOUNT', 'SHOW GRID', 'LI REQ' */
  words: string;
  /** the line grammar as users read it */
  syntax: string;
  summary: string;
  /** what it does, citing the spec or Redbook section by title */
  help: string;
  args: readonly ArgumentDoc[];
  example: string;
  /** refusal codes the engine can answer it with */
  errors: readonly string[];
  effect: Effect;
  /** reads the arguments after the command's leading words; a ParseError names the column */
  parse(c: Cursor, p: ParseContext): CommandArgs[K];
  /** checks references against the scope (and extends it with declarations) before anything runs */
  validate(cmd: CommandRecord<K>, v: CheckContext): LineError | null;
  run(x: RunContext, cmd: CommandRecord<K>): unknown;
  /**
   * Long work (a PRELOAD of millions of volumes): the same effect and result as `run`, yielding its
   * progress between slices so the console can show it and take a Cancel (core/sim/work-slices.ts).
   */
  runInSlices?(x: RunContext, cmd: CommandRecord<K>): Sliced<unknown>;
  /** the result's shape: every result of this command parses with it */
  result: z.ZodType;
  /** builds the typed record from the parsed arguments (supplied by `command()`) */
  read(c: Cursor, p: ParseContext, at: { line: number; col: number; text: string }): CommandRecord<K>;
}

export type CommandTable = { [K in CommandName]: CommandSpec<K> };
export type AnySpec = CommandTable[CommandName];

/** A domain's entries. */
export type DomainTable<K extends CommandName> = { [P in K]: CommandSpec<P> };

/** An entry as a domain table writes it: `words` defaults to the syntax's first word. */
export type Declared<K extends CommandName> = Omit<CommandSpec<K>, 'read' | 'head' | 'words' | 'effect'> & { words?: string; effect?: Effect };

/** The parser's key for a command's leading words: the z/OS forms have two. */
function headOf(words: string): string {
  const [first = '', second = ''] = words.split(' ');
  if (first === 'LI' || first === 'LIBRARY') return second === 'EXPORT' ? 'LIBRARY_EXPORT' : 'LIBRARY_REQUEST';
  return first;
}

/** Declares one command: fills in its parser key and how a parsed line becomes its typed record. */
export function command<K extends CommandName>(spec: Declared<K>): CommandSpec<K> {
  const words = spec.words ?? spec.syntax.split(' ')[0] ?? spec.name;
  return {
    ...spec,
    words,
    head: headOf(words),
    effect: spec.effect ?? 'act',
    read: (c, p, at) => ({ name: spec.name, args: spec.parse(c, p), line: at.line, col: at.col, text: at.text }),
  };
}

/** The validate function of a command that refers to nothing. */
export const noReferences = (): null => null;

/** Run handlers of a set of commands, one each. */
export type Handlers<K extends CommandName> = { [P in K]: (x: RunContext, cmd: CommandRecord<P>) => unknown };

/** Validate functions of a set of commands, one each. */
export type Checks<K extends CommandName> = { [P in K]: (cmd: CommandRecord<P>, v: CheckContext) => LineError | null };

/**
 * A domain module's handlers or checks, for the commands it serves: which commands those are is
 * declared once, by the command tables that name them (core/commands/), not listed again here.
 */
export type SomeHandlers = Partial<Handlers<CommandName>>;
export type SomeChecks = Partial<Checks<CommandName>>;
