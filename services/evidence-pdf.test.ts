// The evidence report's PDF is a real document (issue 13 item 3): fonts embedded, tables, page header
// and "page n of m" footer, numbers with thousands separators and units, no word broken across lines.
// A page rendered to PNG (pdftoppm, Debian's poppler-utils) is compared with a reviewed reference
// image within a tolerance (pixelmatch). UPDATE_REFERENCE=1 rewrites the reference after a review.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { sealed, sessionJournal } from '../core/reports/evidence-digest.js';
import type { EvidenceReport } from '../core/reports/evidence-model.js';
import { buildWizardEvidence } from '../core/reports/evidence-wizard.js';
import { flashSession, runFlashTest } from '../core/reports/evidence.fixture.js';
import { evidencePdf } from './evidence-pdf.js';

const REFERENCE = join(import.meta.dirname, 'fixtures', 'evidence-report-page-1.png');

/** A FlashCopy test's report with its wall-clock fields fixed, so the page renders the same every run. */
function fixedReport(): EvidenceReport {
  const session = flashSession();
  const run = runFlashTest(session, { rpoMinutes: 60, rtoMinutes: 120, tester: 'A. Tester', reviewer: 'B. Reviewer', testWrites: 1000 });
  const r = buildWizardEvidence(session, run, sessionJournal(session), { toolVersion: '0.1.0', seed: 7, now: new Date('2026-12-06T20:00:00Z') });
  const { digest: _d, ...body } = r;
  return sealed({ ...body, id: 'flash-dr-test-20261206T200000Z-00000000', cover: { ...body.cover, wallStart: '2026-12-06T19:58:00.000Z', wallEnd: '2026-12-06T19:59:30.000Z' } });
}

function render(pdf: Uint8Array, page: number): PNG {
  const dir = mkdtempSync(join(tmpdir(), 'tz-pdf-'));
  writeFileSync(join(dir, 'r.pdf'), pdf);
  execFileSync('pdftoppm', ['-r', '60', '-f', String(page), '-l', String(page), '-png', '-singlefile', join(dir, 'r.pdf'), join(dir, 'page')]);
  return PNG.sync.read(readFileSync(join(dir, 'page.png')));
}

describe('evidence report PDF', () => {
  it('embeds its fonts, numbers its pages, wraps words whole and prints numbers with separators and units', async () => {
    const pdf = await evidencePdf(fixedReport());
    const dir = mkdtempSync(join(tmpdir(), 'tz-pdf-'));
    writeFileSync(join(dir, 'r.pdf'), pdf);
    const fonts = execFileSync('pdffonts', [join(dir, 'r.pdf')], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f, f).toMatch(/TrueType.*\byes\b/); // "emb" column
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(2);
    expect(pages[pages.length - 1]).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(text).toContain('1,000 of 1,000 write jobs succeeded');
    expect(text).toMatch(/1,\d{3} volumes existed then/);
    // The faults of the old report: no word cut in two, no stray "Z.." after a time.
    expect(text).not.toMatch(/sn\/apshots|1\/0 jobs|Z\.\./);
    for (const line of text.split('\n')) expect(line, line).not.toMatch(/\b[a-z]{2,}-$/);
  }, 60_000);

  it('page 1 looks like the reviewed reference image', async () => {
    const page = render(await evidencePdf(fixedReport()), 1);
    if (process.env.UPDATE_REFERENCE) writeFileSync(REFERENCE, PNG.sync.write(page));
    const reference = PNG.sync.read(readFileSync(REFERENCE));
    expect([page.width, page.height]).toEqual([reference.width, reference.height]);
    const differing = pixelmatch(page.data, reference.data, null, page.width, page.height, { threshold: 0.2 });
    // Font hinting may move a few pixels between poppler versions; a changed layout moves thousands.
    expect(differing / (page.width * page.height)).toBeLessThan(0.01);
  }, 60_000);
});
