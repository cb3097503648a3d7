// When the engine host is gone (web mode: its WebSocket closed), the console says so in a banner and
// disables its controls instead of letting each click fail (issue 14, Layout).

import { expect, openConsole, startConsoleServer, test } from './fixtures';

test('a stopped engine host: a banner says so and the buttons are disabled', async ({ page }) => {
  const server = await startConsoleServer();
  try {
    await openConsole(page, server.url);
    const advance = page.getByRole('button', { name: 'Advance 1h' });
    await expect(advance).toBeEnabled();
    await expect(page.getByTestId('server-gone')).toHaveCount(0);
  } finally {
    await server.stop();
  }
  await expect(page.getByTestId('server-gone')).toContainText('The engine host is not answering.');
  await expect(page.getByRole('button', { name: 'Advance 1h' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Backups', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Load sample' })).toBeDisabled();
  await expect(page.getByText(/^Disconnected|^Connecting/)).toBeVisible();
});
