// An offline Copy Export Recovery rehearsal through the UI (issue 5 items 3–4, Redbook §11.7): one
// console exports pool 8 of CL2 and saves the export set as a file (Copy Export view); a second console,
// another engine host with its own grid that shares nothing with the first, recovers it in the Recovery
// wizard step by step as §11.7.2 lists them — a stand-alone library, erased because it holds data, the
// export-set file uploaded (a corrupt copy refused first), RECOVER in DR test mode, the status window
// with its steps and progress, then the results and the post-recovery checklist.

import type { Page, TestInfo } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, goTo, openConsole, runInConsole, seriousViolations, test } from './fixtures';
import { COPY_EXPORT_CL2_POOL8 } from './grids';

const FILE = 'cl2-rehearsal.tzset';

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** On the console at `url`: the export above, then the export set saved from the Copy Export view; the file's path. */
async function saveExportSet(page: Page, url: string, testInfo: TestInfo): Promise<string> {
  await openConsole(page, url);
  for (const line of COPY_EXPORT_CL2_POOL8) await runInConsole(page, line);
  await goTo(page, 'Copy Export');
  await expect(page.locator('li.ce-run[data-list-volser="EXP000"]').getByText('CBR3855I completed successfully')).toBeVisible();
  await page.getByLabel('Export set file').fill(FILE);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save export set' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(FILE);
  const savedPath = testInfo.outputPath(FILE);
  await file.saveAs(savedPath);
  await expect(page.getByRole('status').filter({ hasText: `Saved ${FILE}.` })).toBeVisible();
  await expect(page.getByTestId('issued-line')).toHaveText(`SAVE EXPORTSET FROM CL2 ${FILE}`);
  return savedPath;
}

test('the exporting console saves the export set as a file', async ({ page, host }, testInfo) => {
  test.setTimeout(90_000);
  const savedPath = await saveExportSet(page, host.url, testInfo);
  // Redbook §11.5–11.7 / issue 5 item 3: a versioned, checksummed file.
  const text = readFileSync(savedPath, 'utf8');
  expect(text.split('\n')[0]).toBe('TIMEZERO EXPORTSET 1');
  expect(text).toMatch(/\nSHA256 [0-9a-f]{64}\n$/);
});

