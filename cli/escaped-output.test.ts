// Issue 11 item 8: what a runbook puts in a line reaches the operator's terminal (timezero run,
// human and --json transcripts) and the console's error replies only escaped, and a long token cut.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from './timezero.js';
import { createConsoleService } from '../services/console-service.js';

/** any C0 control but tab, DEL, C1 controls: what a terminal would act on */
// eslint-disable-next-line no-control-regex -- finding raw control characters is what this test is for
const RAW_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;
const OSC = '\u001b]0;owned\u0007';
const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

function run(text: string, ...flags: string[]): { code: number; out: string[]; err: string[]; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tz-escape-'));
  dirs.push(dir);
  const file = join(dir, 'hostile.runbook');
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

describe('control characters and long tokens in CLI output (issue 11 item 8)', () => {
  const grid = 'GRID G\nSITE A\n';

  it('a CODE level carrying an OSC sequence runs, and the transcript shows it escaped (human and JSON)', () => {
    const text = `${grid}CLUSTER CL0 SITE A MODEL DISK CODE 8.5${OSC}\u009b2J\nSHOW GRID`;
    for (const flags of [[], ['--json']]) {
      const r = run(text, ...flags);
      for (const line of [...r.out, ...r.err]) expect(line, JSON.stringify(line)).not.toMatch(RAW_CONTROL);
      expect(r.code).toBe(0);
      expect(r.out.join('\n')).toContain(flags.length ? 'CODE 8.5\\\\x1b]0;owned\\\\x07\\\\x9b2J' : 'CODE 8.5\\x1b]0;owned\\x07\\x9b2J');
    }
  });

  it('validation errors of a hostile line are escaped, at file:line:col; exit 2', () => {
    const r = run(`${grid}FAIL CLUSTER X${OSC}\nSHOW VOLUME \u001b[2J`);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(2);
    expect(r.err[0]).toBe(`${r.file}:3:14: unknown cluster 'X\\x1b]0;OWNED\\x07': no cluster is defined yet`);
    for (const line of r.err) expect(line).not.toMatch(RAW_CONTROL);
  });

  it('a 10 MB token is echoed as its first 64 characters and its size, not whole', () => {
    const token = 'Q'.repeat(10 * 2 ** 20);
    const r = run(`${grid}FAIL CLUSTER ${token}`);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]!.length).toBeLessThan(300);
    expect(r.err[0]).toContain(`'${'Q'.repeat(63)}… (${10 * 2 ** 20 + 3} bytes)`);
  });

  it('a runtime refusal echoing a long file name cuts it (LOAD EXPORTSET of a missing file)', () => {
    const name = `${'n'.repeat(5000)}.tzset`;
    const r = run(`STANDALONE DRLIB MODEL TAPE DRIVES 4 FORMATS E08\nLOAD EXPORTSET ${name} INTO DRLIB`);
    const refused = r.out.find((l) => l.includes('FAILED NO_FILE'))!;
    expect(refused.length).toBeLessThan(400);
    expect(refused).toMatch(/n{20,}… \(\d+ bytes\)/);
  });
});

describe('control characters in the console service error replies (issue 11 item 8)', () => {
  it('an unknown channel and an invalid command echo their input escaped', async () => {
    const service = createConsoleService();
    const unknown = await service.handle(`grid.show${OSC}`, {});
    expect(unknown).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: "unknown channel 'grid.show\\x1b]0;owned\\x07'" } });
    const advance = await service.handle('time.advance', { duration: `5m${OSC}` });
    expect(advance.ok).toBe(false);
    if (!advance.ok) expect(advance.error.message).not.toMatch(RAW_CONTROL);
    const line = await service.handle('console.execute', { line: `FAIL CLUSTER Y${OSC}` });
    expect(line).toMatchObject({ ok: true, result: { errors: [{ line: 1, col: 14, message: "unknown cluster 'Y\\x1b]0;OWNED\\x07' (clusters: CL0, CL1, CL2)" }] } });
    service.close();
  });
});
