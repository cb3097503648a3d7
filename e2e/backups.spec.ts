// Data safety through the UI (issue 8 part 4): with the grid kept in SQLite, an ERASE is backed up
// first; the header's Backups dialog lists the backup and restores it, bringing back the grid as it
// was before — here a cluster failed after the backup is online again. The dialog passes axe.

import { expect, openConsole, runInConsole, seriousViolations, test } from './fixtures';

test.use({ hostArgs: [] }); // persistent: console.db in the host's temporary data folder

test('an ERASE is backed up, and the Backups dialog restores the grid from before it', async ({ page, host }, testInfo) => {
  await openConsole(page, host.url);
  const button = page.getByRole('button', { name: 'Backups', exact: true });
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('No backup yet.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await runInConsole(page, 'STANDALONE DRLIB MODEL TAPE DRIVES 4');
  await runInConsole(page, 'ERASE DRLIB');
  await runInConsole(page, 'FAIL CLUSTER CL0');

  await button.click();
  await expect(dialog).toBeVisible();
  const row = dialog.getByRole('row').filter({ hasText: 'ERASE' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('STANDALONE DRLIB MODEL TAPE DRIVES 4');
  // Taken at: ISO UTC like every other time in the console (issue 14), not the browser's local form.
  await expect(row.locator('time')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/);
  await expect(dialog.getByRole('columnheader', { name: 'Taken (UTC)' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('backups-dialog.png') });
  await row.getByRole('button', { name: /^Restore the backup taken .* before ERASE$/ }).click();
  const confirm = dialog.getByRole('alertdialog');
  await expect(confirm).toContainText('The current grid is backed up first.');
  await confirm.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(dialog.getByRole('status')).toContainText('Restored the grid');
  await expect(dialog.getByRole('row').filter({ hasText: 'a restore' })).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The failure came after the backup: restored, CL0 is online again.
  await runInConsole(page, 'SHOW CLUSTER CL0');
  const log = page.getByRole('log', { name: 'Console output' });
  await expect(
    log
      .locator('.record')
      .filter({ has: page.locator('.record-command', { hasText: 'SHOW CLUSTER CL0' }) })
      .last(),
  ).toContainText('"status":"online"');
});
