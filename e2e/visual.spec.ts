// Visual regression of the whole console (issue 14 item 7): every view at 1280×800 and 1920×1080, in
// the light and the dark scheme, on grids of 2, 5 and 8 clusters, compared with reviewed references
// committed beside this file (e2e/visual.spec.ts-snapshots/). Also the layout promises a screenshot
// alone would not state: the header is one row whatever the clock shows, nothing in it is cut off, and
// the Topology diagram passes axe in both schemes.
//
// After a deliberate change to a view, look at the new pictures and regenerate all references with
//   TZ_E2E_SKIP_BUILD=0 npx playwright test e2e/visual.spec.ts --update-snapshots
//
// Deterministic by construction: each grid is built by runbook text from a fresh in-memory session with
// the default seed, on the simulated clock (never the wall clock); animations and the caret are off,
// the pointer rests outside the page, and a picture is taken only when nothing is loading.

import type { Page } from '@playwright/test';
import { expect, seriousViolations, test, VIEW_LINKS, type ViewName } from './fixtures';
import { EIGHT_CLUSTERS, FIVE_CLUSTERS } from './grids';

// The 2-cluster grid is the Redbook §11.4 Figure 11-10 sample, with work queued and the clock stopped
// on a millisecond (ADVANCE UNTIL IDLE ends when the last copy lands), the header's widest clock.
const TWO_CLUSTERS = `SAMPLE two-cluster-dr
JOB PRODHOST WRITE 40 SCRATCH ON CL0 MC MCPROD SIZE 400MB
ADVANCE 1277ms`;

// Five: a cluster down and one of four links between CL0 and CL1 failed (Redbook §11.2.3 / §11.2.5).
const FIVE = `${FIVE_CLUSTERS}
JOB PRODHOST WRITE 30 SCRATCH ON CL0 MC MCPROD SIZE 1GB
FAIL CLUSTER CL2
FAIL LINK CL0 CL1 ONE
ADVANCE 10m`;

// Eight: a DR family over a grid of over a million volumes, so readiness counts run to seven digits.
const EIGHT = `${EIGHT_CLUSTERS}
${['C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P'].map((p) => `PRELOAD ${p}00000-${p}99999 ON CL0 MC MCPROD SIZE 800MB`).join('\n')}
LI REQ,GRID08,DRSETUP,DRFAM,ADD,CL4
LI REQ,GRID08,DRSETUP,DRFAM,ADD,CL5
JOB HOSTA WRITE 20 SCRATCH ON CL0 MC MCPROD SIZE 2GB
ADVANCE 5m`;

const GRIDS = [
  { clusters: 2, text: TWO_CLUSTERS },
  { clusters: 5, text: FIVE },
  { clusters: 8, text: EIGHT },
] as const;

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

/** Runs runbook text through the engine host's own API (runbook.step over the page's WebSocket). */
async function runText(page: Page, text: string): Promise<void> {
  const reply = await page.evaluate(async (body) => {
    const token = new URLSearchParams(location.search).get('token');
    const ws = new WebSocket(`ws://${location.host}/api?token=${token}`);
    await new Promise((resolve, reject) => {
      ws.onopen = resolve;
      ws.onerror = reject;
    });
    const answer = await new Promise<{ ok: boolean; result?: { errors: unknown[]; records: { ok: boolean; command: string; error: unknown }[] }; error?: unknown }>((resolve) => {
      // Events ({event, payload}) arrive on the same socket; the reply is the frame with our id.
      ws.onmessage = (e) => {
        const frame = JSON.parse(String(e.data));
        if (frame.id === 1) resolve(frame);
      };
      ws.send(JSON.stringify({ id: 1, channel: 'runbook.step', payload: { text: body, from: 0, to: 10_000 } }));
    });
    ws.close();
    return answer;
  }, text);
  expect(reply.ok, JSON.stringify(reply.error)).toBe(true);
  expect(reply.result!.errors).toEqual([]);
  expect(reply.result!.records.filter((r) => !r.ok)).toEqual([]);
}

