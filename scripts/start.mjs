#!/usr/bin/env node
// `npm start`: the desktop app when Electron is installed (the electron package is optional and its
// binary a separate download), otherwise the same console in web mode on 127.0.0.1 — port TZ_PORT or
// 5170, a free one when that is taken. Either way the renderer is built first if dist/renderer is missing.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

const root = join(import.meta.dirname, '..');

function electronBinary() {
  const require = createRequire(import.meta.url);
  try {
    require.resolve('electron');
    const path = require('electron'); // in Node: the path of the downloaded binary
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

register();
const binary = electronBinary();
if (binary) {
  console.log('Starting TimeZero desktop app (Electron)');
  const { launchElectron } = await import('../electron/launch.ts');
  process.exit(await launchElectron(root, binary));
} else {
  console.log('No Electron binary found: starting web mode');
  const { runWebMode, defaultPort } = await import('../host/launch.ts');
  const status = { exitCode: 1 };
  const server = await runWebMode({ root, port: defaultPort(), fallback: true, status });
  if (!server) process.exit(status.exitCode);
}
