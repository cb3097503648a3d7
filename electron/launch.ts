// Running the desktop app from a checkout (scripts/start.mjs): find the Electron binary (the
// electron package is optional), bundle main and preload into dist-electron/ with esbuild, and
// spawn Electron on the app folder. package.json "main" points at dist-electron/main.js.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { consoleLog, ensureRendererBuilt, type Log } from '../services/renderer-dist.js';

/** The Electron binary when the electron package is installed with its download, else null. */
export function electronBinary(resolveFrom: string = import.meta.url): string | null {
  const require = createRequire(resolveFrom);
  try {
    require.resolve('electron');
    // In Node, the electron package exports the path of the binary it downloaded (or throws).
    const path: unknown = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * dist-electron/main.js (ESM, Node, everything but electron and native modules bundled in) and
 * dist-electron/preload.cjs (CommonJS: a sandboxed preload can require only 'electron').
 */
export async function buildElectron(root: string, outDir = join(root, 'dist-electron')): Promise<{ main: string; preload: string }> {
  const esbuild = await import('esbuild');
  const main = join(outDir, 'main.js');
  const preload = join(outDir, 'preload.cjs');
  await esbuild.build({
    entryPoints: [join(root, 'electron', 'main.ts')],
    outfile: main,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['electron', 'better-sqlite3'],
    // Bundled CommonJS dependencies may call require: give the ESM bundle one.
    banner: { js: "import { createRequire as __tzCreateRequire } from 'node:module'; const require = __tzCreateRequire(import.meta.url);" },
    sourcemap: true,
    logLevel: 'warning',
  });
  await esbuild.build({
    entryPoints: [join(root, 'electron', 'preload.ts')],
    outfile: preload,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'chrome120',
    external: ['electron'],
    sourcemap: true,
    logLevel: 'warning',
  });
  return { main, preload };
}

/** Builds what is missing, then runs Electron until its window closes; resolves to its exit code. */
export async function launchElectron(root: string, binary: string, log: Log = consoleLog): Promise<number> {
  if (!ensureRendererBuilt(root, log)) return 1;
  await buildElectron(root);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make the binary a plain Node
  const child = spawn(binary, [root], { stdio: 'inherit', env });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.once('SIGINT', forward);
  process.once('SIGTERM', forward);
  return new Promise((resolve) => {
    child.on('error', (error) => {
      log.err(`TimeZero: cannot start Electron: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code) => resolve(code ?? 0));
  });
}
