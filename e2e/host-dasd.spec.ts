// Host DASD in web mode (issue 6 item 5; spec §9; seeds 001 and 003): on the console sample a catalog
// volume at PROD replicates to DR through a journal (Console lines); in the Host DASD view a host write,
// a bookmark, virtual image access at the bookmark with its checksum equal to the source's at the
// bookmark, a background roll to logged access, disable; then a full journal releases history and the
// reachable window's start moves past the bookmark; finally remote copy seeding through its stages to
// a sync of only the dirty grains, with the bytes and time saved. axe-clean, light and dark.

import type { Page, TestInfo } from '@playwright/test';
import { expect, goTo, openConsole, runInConsole, seriousViolations, test } from './fixtures';

const SETUP = [
  'DASD CAT SITE PROD SIZE 2GB TYPE 3390-9',
  'DASD CATR SITE DR SIZE 2GB TYPE 3390-9',
  'REPLICATE CAT TO CATR ASYNC JOURNAL 16MB GBPS 1',
  'DASD DB SITE PROD SIZE 1GB TYPE 3390-9',
  'DASD DBR SITE DR SIZE 1GB TYPE 3390-9',
  'DASDWRITE DB 0 512MB PATTERN TEN-YEARS-OF-DATA',
  'REMOTECOPY DB TO DBR ESTABLISH OFFLINE GRAIN 256KB GBPS 0.1',
];

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Runs a line in the Console, then comes back to the Host DASD view. */
async function consoleLine(page: Page, line: string) {
  await runInConsole(page, line);
  await goTo(page, 'Host DASD');
}

