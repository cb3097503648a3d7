// Packaging (issue 3): electron-builder.yml builds Linux AppImage and deb, Windows NSIS and macOS dmg,
// and ships what the app needs at run time — the built renderer, the Electron bundles and the native
// SQLite module unpacked from the asar (a .node file cannot be loaded from inside it).

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const yml = readFileSync(join(import.meta.dirname, '..', 'electron-builder.yml'), 'utf8');

/** The `- item` lines under `<section>:` → `target:` (the file keeps one target list per platform). */
function targets(section: string): string[] {
  const block = new RegExp(`^${section}:\\n  target:\\n((?:    - .+\\n)+)`, 'm').exec(yml);
  return block
    ? block[1]!
        .trim()
        .split('\n')
        .map((l) => l.replace(/^\s*- /, '').trim())
    : [];
}

describe('electron-builder configuration', () => {
  it('targets AppImage and deb on Linux, NSIS on Windows, dmg on macOS', () => {
    expect(targets('linux')).toEqual(['AppImage', 'deb']);
    expect(targets('win')).toEqual(['nsis']);
    expect(targets('mac')).toEqual(['dmg']);
  });

  it('packages the renderer, the Electron bundles and better-sqlite3 unpacked', () => {
    expect(yml).toMatch(/^ {2}- dist\/renderer\/\*\*$/m);
    expect(yml).toMatch(/^ {2}- dist-electron\/\*\*$/m);
    expect(yml).toMatch(/^asarUnpack:\n {2}- node_modules\/better-sqlite3\/\*\*$/m);
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist-electron/main.js');
  });
});
