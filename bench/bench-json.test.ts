// Issue 7: `npm run -s bench -- --json` prints one JSON object whose figures are each
// {value, unit, target}. Run through the real entry point (bench/run.ts) at a small scale, so the
// output contract is checked on every `npm test` without the 4M-volume run.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

describe('npm run bench -- --json', () => {
  it('prints exactly one JSON object on stdout: each figure {value, unit, target, ratio, baseline}; the machine on stderr', () => {
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/run.ts', '--json', '--only', 'day,journalAppend', '--jobs', '2000', '--transactions', '20000'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!) as Record<string, Record<string, unknown>>;
    expect(Object.keys(report).sort()).toEqual(['day', 'dayCopies', 'imageAccess1M', 'journalAppend']);
    for (const [name, figure] of Object.entries(report)) {
      expect(typeof figure.value, name).toBe('number');
      expect(typeof figure.unit, name).toBe('string');
      expect(figure.target, name).toMatch(/^(<=|>=) [\d.]+ ?\S*$/);
      // issue 16 item 5: ratio and baseline always present, null where the figure has no baseline
      expect(figure, name).toHaveProperty('ratio');
      expect(figure, name).toHaveProperty('baseline');
    }
    const machine = JSON.parse(run.stderr.trim().split('\n').at(-1)!) as { machine: Record<string, unknown> };
    expect(machine.machine).toMatchObject({ cpus: expect.any(Number), model: expect.any(String) });
  }, 120_000);
});
