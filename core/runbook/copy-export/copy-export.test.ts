// Copy Export and Copy Export Recovery runbooks (spec §8; Redbook §11.5–§11.7), run through the real
// CLI entry (spec §2) in a scratch folder (they write export-set files beside themselves): each must
// exit 0 with every EXPECT passing, cite the Redbook, and print the same JSON Lines twice (spec §1).

import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/timezero.js';

const here = import.meta.dirname;
const files = readdirSync(here)
  .filter((f) => f.endsWith('.runbook'))
  .sort();
const work = mkdtempSync(join(tmpdir(), 'tz-copy-export-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(file: string): { code: number; out: string[]; err: string[] } {
  const dir = mkdtempSync(join(work, 'run-'));
  cpSync(here, dir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
  const out: string[] = [];
  const err: string[] = [];
  const code = main(['run', join(dir, file), '--json'], (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

describe('Copy Export runbooks (Redbook §11.5–§11.7)', () => {
  it('covers export, validation, timers, exclusions, reclaim, recovery and the export-set file', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of files) {
    describe(file, () => {
      it('cites the Redbook paragraphs it checks, with EXPECT lines', () => {
        const text = readFileSync(join(here, file), 'utf8');
        expect(text).toMatch(/§11\.[567]/);
        expect(text.split('\n').filter((l) => /^\s*EXPECT\b/i.test(l)).length).toBeGreaterThanOrEqual(10);
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
