// Runbook line → typed command, or a positioned error (spec §1–6, §10). The command table
// (core/commands/) says which command a line's first word starts and how it reads.

import type { Command, CommandName } from './commands.js';
import { Cursor, ParseError, type ClusterRef, type LineError, type Named } from './cursor.js';
import { tokenize } from './lexer.js';
import { HEADS, LANGUAGE } from '../commands/index.js';
import type { Head } from '../commands/heads.js';
import type { AnySpec } from '../commands/spec.js';

export type { LineError } from './cursor.js';

/** Parses one line; null for blank and comment lines. */
export function parseLine(raw: string, line: number): Command | LineError | null {
  const tokens = tokenize(raw);
  const head = tokens[0];
  if (!head) return null;
  let key = head.upper;
  let skip = 1;
  if (key === 'LIBRARY' || key === 'LI') {
    const sub = tokens[1];
    if (!sub) return { line, col: head.col + head.text.length, message: 'expected REQ or EXPORT after LIBRARY' };
    if (sub.upper === 'REQ' || sub.upper === 'REQUEST') {
      key = 'LIBRARY_REQUEST';
      skip = 2;
    } else if (sub.upper === 'EXPORT') {
      key = 'LIBRARY_EXPORT';
      skip = 2;
    } else return { line, col: sub.col, message: `host console command '${head.text} ${sub.text}' is not available in this build` };
  }
  const entry = HEADS.get(key);
  if (!entry) return { line, col: head.col, message: `unknown command '${head.text}'` };
  const cursor = new Cursor(tokens, raw.length);
  cursor.i = skip;
  try {
    const spec = entry.route ? specOf(entry, entry.route(cursor)) : entry.specs[0];
    if (!spec) throw new Error(`no command for '${key}'`);
    const command = spec.read(cursor, { raw, language: LANGUAGE }, { line, col: head.col, text: raw.replace(/#.*$/, '').trim() });
    cursor.end();
    return command;
  } catch (error) {
    if (error instanceof ParseError) return { line, col: error.col, message: error.message };
    throw error;
  }
}

function specOf(entry: Head, name: CommandName): AnySpec {
  const found = entry.specs.find((s) => s.name === name);
  if (!found) throw new Error(`the router chose '${name}', not a command of this head`);
  return found;
}

export function isLineError(x: unknown): x is LineError {
  return typeof x === 'object' && x !== null && 'message' in x && !('name' in x);
}

export type { ClusterRef, Named };
