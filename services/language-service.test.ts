// language.commands and language.volsers (issue 14 item 1): the command table's words for completion,
// and VOLSERs by prefix answered from the volumes' code column, fast on a grid of 4 million volumes.

import { describe, expect, it } from 'vitest';
import { Session } from '../core/session.js';
import { SPECS } from '../core/commands/index.js';
import { keywordsOf, languageHandlers, volsersWithPrefix } from './language-service.js';

function gridOf(lines: string[]): Session {
  const session = new Session(null, 1);
  const validated = session.validate(['GRID G', 'SITE A', 'CLUSTER CL0 SITE A MODEL DISK CACHE 10PB', 'MC M COPY R', ...lines].join('\n'));
  expect(validated.errors).toEqual([]);
  for (const command of validated.commands) expect(session.run(command).ok).toBe(true);
  return session;
}

describe('language service', () => {
  it('offers every command with its syntax, summary and keywords', () => {
    const { commands } = languageHandlers(new Session(null, 1))['language.commands']();
    expect(commands).toHaveLength(SPECS.length);
    expect(commands.find((c) => c.words === 'MOUNT')).toMatchObject({ syntax: expect.stringContaining('MOUNT SCRATCH|<volser> ON <cl>'), keywords: ['SCRATCH', 'ON', 'HOST', 'MC', 'CATEGORY'] });
    expect(keywordsOf('SHOW GRID [AT <iso-time>]', 'SHOW GRID')).toEqual(['AT']);
  });

  it('answers VOLSERs by prefix, sorted, at most the limit, saying when there are more', () => {
    const session = gridOf(['PRELOAD A00000-A00099 ON CL0 MC M SIZE 1MB', 'INSERT B00000-B00009 ON CL0', 'INSERT AB0000-AB0002 ON CL0']);
    expect(volsersWithPrefix(session, 'ab')).toEqual({ volsers: ['AB0000', 'AB0001', 'AB0002'], more: false });
    expect(volsersWithPrefix(session, 'B0000')).toEqual({ volsers: Array.from({ length: 10 }, (_, i) => `B0000${i}`), more: false });
    const a = volsersWithPrefix(session, 'A0', 50);
    expect(a.volsers).toHaveLength(50);
    expect(a.more).toBe(true);
    expect(volsersWithPrefix(session, 'Q')).toEqual({ volsers: [], more: false });
    expect(volsersWithPrefix(session, 'A00042')).toEqual({ volsers: ['A00042'], more: false });
  });

  it('looks a prefix up among 4 million volumes in milliseconds', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const ranges = ['000000-999999', ...[...letters].map((l) => `${l}00000-${l}99999`), ...[...letters].map((l) => `Q${l}0000-Q${l}9999`), ...[...'ABCDEFGHIJKLMN'].map((l) => `R${l}0000-R${l}9999`)];
    const session = gridOf(ranges.map((r) => `INSERT ${r} ON CL0`));
    expect(session.engine.state.volumes.count).toBeGreaterThanOrEqual(4_000_000);
    const times: number[] = [];
    for (const prefix of ['RN99', 'ZZ', 'A1234']) {
      const start = performance.now();
      const found = volsersWithPrefix(session, prefix);
      times.push(performance.now() - start);
      if (prefix === 'RN99') expect(found.volsers).toHaveLength(50);
      if (prefix === 'ZZ') expect(found.volsers).toEqual([]);
    }
    // a whole scan (no match) is the worst case: 50-100 ms measured on 2 cores shared with other work
    expect(Math.max(...times), `lookups took ${times.map((t) => t.toFixed(1)).join(', ')} ms`).toBeLessThan(1000);
  }, 120_000);
});
