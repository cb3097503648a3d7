// Topology's actions beyond "Fail CL0" (failure.spec.ts): a grid link, a host link and a whole site fail
// and are repaired from the diagram, service mode and the ownership takeover mode are set, each issuing
// the spec §6 line and changing what the diagram shows (Redbook §11.1: grid states, service preparation,
// read-only takeover "only when the peer is really down"). The console sample is three-cluster-ha-dr
// (Redbook §11.4 Figure 11-15: CL0, CL1 at site PROD, CL2 at site DR). Last, the colours follow the OS's
// light or dark preference.

import { expect, goTo, openConsole, test } from './fixtures';

test('a grid link fails and is repaired from Topology, with Grid Links Degraded meanwhile', async ({ page, host }) => {
  await openConsole(page, host.url);
  await goTo(page, 'Topology');
  const actions = page.getByRole('complementary', { name: 'Actions' });
  const states = page.getByRole('region', { name: 'Grid states' }).getByRole('listitem');

  // Links are thin strokes: selected from the keyboard, as an operator without a mouse would.
  await page.getByRole('button', { name: /^Grid link CL0–CL1: / }).press('Enter');
  await actions.getByRole('button', { name: 'Fail link', exact: true }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('FAIL LINK CL0 CL1');
  await expect(page.getByRole('button', { name: /^Grid link CL0–CL1: 0 of \d+ working$/ })).toBeAttached();
  // Redbook §11.2.3: "The grid enters the Grid Links Degraded state, the VTS Operations Degraded state…"
  await expect(states).toContainText(['Grid Links Degraded']);

  await actions.getByRole('button', { name: 'Repair link', exact: true }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('REPAIR LINK CL0 CL1');
  await expect(page.getByRole('button', { name: /^Grid link CL0–CL1: (\d+) of \1 working$/ })).toBeVisible();
  await expect(states).toHaveCount(0);
});

test('a host link path fails and is repaired; a whole site fails and is repaired', async ({ page, host }) => {
  await openConsole(page, host.url);
  await goTo(page, 'Topology');
  const actions = page.getByRole('complementary', { name: 'Actions' });

  await page.getByRole('button', { name: /^Host link PRODHOST–CL0: / }).press('Enter');
  await actions.getByRole('button', { name: 'Fail host link', exact: true }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('FAIL HOSTLINK PRODHOST CL0');
  // (A link's stroke can be zero pixels wide, so its label is checked attached, not visible.)
  // One channel path of two is lost (IOS050I … 1 PATH(S) REMAIN): the host link is degraded.
  await expect(page.getByRole('button', { name: /^Host link PRODHOST–CL0: degraded, 1 of 2 paths$/ })).toBeAttached();
  await actions.getByRole('button', { name: 'Repair host link', exact: true }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('REPAIR HOSTLINK PRODHOST CL0');
  await expect(page.getByRole('button', { name: /^Host link PRODHOST–CL0: ok/ })).toBeAttached();

  await page.getByRole('button', { name: 'Site DR', exact: true }).press('Enter');
  await actions.getByRole('button', { name: 'Fail site DR' }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('FAIL SITE DR');
  await expect(page.getByRole('button', { name: 'Site DR, failed' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Cluster CL2, failed/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Host DRHOST, DR, failed/ })).toBeVisible();
  await actions.getByRole('button', { name: 'Repair site DR' }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('REPAIR SITE DR');
  await expect(page.getByRole('button', { name: 'Site DR', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Cluster CL2, online/ })).toBeVisible();
});

test('service mode and the ownership takeover mode are set from the cluster panel', async ({ page, host }) => {
  await openConsole(page, host.url);
  await goTo(page, 'Topology');
  const actions = page.getByRole('complementary', { name: 'Actions' });

  await page.getByRole('button', { name: /^Cluster CL1/ }).click();
  await actions.getByRole('button', { name: 'Service prep' }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('SERVICE CL1 PREP');
  await expect(page.getByRole('button', { name: /^Cluster CL1, service-prep/ })).toBeVisible();
  await actions.getByRole('button', { name: 'Service off' }).click();
  await expect(page.getByRole('button', { name: /^Cluster CL1, online/ })).toBeVisible();

  // Takeover while CL1 is reachable is refused, and the refusal is shown, not swallowed.
  await page.getByRole('button', { name: /^Cluster CL0/ }).click();
  await actions.getByLabel("CL0 takes CL1's volumes").selectOption('read');
  await actions.getByRole('button', { name: 'Set takeover for CL1' }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('TAKEOVER CL0 FOR CL1 READ');
  await expect(actions.getByRole('region', { name: 'Issued command' })).toContainText('PEER_REACHABLE');

  // With CL1 down, the operator sets read-only takeover (Redbook §11.1 Ownership Takeover Mode).
  await page.getByRole('button', { name: /^Cluster CL1/ }).click();
  await actions.getByRole('button', { name: 'Fail CL1' }).click();
  await expect(page.getByRole('button', { name: /^Cluster CL1, failed/ })).toBeVisible();
  await page.getByRole('button', { name: /^Cluster CL0/ }).click();
  await actions.getByLabel("CL0 takes CL1's volumes").selectOption('read');
  await actions.getByRole('button', { name: 'Set takeover for CL1' }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('TAKEOVER CL0 FOR CL1 READ');
  await expect(page.getByRole('button', { name: /^Cluster CL0, online.*, takeover read for CL1$/ })).toBeVisible();
  await expect(actions.getByText('now: read')).toBeVisible();

  await page.getByRole('button', { name: /^Cluster CL1/ }).click();
  await actions.getByRole('button', { name: 'Repair CL1' }).click();
  await expect(page.getByRole('button', { name: /^Cluster CL1, online/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Cluster CL0, online/ })).not.toHaveAccessibleName(/takeover/);
});

test('a link is selected by a click beside its line or on its label, not only on the line itself', async ({ page, host }) => {
  await openConsole(page, host.url);
  await goTo(page, 'Topology');
  const actions = page.getByRole('complementary', { name: 'Actions' });
  const link = page.locator('g.link[data-link="CL0-CL2"]');
  // 8 px below the middle of its horizontal run: off the 3 px stroke, inside the hit area.
  const run = await link.locator('.link-line').evaluate((path: SVGPathElement) => {
    const m = path.getScreenCTM()!;
    const box = path.getBBox();
    const x = box.x + box.width * 0.3;
    return { x: x * m.a + m.e, y: (box.y + box.height) * m.d + m.f };
  });
  await page.mouse.click(run.x, run.y + 8);
  await expect(actions.getByRole('heading', { name: 'Grid link CL0–CL2' })).toBeVisible();
  await page.getByRole('button', { name: /^Cluster CL1/ }).click();
  await link.locator('.link-label-box').click();
  await expect(actions.getByRole('heading', { name: 'Grid link CL0–CL2' })).toBeVisible();
});

test("a failed cluster's links and host links are drawn failed, and its panel offers only what makes sense", async ({ page, host }) => {
  await openConsole(page, host.url);
  await goTo(page, 'Topology');
  const actions = page.getByRole('complementary', { name: 'Actions' });
  await page.getByRole('button', { name: /^Cluster CL2/ }).click();
  await actions.getByRole('button', { name: 'Fail CL2' }).click();
  await expect(page.getByRole('button', { name: /^Cluster CL2, failed/ })).toBeVisible();
  // Redbook §11.2: with a cluster down, its grid links carry nothing and its host's devices are lost.
  await expect(page.getByRole('button', { name: 'Grid link CL0–CL2: unusable while CL2 is failed' })).toHaveClass(/link-failed/);
  await expect(page.getByRole('button', { name: 'Grid link CL1–CL2: unusable while CL2 is failed' })).toHaveClass(/link-failed/);
  await expect(page.getByRole('button', { name: /^Grid link CL0–CL1: 2 of 2 working$/ })).toHaveClass(/link-ok/);
  await expect(page.getByRole('button', { name: /^Host link DRHOST–CL2: failed \(CL2 is failed\)/ })).toHaveClass(/hostlink-failed/);
  // No service or takeover on a cluster that is down: only Repair, and where takeover is set instead.
  await expect(actions.getByRole('button', { name: 'Repair CL2' })).toBeVisible();
  await expect(actions.getByRole('button', { name: /^Service/ })).toHaveCount(0);
  await expect(actions.getByRole('button', { name: /^Set takeover/ })).toHaveCount(0);
  await expect(actions.getByTestId('failed-cluster-note')).toContainText('select CL0 or CL1');
  await actions.getByRole('button', { name: 'Repair CL2' }).click();
  await expect(page.getByRole('button', { name: /^Grid link CL0–CL2: 2 of 2 working$/ })).toHaveClass(/link-ok/);
});

test('light and dark follow the operating system preference', async ({ page, host }) => {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  // Relative luminance (WCAG) of an rgb() colour.
  const luminance = (rgb: string) => {
    const [r, g, b] = rgb
      .match(/\d+/g)!
      .slice(0, 3)
      .map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  await page.emulateMedia({ colorScheme: 'light' });
  await openConsole(page, host.url);
  const light = await background();
  expect(luminance(light)).toBeGreaterThan(0.8);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).not.toBe(light);
  expect(luminance(await background())).toBeLessThan(0.05);
});
