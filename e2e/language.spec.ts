// The language in the console (issue 14 item 1): the Console completes a partial command and a partial
// VOLSER from the grid, HELP MOUNT explains MOUNT, and the Runbooks editor completes on Tab and shows
// a command's syntax when its word is hovered. The completion list is a listbox the input points into.

import { expect, goTo, openConsole, seriousViolations, test } from './fixtures';

test('completion of commands and VOLSERs, HELP MOUNT, and hover help in the editor', async ({ page, host }) => {
  await openConsole(page, host.url);
  await goTo(page, 'Console');
  const input = page.getByRole('textbox', { name: 'Command' });
  const list = page.getByRole('listbox', { name: 'Completions' });

  // a partial command word: the list offers MOUNT; Tab takes it
  await input.pressSequentially('MOU');
  await expect(list.getByRole('option', { name: /^MOUNT/ })).toBeVisible();
  await input.press('Tab');
  await expect(input).toHaveValue('MOUNT ');
  await expect(list).toBeHidden();

  // a partial VOLSER: the engine host looks the prefix up; ↓ chooses, Enter takes it
  await input.pressSequentially('A0000');
  const volser = list.getByRole('option', { name: /^A00000/ });
  await expect(volser).toBeVisible();
  await input.press('ArrowDown');
  await expect(input).toHaveAttribute('aria-activedescendant', 'console-completions-0');
  await expect(list.getByRole('option', { selected: true })).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);
  await input.press('Enter');
  await expect(input).toHaveValue(/^MOUNT A0000\d /);
  await input.press('Escape');

  // HELP MOUNT: syntax, arguments, result shape and errors of MOUNT
  await input.fill('HELP MOUNT');
  await input.press('Escape');
  await input.press('Enter');
  await expect(input).toHaveValue('');
  const record = page
    .getByRole('log', { name: 'Console output' })
    .locator('.record')
    .filter({ has: page.locator('.record-command', { hasText: 'HELP MOUNT' }) });
  await expect(record).toContainText('ok');
  await expect(record).toContainText('MOUNT SCRATCH|<volser> ON <cl> HOST <host>');
  await expect(record).toContainText('NO_SCRATCH');

  // the Runbooks editor: Tab completes, hovering a command word shows its syntax
  await goTo(page, 'Runbooks');
  const editor = page.getByRole('textbox', { name: 'Runbook' });
  await editor.fill('SHOW GRID\nMOUNT SCRATCH ON CL0 HOST PRODHOST\n');
  await editor.press('Control+End');
  await editor.pressSequentially('SHOW QU');
  await expect(page.getByRole('listbox', { name: 'Completions' }).getByRole('option', { name: /^QUEUE/ })).toBeVisible();
  await editor.press('Tab');
  await expect(editor).toHaveValue('SHOW GRID\nMOUNT SCRATCH ON CL0 HOST PRODHOST\nSHOW QUEUE ');

  const box = await editor.boundingBox();
  if (!box) throw new Error('the editor is not shown');
  // line 2's first word, MOUNT: 6 px padding, 20 px lines, 8 px left padding
  await page.mouse.move(box.x + 8 + 12, box.y + 6 + 20 + 10);
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText('MOUNT SCRATCH|<volser> ON <cl> HOST <host>');
  await expect(tip).toContainText('Mounts a scratch or a specific volume');
  await page.mouse.move(box.x + box.width - 10, box.y + box.height - 10);
  await expect(tip).toBeHidden();
});

// The command list reaches the page once, after it opens. An operator quick enough to type a partial
// command before it arrives gets the list for what they typed when it does, not an empty one.
test('a command typed before the command list arrives is completed when it does', async ({ page, host }) => {
  const held: { release?: () => void } = {};
  await page.routeWebSocket(/\/api$/, (ws) => {
    const server = ws.connectToServer();
    const asked = new Set<unknown>();
    ws.onMessage((frame) => {
      if (field(frame, 'channel') === 'language.commands') asked.add(field(frame, 'id'));
      server.send(frame);
    });
    server.onMessage((frame) => {
      if (!asked.has(field(frame, 'id'))) return ws.send(frame);
      held.release = () => ws.send(frame);
    });
  });
  await openConsole(page, host.url);
  await goTo(page, 'Console');
  const input = page.getByRole('textbox', { name: 'Command' });
  const list = page.getByRole('listbox', { name: 'Completions' });
  await expect.poll(() => held.release !== undefined).toBe(true);
  await input.pressSequentially('MOU');
  await expect(list).toBeHidden();
  held.release?.();
  await expect(list.getByRole('option', { name: /^MOUNT/ })).toBeVisible();
  await input.press('Tab');
  await expect(input).toHaveValue('MOUNT ');
});

/** A field of a JSON frame on the console's WebSocket. */
function field(frame: string | Buffer, key: string): unknown {
  const message: unknown = JSON.parse(String(frame));
  return typeof message === 'object' && message !== null ? Reflect.get(message, key) : undefined;
}
