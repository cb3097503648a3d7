// Issue 2 item 8, "unit tests cover every command ... of the parser": a guard. Every command name of
// CommandArgs (commands.ts with dasd-commands.ts) must come out of parseLine for at least one line
// quoted in the runbook parser tests, so a new command without a parser test fails the suite.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLineError, parseLine } from './parser.js';

const PARSER_TESTS = ['parser.test.ts', 'dasd-parsers.test.ts', 'tape-parsers.test.ts'];

function source(file: string): string {
  return readFileSync(new URL(file, import.meta.url), 'utf8');
}

/** The keys of an `interface <name> … { KEY: …; }` block: the command names it declares. */
function interfaceKeys(text: string, name: string): string[] {
  const start = text.indexOf(`export interface ${name} `);
  if (start < 0) throw new Error(`interface ${name} not found`);
  const body = text.slice(start, text.indexOf('\n}', start));
  return [...body.matchAll(/^ {2}([A-Z][A-Z_]*):/gm)].map((m) => m[1]!);
}

/** Every line of every string literal in a test file; `${…}` holes dropped, `\n` escapes split. */
function quotedLines(text: string): string[] {
  const literal = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;
  const lines: string[] = [];
  for (const m of text.matchAll(literal)) {
    const body = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, '').replace(/\\n/g, '\n').replace(/\\(['"`\\])/g, '$1');
    lines.push(...body.split('\n'));
  }
  return lines;
}

describe('parser tests cover every command (issue 2 item 8)', () => {
  const commands = [...interfaceKeys(source('commands.ts'), 'CommandArgs'), ...interfaceKeys(source('dasd-commands.ts'), 'DasdCommandArgs')];

  it('reads the command names from commands.ts and dasd-commands.ts', () => {
    // a guard that found no names would pass vacuously
    expect(commands).toEqual(expect.arrayContaining(['SEED', 'EXPECT_MESSAGE', 'POOL', 'RECOVER', 'SHOW_RECOVERY', 'DASD', 'SHOW_DASD']));
    expect(new Set(commands).size).toBe(commands.length);
  });

  it('every command parses from a line in parser.test.ts, dasd-parsers.test.ts or tape-parsers.test.ts', () => {
    const covered = new Set<string>();
    for (const file of PARSER_TESTS) {
      for (const line of quotedLines(source(file))) {
        const parsed = parseLine(line, 1);
        if (parsed && !isLineError(parsed)) covered.add(parsed.name);
      }
    }
    expect(commands.filter((name) => !covered.has(name))).toEqual([]);
  });
});
