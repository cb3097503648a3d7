// A Copy Export through the UI (issue 5 item 4, Redbook §11.6): on the console sample's tape cluster CL2
// a Copy Export pool 8 is set up as in §11.5.2's example (Console lines), then in the Copy Export view
// the planner predicts the export before it runs, Export issues the export list volume and LIBRARY
// EXPORT (§11.6.3), the time bar runs it, and the view shows CBR3855I (§11.6.5), the status file
// rewritten to EXPORT STATUS 02 (§11.5), the ejected stacked volume and the copy-exported gauge.

import type { Page, TestInfo } from '@playwright/test';
import { expect, goTo, openConsole, runInConsole, seriousViolations, test } from './fixtures';
import { COPY_EXPORT_CL2_POOL8_SETUP as SETUP } from './grids';

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('plan, export to CBR3855I and read the status file in the Copy Export view', async ({ page, host }, testInfo) => {
  test.setTimeout(90_000);
  await openConsole(page, host.url);
  for (const line of SETUP) await runInConsole(page, line);

  await goTo(page, 'Copy Export');
  await expect(page.getByLabel('Exporting cluster')).toHaveValue('CL2');
  const pools = page.getByRole('table', { name: 'Physical volume pools of CL2' });
  await expect(pools.locator('tr[data-pool="8"]')).toContainText('yes');
  await expect(page.getByTestId('gauge-copy-exported').getByRole('meter')).toHaveAttribute('aria-valuenow', '0');

  // The planner, before anything runs: the 100 volumes of pool 8 and no check that would refuse.
  const plan = page.getByTestId('export-plan');
  await expect(plan.getByTestId('plan-requested')).toHaveText('100');
  await expect(plan).toContainText('LIBRARY EXPORT would be accepted');
  const predictedStacked = (await plan.getByTestId('plan-stacked').textContent())!.split(' ')[0]!;
  await page.getByLabel('Export list volume').fill('EXP000');
  await page.getByLabel('Its Management Class').fill('MCELFVOL');
  await shoot(page, testInfo, 'copy-export-planned');

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('LIBRARY EXPORT,EXP000');
  await expect(page.getByText('export EXP000 running')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel export EXP000' })).toBeVisible();

  await page.getByRole('button', { name: 'Run until idle' }).click();
  const history = page.locator('li.ce-run[data-list-volser="EXP000"]');
  await expect(history.getByText('CBR3855I completed successfully')).toBeVisible();
  await expect(history.getByTestId('run-exported')).toHaveText('100');
  await expect(history.locator('dd').nth(5)).toHaveText(predictedStacked); // stacked volumes, as planned
  const statusFile = history.getByTestId('status-file');
  await expect(statusFile).toContainText('EXPORT STATUS 02');
  await expect(statusFile).toContainText(/E00042,[A-Z0-9]{6},00, EXPORTED/);
  await expect(page.getByText('export EXP000 running')).toHaveCount(0);

  // §11.6.3: "all physical tapes related to the export pool are ejected"; the gauge counts them.
  const pvols = page.getByRole('table', { name: 'Stacked volumes of CL2' });
  await expect(pvols.locator('[role="row"].pvol-copy-exported').first()).toContainText('I/O station');
  await expect(page.getByTestId('gauge-copy-exported').getByRole('meter')).toHaveAttribute('aria-valuenow', predictedStacked);
  await shoot(page, testInfo, 'copy-export-completed');
  await history.scrollIntoViewIfNeeded();
  await shoot(page, testInfo, 'copy-export-history-status-file');
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot(page, testInfo, 'copy-export-completed-dark');
  expect(await seriousViolations(page, ['color-contrast'])).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  // The view's actions went through the Console path: the lines and their messages are there.
  await goTo(page, 'Console');
  const log = page.getByRole('log', { name: 'Console output' });
  await expect(log).toContainText('EXPORTLIST EXP000 ON CL2 POOL 8 EJECT MC MCELFVOL (from Copy Export)');
  await expect(log).toContainText('LIBRARY EXPORT,EXP000 (from Copy Export)');
  await expect(log).toContainText('E0000 EXPORT OPERATION STARTED FOR EXPORT LIST VOLUME EXP000');
  // §11.6.5: the completion message goes to the host, named by the composite library it sent LIBRARY EXPORT to.
  await expect(log).toContainText('CBR3855I Export operation for logical list volume EXP000 in library GRID01 completed successfully. Requested: 100 Exportable: 100 Exported: 100');
});
