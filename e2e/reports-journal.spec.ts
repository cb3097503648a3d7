// Issue 13 item 1: any runbook run gets its evidence report on demand — from the Reports view, over the
// journal entries it issued — listed, reopened and verified like a wizard's.

import { expect, goTo, openConsole, runInConsole, seriousViolations, test } from './fixtures';

test.use({ hostArgs: [] });

test('a report of journal entries is made from the Reports view, listed, and its digest verifies', async ({ page, host }) => {
  await openConsole(page, host.url);
  await runInConsole(page, 'FAIL CLUSTER CL1');
  await runInConsole(page, 'ADVANCE 1h');
  await runInConsole(page, 'REPAIR CLUSTER CL1');
  await goTo(page, 'Reports');
  const form = page.getByRole('group', { name: 'Report of journal entries (a runbook run)' });
  await form.getByLabel('Title').fill('CL1 failure drill');
  await form.getByRole('button', { name: 'Journal report' }).click();
  await expect(page.getByRole('group', { name: 'Make a report' }).getByRole('status')).toContainText('Made');
  const row = page.getByRole('row').filter({ hasText: 'CL1 failure drill' });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Open' }).click();
  const open = page.getByTestId('report-open');
  await expect(open).toContainText('journal 1-4');
  await expect(open).toContainText('4 commands ran');
  await open.getByRole('button', { name: 'Verify digest' }).click();
  await expect(open.getByTestId('report-action-status')).toHaveText(/^Verified: /);
  expect(await seriousViolations(page)).toEqual([]);
});
