// The built renderer (dist/renderer, from `vite build` with the renderer's vite.config.ts): found,
// or built when missing, for both web mode and the desktop shell.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Log {
  out(line: string): void;
  err(line: string): void;
}

export const consoleLog: Log = { out: (line) => process.stdout.write(line + '\n'), err: (line) => process.stderr.write(line + '\n') };

export const RENDERER_DIST = join('dist', 'renderer');

/** dist/renderer/index.html, building it with `vite build` when it is missing (or when asked). */
export function ensureRendererBuilt(root: string, log: Log, force = false): string | null {
  const dist = join(root, RENDERER_DIST);
  const index = join(dist, 'index.html');
  if (existsSync(index) && !force) {
    if (rendererIsStale(root, index)) log.err('TimeZero: renderer sources are newer than dist/renderer; run `npm run build` (or pass --build) to see the changes');
    return dist;
  }
  const config = ['vite.config.ts', 'vite.config.mts', 'vite.config.js'].find((f) => existsSync(join(root, f)));
  if (!config) {
    log.err(`TimeZero: the renderer is not built (${RENDERER_DIST}/index.html is missing) and there is no vite.config.ts to build it with.`);
    return null;
  }
  const vite = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vite.cmd' : 'vite');
  if (!existsSync(vite)) {
    log.err('TimeZero: the renderer is not built and vite is not installed: run `npm install`, then `npm run build`.');
    return null;
  }
  log.err(`TimeZero: building the renderer (vite build → ${RENDERER_DIST}) …`);
  // stdout stays clean for the one line that names the address; vite's output goes to stderr.
  const built = spawnSync(vite, ['build'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (built.status !== 0) {
    log.err(`TimeZero: \`vite build\` failed (exit ${built.status ?? built.signal}); fix the renderer build and try again.`);
    return null;
  }
  if (!existsSync(index)) {
    log.err(`TimeZero: \`vite build\` did not write ${RENDERER_DIST}/index.html: vite.config.ts must set build.outDir to '${RENDERER_DIST}'.`);
    return null;
  }
  return dist;
}

function rendererIsStale(root: string, index: string): boolean {
  try {
    const built = statSync(index).mtimeMs;
    return newest(join(root, 'renderer')) > built || newest(join(root, 'contract')) > built;
  } catch {
    return false;
  }
}

function newest(dir: string): number {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.endsWith('.test.ts') || entry.name.endsWith('.test.tsx')) continue;
    latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}
