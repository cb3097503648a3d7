// Completion of runbook lines: the word at the cursor, what may stand there, and taking a choice.

import { describe, expect, it } from 'vitest';
import { accept, commandsFor, complete, contextAt, wantsVolser } from './completion';

const COMMANDS = [
  {
    words: 'MOUNT',
    syntax: 'MOUNT SCRATCH|<volser> ON <cl> HOST <host> [MC <mc>] [CATEGORY <cat>]',
    summary: 'Mounts a volume.',
    domain: 'Tape I/O',
    keywords: ['SCRATCH', 'ON', 'HOST', 'MC', 'CATEGORY'],
  },
  { words: 'MC', syntax: 'MC <mc> COPY <modes>', summary: 'Defines a Management Class.', domain: 'Setup', keywords: ['COPY'] },
  { words: 'SHOW GRID', syntax: 'SHOW GRID [AT <iso-time>]', summary: 'Shows the grid.', domain: 'SHOW', keywords: ['AT'] },
  { words: 'SHOW QUEUE', syntax: 'SHOW QUEUE <cl>', summary: "Shows a cluster's copy queues.", domain: 'SHOW', keywords: [] },
];
const NAMES = { clusters: ['CL0', 'CL1'], hosts: ['PRODHOST'], sites: ['PROD'] };

describe('completion', () => {
  it('offers command words for the first word, one per word with its forms', () => {
    const ctx = contextAt('m', 1, COMMANDS);
    expect(ctx).toMatchObject({ from: 0, to: 1, prefix: 'M', first: true });
    expect(complete(ctx, COMMANDS, NAMES).map((i) => i.text)).toEqual(['MOUNT', 'MC']);
    expect(complete(contextAt('SH', 2, COMMANDS), COMMANDS, NAMES)).toEqual([{ text: 'SHOW', kind: 'command', detail: '2 forms: SHOW GRID, SHOW QUEUE' }]);
  });

  it("offers the line's keywords and the grid's names later in the line", () => {
    const words = (line: string) => complete(contextAt(line, line.length, COMMANDS), COMMANDS, NAMES).map((i) => `${i.kind}:${i.text}`);
    expect(words('MOUNT SCRATCH O')).toEqual(['keyword:ON']);
    expect(words('MOUNT SCRATCH ON C')).toEqual(['keyword:CATEGORY', 'cluster:CL0', 'cluster:CL1']);
    expect(words('MOUNT A00001 ON CL0 HOST P')).toEqual(['host:PRODHOST', 'site:PROD']);
    expect(words('SHOW Q')).toEqual(['keyword:QUEUE']);
  });

  it('asks for VOLSERs where the command takes one', () => {
    expect(wantsVolser(contextAt('MOUNT A0', 8, COMMANDS))).toBe(true);
    expect(wantsVolser(contextAt('MC A0', 5, COMMANDS))).toBe(false);
    expect(wantsVolser(contextAt('MOUNT ', 6, COMMANDS))).toBe(false);
  });

  it('puts the choice in place of the word, with a space after it', () => {
    expect(accept('MOU', 0, 3, 'MOUNT')).toEqual({ line: 'MOUNT ', cursor: 6 });
    expect(accept('MOUNT A0 ON CL0', 6, 8, 'A00001')).toEqual({ line: 'MOUNT A00001 ON CL0', cursor: 12 });
  });

  it('finds the forms of a hovered command word', () => {
    expect(commandsFor('show', COMMANDS).map((c) => c.words)).toEqual(['SHOW GRID', 'SHOW QUEUE']);
    expect(commandsFor('FROB', COMMANDS)).toEqual([]);
  });
});
