// Issue 15 item 2: every command is declared once, in one domain table; the table is what the parser,
// the validator and the engine dispatch through. Replaces the regex check over commands.ts.

import { describe, expect, it } from 'vitest';
import { COMMANDS, DOMAIN_TABLES, HEADS, SPECS } from './index.js';
import { DOMAINS } from './spec.js';
import { isLineError, parseLine } from '../runbook/parser.js';
import { Session } from '../session.js';

describe('the command table', () => {
  it('declares each command in exactly one domain table', () => {
    const names = DOMAIN_TABLES.flatMap((t) => Object.keys(t));
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual(Object.keys(COMMANDS).sort());
    expect(names.length).toBeGreaterThanOrEqual(93);
  });

  it('files every command under a known domain, with its syntax starting with its words', () => {
    for (const spec of SPECS) {
      expect(Object.keys(DOMAINS)).toContain(spec.domain);
      expect(spec.syntax.startsWith(spec.words), spec.name).toBe(true);
      expect(spec.summary.length, spec.name).toBeGreaterThan(10);
      expect(spec.help.length, spec.name).toBeGreaterThan(20);
    }
  });

  it("parses every command's example line as that command (each parse function runs)", () => {
    for (const spec of SPECS) {
      const parsed = parseLine(spec.example, 1);
      expect(parsed && !isLineError(parsed) ? parsed.name : parsed, spec.example).toBe(spec.name);
    }
  });

  it('tells apart the commands that share a first word', () => {
    const shared = [...HEADS.entries()].filter(([, h]) => h.specs.length > 1).map(([head]) => head);
    expect(shared.sort()).toEqual(['EXPECT', 'IMAGE', 'JOB', 'LIBRARY_REQUEST', 'LOAD', 'SHOW']);
    for (const head of HEADS.values()) expect(head.route === null).toBe(head.specs.length === 1);
  });

  it("lists SHOW's words in the order its error message has always named them", () => {
    expect(parseLine('SHOW NOTHING', 3)).toEqual({
      line: 3,
      col: 6,
      message:
        "expected GRID or CLUSTER or VOLUME or QUEUE or RESULT or DRFAMILY or READINESS or EXPORTSTATUS or POOL or PVOL or RECOVERY or JOURNAL or REMOTECOPY or VERSIONS or DASD, found 'NOTHING'",
    });
  });
});

describe('HELP', () => {
  const run = (line: string) => {
    const session = new Session(null, 1);
    const validated = session.validate(line);
    return { errors: validated.errors, records: validated.commands.map((c) => session.run(c)) };
  };

  it('lists every command by domain with its summary', () => {
    const { records } = run('HELP');
    const result = records[0]?.result as { domains: { domain: string; commands: { command: string; summary: string }[] }[] };
    expect(result.domains.map((d) => d.domain)).toEqual(Object.values(DOMAINS));
    expect(result.domains.flatMap((d) => d.commands).length).toBe(SPECS.length);
    expect(result.domains[1]?.commands.map((c) => c.command)).toContain('MOUNT');
  });

  it('explains one command: syntax, arguments, result shape, error codes and an example', () => {
    const { records } = run('help mount');
    expect(records[0]?.ok).toBe(true);
    expect(records[0]?.result).toMatchObject({
      topic: 'MOUNT',
      commands: [{ command: 'MOUNT', syntax: COMMANDS.MOUNT.syntax, example: COMMANDS.MOUNT.example, errors: expect.arrayContaining(['NO_SCRATCH']) }],
    });
    const help = (records[0]?.result as { commands: { result: string; arguments: unknown[] }[] }).commands[0];
    expect(help?.result).toMatch(/^\{ .*volser/);
    expect(help?.arguments.length).toBeGreaterThan(0);
  });

  it('answers a family of forms (SHOW, LI REQ) and a form by its words', () => {
    const names = (line: string) => ((run(line).records[0]?.result as { commands: { name: string }[] }).commands ?? []).map((c) => c.name);
    expect(names('HELP SHOW')).toEqual(SPECS.filter((s) => s.words.startsWith('SHOW ')).map((s) => s.name));
    expect(names('HELP SHOW GRID')).toEqual(['SHOW_GRID']);
    expect(names('HELP LIBRARY REQUEST')).toEqual(['DRSETUP', 'COPYEXP', 'PDRIVE', 'POOLCNT']);
    expect(names('HELP JOB')).toEqual(['JOB_WRITE', 'JOB_READ']);
  });

  it('refuses an unknown command where it stands, with the nearest ones', () => {
    expect(run('HELP MOUTN').errors).toEqual([{ line: 1, col: 6, message: "unknown command 'MOUTN' (nearest: MOUNT)" }]);
    expect(run('HELP ZZZZZZZZ').errors[0]?.message).toBe("unknown command 'ZZZZZZZZ': HELP alone lists every command");
  });

  it('changes nothing: journaled like SHOW, never replayed', () => {
    expect(COMMANDS.HELP.effect).toBe('look');
    expect(COMMANDS.SHOW_GRID.effect).toBe('look');
  });
});
