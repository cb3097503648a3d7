// DR testing runbooks (seed 000 claims 1–20 and FIGS. 3A–3D; Redbook §11.4.1): each must pass.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../../session.js';

const here = import.meta.dirname;

describe('DR testing runbooks', () => {
  for (const file of readdirSync(here).filter((f) => f.endsWith('.runbook'))) {
    it(file, () => {
      const session = new Session(null, 1);
      const validated = session.validate(readFileSync(join(here, file), 'utf8'));
      expect(validated.errors).toEqual([]);
      const failed = validated.commands.map((c) => session.run(c)).filter((r) => r.command.startsWith('EXPECT') && !r.ok);
      expect(failed.map((r) => `line ${r.line}: ${r.error?.message}`)).toEqual([]);
    });
  }
});

describe('FLASH ENABLE costs the same whatever the volume count (spec §7)', () => {
  function flashTime(volumes: number): number {
    const session = new Session(null, 1);
    const text = `GRID G\nSITE A\nCLUSTER CL0 SITE A MODEL DISK\nCLUSTER CL1 SITE A MODEL DISK\nMC M COPY RD\nPRELOAD A00000-A${String(volumes - 1).padStart(5, '0')} ON CL0 MC M SIZE 1MB\nLI REQ,G,DRSETUP,F,ADD,CL1`;
    for (const c of session.validate(text).commands) session.run(c);
    const flash = session.validate('LI REQ,G,DRSETUP,F,FLASH,ENABLE').commands[0]!;
    const start = performance.now();
    session.run(flash);
    return performance.now() - start;
  }
  it('time-zero over 100,000 volumes is not slower than over 100 by more than noise', () => {
    flashTime(100);
    const small = Math.min(flashTime(100), flashTime(100));
    const large = Math.min(flashTime(100_000), flashTime(100_000));
    expect(large).toBeLessThan(Math.max(5, small * 20));
  });
});
