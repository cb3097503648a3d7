// Builds the renderer once for the whole run (vite build → dist/renderer), so every test's web
// server serves the code under test. TZ_E2E_SKIP_BUILD=1 reuses an existing build.

import { build } from 'vite';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

export default async function globalSetup(): Promise<void> {
  if (process.env.TZ_E2E_SKIP_BUILD === '1' && existsSync(join(root, 'dist/renderer/index.html'))) return;
  await build({ configFile: join(root, 'vite.config.ts'), root: join(root, 'renderer'), logLevel: 'warn' });
}
