// `npx tsx scripts/readme-screenshot.ts`: the README's picture of the console. Starts web mode on a
// fresh in-memory sample grid (the same host the e2e tests use), opens the Topology view in Debian's
// Chromium, selects a cluster so its actions show, and writes docs/screenshot-console.png.
// Needs a renderer build (`npx vite build`); TZ_CHROMIUM overrides the browser path.

import { chromium } from '@playwright/test';
import { join } from 'node:path';
import { root, startConsoleServer } from '../e2e/fixtures.js';

const OUT = join(root, 'docs/screenshot-console.png');

const server = await startConsoleServer();
const browser = await chromium.launch({ executablePath: process.env.TZ_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  await page.goto(server.url);
  await page.getByText('Connected', { exact: true }).waitFor();
  await page.getByRole('heading', { level: 1, name: 'Topology' }).waitFor();
  await page.getByRole('button', { name: /^Cluster CL0/ }).click();
  await page.getByRole('complementary', { name: 'Actions' }).getByRole('heading', { name: 'Cluster CL0' }).waitFor();
  await page.screenshot({ path: OUT });
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
  await server.stop();
}
