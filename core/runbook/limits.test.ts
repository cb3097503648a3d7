// Sizes and counts checked at validation against the modelled hardware (runbook spec §12: "a logical
// volume at most 25,000 MB; a cache at most 10 PB; ranges at most 4,000,000 volumes: file:line:col,
// nothing runs"). Issue 12 item 8: `PRELOAD … SIZE 999999999999999TB` used to run and report a cache
// 999999999999999 % full.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/timezero.js';
import { parseLine, isLineError } from './parser.js';

const REFUSED: [string, number, RegExp][] = [
  ['PRELOAD A00000-A00009 ON CL0 MC M SIZE 999999999999999TB', 40, /larger than a logical volume can be \(at most 25,000 MB\)/],
  ['PRELOAD A00000-A00009 ON CL0 MC M SIZE 25001MB', 40, /at most 25,000 MB/],
  ['WRITE A00000 30GB', 14, /larger than a logical volume/],
  ['JOB H WRITE 5 SCRATCH ON CL0 SIZE 1TB', 35, /larger than a logical volume/],
  ['CLUSTER CL0 SITE A MODEL DISK CACHE 11PB', 37, /larger than a cluster's cache can be \(at most 10 PB\)/],
  ['PRELOAD A00000-A00009 ON CL0 MC M SIZE 1e309MB', 40, /bad size/],
];

const ACCEPTED = [
  'PRELOAD A00000-A00009 ON CL0 MC M SIZE 25000MB',
  'WRITE A00000 24GB',
  'CLUSTER CL0 SITE A MODEL DISK CACHE 10PB',
  'INSERT 000000-999999 ON CL0', // a six-character range names at most 1,000,000 volumes, under the 4,000,000 limit
];

describe('sizes and counts at validation (spec §12)', () => {
  for (const [text, col, message] of REFUSED) {
    it(`refuses ${text}`, () => {
      const parsed = parseLine(text, 3);
      expect(isLineError(parsed)).toBe(true);
      expect(parsed).toMatchObject({ line: 3, col });
      expect((parsed as { message: string }).message).toMatch(message);
    });
  }
  for (const text of ACCEPTED) {
    it(`accepts the largest the hardware allows: ${text}`, () => {
      expect(isLineError(parseLine(text, 1))).toBe(false);
    });
  }

  const dir = mkdtempSync(join(tmpdir(), 'tz-limits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('a run with an absurd size exits 2 with file:line:col and runs nothing', () => {
    const file = join(dir, 'absurd.runbook');
    writeFileSync(file, 'GRID G\nSITE A\nCLUSTER CL0 SITE A MODEL DISK\nMC M COPY R\nPRELOAD A00000-A00009 ON CL0 MC M SIZE 999999999999999TB\nSHOW CLUSTER CL0\n');
    const out: string[] = [];
    const err: string[] = [];
    expect(
      main(
        ['run', file, '--json'],
        (l) => out.push(l),
        (l) => err.push(l),
      ),
    ).toBe(2);
    expect(err.join('\n')).toContain(`${file}:5:40: size '999999999999999TB' is larger than a logical volume can be`);
    expect(out).toEqual([]);
  });
});
