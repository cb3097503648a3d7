// Every view is reachable from the Views nav and renders: its heading shows, the nav marks it current,
// a screenshot is attached to the report, and axe finds no serious or critical accessibility violation
// (in the light scheme; in the dark scheme, colour contrast again).
// Each test opens its own host's console and goes to the view through the nav, as an operator does.

import type { Page } from '@playwright/test';
import { expect, goTo, openConsole, seriousViolations, test, VIEW_LINKS } from './fixtures';

let page: Page;

test.beforeEach(async ({ page: opened, host }) => {
  page = opened;
  await openConsole(page, host.url);
});

test('the Views nav names exactly the views, in order', async () => {
  const links = page.getByRole('navigation', { name: 'Views' }).getByRole('link');
  await expect(links).toHaveText([...VIEW_LINKS]);
});

for (const view of VIEW_LINKS) {
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a test's fixtures from this pattern: none
  test(`${view} is reachable from the nav, renders, and passes axe`, async ({}, testInfo) => {
    await goTo(page, view);
    // Something of the view's own beyond its heading is on screen.
    const body = page.locator('section.view');
    await expect(body).toBeVisible();
    if (view === 'Topology') await expect(page.getByRole('button', { name: /^Cluster CL0/ })).toBeVisible();
    if (view === 'Volumes') await expect(page.getByRole('row').nth(1)).toContainText(/[A-Z0-9]{6}/);
    if (view === 'Copy Queues') await expect(page.getByRole('heading', { name: 'Backlog over simulated time' })).toBeVisible();
    if (view === 'Console') await expect(page.getByRole('textbox', { name: 'Command' })).toBeVisible();
    if (view === 'Runbooks') await expect(page.getByTestId('validation-status')).toHaveText(/^Valid: \d+ commands?$/);
    if (view === 'DR Families') await expect(page.getByRole('heading', { name: 'DR test wizard' })).toBeVisible();
    if (view === 'Copy Export') await expect(page.getByRole('heading', { name: 'Physical volume pools' })).toBeVisible();
    if (view === 'Recovery') await expect(page.getByRole('navigation', { name: 'Recovery steps' })).toBeVisible();
    if (view === 'Host DASD') await expect(page.getByRole('heading', { name: 'Replication sets' })).toBeVisible();

    const shot = testInfo.outputPath(`${view.toLowerCase().replace(/ /g, '-')}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    await testInfo.attach(`${view} view`, { path: shot, contentType: 'image/png' });

    expect(await seriousViolations(page)).toEqual([]);
  });
}

// eslint-disable-next-line no-empty-pattern -- Playwright reads a test's fixtures from this pattern: none
test('every view keeps its contrast in the dark colour scheme', async ({}, testInfo) => {
  // twelve views, each with an axe run: room for a busy machine
  test.setTimeout(180_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const view of VIEW_LINKS) {
    await goTo(page, view);
    if (view === 'Topology') {
      await page.getByRole('button', { name: /^Cluster CL0/ }).click();
      await expect(page.getByRole('complementary', { name: 'Actions' }).getByRole('heading', { name: 'Cluster CL0' })).toBeVisible();
      const shot = testInfo.outputPath('topology-dark.png');
      await page.screenshot({ path: shot, fullPage: true });
      await testInfo.attach('Topology view (dark)', { path: shot, contentType: 'image/png' });
    }
    expect({ view, violations: await seriousViolations(page, ['color-contrast']) }).toEqual({ view, violations: [] });
  }
});
