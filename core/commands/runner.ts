// EXPECT and HELP (spec §10 "Inspection and checks"; issue 14 item 1): checks the runner evaluates
// against the previous command's record, and the language reference.

import { GRID_PARSERS as P } from '../runbook/grid-parsers.js';
import { GRID_RUN } from '../engine/grid-handlers.js';
import { RESULTS as R } from './results/index.js';
import { helpResult } from './help.js';
import { command, noReferences, type DomainTable } from './spec.js';

export const RUNNER: DomainTable<'EXPECT' | 'EXPECT_MESSAGE' | 'HELP'> = {
  EXPECT: command({
    name: 'EXPECT',
    domain: 'runner',
    effect: 'runner',
    syntax: 'EXPECT <path> =|!=|<|<=|>|>=|contains <value> | EXPECT <path> absent',
    summary: "Checks the previous command's record.",
    help: 'Spec §10 "Inspection and checks": the path reads ok, error.code or result.…; the value is a JSON literal or a bare word. A failed EXPECT makes the run exit 1.',
    args: [
      { name: '<path>', text: 'ok, error.code, result.copies.CL2.consistent …' },
      { name: '<value>', text: 'a JSON literal or a bare word' },
    ],
    example: 'EXPECT result.copies.CL2.consistent = true',
    errors: ['EXPECT_FAILED'],
    parse: P.EXPECT,
    validate: noReferences,
    run: GRID_RUN.EXPECT,
    result: R.EXPECT,
  }),
  EXPECT_MESSAGE: command({
    name: 'EXPECT_MESSAGE',
    domain: 'runner',
    effect: 'runner',
    syntax: 'EXPECT [NO] MESSAGE <id>',
    summary: 'Checks that a console message was (or was not) raised.',
    help: 'Spec §10 "Inspection and checks": looks at the messages since the previous block of EXPECT lines.',
    args: [{ name: '<id>', text: 'a message id such as CBR3786E, or CALLHOME' }],
    example: 'EXPECT MESSAGE CBR3786E',
    errors: ['EXPECT_FAILED'],
    parse: P.EXPECT_MESSAGE,
    validate: noReferences,
    run: GRID_RUN.EXPECT_MESSAGE,
    result: R.EXPECT_MESSAGE,
  }),
  HELP: command({
    name: 'HELP',
    domain: 'runner',
    effect: 'look',
    syntax: 'HELP [<command>]',
    summary: 'Lists the commands, or explains one.',
    help: 'The language reference (docs/runbook-language.md): alone, every command by domain with its summary; with a command (MOUNT, SHOW, SHOW GRID, LI REQ), its syntax, arguments, result shape, error codes and an example. Changes nothing.',
    args: [{ name: '<command>', text: "a command's leading words" }],
    example: 'HELP MOUNT',
    errors: [],
    parse: (c, p) => {
      const first = c.peek();
      if (!first) return { topic: null, names: [] };
      const typed: string[] = [];
      while (!c.done) typed.push(c.next('a command').text);
      const topic = typed.join(' ');
      const names = p.language.find(topic);
      if (names.length === 0) {
        const near = p.language.nearest(first.text);
        c.fail(`unknown command '${topic}'${near.length > 0 ? ` (nearest: ${near.join(', ')})` : ': HELP alone lists every command'}`, first);
      }
      return { topic: topic.toUpperCase(), names };
    },
    validate: noReferences,
    run: (x, cmd) => helpResult(x.commands, cmd.args),
    result: R.HELP,
  }),
};
