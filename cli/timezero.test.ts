// Spec §2: exit codes, whole-file validation before anything runs, JSON Lines, determinism.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './timezero.js';

function run(text: string, ...flags: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'tz-cli-'));
  const file = join(dir, 'test.runbook');
  writeFileSync(file, text);
  const out: string[] = [];
  const err: string[] = [];
  const code = main(
    ['run', file, ...flags],
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err, file };
}

const RUNBOOK = `SEED 7
SAMPLE two-cluster-dr
JOB PRODHOST WRITE 3 SCRATCH ON CL0 MC MCPROD SIZE 2GB
EXPECT result.succeeded = 3
ADVANCE UNTIL IDLE
SHOW QUEUE CL1
EXPECT result.count = 0
FAIL CLUSTER CL0
EXPECT MESSAGE CBR3786E
SHOW GRID
EXPECT result.states contains "Copy Operation Disabled"
`;

describe('timezero run', () => {
  it('exit 0 when every EXPECT holds, with one JSON object per executed line', () => {
    const { code, out } = run(RUNBOOK, '--json');
    expect(code).toBe(0);
    expect(out).toHaveLength(11);
    const first = JSON.parse(out[0]!);
    expect(Object.keys(first)).toEqual(['line', 'command', 'time', 'ok', 'error', 'result', 'messages']);
    const fail = JSON.parse(out[7]!);
    expect(fail.command).toBe('FAIL CLUSTER CL0');
    expect(fail.messages.map((m: { id: string }) => m.id)).toContain('CALLHOME');
  });

  it('exit 1 when an EXPECT fails, and the run goes to the end', () => {
    const { code, out } = run('SAMPLE two-cluster-dr\nSHOW GRID\nEXPECT result.states contains "Grid Links Degraded"\nSHOW CLUSTER CL0\nEXPECT result.name = CL0');
    expect(code).toBe(1);
    expect(out.at(-1)).toBe('5 commands; 1 expectations passed, 1 failed');
  });

  it('exit 2 with file:line:col and nothing executed on a validation error', () => {
    const { code, out, err, file } = run('SAMPLE two-cluster-dr\nFAIL CLUSTER CL0\nFAIL CLUSTER CL7\nMOUNT BAD!! ON CL0 HOST PRODHOST');
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([`${file}:3:14: unknown cluster 'CL7' (clusters: CL0, CL1)`, `${file}:4:7: bad VOLSER 'BAD!!': 1-6 characters A-Z 0-9`]);
  });

  it('a domain refusal is a result with ok:false and the run goes on (spec §2)', () => {
    const { code, out } = run('SAMPLE two-cluster-dr\nMOUNT ZZZZZZ ON CL0 HOST PRODHOST\nEXPECT error.code = NO_SCRATCH\nEXPECT ok = false', '--json');
    expect(code).toBe(1);
    expect(JSON.parse(out[1]!)).toMatchObject({ ok: false, error: { code: 'NO_SUCH_VOLUME' } });
  });

  it('the same runbook and seed give a byte-identical transcript (spec §1)', () => {
    const a = run(RUNBOOK, '--json').out.join('\n');
    const b = run(RUNBOOK, '--json').out.join('\n');
    expect(a).toBe(b);
  });

  it('usage and unreadable files exit 2', () => {
    const err: string[] = [];
    expect(
      main(
        ['walk'],
        () => {},
        (l) => err.push(l),
      ),
    ).toBe(2);
    expect(
      main(
        ['run', '/nonexistent/x.runbook'],
        () => {},
        (l) => err.push(l),
      ),
    ).toBe(2);
    expect(err.at(-1)).toMatch(/cannot read: ENOENT/);
  });
});
