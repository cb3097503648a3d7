// Issue 11 item 7: runbooks, grid files and export sets are read with a byte cap that holds while
// reading, so /dev/zero, a FIFO fed by a writer that never stops, and standard input are refused
// quickly with a clear message and without growing memory (before: 14 GB RSS in 120 s).

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileTooLarge, readRegularFileBounded, readTextBoundedSync } from './bounded-read.js';
import { main } from '../cli/timezero.js';

const ROOT = resolve(import.meta.dirname, '..');
const dirs: string[] = [];
const writers: ChildProcess[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tz-bounded-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const w of writers.splice(0)) if (w.exitCode === null) w.kill('SIGKILL');
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** A FIFO with a writer process that writes as fast as the reader takes, forever. */
function endlessFifo(dir: string): string {
  const fifo = join(dir, 'endless.runbook');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  const writer = spawn(
    process.execPath,
    [
      '-e',
      `const fs=require('fs');const w=fs.createWriteStream(${JSON.stringify(fifo)});const b=Buffer.alloc(65536,'SHOW GRID\\n');w.on('error',()=>process.exit(0));(function go(){while(w.write(b));w.once('drain',go)})()`,
    ],
    { stdio: 'ignore' },
  );
  writers.push(writer);
  return fifo;
}

/** `timezero run <args>` in its own process: exit status, stderr and the process's peak RSS. */
function runCli(args: string[], stdin?: 'zero'): { status: number | null; stderr: string; maxRssMB: number; seconds: number } {
  const script = `import('./cli/timezero.ts').then((m) => { const c = m.main(${JSON.stringify(['run', ...args])}, () => {}, (l) => console.error(l)); console.error('maxrss ' + process.resourceUsage().maxRSS); process.exitCode = c; })`;
  const started = Date.now();
  const shell = stdin === 'zero' ? (['sh', ['-c', `exec "$0" --import tsx -e "$1" < /dev/zero`, process.execPath, script]] as const) : ([process.execPath, ['--import', 'tsx', '-e', script]] as const);
  const child = spawnSync(shell[0], [...shell[1]], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const seconds = (Date.now() - started) / 1000;
  const rss = /maxrss (\d+)/.exec(child.stderr)?.[1];
  return { status: child.status, stderr: child.stderr.replace(/maxrss \d+\n?/, '').trim(), maxRssMB: rss ? Number(rss) / 1024 : Infinity, seconds };
}

describe('bounded reads (issue 11 item 7)', () => {
  it('reads a file of exactly the cap; one byte more is refused', () => {
    const dir = tmp();
    const file = join(dir, 'f');
    writeFileSync(file, 'x'.repeat(1000));
    expect(readTextBoundedSync(file, 1000)).toHaveLength(1000);
    expect(() => readTextBoundedSync(file, 999)).toThrow(FileTooLarge);
    expect(() => readTextBoundedSync(file, 999)).toThrow('larger than 999 bytes: refused');
  });

  it('/dev/zero is read only to the cap and refused', () => {
    const started = performance.now();
    expect(() => readTextBoundedSync('/dev/zero', 4 * 2 ** 20)).toThrow('larger than 4 MB: refused');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('`timezero run /dev/zero`: exit 2 with one clear line, fast, memory bounded', () => {
    const r = runCli(['/dev/zero']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('/dev/zero: larger than 16 MB: refused');
    expect(r.seconds).toBeLessThan(30);
    expect(r.maxRssMB).toBeLessThan(400);
  }, 60_000);

  it('`timezero run <fifo>` with a writer that never stops: refused at the cap, memory bounded', () => {
    const fifo = endlessFifo(tmp());
    const r = runCli([fifo]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${fifo}: larger than 16 MB: refused`);
    expect(r.seconds).toBeLessThan(30);
    expect(r.maxRssMB).toBeLessThan(400);
  }, 60_000);

  it('`timezero run /dev/stdin` fed endlessly: refused at the cap, memory bounded', () => {
    const r = runCli(['/dev/stdin'], 'zero');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('/dev/stdin: larger than 16 MB: refused');
    expect(r.maxRssMB).toBeLessThan(400);
  }, 60_000);

  it('LOAD /dev/zero and LOAD of an endless FIFO: the LOAD line is refused with the grid-file cap, nothing runs', () => {
    const dir = tmp();
    const fifo = endlessFifo(dir);
    const runbook = join(dir, 'load.runbook');
    writeFileSync(runbook, `SITE A\nLOAD /dev/zero\nLOAD ${fifo}\n`);
    const out: string[] = [];
    const err: string[] = [];
    expect(
      main(
        ['run', runbook],
        (l) => out.push(l),
        (l) => err.push(l),
      ),
    ).toBe(2);
    expect(err).toEqual([`${runbook}:2:6: cannot read grid file '/dev/zero': larger than 8 MB: refused`, `${runbook}:3:6: cannot read grid file '${fifo}': larger than 8 MB: refused`]);
    expect(out).toEqual([]);
  });

  it('LOAD EXPORTSET /dev/zero is refused with the export-set cap, naming it', () => {
    const dir = tmp();
    const runbook = join(dir, 'set.runbook');
    writeFileSync(runbook, 'STANDALONE DRLIB MODEL TAPE DRIVES 4 FORMATS E08\nLOAD EXPORTSET /dev/zero INTO DRLIB\n');
    const out: string[] = [];
    expect(
      main(
        ['run', runbook, '--json'],
        (l) => out.push(l),
        () => {},
      ),
    ).toBe(0);
    const load = JSON.parse(out[1]!);
    expect(load).toMatchObject({ ok: false, error: { code: 'NO_FILE', message: 'cannot read /dev/zero: larger than 64 MB: refused' } });
  });

  it('the desktop Open dialogs refuse a device or a FIFO at once (even one without a writer) and cap a regular file', async () => {
    const dir = tmp();
    await expect(readRegularFileBounded('/dev/zero', 2 ** 20)).rejects.toThrow('not a regular file: refused');
    const fifo = join(dir, 'silent.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const started = performance.now();
    await expect(readRegularFileBounded(fifo, 2 ** 20)).rejects.toThrow('not a regular file: refused');
    expect(performance.now() - started).toBeLessThan(2000);
    const big = join(dir, 'big.json');
    writeFileSync(big, '{}');
    truncateSync(big, 8 * 2 ** 20 + 1);
    await expect(readRegularFileBounded(big, 8 * 2 ** 20)).rejects.toThrow('larger than 8 MB: refused');
    const small = join(dir, 'small.json');
    writeFileSync(small, '{"ok":true}');
    await expect(readRegularFileBounded(small, 8 * 2 ** 20)).resolves.toBe('{"ok":true}');
  });
});
