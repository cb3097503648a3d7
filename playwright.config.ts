// End-to-end tests: web mode in Debian's Chromium (one worker, no retries: a flaky test is a bug), and
// the desktop app through Playwright's Electron support where an Electron binary is installed.
// globalSetup builds the renderer once; every test starts its own engine host with its own data folder
// and page (e2e/fixtures.ts), so tests pass alone and in any order (`--fully-parallel --workers=2` too).

import { defineConfig } from '@playwright/test';

const CHROMIUM = process.env.TZ_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  globalSetup: './e2e/global-setup.ts',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // Each test starts its own engine host (a few seconds on a busy machine) before it opens the console.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // scripts/test.mjs sets PLAYWRIGHT_JSON_OUTPUT_NAME and reads the JSON report for its totals.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    // Tracing doubles the run time; TZ_E2E_TRACE=1 keeps a trace of each failing test.
    trace: process.env.TZ_E2E_TRACE === '1' ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'web', testIgnore: /electron\.spec\.ts$/ },
    { name: 'electron', testMatch: /electron\.spec\.ts$/ },
  ],
});
