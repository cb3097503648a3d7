// Long work inside one command (issue 14 item 6): a PRELOAD of 1,000,000 volumes shows a determinate
// header progress bar — its percentage, volumes done of the range and an estimate — and Cancel undoes
// it: the grid and the journal are as they were before it. The Runbooks view's Run to end asks the same
// question as the Console before a line that throws data away.

import { COPY_EXPORT_600K } from './grids';
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

test.describe('paced long work kept in SQLite', () => {
  // A grid kept in SQLite: a day of simulated time since the last checkpoint makes ADVANCE 25h write
  // one, and --pace holds each of its parts 300 ms so the bar is there to read.
  test.use({ hostArgs: ['--pace', '300'] });

  test('a checkpoint shows MB saved of the whole with an estimate and says why it has no Cancel', async ({ page, host }, testInfo) => {
    test.setTimeout(120_000);
    await openConsole(page, host.url);
    const journal = page.locator('.statusbar');
    await expect(journal).toContainText(/journal \d+ · saved/);
    const journalBefore = Number(/journal (\d+)/.exec((await journal.textContent()) ?? '')?.[1]);
    await goTo(page, 'Console');
    const input = page.getByRole('textbox', { name: 'Command' });
    await input.fill('ADVANCE 25h');
    await input.press('Enter');
    const progress = page.getByRole('status', { name: 'Progress' });
    const bar = progress.getByRole('progressbar', { name: 'Saving a checkpoint' });
    await expect(bar).toBeVisible();
    await expect(progress.getByTestId('progress-not-cancellable')).toHaveText(/^Can't be cancelled: the grid is being saved/);
    await expect(progress.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
    await expect(progress).toContainText(/\d+%/);
    await expect(progress.getByTestId('progress-count')).toContainText(/[\d,]+ of [\d,]+ MB · about .* left/);
    for (const scheme of ['light', 'dark'] as const) {
      for (const [width, height] of [
        [1280, 800],
        [1920, 1080],
      ] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height });
        const name = `checkpoint-bar-${scheme}-${width}x${height}`;
        const path = testInfo.outputPath(`${name}.png`);
        await page.screenshot({ path, clip: { x: 0, y: 0, width, height: 140 } });
        await testInfo.attach(name, { path, contentType: 'image/png' });
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(bar).toBeHidden({ timeout: 60_000 });
    await expect(journal).toContainText(`journal ${journalBefore + 1}`);
  });
});

test.describe('paced Copy Export', () => {
  test.use({ hostArgs: ['--memory', '--pace', '300'] });

  const SETUP = COPY_EXPORT_600K.join('\n');

  test('LIBRARY EXPORT shows logical volumes scanned of the grid; Cancel leaves the grid and the journal as they were', async ({ page, host }) => {
    test.setTimeout(180_000);
    await openConsole(page, host.url);
    await goTo(page, 'Runbooks');
    await page.getByRole('textbox', { name: 'Runbook' }).fill(SETUP);
    await expect(page.getByTestId('validation-status')).toHaveText('Valid: 13 commands');
    await page.getByRole('button', { name: 'Run to end' }).click();
    await confirmIfAsked(page, page.getByRole('log', { name: 'Run results' }).locator('.record').first());
    await expect(page.getByRole('log', { name: 'Run results' }).locator('.record')).toHaveCount(13, { timeout: 120_000 });
    const journal = page.locator('.statusbar');
    const journalBefore = /journal \d+/.exec((await journal.textContent()) ?? '')?.[0];

    await goTo(page, 'Console');
    const input = page.getByRole('textbox', { name: 'Command' });
    await input.fill('LIBRARY EXPORT,EXP000');
    await input.press('Enter');
    const progress = page.getByRole('status', { name: 'Progress' });
    const bar = progress.getByRole('progressbar', { name: 'LIBRARY EXPORT,EXP000' });
    await confirmIfAsked(page, bar);
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute('max', '600010');
    await expect(progress.getByTestId('progress-count')).toContainText(/[\d,]+ of 600,010 logical volumes/);
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(bar).toBeHidden();
    await expect(page.getByTestId('last-issued')).toContainText('Cancelled: the grid and the journal are as they were before it.');
    await expect(journal).toContainText(journalBefore ?? 'journal');
  });
});
