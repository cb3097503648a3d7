// Runbooks: the editor validates as you type and marks an error at line:col (in the list and on the
// line itself); a valid runbook runs a step at a time and then to the end, each EXPECT shown passing.

import { expect, goTo, openConsole, test } from './fixtures';

const BROKEN = `# checks on the console's sample grid
SHOW GRID
  FROB CL0
EXPECT result.states = []
`;

const GOOD = `# checks on the console's sample grid
SHOW GRID
EXPECT result.states = []
SHOW QUEUE CL2
EXPECT result.count = 0
`;

test('a validation error shows at line:col and marks its line', async ({ page, host }) => {
  await openConsole(page, host.url);
  await goTo(page, 'Runbooks');
  const editor = page.getByRole('textbox', { name: 'Runbook' });
  await editor.fill(BROKEN);
  const errors = page.getByRole('list', { name: 'Validation errors' });
  await expect(errors.getByRole('listitem')).toHaveCount(1);
  await expect(errors.getByRole('listitem').first()).toHaveText("3:3 unknown command 'FROB'");
  await expect(page.getByTestId('validation-status')).toHaveText('1 error');
  await expect(page.locator('.bd-line.line-error')).toHaveAttribute('data-line', '3');
  await expect(page.getByRole('button', { name: 'Run step' })).toBeDisabled();

  // Clicking the error puts the caret on it.
  await errors.getByRole('button').first().click();
  await expect(editor).toBeFocused();
  expect(await editor.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(BROKEN.indexOf('FROB'));
});

test('a small runbook runs a step, then to the end, with its EXPECTs passing', async ({ page, host }) => {
  await openConsole(page, host.url);
  await goTo(page, 'Runbooks');
  await page.getByRole('textbox', { name: 'Runbook' }).fill(GOOD);
  await expect(page.getByTestId('validation-status')).toHaveText('Valid: 4 commands');
  await expect(page.getByRole('list', { name: 'Validation errors' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Run step' }).click();
  const results = page.getByRole('log', { name: 'Run results' });
  await expect(results.locator('.record')).toHaveCount(1);
  await expect(results.locator('.record').first()).toContainText('SHOW GRID');
  await expect(page.getByTestId('run-status')).toHaveText('Next: command 2 of 4');

  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Ran all 4 commands · EXPECT 2 passed, 0 failed');
  await expect(results.locator('.record-expect')).toHaveCount(2);
  await expect(results.locator('.record-expect .badge')).toHaveText(['EXPECT passed', 'EXPECT passed']);
  await expect(page.getByRole('button', { name: 'Run step' })).toBeDisabled();
});

test('a failing EXPECT is shown failed with what it got', async ({ page, host }) => {
  await openConsole(page, host.url);
  await goTo(page, 'Runbooks');
  await page.getByRole('textbox', { name: 'Runbook' }).fill('SHOW GRID\nEXPECT result.clusters.CL0.status = failed\n');
  await expect(page.getByTestId('validation-status')).toHaveText('Valid: 2 commands');
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('Ran all 2 commands · EXPECT 0 passed, 1 failed');
  const failed = page.getByRole('log', { name: 'Run results' }).locator('.record-expect');
  await expect(failed.locator('.badge')).toHaveText('EXPECT failed');
  await expect(failed).toContainText('EXPECT_FAILED');
  await expect(failed).toContainText('"online"');
});
