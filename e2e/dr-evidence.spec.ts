// DR test evidence end to end (issue 13 items 1, 5): a FlashCopy DR test run through the wizard on the
// seed 000 sample grid, kept in the console's database; its evidence report saved as HTML and PDF; the
// engine host restarted on the same database; the report reopened from the Reports list, exported
// again and its digest verified against the journal. The family card counts the DR mounts as the
// report does.

import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, goTo, openConsole, runInConsole, seriousViolations, startConsoleServer, test } from './fixtures';

const wizardPanel = (page: Page) => page.getByRole('region', { name: 'DR test wizard' });

test('a FlashCopy DR test leaves an evidence report that survives a restart and verifies', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'timezero-e2e-evidence-'));
  try {
    let host = await startConsoleServer([], { dataDir });
    const context = await browser.newContext({ acceptDownloads: true });
    let page = await context.newPage();
    await openConsole(page, host.url);
    await runInConsole(page, 'SAMPLE flash-dr-family');

    // A family of tape-attached clusters only is refused before anything runs (seed 000: snapshots live in a disk cache).
    await goTo(page, 'DR Families');
    const panel = wizardPanel(page);
    await panel.getByRole('radio', { name: /FlashCopy for DR testing on a DR family/ }).check();
    const params = panel.getByRole('group', { name: /^Parameters of/ });
    await params.getByLabel('Family clusters').fill('CL4');
    await panel.getByRole('button', { name: 'Start the test' }).click();
    const run = panel.getByRole('region', { name: 'FlashCopy for DR testing on a DR family' });
    const next = run.locator('.next-step');
    await expect(next.getByRole('list', { name: 'Findings' })).toContainText('has no flash-capable member');
    await expect(next.getByRole('button', { name: 'Perform step' })).toBeDisabled();
    await run.getByRole('button', { name: 'Abandon…' }).click();
    await run.getByRole('button', { name: 'Abandon it' }).click();

    // The real test: CL2 (disk) in the family, the DR host reads two production volumes.
    await panel.getByRole('radio', { name: /FlashCopy for DR testing on a DR family/ }).check();
    await params.getByLabel('Family clusters').fill('CL2,CL3,CL4');
    await params.getByLabel('Volumes the test job reads').fill('A00000-A00001');
    await params.getByLabel('RTO target (minutes)').fill('120');
    await params.getByLabel('Tester', { exact: true }).fill('A. Tester');
    await panel.getByRole('button', { name: 'Start the test' }).click();
    for (let i = 0; i < 14; i++) {
      const progress = await run.getByTestId('wizard-progress').textContent();
      if (progress?.startsWith('All')) break;
      await next.getByRole('button', { name: /^(Perform step|Confirm done)$/ }).click();
      await expect(run.getByTestId('wizard-progress')).not.toHaveText(progress!);
    }
    await expect(run.getByTestId('wizard-status')).toHaveText('Finished');
    // The card counts the test's DR mounts as the report will: 10 writes and 2 reads.
    const card = page.getByRole('region', { name: 'Family DRFAM' });
    await expect(card.getByTestId('dr-mounts')).toContainText('12 in the last test');
    const saved = run.getByTestId('evidence-saved');
    await expect(saved).toBeVisible();
    const reportId = (await saved.getByRole('link').textContent())!;
    const save = async (button: string) => {
      const waiting = page.waitForEvent('download');
      await saved.getByRole('button', { name: button }).click();
      return waiting;
    };
    const html = await save('Save HTML');
    expect(html.suggestedFilename()).toBe(`${reportId}.html`);
    const text = readFileSync((await html.path())!, 'utf8');
    for (const section of ['4. Timeline', '6. RPO achieved', '7. RTO achieved', '11. Sign-off', 'Appendix: journal excerpt']) expect(text).toContain(section);
    expect(text).toContain('A. Tester');
    const pdf = await save('Save PDF');
    expect(pdf.suggestedFilename()).toBe(`${reportId}.pdf`);
    expect(
      readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const json = JSON.parse(readFileSync((await (await save('Save JSON')).path())!, 'utf8'));
    expect(json.drMounts.volumeMounts).toBe(12);
    await page.close();

    // Restart the engine host on the same database: the report is in the Reports list.
    await host.stop();
    host = await startConsoleServer([], { dataDir });
    page = await context.newPage();
    await openConsole(page, host.url);
    await goTo(page, 'Reports');
    const row = page.getByRole('row').filter({ hasText: 'DR test report — family DRFAM' });
    await expect(row).toHaveCount(1);
    await row.getByRole('button', { name: 'Open' }).click();
    const open = page.getByTestId('report-open');
    await expect(open).toContainText(reportId);
    await expect(open.getByTestId('report-verdict')).toHaveText(json.verdict.result);
    await open.getByRole('button', { name: 'Verify digest' }).click();
    await expect(open.getByTestId('report-action-status')).toHaveText(/^Verified: /);
    const again = page.waitForEvent('download');
    await open.getByRole('button', { name: 'Save PDF' }).click();
    expect(
      readFileSync((await (await again).path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await page.screenshot({ path: testInfo.outputPath('reports-view.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
    await host.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
