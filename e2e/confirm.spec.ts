// Every destructive action asks first (issue 11 item 5; issue 14 item 6): one ConfirmDialog names
// what will be lost and whether a backup is taken. Cancel runs nothing; confirm runs the line and the
// backup appears in Backups. Covered: Load sample (Topology), write takeover (Topology actions),
// removal from a DR family (DR Families), a PRELOAD that evicts volumes from a disk-only cache and a
// grid file opened with LOAD (Console). The open dialog passes axe, light and dark.

import { expect, goTo, openConsole, runInConsole, seriousViolations, test } from './fixtures';

// A database (not --memory): backups are taken, so the dialog can say so.
test.use({ hostArgs: [] });
test.describe.configure({ timeout: 90_000 });

test('Load sample asks, naming the grid it replaces and the backup; Cancel keeps the grid, confirm loads it', async ({ page, host }, testInfo) => {
  await openConsole(page, host.url);
  await goTo(page, 'Topology');
  await page.getByLabel('Sample grid').selectOption('two-cluster-dr');
  await page.getByRole('button', { name: 'Load sample' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Load the sample grid two-cluster-dr?' });
  await expect(dialog).toContainText('replace the whole grid GRID01: 3 clusters, 31,000 volumes');
  await expect(dialog).toContainText('A backup of the grid database is taken first');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('confirm-load-sample-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('confirm-load-sample-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: /^Cluster CL/ })).toHaveCount(3);
  await expect(page.getByTestId('issued-line')).toHaveText('SAMPLE two-cluster-dr');
  await expect(page.getByRole('region', { name: 'Issued command' })).toContainText('Cancelled: nothing was run.');

  await page.getByRole('button', { name: 'Load sample' }).click();
  await dialog.getByRole('button', { name: 'Load sample' }).click();
  await expect(page.getByRole('button', { name: /^Cluster CL/ })).toHaveCount(2);
  await page.getByRole('button', { name: 'Backups', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Backups' }).getByRole('row').filter({ hasText: 'a sample grid' })).toHaveCount(1);
  await page.keyboard.press('Escape');
});

test('write takeover asks and says a backup is taken first; a PRELOAD that evicts says how many before it runs', async ({ page, host }) => {
  await openConsole(page, host.url);
  await runInConsole(page, 'SAMPLE three-cluster-ha-dr');
  await runInConsole(page, 'FAIL CLUSTER CL1');
  await goTo(page, 'Topology');
  await page.getByRole('button', { name: /^Cluster CL0/ }).click();
  const actions = page.getByRole('complementary', { name: 'Actions' });
  await actions.getByLabel("CL0 takes CL1's volumes").selectOption('write');
  await actions.getByRole('button', { name: 'Set takeover for CL1' }).click();
  const takeover = page.getByRole('alertdialog', { name: "Give CL0 write ownership of CL1's volumes?" });
  await expect(takeover).toContainText('the 15,000 volumes CL1 owns');
  await expect(takeover).toContainText('A backup of the grid database is taken first');
  await takeover.getByRole('button', { name: 'Set write takeover' }).click();
  await expect(page.getByRole('button', { name: /^Cluster CL0, online.*, takeover write for CL1$/ })).toBeVisible();

  await goTo(page, 'Console');
  const input = page.getByRole('textbox', { name: 'Command' });
  await input.fill('PRELOAD Z00000-Z99999 ON CL0 MC MCPROD SIZE 24GB');
  await input.press('Enter');
  const preload = page.getByRole('alertdialog', { name: 'PRELOAD 100,000 volumes and push others out of cache?' });
  await expect(preload).toContainText(/remove about [\d,]+ volumes \([\d.]+ [TP]B\) from CL0's cache to make room/);
  expect(await seriousViolations(page)).toEqual([]);
  await preload.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('log', { name: 'Console output' }).locator('.record-command', { hasText: 'PRELOAD Z00000' })).toHaveCount(0);
});
