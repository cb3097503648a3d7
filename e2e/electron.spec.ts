// The desktop app through Playwright's Electron support: the same console over the preload's named
// API instead of the WebSocket. Runs only where an Electron binary is installed (an optional
// dependency) and the desktop build exists; skipped cleanly otherwise.

import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, goTo, root, test, VIEW_LINKS } from './fixtures';

const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  try {
    require.resolve('electron');
    const binary = require('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const main = join(root, (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string }).main);

test.skip(binary === null, 'no Electron binary installed (optional dependency)');
test.skip(binary !== null && !existsSync(main), `desktop build missing: ${main}`);

let app: ElectronApplication | null = null;
let userData: string | null = null;

test.afterEach(async () => {
  await app?.close();
  app = null;
  if (userData) rmSync(userData, { recursive: true, force: true });
});

test('the desktop app opens the console, every view is reachable, a console line runs', async () => {
  userData = mkdtempSync(join(tmpdir(), 'timezero-e2e-'));
  app = await electron.launch({
    executablePath: binary!,
    args: [main, `--user-data-dir=${userData}`, '--no-sandbox', '--disable-gpu'],
    cwd: root,
    env: { ...process.env, TZ_E2E: '1' },
  });
  const page = await app.firstWindow();
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('link')).toHaveText([...VIEW_LINKS]);
  await expect(page.getByTestId('grid-name')).not.toHaveText('no grid loaded');
  for (const view of VIEW_LINKS) await goTo(page, view);

  const input = page.getByRole('textbox', { name: 'Command' });
  await input.fill('SHOW GRID');
  await input.press('Enter');
  await expect(page.getByRole('log', { name: 'Console output' }).locator('.record-command', { hasText: 'SHOW GRID' })).toBeVisible();
});
