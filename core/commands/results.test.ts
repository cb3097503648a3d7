// Issue 15 item 2: every command declares its result's shape. Every committed runbook runs here and
// each result a command gave parses with its command's schema (as the transcript shows it: JSON).

import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Session } from '../session.js';
import { COMMANDS } from './index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function runbooks(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name.startsWith('.')) return [];
    const path = join(dir, e.name);
    if (e.isDirectory()) return runbooks(path);
    return e.name.endsWith('.runbook') ? [path] : [];
  });
}

describe('every result parses with its command’s schema', () => {
  const files = runbooks(join(ROOT, 'core')).sort();
  const work = mkdtempSync(join(tmpdir(), 'tz-results-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('finds the committed runbooks', () => {
    expect(files.length).toBeGreaterThanOrEqual(35);
  });

  for (const file of files) {
    it(relative(ROOT, file), () => {
      // a scratch copy: some runbooks write files beside themselves (SAVE EXPORTSET)
      const dir = mkdtempSync(join(work, 'run-'));
      cpSync(dirname(file), dir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
      const session = new Session({ readText: (p) => readFileSync(join(dir, p), 'utf8'), writeText: (p, t) => writeFileSync(join(dir, p), t) }, 1);
      const validated = session.validate(readFileSync(file, 'utf8'));
      expect(validated.errors).toEqual([]);
      const drift: string[] = [];
      let checked = 0;
      for (const command of validated.commands) {
        const record = session.run(command);
        if (!record.ok) continue;
        const parsed = COMMANDS[command.name].result.safeParse(JSON.parse(JSON.stringify(record.result ?? null)));
        checked++;
        if (!parsed.success) drift.push(`line ${command.line} ${command.name}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      }
      expect(drift).toEqual([]);
      expect(checked).toBeGreaterThan(0);
    });
  }
});
