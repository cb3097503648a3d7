// Web mode: a runbook opened from a file lands in the editor with its name, Save downloads exactly
// the editor's text under that name (issue 14 item 8), and a long run shows the header progress bar
// — determinate, with an estimate — whose Cancel stops it between whole commands (issue 14 item 6).

import { readFileSync, writeFileSync } from 'node:fs';
import { expect, goTo, openConsole, seriousViolations, test } from './fixtures';
test.describe.configure({ timeout: 120_000 });

test('Open runbook reads a file into the editor; Save downloads the edited text under its name', async ({ page, host }, testInfo) => {
  await openConsole(page, host.url);
  await goTo(page, 'Runbooks');
  const path = testInfo.outputPath('failover-check.runbook');
  writeFileSync(path, 'SHOW GRID\nEXPECT result.states = []\n');
  await page.locator('label.file-button input[type=file]').setInputFiles(path);
  const editor = page.getByRole('textbox', { name: 'Runbook' });
  await expect(editor).toHaveValue('SHOW GRID\nEXPECT result.states = []\n');
  await expect(page.getByRole('textbox', { name: 'File name' })).toHaveValue(/failover-check/);
  await expect(page.getByTestId('validation-status')).not.toHaveText(/error/);

  await editor.fill('SHOW GRID\nEXPECT result.states = []\nSHOW QUEUE CL2\n');
  await page.getByRole('textbox', { name: 'File name' }).fill('edited');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('edited.runbook');
  expect(readFileSync((await file.path())!, 'utf8')).toBe('SHOW GRID\nEXPECT result.states = []\nSHOW QUEUE CL2\n');
});

test('a long run shows a determinate header progress bar with an estimate, and Cancel stops it between commands', async ({ page, host }) => {
  await openConsole(page, host.url);
  await goTo(page, 'Runbooks');
  // 300 PRELOADs of 10,000 volumes each (EA0000-EA9999, EB0000-…): long enough to watch, each one whole.
  const L = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const lines = Array.from({ length: 300 }, (_, i) => {
    const prefix = `${'EFGHIJKLMNOP'[Math.floor(i / 26)]}${L[i % 26]}`;
    return `PRELOAD ${prefix}0000-${prefix}9999 ON CL0 MC MCPROD SIZE 1GB`;
  });
  await page.getByRole('textbox', { name: 'Runbook' }).fill(lines.join('\n'));
  await expect(page.getByTestId('validation-status')).not.toHaveText(/error/);
  await page.getByRole('button', { name: 'Run to end' }).click();

  const progress = page.getByRole('status', { name: 'Progress' });
  const bar = progress.getByRole('progressbar', { name: 'runbook' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('max', '300');
  await expect(progress).toContainText(/\d+%/);
  await expect(progress).toContainText(/about .* left/);
  expect(await seriousViolations(page)).toEqual([]);
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(bar).toBeHidden();
  await expect(page.getByText(/Cancelled after \d+ whole commands?; the rest did not run\./)).toBeVisible();
  const results = await page.getByRole('log', { name: 'Run results' }).locator('.record').count();
  expect(results).toBeLessThan(300);
});
