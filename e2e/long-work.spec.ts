// Long work inside one command (issue 14 item 6): a PRELOAD of 1,000,000 volumes shows a determinate
// header progress bar — its percentage, volumes done of the range and an estimate — and Cancel undoes
// it: the grid and the journal are as they were before it. The Runbooks view's Run to end asks the same
// question as the Console before a line that throws data away.

import { confirmIfAsked, expect, goTo, openConsole, test } from './fixtures';

const BIG = 'PRELOAD 000000-999999 ON CL1 MC MCPROD SIZE 800MB';

test.describe('paced long work', () => {
  // --pace: the host waits 300 ms at each of the PRELOAD's slice boundaries, so the bar is there to read and
  // cancel however fast this machine does the work itself.
  test.use({ hostArgs: ['--memory', '--pace', '300'] });

  test('a 1,000,000-volume PRELOAD shows its percentage and an estimate; Cancel leaves the grid as it was', async ({ page, host }) => {
    test.setTimeout(120_000);
    await openConsole(page, host.url);
    await goTo(page, 'Volumes');
    const total = page.getByTestId('volume-total');
    await expect(total).toContainText('31,000');
    const totalBefore = await total.textContent();
    const journal = page.locator('.statusbar');
    await expect(journal).toContainText(/journal \d+/);
    const journalBefore = /journal \d+/.exec((await journal.textContent()) ?? '')?.[0];

    await goTo(page, 'Console');
    const input = page.getByRole('textbox', { name: 'Command' });
    await input.fill(BIG);
    await input.press('Enter');
    const progress = page.getByRole('status', { name: 'Progress' });
    const bar = progress.getByRole('progressbar', { name: BIG });
    // A million 800 MB volumes push others out of CL1's cache: the Console asks first.
    await confirmIfAsked(page, bar);
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute('max', '1000000');
    await expect(progress.getByTestId('progress-count')).toContainText(/[\d,]+ of 1,000,000 · about .* left/);
    await expect(progress).toContainText(/\d+%/);
    // (The bar passes axe in runbook-files.spec.ts; here Cancel must come while the PRELOAD still works.)
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(bar).toBeHidden();
    await expect(page.getByTestId('last-issued')).toContainText('Cancelled: the grid and the journal are as they were before it.');

    await goTo(page, 'Volumes');
    await expect(total).toHaveText(totalBefore ?? '');
    await expect(journal).toContainText(journalBefore ?? 'journal');
  });
});

test('Run to end asks before a line that throws data away, as the Console does; No runs nothing', async ({ page, host }) => {
  await openConsole(page, host.url);
  await goTo(page, 'Runbooks');
  await page.getByRole('textbox', { name: 'Runbook' }).fill('SHOW GRID\nSAMPLE two-cluster-dr');
  await expect(page.getByTestId('validation-status')).toHaveText('Valid: 2 commands');
  await page.getByRole('button', { name: 'Run to end' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Load the sample grid two-cluster-dr?' });
  await expect(dialog).toContainText('replace the whole grid GRID01');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('last-issued')).toContainText('Cancelled: nothing was run.');
  await expect(page.getByRole('log', { name: 'Run results' }).locator('.record')).toHaveCount(0);
  await page.getByRole('button', { name: 'Run to end' }).click();
  await dialog.getByRole('button', { name: 'Load sample' }).click();
  await expect(page.getByRole('log', { name: 'Run results' }).locator('.record')).toHaveCount(2);
});
