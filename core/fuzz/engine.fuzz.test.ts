// Hostile but valid commands through the engine (issue 8 part 3, one step past the parser): seeded
// mutations of real runbook lines that still validate are executed on the crash-work grid (tape
// cluster, Copy Export pool, stand-alone library, replicated DASD). Each must end as a result or a
// domain refusal (ok:false with a code) — never an exception out of the engine.
// It found two engine bugs, now fixed with their own tests: GRID over pending pre-migrations
// (core/rules/topology.test.ts) and FAIL SITE under asynchronous DASD replication
// (core/dasd/replication.test.ts). LOAD is left out: it reads files, which the fuzz does not supply.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Session } from '../session.js';
import { DASD_SETUP, round, SETUP } from '../store/crash-work.js';
import { mutateLine, pick, seeded } from './mutate.js';
import { field, numberField } from '../model/json-fields.js';

const ATTEMPTS = 60_000;
const FRESH_EVERY = 300;
const LEFT_OUT = /^\s*LOAD\b/i;
/** Volume ranges past this are skipped: a valid PRELOAD of millions is the bench's business, not a fuzz step. */
const MAX_RANGE = 100_000;

describe('the engine under hostile valid commands', () => {
  it(`${ATTEMPTS.toLocaleString('en')} mutated lines, the valid ones executed: results or refusals, no exception`, () => {
    const root = fileURLToPath(new URL('../runbook/', import.meta.url));
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.runbook'));
    const valid = [...new Set([...files.flatMap((f) => readFileSync(join(root, f), 'utf8').split('\n')), ...SETUP, ...round(3, true)].map((l) => l.trim()).filter((l) => l && !l.startsWith('#')))];
    const words = [...new Set(valid.flatMap((l) => l.split(/[\s,]+/)))];
    const rng = seeded(0xe9);
    const probe = new Session(null, 1);
    const dasd = probe.validate(['SITE PROD', 'SITE DR', ...DASD_SETUP].join('\n')).errors.length === 0;
    let session = new Session(null, 1);
    let since: string[] = [];
    const fresh = () => {
      session = new Session(null, 1);
      since = [];
      for (const line of [...SETUP, ...(dasd ? DASD_SETUP : [])]) for (const command of session.validate(line).commands) session.run(command);
    };
    fresh();
    const problems: string[] = [];
    const stats = { executed: 0, refused: 0 };
    for (let i = 0; i < ATTEMPTS && problems.length < 10; i++) {
      if (i % FRESH_EVERY === 0) fresh();
      const line = rng(3) === 0 ? pick(rng, valid) : mutateLine(rng, pick(rng, valid), words);
      if (LEFT_OUT.test(line)) continue;
      const validated = session.validate(line);
      const [command] = validated.commands;
      if (validated.errors.length > 0 || validated.commands.length !== 1 || !command) continue;
      if (command.name.startsWith('EXPECT')) continue; // checks of results, not engine work
      const count = numberField(field(command.args, 'range'), 'count');
      if (count !== null && count > MAX_RANGE) continue;
      since.push(line);
      try {
        const record = session.run(command, 'fuzz');
        stats.executed++;
        if (!record.ok) stats.refused++;
      } catch (error) {
        problems.push(`${error instanceof Error ? error.stack?.split('\n').slice(0, 2).join(' ') : String(error)}\n  after: ${JSON.stringify(since.slice(-8))}`);
        fresh();
      }
    }
    expect(problems).toEqual([]);
    expect(stats.executed).toBeGreaterThan(5_000);
    console.info(`engine fuzz: ${stats.executed} hostile valid commands executed, ${stats.refused} refused with a code, none threw`);
  }, 120_000);
});
