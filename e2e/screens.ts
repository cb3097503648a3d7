// Screenshots of a view as a user sees it: light and dark, 1280×800 and 1920×1080, the top of the view
// and its end (the main region scrolls), attached to the report; axe checked in both schemes.

import type { Page, TestInfo } from '@playwright/test';
import { expect, seriousViolations } from './fixtures';

export async function shootView(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [w, h] of [
      [1280, 800],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      for (const end of [false, true]) {
        await page.locator('#main').evaluate((el, toEnd) => el.scrollTo(0, toEnd ? el.scrollHeight : 0), end);
        const path = testInfo.outputPath(`${name}-${scheme}-${w}x${h}${end ? '-end' : ''}.png`);
        await page.screenshot({ path });
        await testInfo.attach(`${name} ${scheme} ${w}x${h}${end ? ' end' : ''}`, { path, contentType: 'image/png' });
      }
    }
    expect(await seriousViolations(page)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
}