test('another console recovers it in the Recovery wizard, step by step (Redbook §11.7.2)', async ({ browser, page: exporting, host, secondHost: target }, testInfo) => {
  test.setTimeout(150_000);
  const savedPath = await saveExportSet(exporting, host.url, testInfo);
  // The recovering console (secondHost): another engine host with its own grid, sharing nothing with the first.
  const context = await browser.newContext();
  const page = await context.newPage();
  await openConsole(page, target.url);
  await goTo(page, 'Recovery');
  const steps = page.getByRole('navigation', { name: 'Recovery steps' });
  await expect(steps.getByRole('button', { name: /Recovery library/ })).toHaveAttribute('aria-current', 'step');

  // Step 1 (§11.7.1): a stand-alone library with drives for E07, sharing its tape library with another
  // partition that owns E00090-E00099 — VOLSERs the recovery cannot take.
  await page.getByLabel('Library name').fill('DRLIB');
  await page.getByLabel('VOLSER ranges of another partition').fill('E00090-E00099');
  await page.getByRole('button', { name: 'Define stand-alone library' }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('STANDALONE DRLIB MODEL TAPE DRIVES 4 FORMATS E07,E08 PARTITION E00090-E00099');
  await expect(steps.getByRole('button', { name: /Empty the library/ })).toHaveAttribute('aria-current', 'step');
  await shoot(page, testInfo, 'recovery-1-library');

  // It holds data from an earlier test: steps 2–4 of §11.7.2, the erase with its status window.
  await runInConsole(page, 'INSERT T00000-T00009 ON DRLIB');
  await goTo(page, 'Recovery');
  await steps.getByRole('button', { name: /Empty the library/ }).click();
  await expect(page.getByText('DRLIB contains 10 logical volume(s)')).toBeVisible();
  await page.getByLabel('Erase all existing volumes before the recovery').check();
  await page.getByRole('button', { name: 'Erase DRLIB' }).click();
  await page.getByRole('alertdialog', { name: 'Erase the stand-alone library DRLIB?' }).getByRole('button', { name: 'Erase DRLIB' }).click();
  const status = page.getByTestId('recovery-status');
  await expect(status).toContainText('Erase all existing volumes');
  await expect(status).toContainText('The existing data in the TS7700 database is being removed.');
  await status.getByRole('button', { name: 'Run to the end' }).click();
  await expect(page.getByTestId('recovery-overall')).toHaveText('Completed');
  await expect(page.getByText('DRLIB is empty: Copy Export Recovery can proceed')).toBeVisible();
  await shoot(page, testInfo, 'recovery-2-erased');

  await page.getByRole('button', { name: 'Next: Set up' }).click();
  await expect(page.getByRole('heading', { name: 'Step 3: Set up' })).toBeVisible();
  await page.getByRole('button', { name: 'Next: Load the exported volumes' }).click();

  // Step 6: a corrupt copy of the file is refused and nothing is kept; the real one is checked and loaded.
  const corrupt = testInfo.outputPath('corrupt.tzset');
  writeFileSync(corrupt, readFileSync(savedPath, 'utf8').replace('"CL2"', '"CLX"'));
  const upload = page.getByLabel('Export set file to upload');
  await upload.setInputFiles(corrupt);
  await expect(page.getByRole('alert')).toContainText('checksum mismatch: the file is corrupt; nothing was loaded');
  await expect(page.getByText('No export set yet')).toBeVisible();
  await upload.setInputFiles(savedPath);
  await expect(page.getByRole('status').filter({ hasText: 'checksum verified' })).toContainText(`${FILE}: 1 stacked volume(s) from CL2 of GRID01`);
  await page.getByRole('button', { name: `Load ${FILE} into DRLIB` }).click();
  await expect(page.getByTestId('issued-line')).toHaveText(`LOAD EXPORTSET ${FILE} INTO DRLIB`);
  const loaded = page.getByTestId('loaded-volumes');
  await expect(loaded.getByRole('row')).toHaveCount(2);
  await expect(loaded).toContainText('GRID01/CL2');
  await expect(loaded).toContainText('yes, of 2026-01-01');
  await shoot(page, testInfo, 'recovery-4-loaded');
  expect(await seriousViolations(page)).toEqual([]);

  // Steps 7–9: the latest database backup, DR test mode kept, the confirmation, then RECOVER.
  await page.getByRole('button', { name: 'Next: Recover' }).click();
  await expect(page.getByLabel(/Disaster Recovery Test Mode/)).toBeChecked();
  await page.getByRole('button', { name: 'Submit' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText(/Restore the database from [A-Z0-9]{6}\?/);
  await confirm.getByRole('button', { name: 'Yes, recover' }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('RECOVER DRLIB FROM LATEST TESTMODE ON');

  // Step 10: the status window — total steps, current step, the tasks with their progress.
  await expect(steps.getByRole('button', { name: /Recovery status/ })).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('recovery-step')).toHaveText('1 of 15');
  await expect(status.locator('[data-status="running"]')).toHaveText(/The TS7700 is taken offline\./);
  await status.getByRole('button', { name: 'Advance 1m' }).click();
  await expect(status.locator('[data-status="done"]').first()).toContainText('The TS7700 is taken offline.');
  await expect(page.getByTestId('recovery-overall')).toHaveText('In progress');
  await expect(status.getByRole('progressbar', { name: 'Overall progress' })).not.toHaveAttribute('aria-valuenow', '0');
  await shoot(page, testInfo, 'recovery-5-status-window');
  expect(await seriousViolations(page)).toEqual([]);
  await status.getByRole('button', { name: 'Run to the end' }).click();
  await expect(page.getByTestId('recovery-overall')).toHaveText('Completed');
  await expect(status).toContainText('Logical volumes are being restored on the Library Manager, 100 of 100 complete.');

  // Steps 11–13 and §11.7.3: what was recovered, what was lost, and the checklist.
  await expect(steps.getByRole('button', { name: /Results and checklist/ })).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('recovered-count')).toHaveText('90 of 100 logical volumes');
  const results = page.getByTestId('recovery-results');
  await expect(results.locator('dd').nth(4)).toHaveText('10'); // VOLSER conflicts
  await expect(page.getByText(/VOLSER conflicts with another partition, not recovered \(§11\.7\.1\): E00090, E00091/)).toBeVisible();
  await expect(results).toContainText('DR test: reclamation disabled, construct check bypassed');
  const checklist = page.getByRole('list', { name: 'Post-recovery checklist' });
  await expect(checklist).toContainText('Restore the tape management system (TMS) CDS');
  await expect(checklist).toContainText('Add scratch physical volumes to pool 8');
  await expect(checklist).toContainText('10 VOLSER conflict(s) with another partition: not recovered');
  // Step 11: after the recovery, two scratch cartridges for the active pool.
  await checklist.getByRole('button', { name: 'Add 2 scratch cartridges to pool 8' }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('POOL DRLIB 8 SCRATCH 2');
  await expect(checklist.locator('li', { hasText: 'Add scratch physical volumes to pool 8' })).toContainText('done');
  await shoot(page, testInfo, 'recovery-7-results');
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot(page, testInfo, 'recovery-7-results-dark');
  expect(await seriousViolations(page, ['color-contrast'])).toEqual([]);

  // The recovered volumes are there to read in the stand-alone library.
  await runInConsole(page, 'SHOW VOLUME E00042 ON DRLIB');
  await expect(page.getByRole('log', { name: 'Console output' }).locator('.record').last()).toContainText('"volser":"E00042"');
  await context.close();
});
