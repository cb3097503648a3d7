// Workload in web mode (issue 14 item 3; spec §4 JOB): on the console sample (MCPROD R-R-D, the DR
// cluster CL2 behind 1 Gb/s links) start production load from the form — scratch writes per hour with a
// size distribution and specific reads of A00000-A09999 — run an hour of it, and see it in Copy Queues
// (Deferred copies queued for CL2, the load badge) and Topology; the time bar's Advance runs it too;
// Stop ends it and the badge goes. axe-clean; screenshots light and dark at two sizes.

import { expect, goTo, openConsole, test } from './fixtures';
import { shootView } from './screens';

test('start production load, run it over simulated time, see it in Copy Queues and Topology, stop it', async ({ page, host }, testInfo) => {
  test.setTimeout(300_000);
  await openConsole(page, host.url);
  await goTo(page, 'Workload');
  await expect(page.getByText('No load is running.')).toBeVisible();

  const form = page.getByRole('form', { name: 'Workload' });
  await form.getByLabel('Host').selectOption('PRODHOST');
  await form.getByLabel('Management Class').selectOption('MCPROD');
  await form.getByLabel('Scratch writes per hour').fill('600');
  await form.getByLabel('Share 1').fill('50');
  // The shares must add up to 100%: said before anything starts.
  await expect(form.getByRole('status')).toHaveText('Size distribution: the shares add up to 90%, not 100%');
  await expect(form.getByRole('button', { name: 'Start load' })).toBeDisabled();
  await form.getByLabel('Share 1').fill('60');
  await form.getByLabel('Specific reads per hour').fill('120');
  await form.getByLabel('Read from').fill('A00000-A09999');
  await form.getByRole('button', { name: 'Start load' }).click();
  await expect(page.getByTestId('workload-active')).toContainText('600 scratch writes/h on CL0 (MC MCPROD), 800MB 60%, 4GB 30%, 20GB 10%; 120 specific reads/h of A00000-A09999 on CL1 from PRODHOST');

  await page.getByRole('button', { name: 'Run 1h with load' }).click();
  // An hour on: demounts wait for their RUN copies (spec §5), so the run may end a few minutes past it.
  await expect(page.getByTestId('workload-ran-until')).toHaveText(/^2026-01-01 01:0\d:\d\d/);
  await expect(page.getByTestId('workload-writes')).toHaveText('600 volumes');
  await expect(page.getByTestId('workload-reads')).toHaveText('120 volumes');
  const lines = page.getByRole('table', { name: 'Lines the load issued' });
  await expect(lines).toContainText(/JOB PRODHOST WRITE \d+ SCRATCH ON CL0 MC MCPROD SIZE (800MB|4GB|20GB) OVER \d+s/);
  await expect(lines).toContainText(/JOB PRODHOST READ A\d{5}/);
  await shootView(page, testInfo, 'workload');

  // Copy Queues: Deferred copies for the DR cluster, and the badge saying load is on.
  await goTo(page, 'Copy Queues');
  await expect(page.getByTestId('workload-badge')).toContainText('Production load active');
  await expect(page.getByTestId('queue-count-CL2')).not.toHaveText('0');
  await shootView(page, testInfo, 'queues-under-load');
  await goTo(page, 'Topology');
  await expect(page.getByTestId('workload-badge')).toContainText('600 scratch writes/h');

  // The time bar's Advance runs the load too.
  await page.getByRole('button', { name: 'Advance 1h' }).click();
  await expect(page.getByTestId('simulated-time')).toContainText(/ 02:0\d:/);
  await goTo(page, 'Workload');
  await expect(page.getByTestId('workload-writes')).toHaveText('1,200 volumes');

  await page.getByRole('button', { name: 'Stop load' }).click();
  await expect(page.getByText('No load is running.')).toBeVisible();
  await goTo(page, 'Copy Queues');
  await expect(page.getByTestId('workload-badge')).toHaveCount(0);
});
