// The shared check of a folder of runbooks (spec §1–2): each file cites its source and has EXPECT
// lines, runs through the real CLI entry with every EXPECT passing (exit 0), and prints the same JSON
// Lines twice. A test fixture (it imports vitest and the CLI): used only by *.test.ts files, never by product code.

import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/timezero.js';

export interface RunbookSuite {
  title: string;
  /** the folder holding the *.runbook files */
  dir: string;
  /** what the folder covers, and how many files at least */
  covers: string;
  minFiles: number;
  /** each file must match every one of these: its citations */
  cites: RegExp[];
  minExpects?: number;
  /** run each in a scratch copy of the folder: for runbooks that write files beside themselves */
  scratchCopy?: boolean;
}

export function describeRunbookSuite(suite: RunbookSuite): void {
  const files = readdirSync(suite.dir)
    .filter((f) => f.endsWith('.runbook'))
    .sort();
  const work = suite.scratchCopy ? mkdtempSync(join(tmpdir(), 'tz-runbooks-')) : null;
  if (work) afterAll(() => rmSync(work, { recursive: true, force: true }));

  function run(file: string): { code: number; out: string[]; err: string[] } {
    let dir = suite.dir;
    if (work) {
      dir = mkdtempSync(join(work, 'run-'));
      cpSync(suite.dir, dir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
    }
    const out: string[] = [];
    const err: string[] = [];
    const code = main(
      ['run', join(dir, file), '--json'],
      (l) => out.push(l),
      (l) => err.push(l),
    );
    return { code, out, err };
  }

  describe(suite.title, () => {
    it(`covers ${suite.covers}`, () => {
      expect(files.length).toBeGreaterThanOrEqual(suite.minFiles);
    });

    for (const file of files) {
      describe(file, () => {
        it('cites what it checks, with EXPECT lines', () => {
          const text = readFileSync(join(suite.dir, file), 'utf8');
          for (const cite of suite.cites) expect(text).toMatch(cite);
          expect(text.split('\n').filter((l) => /^\s*EXPECT\b/i.test(l)).length).toBeGreaterThanOrEqual(suite.minExpects ?? 10);
        });

        it('runs with every EXPECT passing (exit 0), deterministically', () => {
          const first = run(file);
          expect(first.err).toEqual([]);
          const records = first.out.map((l) => JSON.parse(l));
          const failed = records.filter((r) => r.command.startsWith('EXPECT') && !r.ok);
          expect(failed.map((r) => `${r.line}: ${r.command}: ${r.error?.message}`)).toEqual([]);
          expect(first.code).toBe(0);
          const second = run(file);
          expect(second.out.join('\n')).toBe(first.out.join('\n'));
        });
      });
    }
  });
}
