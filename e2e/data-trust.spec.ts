// Trust the data through the UI (issue 11): a restore works on a database holding a large grid and its
// checkpoints (it failed with FOREIGN KEY constraint failed before), and a console started after the
// previous one was killed says so on open — in a notice and in the Console pane — with what the
// journal kept.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, goTo, openConsole, runInConsole, seriousViolations, startConsoleServer, test } from './fixtures';

test.describe('restore', () => {
  test.use({ hostArgs: [] }); // persistent: console.db in the host's temporary data folder

  test('after a 300,000-volume PRELOAD with checkpoints and an ERASE, the Backups dialog restores the grid', async ({ page, host }) => {
    test.setTimeout(240_000);
    await openConsole(page, host.url);
    await runInConsole(page, 'PRELOAD P00000-P99999 ON CL0 MC MCPROD SIZE 100MB');
    await runInConsole(page, 'PRELOAD Q00000-Q99999 ON CL1 MC MCPROD SIZE 100MB');
    await runInConsole(page, 'PRELOAD R00000-R99999 ON CL0 MC MCPROD SIZE 100MB');
    await runInConsole(page, 'ADVANCE 2d'); // a simulated day: a checkpoint of the whole grid
    await runInConsole(page, 'STANDALONE DRLIB MODEL TAPE DRIVES 4');
    await runInConsole(page, 'ERASE DRLIB');
    await runInConsole(page, 'FAIL CLUSTER CL0');
    await runInConsole(page, 'ADVANCE 2d'); // another checkpoint after the backup

    const dialogButton = page.getByRole('button', { name: 'Backups', exact: true });
    await dialogButton.click();
    const dialog = page.getByRole('dialog', { name: 'Backups' });
    const row = dialog.getByRole('row').filter({ hasText: 'ERASE' });
    await expect(row).toHaveCount(1);
    await row.getByRole('button', { name: /^Restore the backup taken .* before ERASE$/ }).click();
    await dialog.getByRole('alertdialog').getByRole('button', { name: 'Restore this backup' }).click();
    await expect(dialog.getByRole('status')).toContainText('Restored the grid', { timeout: 60_000 });
    await page.keyboard.press('Escape');

    await runInConsole(page, 'SHOW CLUSTER CL0');
    const log = page.getByRole('log', { name: 'Console output' });
    await expect(
      log
        .locator('.record')
        .filter({ has: page.locator('.record-command', { hasText: 'SHOW CLUSTER CL0' }) })
        .last(),
    ).toContainText('"status":"online"');
    await runInConsole(page, 'SHOW GRID');
    await expect(
      log
        .locator('.record')
        .filter({ has: page.locator('.record-command', { hasText: 'SHOW GRID' }) })
        .last(),
    ).toContainText('"owned":215000'); // the sample's 15,000 on CL0 and the 200,000 preloaded there
  });
});

test('a console started after the previous one was killed says so, in a notice and in the Console pane', async ({ page }) => {
  test.setTimeout(90_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'timezero-e2e-killed-'));
  try {
    const first = await startConsoleServer([], { dataDir });
    await openConsole(page, first.url);
    await runInConsole(page, 'FAIL CLUSTER CL1');
    await first.kill();

    const second = await startConsoleServer([], { dataDir });
    try {
      await openConsole(page, second.url);
      const notice = page.getByRole('status', { name: 'Previous run' });
      await expect(notice).toContainText('ended abnormally');
      await expect(notice).toContainText('timezero console');
      await expect(notice).toContainText(/The journal kept \d+ command\(s\)/);
      await expect(notice).toContainText('FAIL CLUSTER CL1');
      expect(await seriousViolations(page)).toEqual([]);
      await goTo(page, 'Console');
      await expect(page.getByRole('log', { name: 'Console output' })).toContainText('The previous run (timezero console');
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await expect(notice).toBeHidden();
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
