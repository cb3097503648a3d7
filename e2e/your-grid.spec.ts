// Your Grid in web mode (issue 14 item 4): import a volume inventory from CSV — column mapping guessed
// from the header, a preview, every bad row named by row and column (nothing imported), then a good
// file imported with a progress bar and the volumes counted under their Management Class in Policies —
// and describe a grid with the guided form, have it checked (a bad field named), and open it.
// axe-clean; screenshots light and dark at two sizes.

import { expect, goTo, openConsole, test } from './fixtures';
import { shootView } from './screens';

function csv(n: number, bad = false): Buffer {
  const rows = ['Volume,Cat,Class,Size MB,Consistent on'];
  for (let i = 0; i < n; i++) rows.push(`E${String(i).padStart(5, '0')},${i % 10 === 0 ? '0002' : '000F'},MCPROD,${i % 2 ? 800 : 4096},${i % 3 ? 'CL0;CL1' : 'CL1;CL2'}`);
  if (bad) {
    rows[5] = 'E00004,000F,MCGOLD,800,CL0';
    rows[8] = 'E00007,000F,MCPROD,800,CL9';
  }
  return Buffer.from(rows.join('\n') + '\n');
}

test('import an inventory: mapping, preview, row errors, then a good file imported and counted', async ({ page, host }, testInfo) => {
  test.setTimeout(300_000);
  await openConsole(page, host.url);
  await goTo(page, 'Your Grid');
  const input = page.getByLabel('Inventory CSV file');
  await input.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: csv(20_000, true) });
  await expect(page.getByTestId('inventory-file')).toContainText('bad.csv');
  // Mapping guessed from the header names.
  await expect(page.getByLabel('VOLSER *')).toHaveValue('0');
  await expect(page.getByLabel('Consistent copies on *')).toHaveValue('4');
  await expect(page.getByRole('table', { name: 'First rows, as mapped' })).toContainText('E00000');
  await page.getByRole('button', { name: 'Check all rows' }).click();
  const check = page.getByTestId('inventory-check');
  await expect(check).toContainText('19,998 good rows');
  await expect(check).toContainText('2 with errors');
  const errors = page.getByRole('table', { name: /^Row errors/ });
  await expect(errors.getByRole('row').nth(1)).toContainText('6Classno Management Class MCGOLD');
  await expect(errors.getByRole('row').nth(2)).toContainText('9Consistent onno cluster CL9');
  await expect(page.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await shootView(page, testInfo, 'your-grid-errors');

  await input.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: csv(20_000) });
  await page.getByRole('button', { name: 'Check all rows' }).click();
  await expect(check).toContainText('20,000 good rows');
  await page.getByRole('button', { name: 'Import 20,000 volumes' }).click();
  await expect(page.getByTestId('inventory-imported')).toContainText(/Imported 20,000 volumes: issued IMPORT INVENTORY inventory-[0-9a-f]{16}\.csv/);
  await goTo(page, 'Policies');
  await expect(page.getByRole('table', { name: 'Management Classes' }).locator('tr[data-mc="MCPROD"]')).toContainText('40,000');
});

test('describe a grid with the guided form, check it, and open it in the console', async ({ page, host }, testInfo) => {
  test.setTimeout(300_000);
  await openConsole(page, host.url);
  await goTo(page, 'Your Grid');
  const form = page.getByRole('form', { name: 'Grid description' });
  await form.getByLabel('Composite library name').fill('BYOG01');
  await form.getByRole('button', { name: 'Add a cluster' }).click();
  await form.getByLabel('Cluster 3 site').selectOption('DR');
  // The new cluster gave MCPROD a third copy mode (N); a wrong count is named by the engine host.
  await form.getByLabel('Management Class 1 copy modes').fill('RD');
  await form.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('grid-check')).toHaveText('managementClasses[0].copy: names 2 cluster(s); the grid has 3');
  await form.getByLabel('Management Class 1 copy modes').fill('RDD');
  await form.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('grid-check')).toHaveText(/The grid file is good: \d+ topology lines\./);
  const download = page.waitForEvent('download');
  await form.getByRole('button', { name: 'Save grid file' }).click();
  expect((await download).suggestedFilename()).toBe('byog01.json');
  await shootView(page, testInfo, 'your-grid-builder');
  await form.getByRole('button', { name: 'Open in the console…' }).click();
  await page.getByRole('group', { name: 'Confirm opening the grid file' }).getByRole('button', { name: 'Replace the grid' }).click();
  await expect(page.getByTestId('grid-opened')).toContainText('Opened byog01.json');
  await expect(page.getByTestId('grid-name')).toHaveText('BYOG01');
});
