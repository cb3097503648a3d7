// `npm run dist` (issue 14 item 9): where the Electron runtime can be neither found in the cache nor
// downloaded, it stops at once — one line saying why, exit 1, no stack trace, nothing built.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/** The version package.json asks for (the electron package itself is optional and absent here). */
function electronVersion(): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { optionalDependencies: Record<string, string> };
  return pkg.optionalDependencies.electron!.replace(/^[^\d]*/, '');
}

describe('npm run dist without a reachable Electron download', () => {
  it('stops within seconds with one line naming the Electron version and the host it could not reach', async () => {
    // A loopback port nobody listens on: the mirror refuses the connection.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise((resolve) => server.close(resolve));
    const home = mkdtempSync(join(tmpdir(), 'tz-dist-'));
    try {
      const started = Date.now();
      // The cache folders are empty.
      const result = spawnSync(process.execPath, [join(root, 'scripts/dist.mjs')], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, HOME: home, ELECTRON_CACHE: join(home, 'cache'), ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, TZ_DIST_PROBE_MS: '3000' },
        timeout: 30_000,
      });
      expect(result.status).toBe(1);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      // The installed electron package's version, or the one package.json asks for when it is absent.
      expect(lines[0]).toMatch(
        new RegExp(
          `^npm run dist: the Electron ${electronVersion().split('.')[0]}\\.\\d+\\.\\d+ binary cannot be downloaded from 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\) and is not in the Electron cache; run where 127\\.0\\.0\\.1:${port} is reachable, or set ELECTRON_MIRROR or ELECTRON_CACHE$`,
        ),
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).toBe('');
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(existsSync(join(root, 'release'))).toBe(false);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('package.json runs it as npm run dist and lists electron-builder as a devDependency', async () => {
    const pkg = (await import('../package.json', { with: { type: 'json' } })).default as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.scripts.dist).toBe('node scripts/dist.mjs');
    expect(pkg.devDependencies['electron-builder']).toMatch(/^\^26\./);
  });
});
