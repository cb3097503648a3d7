// The Host Console pane runs a typed line: Enter issues it through console.execute and the record
// shows with its result; a line the validator refuses shows line:col; ArrowUp/ArrowDown walk history.

import { expect, goTo, openConsole, test } from './fixtures';

test('a typed line runs, errors show at line:col, and history recalls lines', async ({ page, host }) => {
  await openConsole(page, host.url);
  await goTo(page, 'Console');
  const input = page.getByRole('textbox', { name: 'Command' });
  const log = page.getByRole('log', { name: 'Console output' });

  await input.fill('SHOW QUEUE CL2');
  await input.press('Enter');
  await expect(input).toHaveValue('');
  const record = log.locator('.record').filter({ has: page.locator('.record-command', { hasText: 'SHOW QUEUE CL2' }) });
  await expect(record).toContainText('ok');
  await expect(record.locator('.record-result summary')).toContainText('"cluster":"CL2"');

  await input.fill('FROB CL0');
  await input.press('Enter');
  await expect(log).toContainText("1:1: unknown command 'FROB'");
  await expect(page.getByRole('alert')).toBeEmpty();

  await input.press('ArrowUp');
  await expect(input).toHaveValue('FROB CL0');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('SHOW QUEUE CL2');
  await input.press('ArrowDown');
  await expect(input).toHaveValue('FROB CL0');
  await input.press('ArrowDown');
  await expect(input).toHaveValue('');
});

test('a refused command is a result with its error code, not a crash', async ({ page, host }) => {
  await openConsole(page, host.url);
  await goTo(page, 'Console');
  const input = page.getByRole('textbox', { name: 'Command' });
  await input.fill('MOUNT A00000 ON CL2 HOST PRODHOST');
  await input.press('Enter');
  const record = page.getByRole('log', { name: 'Console output' }).locator('.record').filter({ hasText: 'MOUNT A00000 ON CL2 HOST PRODHOST' });
  await expect(record.locator('.badge')).toHaveText(/^refused [A-Z_]+$/);
  await expect(record.locator('.record-error')).toBeVisible();
});
