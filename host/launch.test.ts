// Starting web mode from the command line: the one stdout line names the tokened loopback URL; a
// taken default port falls back to a free one, an explicit --port does not; a missing renderer
// build with nothing to build it from is a clear error, not a blank page.

import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebServer } from './web-server.js';
import { parseWebArgs, runWebMode } from './launch.js';

function logger() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, log: { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l) } };
}

function builtRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'tz-root-'));
  mkdirSync(join(root, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(root, 'dist', 'renderer', 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  return root;
}

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

async function occupy(): Promise<number> {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
  return (blocker.address() as { port: number }).port;
}

describe('web mode launch', () => {
  it('prints exactly `TimeZero console: http://127.0.0.1:<n>/?token=<token>`', async () => {
    const { out, log } = logger();
    const server = (await runWebMode({ root: builtRoot(), port: 0, fallback: false, log, signals: false, db: null })) as WebServer;
    cleanup.push(() => server.close());
    expect(out).toEqual([`TimeZero console: http://127.0.0.1:${server.port}/?token=${server.token}`]);
    expect(out[0]).toMatch(/^TimeZero console: http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  it('falls back to a free port when the default one is taken', async () => {
    const taken = await occupy();
    const { err, log } = logger();
    const server = (await runWebMode({ root: builtRoot(), port: taken, fallback: true, log, signals: false, db: null })) as WebServer;
    cleanup.push(() => server.close());
    expect(server.port).not.toBe(taken);
    expect(err.join('\n')).toContain(`port ${taken} is taken`);
  });

  it('fails on a taken explicit --port', async () => {
    const taken = await occupy();
    const { err, log } = logger();
    expect(await runWebMode({ root: builtRoot(), ...(parseWebArgs(['--port', String(taken)]) as { port: number; fallback: boolean }), log, signals: false, db: null })).toBeNull();
    expect(err.join('\n')).toContain('EADDRINUSE');
  });

  it('says clearly when the renderer is not built and cannot be', async () => {
    const { err, log } = logger();
    expect(await runWebMode({ root: mkdtempSync(join(tmpdir(), 'tz-empty-')), port: 0, fallback: false, log, signals: false, db: null })).toBeNull();
    expect(err.join('\n')).toMatch(/renderer is not built.*no vite\.config\.ts/);
  });

  it('reads --port, TZ_PORT and refuses unknown options', () => {
    expect(parseWebArgs(['--port', '0'], {})).toEqual({ port: 0, fallback: false, build: false });
    expect(parseWebArgs([], { TZ_PORT: '6001' })).toEqual({ port: 6001, fallback: true, build: false });
    expect(parseWebArgs([], {})).toEqual({ port: 5170, fallback: true, build: false });
    expect(parseWebArgs(['--port', 'x'], {})).toHaveProperty('error');
    expect(parseWebArgs(['--host', '0.0.0.0'], {})).toHaveProperty('error');
    expect(parseWebArgs(['--pace', '250'], {})).toEqual({ port: 5170, fallback: true, build: false, pace: 250 });
    expect(parseWebArgs(['--pace', 'slow'], {})).toHaveProperty('error');
  });
});
