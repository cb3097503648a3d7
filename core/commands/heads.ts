// How the parser finds a line's command: by its first word (LIBRARY_REQUEST / LIBRARY_EXPORT for the
// z/OS forms). Where several commands share a first word, a router reads ahead and names the one the
// line is; it leaves the cursor where that command's parse function starts.

import type { CommandName } from '../runbook/commands.js';
import type { Cursor } from '../runbook/cursor.js';
import { isLoadExportSet } from '../runbook/tape-parsers.js';
import type { AnySpec } from './spec.js';

type Router = (c: Cursor) => CommandName;

export interface Head {
  specs: AnySpec[];
  /** null when the first word alone names the command */
  route: Router | null;
}

const ROUTERS: Record<string, Router> = {
  // JOB <host> WRITE|READ …: both forms start with the host
  JOB: (c) => {
    const start = c.i;
    c.name('host');
    const form = c.kw('WRITE', 'READ');
    c.i = start;
    return form === 'READ' ? 'JOB_READ' : 'JOB_WRITE';
  },
  LOAD: (c) => (isLoadExportSet(c) ? 'LOAD_EXPORTSET' : 'LOAD'),
  // LI REQ,<library>,<request>,…: the request keyword comes after the library
  LIBRARY_REQUEST: (c) => {
    const start = c.i;
    c.name('library name');
    const request = c.next('a library request keyword');
    c.i = start;
    const name = LIBRARY_REQUESTS[request.upper];
    if (name === undefined) return c.fail(`library request '${request.text}' is not available in this build (DRSETUP, COPYEXP, PDRIVE, POOLCNT)`, request);
    return name;
  },
  EXPECT: (c) => {
    const next = c.peek()?.upper;
    return next === 'NO' || next === 'MESSAGE' ? 'EXPECT_MESSAGE' : 'EXPECT';
  },
};

const LIBRARY_REQUESTS: Partial<Record<string, CommandName>> = { DRSETUP: 'DRSETUP', COPYEXP: 'COPYEXP', PDRIVE: 'PDRIVE', POOLCNT: 'POOLCNT' };

/** Commands told apart by their second word (SHOW GRID, IMAGE ROLL): the word list is the table's order. */
function bySecondWord(specs: AnySpec[]): Router {
  const second = specs.map((s) => ({ word: s.words.split(' ')[1] ?? '', name: s.name }));
  return (c) => {
    const word = c.kw(...second.map((s) => s.word));
    const found = second.find((s) => s.word === word);
    if (!found) return c.fail(`expected ${second.map((s) => s.word).join(' or ')}`);
    return found.name;
  };
}

/** The heads of the language, from the command table (in its order). */
export function headsOf(specs: readonly AnySpec[]): Map<string, Head> {
  const groups = new Map<string, AnySpec[]>();
  for (const spec of specs) {
    const group = groups.get(spec.head);
    if (group) group.push(spec);
    else groups.set(spec.head, [spec]);
  }
  const heads = new Map<string, Head>();
  for (const [head, group] of groups) {
    if (group.length === 1) heads.set(head, { specs: group, route: null });
    else {
      const route = ROUTERS[head] ?? bySecondWord(group);
      heads.set(head, { specs: group, route });
    }
  }
  return heads;
}