/** What each view shows once it has loaded. */
async function viewReady(page: Page, view: ViewName, clusters: number): Promise<void> {
  const body = page.locator('section.view');
  switch (view) {
    case 'Topology':
      await expect(page.locator('g.cluster')).toHaveCount(clusters);
      break;
    case 'Volumes':
      await expect(page.getByRole('row').nth(1)).toContainText(/[A-Z0-9]{6}/);
      break;
    case 'Copy Queues':
      await expect(page.locator('.queue-card')).toHaveCount(clusters);
      break;
    case 'DR Families':
      await expect(page.getByRole('heading', { name: 'DR test wizard' })).toBeVisible();
      break;
    case 'Copy Export':
      await expect(page.getByRole('heading', { name: 'Physical volume pools' })).toBeVisible();
      break;
    case 'Recovery':
      await expect(page.getByRole('navigation', { name: 'Recovery steps' })).toBeVisible();
      break;
    case 'Host DASD':
      await expect(page.getByRole('heading', { name: 'Replication sets' })).toBeVisible();
      break;
    case 'Runbooks':
      await expect(page.getByTestId('validation-status')).toHaveText(/^Valid: \d+ commands?$/);
      break;
    case 'Console':
      await expect(page.getByRole('textbox', { name: 'Command' })).toBeVisible();
      break;
  }
  await expect(body).not.toContainText(/Loading…|Rebuilding/);
  // Nothing in flight: the header's progress note is gone.
  await expect(page.locator('.progress')).toBeEmpty();
}

/** Navigates by the hash route (no hover state left on the nav) and waits for the view. */
async function show(page: Page, view: ViewName, clusters: number): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view, exact: true });
  const href = await link.getAttribute('href');
  await page.evaluate((h) => (location.hash = h!), href);
  await expect(link).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1, name: view, exact: true })).toBeVisible();
  await viewReady(page, view, clusters);
}

/** The header is one row and shows every control whole (issue 14: nothing wraps, nothing is cut). */
async function headerIsOneRow(page: Page): Promise<void> {
  const header = page.locator('header.header');
  const box = (await header.boundingBox())!;
  expect(box.height).toBeLessThanOrEqual(58);
  const cut = await header.evaluate((h) => {
    const edge = h.getBoundingClientRect();
    const out: string[] = [];
    for (const el of h.querySelectorAll<HTMLElement>('button, label, input, output, .clock-label')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || getComputedStyle(el).position === 'absolute') continue;
      if (r.left < edge.left - 0.5 || r.right > edge.right + 0.5 || r.top < edge.top - 0.5 || r.bottom > edge.bottom + 0.5) out.push(el.textContent || el.getAttribute('aria-label') || el.tagName);
      // Labels and buttons show their whole text (an input may scroll its value).
      if (el.tagName !== 'INPUT' && el.scrollWidth > el.clientWidth + 1) out.push(`${el.textContent} (clipped)`);
    }
    return out;
  });
  expect(cut).toEqual([]);
}

/** The readiness tables (per Management Class, per category) never overlap, seven-digit counts included. */
async function tablesApart(page: Page): Promise<void> {
  const boxes = await page.locator('.readiness-tables > table').evaluateAll((tables) =>
    tables.map((t) => {
      const r = t.getBoundingClientRect();
      // A cell wider than its table would spill into the next one.
      const spill = [...t.querySelectorAll('td, th')].some((c) => c.scrollWidth > (c as HTMLElement).clientWidth + 1);
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, spill };
    }),
  );
  for (const [i, a] of boxes.entries()) {
    expect(a.spill).toBe(false);
    for (const b of boxes.slice(i + 1)) expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
  }
}

for (const grid of GRIDS) {
  test.describe(`${grid.clusters} clusters`, () => {
    test.use({ viewport: SIZES[0], reducedMotion: 'reduce' });
    // Building the grid in beforeEach counts in the test's time: room for an eight-cluster grid on a busy machine.
    test.describe.configure({ timeout: 150_000 });
    /** The test's page, on its own host, showing this grid. */
    let page: Page;

    test.beforeEach(async ({ page: opened, host }) => {
      page = opened;
      await page.goto(host.url);
      await expect(page.getByText('Connected', { exact: true })).toBeVisible();
      await runText(page, grid.text);
      await expect(page.locator('g.cluster')).toHaveCount(grid.clusters);
    });

    for (const size of SIZES) {
      for (const scheme of SCHEMES) {
        test(`every view at ${size.width}×${size.height}, ${scheme}`, async () => {
          await page.setViewportSize(size);
          await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
          await page.mouse.move(size.width - 1, size.height - 1);
          for (const view of VIEW_LINKS) {
            await show(page, view, grid.clusters);
            if (view === 'Topology') await headerIsOneRow(page);
            if (view === 'DR Families') await tablesApart(page);
            await expect(page).toHaveScreenshot(`${grid.clusters}cl-${size.width}-${scheme}-${view.toLowerCase().replace(/ /g, '-')}.png`, {
              animations: 'disabled',
              caret: 'hide',
              // Small: a few anti-aliased glyph edges may differ, a clipped word may not.
              maxDiffPixels: 120,
              threshold: 0.15,
            });
          }
        });
      }
    }

    test('Topology passes axe in both schemes', async () => {
      await page.setViewportSize(SIZES[0]);
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        await show(page, 'Topology', grid.clusters);
        expect({ scheme, violations: await seriousViolations(page) }).toEqual({ scheme, violations: [] });
      }
    });
  });
}
