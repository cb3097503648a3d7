// Policies in web mode (issue 14 item 2; spec §3, §12; Redbook §11.5.1, §11.10.1): on the console
// sample, define a Copy Export pool on the tape cluster and see that no Management Class feeds it, then
// a Management Class with SECONDARY 8 through the form (the warning goes), a scratch category with an
// Expire Hold and a DR host's DEVSUP categories. Each change shows the line it issued, and the Console
// (fed from the same journaled path) lists it. axe-clean; screenshots light and dark at two sizes.

import { expect, goTo, openConsole, test } from './fixtures';
import { shootView } from './screens';

test('edit pools, Management Classes, categories and DEVSUP through their runbook lines', async ({ page, host }, testInfo) => {
  test.setTimeout(90_000);
  await openConsole(page, host.url);
  await goTo(page, 'Policies');
  await expect(page.getByTestId('copy-export-note')).toContainText('SECONDARY <pool>');
  const mcs = page.getByRole('table', { name: 'Management Classes' });
  await expect(mcs.locator('tr[data-mc="MCPROD"]')).toContainText('20,000');

  // A Copy Export pool on the tape cluster CL2: no class sends secondary copies there yet.
  const poolForm = page.getByRole('form', { name: 'Storage pool' });
  await poolForm.getByLabel('Pool', { exact: true }).fill('8');
  await poolForm.getByLabel('Copy Export').check();
  await expect(poolForm).toContainText('Issues POOL CL2 8 COPYEXPORT RECLAIM 8');
  await poolForm.getByRole('button', { name: 'Define pool' }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('POOL CL2 8 COPYEXPORT RECLAIM 8');
  const pool8 = page.locator('tr[data-pool="CL2/8"]');
  await expect(pool8).toContainText('no Management Class: give one SECONDARY 8');

  // A bad reclaim pool is named before anything is issued (Redbook §11.5.1).
  await pool8.getByRole('button', { name: /Edit/ }).click();
  await poolForm.getByLabel('Reclaim pool').fill('9');
  await expect(poolForm.getByRole('status')).toHaveText('Reclaim pool: a Copy Export pool reclaims into itself: 8');
  await expect(poolForm.getByRole('button', { name: 'Change pool' })).toBeDisabled();

  // The Management Class that feeds it: RUN on both production clusters, Deferred to the tape cluster.
  const mcForm = page.getByRole('form', { name: 'Management Class' });
  await mcForm.getByLabel('Name').fill('mcexp');
  await mcForm.getByLabel('Copy mode on CL0').selectOption('R');
  await mcForm.getByLabel('Copy mode on CL1').selectOption('R');
  await mcForm.getByLabel('Copy mode on CL2').selectOption('D');
  await mcForm.getByLabel('Secondary pool').fill('8');
  await mcForm.getByRole('radio', { name: /PG0/ }).check();
  // Synchronous needs exactly two clusters: one S is refused by the form.
  await mcForm.getByLabel('Copy mode on CL0').selectOption('S');
  await expect(mcForm.getByRole('status')).toContainText('Synchronous needs exactly two S clusters');
  await mcForm.getByLabel('Copy mode on CL0').selectOption('R');
  await mcForm.getByRole('button', { name: 'Define Management Class' }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('MC MCEXP COPY RRD SECONDARY 8 PG0');
  await expect(mcs.locator('tr[data-mc="MCEXP"]')).toContainText('PG0');
  await expect(pool8).toContainText('MCEXP');
  await expect(pool8).not.toContainText('no Management Class');

  // A scratch category for the DR host, held 2 days after return to scratch.
  const catForm = page.getByRole('form', { name: 'Category' });
  await catForm.getByLabel('Category', { exact: true }).fill('0012');
  await catForm.getByLabel('Expire Hold').fill('2d');
  await catForm.getByRole('button', { name: 'Define category' }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('CATEGORY 0012 SCRATCH EXPIREHOLD 2d');
  await expect(page.locator('tr[data-category="0012"]')).toContainText('2d');

  const dr = page.getByRole('form', { name: 'DEVSUP of DRHOST' });
  await dr.getByLabel('Scratch').fill('0012');
  await dr.getByRole('button', { name: 'Set DEVSUP of DRHOST' }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('DEVSUP DRHOST SCRATCH 0012 PRIVATE 000F ERROR 000E');
  await expect(page.getByRole('form', { name: 'DEVSUP of DRHOST' }).getByLabel('Scratch')).toHaveValue('0012');

  await shootView(page, testInfo, 'policies');

  // The same lines went through the Console path, in order.
  await goTo(page, 'Console');
  const log = page.getByRole('log', { name: 'Console output' });
  for (const line of ['POOL CL2 8 COPYEXPORT RECLAIM 8', 'MC MCEXP COPY RRD SECONDARY 8 PG0', 'CATEGORY 0012 SCRATCH EXPIREHOLD 2d', 'DEVSUP DRHOST SCRATCH 0012 PRIVATE 000F ERROR 000E']) {
    await expect(log.locator('.record-command', { hasText: line })).toHaveCount(1);
  }
});
