// `npm start` (scripts/start.mjs) says which mode it chose: with no Electron binary installed (the
// electron package is optional) it announces web mode, then prints the tokened console URL.

import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { electronBinary } from '../electron/launch.js';

const root = join(import.meta.dirname, '..');
const start = join(root, 'scripts', 'start.mjs');
const hasElectron = electronBinary(pathToFileURL(start).href) !== null;
// Without a built renderer start.mjs builds it first; the URL line is then checked only when built.
const built = existsSync(join(root, 'dist', 'renderer', 'index.html'));

describe('npm start', () => {
  it.skipIf(hasElectron)(
    'says it starts web mode when no Electron binary is present, then prints the console URL',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'tz-start-'));
      const env = { ...process.env, TZ_PORT: '0', TZ_DATA_DIR: dataDir };
      const child = spawn(process.execPath, [start], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no start lines within 20 s:\n${out}`)), 20_000);
          const done = () => {
            clearTimeout(timer);
            resolve();
          };
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            if (built ? /TimeZero console: /.test(out) : out.includes('\n')) done();
          });
          child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
          child.once('exit', (code) => reject(new Error(`start.mjs exited (${code}):\n${out}`)));
        });
      } finally {
        child.kill('SIGTERM');
        await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
        rmSync(dataDir, { recursive: true, force: true });
      }
      const lines = out.split('\n').filter((l) => !l.startsWith('TimeZero: grid database'));
      expect(lines[0]).toBe('No Electron binary found: starting web mode');
      if (built) expect(out).toMatch(/^TimeZero console: http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+$/m);
    },
    30_000,
  );
});