test('journal replication: write, bookmark, image access at the bookmark, roll, disable, and the window moving when the journal wraps', async ({ page, host }, testInfo) => {
  test.setTimeout(120_000);
  await openConsole(page, host.url);
  await goTo(page, 'Host DASD');
  await expect(page.getByTestId('no-replications')).toBeVisible();
  for (const line of SETUP) await runInConsole(page, line);
  await goTo(page, 'Host DASD');

  const sets = page.getByRole('table', { name: 'Replication sets' });
  const row = sets.locator('tr[data-replica="CATR"]');
  await expect(row.getByRole('rowheader')).toHaveText('CAT → CATR');
  await expect(row).toContainText('ASYNC');
  const journal = page.getByTestId('journal-panel');
  await expect(journal.getByRole('heading', { name: 'Journal of CATR' })).toBeVisible();
  await expect(journal.getByTestId('released')).toHaveText(/^none/);

  // A host write through the view's form (spec §9 DASDWRITE), shown as the issued line.
  const write = page.getByRole('form', { name: 'Write to CAT' });
  await write.getByLabel('Pattern').fill('CATALOG-V1');
  await write.getByRole('button', { name: 'Write' }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('DASDWRITE CAT 0 8MB PATTERN CATALOG-V1');
  // Asynchronous transfer: the write is in flight (delta marking) until the link delivers it.
  await expect(row).toContainText('in flight');
  await consoleLine(page, 'ADVANCE 2s');
  await expect(row).toContainText('nothing in flight');

  await journal.getByRole('button', { name: 'Checksum CAT', exact: true }).click();
  await expect(journal.getByTestId('checksum-source')).toHaveText(/^[0-9a-f]{16} at /);
  const atBookmark = (await journal.getByTestId('checksum-source').textContent())!.slice(0, 16);

  // A bookmark names this consistent point (seed 001 claim 3).
  const mark = page.getByRole('form', { name: 'Bookmark CAT' });
  await mark.getByLabel('Bookmark name').fill('TIMEZERO');
  await mark.getByRole('button', { name: 'Bookmark' }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('BOOKMARK CAT TIMEZERO');
  await expect(journal.locator('tr[data-bookmark="TIMEZERO"]')).toContainText('yes');

  // The catalog is damaged after the bookmark.
  await consoleLine(page, 'ADVANCE 1m');
  await write.getByLabel('Size').fill('1MB');
  await write.getByLabel('Pattern').fill('CORRUPTED');
  await write.getByRole('button', { name: 'Write' }).click();
  await consoleLine(page, 'ADVANCE 2s');
  await journal.getByRole('button', { name: 'Checksum CAT', exact: true }).click();
  await expect(journal.getByTestId('checksum-source')).not.toHaveText(new RegExp(`^${atBookmark}`));

  // Virtual image access at the bookmark: at once, built from the journal; its checksum is the source's at the bookmark.
  const access = page.getByRole('form', { name: 'Image access on CATR' });
  await expect(access.getByLabel('Point in time')).toHaveValue('TIMEZERO');
  await access.getByRole('radio', { name: /^Virtual/ }).check();
  await access.getByRole('button', { name: 'Access image' }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('IMAGE ACCESS CATR AT TIMEZERO VIRTUAL');
  await expect(access.getByTestId('access-state')).toHaveText(/^Virtual access to TIMEZERO/);
  await expect(journal).toContainText('paused during image access');
  await journal.getByRole('button', { name: 'Checksum the image' }).click();
  await expect(journal.getByTestId('checksum-image')).toHaveText(new RegExp(`^${atBookmark} at `));
  await shoot(page, testInfo, 'host-dasd-image-access');
  expect(await seriousViolations(page)).toEqual([]);

  // Roll to the image in the background: virtual now, logged when the roll completes (seed 001).
  await access.getByRole('button', { name: 'Roll to image' }).click();
  await expect(access.getByTestId('access-state')).toContainText('rolling to it in the background');
  await consoleLine(page, 'ADVANCE UNTIL IDLE');
  await expect(access.getByTestId('access-state')).toHaveText(/^Logged access to TIMEZERO/);
  await journal.getByRole('button', { name: 'Checksum CATR', exact: true }).click();
  await expect(journal.getByTestId('checksum-replica')).toHaveText(new RegExp(`^${atBookmark} at `));
  await access.getByRole('button', { name: 'Disable image access' }).click();
  await expect(access.getByTestId('access-state')).toHaveText('No image access: the replica follows the source.');

  // A full journal releases its oldest history: the earliest reachable point in time moves forward, past the bookmark.
  const earliest = await journal.getByTestId('earliest-pit').textContent();
  await consoleLine(page, 'DASDLOAD CAT RATE 20 IOSIZE 64KB FOR 10s');
  await expect(journal.getByTestId('earliest-pit')).not.toHaveText(earliest!);
  await expect(journal.getByTestId('released')).toHaveText(/transaction\(s\): the journal filled and its oldest history went$/);
  await expect(journal.locator('tr[data-bookmark="TIMEZERO"]')).toContainText('no: released');
  await expect(journal.getByTestId('window-bar')).toHaveAttribute('aria-label', /1 released from the journal$/);
  await expect(access.getByLabel('Point in time')).toHaveValue('@time');
  await shoot(page, testInfo, 'host-dasd-journal-wrapped');
});

test('remote copy seeding: flash copy to media, ship, upload, sync only the dirty grains, with what it saved', async ({ page, host }, testInfo) => {
  test.setTimeout(90_000);
  await openConsole(page, host.url);
  for (const line of SETUP) await runInConsole(page, line);
  await goTo(page, 'Host DASD');
  const seeding = page.locator('[data-remote-copy="DB"]');
  await expect(seeding.getByTestId('seeding-progress')).toHaveText(/^Stage 1 of 5: established-offline/);
  await expect(seeding.getByTestId('dirty-grains').getByRole('meter')).toHaveAttribute('aria-valuenow', '0');

  await seeding.getByLabel('Media name').fill('CRATE1');
  await seeding.getByRole('button', { name: 'Flash copy to media' }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('FLASHCOPY DB TO MEDIA CRATE1');
  await expect(seeding.getByTestId('seeding-progress')).toHaveText(/^Stage 2 of 5/);
  // Production goes on while the media travels: its writes are dirty grains (seed 003).
  await consoleLine(page, 'DASDLOAD DB RATE 2 IOSIZE 64KB FOR 10s');
  await expect(seeding.getByTestId('dirty-grains').getByRole('meter')).not.toHaveAttribute('aria-valuenow', '0');
  await seeding.getByRole('button', { name: 'Ship to DR' }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('SHIP CRATE1 TO DR');
  await expect(seeding.getByTestId('seeding-progress')).toHaveText(/^Stage 3 of 5/);
  await seeding.getByRole('button', { name: 'Upload to DBR' }).click();
  await expect(seeding.getByTestId('seeding-progress')).toHaveText(/^Stage 4 of 5/);
  await seeding.getByRole('button', { name: 'Sync dirty grains' }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('SYNC DBR');
  await expect(seeding.getByTestId('seeding-progress')).toHaveText(/^Stage 5 of 5: synchronized/);
  await expect(seeding.getByTestId('time-saved')).toHaveText(/^[\d,]+ dirty grains sent in .+ instead of .+ for a full sync: .+ and .+ saved\.$/);
  await expect(seeding.getByTestId('seeding-sync').getByRole('meter')).toHaveAttribute('aria-valuemax', String(2 ** 30));

  await shoot(page, testInfo, 'host-dasd');
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot(page, testInfo, 'host-dasd-dark');
  expect(await seriousViolations(page, ['color-contrast'])).toEqual([]);
});

test('an active/active volume fractured, one site rolled to a bookmark and unfractured; copy versions pre-paired and backed up', async ({ page, host }, testInfo) => {
  test.setTimeout(120_000);
  await openConsole(page, host.url);
  // Seed 001 FIGS. 5-8 and seed 002 Table 3.4, as Console lines.
  const lines = [
    'DASD RMM SITE PROD SIZE 1GB',
    'DISTRIBUTE RMM SITES PROD,DR CHANGESET 5s',
    'DASDWRITE RMM 0 8KB PATTERN PROD-1 SITE PROD',
    'ADVANCE 6s',
    'BOOKMARK RMM CLEAN',
    'DASDWRITE RMM 0 4KB PATTERN CORRUPT SITE DR',
    'ADVANCE 6s',
    ...['A', 'B', 'TA', 'TB', 'TC', 'TD'].map((v) => `DASD ${v} SITE PROD SIZE 1GB TYPE 3390-9`),
    'SOURCEPOOL SOURCE VOLUMES A,B',
    'TARGETPOOL TARGET01 FOR SOURCE VOLUMES TA,TB',
    'TARGETPOOL TARGET02 FOR SOURCE VOLUMES TC,TD',
  ];
  for (const line of lines) await runInConsole(page, line);
  await goTo(page, 'Host DASD');

  const rmm = page.locator('[data-distributed="RMM"]');
  await expect(rmm.getByRole('heading')).toContainText('in sync');
  await rmm.getByRole('button', { name: 'Fracture', exact: true }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('FRACTURE RMM');
  await expect(rmm.getByRole('heading')).toContainText('fractured');
  const roll = page.getByRole('form', { name: 'Roll a site of RMM' });
  await expect(roll.getByLabel('Roll site')).toHaveValue('DR');
  await roll.getByLabel('to (time or bookmark)').fill('CLEAN');
  await roll.getByRole('button', { name: 'Roll', exact: true }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('ROLL RMM SITE DR TO CLEAN');
  await expect(rmm.getByRole('heading')).toContainText(/DR rolled to 2026-/);
  await rmm.getByRole('button', { name: 'Unfracture, keep the point in time' }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('UNFRACTURE RMM KEEP PIT');
  await expect(rmm.getByRole('heading')).toContainText('in sync');

  // Seed 002: the pre-pairing record of V1, then V1 and V2 on alternating target pools (Table 2.1).
  const pool = page.locator('[data-pool="SOURCE"]');
  await pool.getByRole('button', { name: 'Pre-pair' }).click();
  await expect(page.getByTestId('issued-line')).toHaveText('PREPAIR SOURCE');
  const versions = pool.getByRole('table', { name: 'Versions of SOURCE' });
  await expect(versions.getByRole('row', { name: /^V1 .* PPR TARGET01 A→TA, B→TB$/ })).toBeVisible();
  await pool.getByRole('button', { name: 'Back up (make a copy version)' }).click();
  await expect(versions.getByRole('row', { name: /^V1 .* RR TARGET01 A→TA, B→TB$/ })).toBeVisible();
  await pool.getByRole('button', { name: 'Back up (make a copy version)' }).click();
  await expect(versions.getByRole('row', { name: /^V2 .* RR TARGET02 A→TC, B→TD$/ })).toBeVisible();
  await expect(pool.getByRole('table', { name: 'Chronology of SOURCE (Managing multiple copy versions, Appendix A)' }).getByRole('row', { name: /^T1\+ / })).toBeVisible();

  await shoot(page, testInfo, 'host-dasd-distributed-and-versions');
  expect(await seriousViolations(page)).toEqual([]);
});
