// Volumes: search by range, open a volume's detail (copies per cluster), filter by owner, and scroll
// to the end of 31,000 volumes with pages fetched as they come into view.

import { expect, goTo, openConsole, test, useConsoleServer } from './fixtures';

const host = useConsoleServer();

test('search a range, open a volume, filter by owner, scroll to the last page', async ({ page }) => {
  await openConsole(page, host.url);
  await goTo(page, 'Volumes');
  const total = page.getByTestId('volume-total');
  await expect(total).toHaveText('31,000 volumes');

  await page.getByLabel('Volser').fill('A00010-A00019');
  await expect(total).toHaveText('10 volumes');
  // One copy column per cluster (issue 16: the table at 8 clusters has 8): ✓ where a consistent copy is.
  await expect(page.getByRole('columnheader', { name: /^CL\d$/ })).toHaveText(['CL0', 'CL1', 'CL2']);
  await expect(page.getByRole('row').filter({ hasText: 'A00012' }).getByRole('cell', { name: 'consistent on CL2' })).toHaveText('✓');
  await page.getByRole('row').filter({ hasText: 'A00012' }).getByRole('button', { name: 'A00012' }).click();
  const detail = page.getByRole('complementary', { name: 'Volume A00012' });
  await expect(detail.getByRole('rowheader')).toHaveText(['CL0', 'CL1', 'CL2']);
  await expect(detail.getByRole('row', { name: /CL2/ })).toContainText('yes');
  await expect(detail).toContainText('MCPROD');
  await detail.getByRole('button', { name: 'Close' }).click();
  await expect(detail).toBeHidden();

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Owner').selectOption('CL1');
  await expect(total).toHaveText('15,000 volumes');
  await page.getByLabel('Owner').selectOption('');
  await expect(total).toHaveText('31,000 volumes');

  const rows = page.getByRole('rowgroup', { name: 'Volume rows' });
  await rows.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.getByRole('row').filter({ hasText: 'D00999' })).toBeVisible();
  await expect(page.getByRole('row', { name: /loading row/ })).toHaveCount(0);
});
