// Launching from a checkout: the Electron binary is found only when the electron package exports a
// path that exists; the bundles build, and the sandboxed preload requires nothing but 'electron'.

import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildElectron, electronBinary } from './launch.js';

function projectWithElectron(exported: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'tz-electron-'));
  if (exported !== null) {
    mkdirSync(join(dir, 'node_modules', 'electron'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'electron', 'package.json'), JSON.stringify({ name: 'electron', main: 'index.js' }));
    writeFileSync(join(dir, 'node_modules', 'electron', 'index.js'), `module.exports = ${JSON.stringify(exported)};`);
  }
  return pathToFileURL(join(dir, 'start.mjs')).href;
}

describe('electron launch', () => {
  it('finds the binary only when the package exports an existing path', () => {
    const binary = join(mkdtempSync(join(tmpdir(), 'tz-bin-')), 'electron');
    writeFileSync(binary, '');
    expect(electronBinary(projectWithElectron(binary))).toBe(binary);
    expect(electronBinary(projectWithElectron('/nonexistent/electron'))).toBeNull();
    expect(electronBinary(projectWithElectron(null))).toBeNull();
  });

  it('bundles main (ESM) and a CommonJS preload that requires only electron', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tz-dist-electron-'));
    const { main, preload } = await buildElectron(join(import.meta.dirname, '..'), out);
    const preloadText = readFileSync(preload, 'utf8');
    expect([...preloadText.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preloadText).not.toContain('zod');
    expect(readFileSync(main, 'utf8')).toContain('createConsoleService');
  });
});
