// Hostile runbook lines (issue 8 part 3; spec §2: "A syntax or reference error … prints
// file:line:col: message"): 100,000 seeded random and mutated lines, in blocks, through the parser and
// validator against a loaded grid. Nothing throws, nothing hangs, and every rejection names a line
// and column inside the text with a readable message.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Session } from '../session.js';
import { CONSOLE_SAMPLE } from '../samples/index.js';
import { round, SETUP, DASD_SETUP } from '../store/crash-work.js';
import { badMessage, mutateLine, pick, randomLine, seeded } from './mutate.js';

const LINES = 100_000;
const BLOCK = 25;
/** No block of 25 lines may take longer than this: a parser that backtracks or loops shows here. */
const BLOCK_LIMIT_MS = 1_500;

function corpus(): string[] {
  const root = fileURLToPath(new URL('../runbook/', import.meta.url));
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.runbook'));
  const lines = files.flatMap((f) => readFileSync(join(root, f), 'utf8').split('\n'));
  return [...new Set([...lines, ...SETUP, ...DASD_SETUP, ...round(3, true)].map((l) => l.trim()).filter((l) => l && !l.startsWith('#')))];
}

describe('runbook parser and validator under hostile lines', () => {
  it(`${LINES.toLocaleString('en')} random and mutated lines: no throw, no hang, every error at a line:col inside the text`, () => {
    const rng = seeded(0x5eed);
    const valid = corpus();
    const words = [...new Set(valid.flatMap((l) => l.split(/[\s,]+/)))];
    const session = new Session(null, 1);
    const sample = session.validate(`SAMPLE ${CONSOLE_SAMPLE}`);
    for (const command of sample.commands) session.run(command);
    const stats = { lines: 0, random: 0, mutated: 0, rejected: 0, accepted: 0, slowestMs: 0 };
    const problems: string[] = [];
    for (let b = 0; stats.lines < LINES; b++) {
      const lines: string[] = [];
      for (let i = 0; i < BLOCK; i++) {
        if (rng(4) === 0) {
          lines.push(randomLine(rng));
          stats.random++;
        } else {
          lines.push(mutateLine(rng, pick(rng, valid), words));
          stats.mutated++;
        }
      }
      // Lines carrying their own breaks (\r, U+2028 …) are still one line each to us: split as the lexer does.
      const text = lines.join(rng(8) === 0 ? '\r\n' : '\n');
      const started = performance.now();
      let validated;
      try {
        validated = session.validate(text);
      } catch (error) {
        problems.push(`block ${b}: threw ${error instanceof Error ? error.stack?.split('\n').slice(0, 3).join(' | ') : String(error)}\n${text.slice(0, 500)}`);
        continue;
      }
      const ms = performance.now() - started;
      stats.slowestMs = Math.max(stats.slowestMs, ms);
      if (ms > BLOCK_LIMIT_MS) problems.push(`block ${b}: ${ms.toFixed(0)} ms`);
      const physical = text.split('\n');
      for (const e of validated.errors) {
        const line = physical[e.line - 1];
        if (!Number.isInteger(e.line) || line === undefined) problems.push(`block ${b}: line ${e.line} is not in the text (${physical.length} lines): ${e.message}`);
        else if (!Number.isInteger(e.col) || e.col < 1 || e.col > line.length + 1) problems.push(`block ${b}: col ${e.col} outside line ${e.line} (${line.length} chars): ${e.message}`);
        const bad = badMessage(e.message, line ?? '');
        if (bad) problems.push(`block ${b} line ${e.line}: ${bad}`);
      }
      const rejectedLines = new Set(validated.errors.map((e) => e.line)).size;
      stats.rejected += rejectedLines;
      stats.accepted += validated.commands.length;
      stats.lines += BLOCK;
      if (problems.length > 20) break;
    }
    expect(problems).toEqual([]);
    expect(stats.lines).toBeGreaterThanOrEqual(LINES);
    // Most hostile lines are refused, some mutations stay valid: both paths ran.
    expect(stats.rejected).toBeGreaterThan(LINES / 2);
    expect(stats.accepted).toBeGreaterThan(1000);
    console.info(
      `runbook fuzz: ${stats.lines} lines (${stats.random} random, ${stats.mutated} mutated), ${stats.rejected} rejected with line:col, ${stats.accepted} accepted, slowest block ${stats.slowestMs.toFixed(1)} ms`,
    );
  }, 120_000);
});
