#!/usr/bin/env node
// `npm run dist`: the installers named in electron-builder.yml (Linux AppImage and deb, Windows NSIS,
// macOS dmg — each on its own platform) from a fresh build. electron-builder packages the Electron
// runtime, which it downloads (from GitHub, or ELECTRON_MIRROR) unless a copy sits in its cache. Where
// it can be neither found nor downloaded the command stops at once with one line saying why, instead
// of a stack trace minutes into a build.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const PROBE_TIMEOUT_MS = Number(process.env.TZ_DIST_PROBE_MS ?? 5000);

function stop(reason) {
  process.stderr.write(`npm run dist: ${reason}\n`);
  process.exit(1);
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  } catch {
    const range = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).optionalDependencies?.electron;
    return range ? range.replace(/^[^\d]*/, '') : null;
  }
}

/** A zip of this Electron version in electron-builder's / @electron/get's cache: no download needed. */
function cachedElectron(version) {
  const dirs = [
    process.env.ELECTRON_CACHE,
    process.env.electron_config_cache,
    join(homedir(), '.cache', 'electron'),
    join(homedir(), 'Library', 'Caches', 'electron'),
    process.env.LOCALAPPDATA && join(process.env.LOCALAPPDATA, 'electron', 'Cache'),
  ].filter(Boolean);
  const walk = (dir, depth) => {
    if (!existsSync(dir) || depth > 2) return false;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name.startsWith(`electron-v${version}-`) && entry.name.endsWith('.zip')) return true;
      if (entry.isDirectory() && walk(join(dir, entry.name), depth + 1)) return true;
    }
    return false;
  };
  return dirs.some((dir) => walk(dir, 0));
}

/** Can this machine reach where the Electron runtime is downloaded from? null when yes, else why not. */
async function downloadProblem(version) {
  const mirror = process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/';
  const url = `${mirror.endsWith('/') ? mirror : `${mirror}/`}v${version}/SHASUMS256.txt`;
  const host = new URL(url).host;
  try {
    const res = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return res.ok ? null : `the Electron ${version} binary cannot be downloaded from ${host} (HTTP ${res.status})`;
  } catch (error) {
    const cause = error?.cause?.code ?? error?.cause?.message ?? error?.name ?? 'network error';
    const why = error?.name === 'TimeoutError' ? `no answer within ${PROBE_TIMEOUT_MS / 1000} s` : cause;
    return `the Electron ${version} binary cannot be downloaded from ${host} (${why}) and is not in the Electron cache; run where ${host} is reachable, or set ELECTRON_MIRROR or ELECTRON_CACHE`;
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) stop(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

// The Electron runtime first: without it nothing can be packaged, whatever else is installed.
const version = electronVersion();
if (!version) stop('no Electron version to package: package.json names none');
if (!cachedElectron(version)) {
  const problem = await downloadProblem(version);
  if (problem) stop(problem);
}
let builder;
try {
  builder = require.resolve('electron-builder/cli.js');
} catch {
  stop('electron-builder is not installed: run npm install first (it is a devDependency)');
}

// The renderer and the Electron bundles electron-builder.yml packages (dist/renderer, dist-electron).
run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build']);
run(process.execPath, ['--import', 'tsx', '-e', "const { buildElectron } = await import('./electron/launch.ts'); await buildElectron(process.cwd());"]);
run(process.execPath, [builder, '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
