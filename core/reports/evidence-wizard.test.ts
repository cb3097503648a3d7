// The DR test evidence report of a FlashCopy DR-family test run by its wizard (issue 13 items 1-2; seed
// 000 claims 1-5: one time-zero for the family, the DR host reads volumes as they were then).
import { assert, describe, expect, it } from 'vitest';
import { journalDigest, reportDigest, sessionJournal, verifyReport } from './evidence-digest.js';
import { buildWizardEvidence } from './evidence-wizard.js';
import { evidenceHtml } from './evidence-html.js';
import { flashSession, runFlashTest } from './evidence.fixture.js';

const meta = { toolVersion: '0.1.0', seed: 7, now: new Date('2026-12-06T20:00:00Z') };

describe('DR test evidence of a FlashCopy test', () => {
  it('lists every step with its simulated times and lines, a verdict with its rules, RPO and RTO per critical MC', () => {
    const session = flashSession();
    const run = runFlashTest(session, { rtoMinutes: 120, rpoMinutes: 60 });
    const r = buildWizardEvidence(session, run, sessionJournal(session), meta);
    expect(r.steps.map((s) => s.outcome)).not.toContain('not run');
    // The DASD image step has no replication to roll on this grid: reported as skipped, with why.
    const skipped = r.steps.filter((s) => s.outcome === 'skipped');
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped[0]?.reason).toMatch(/no DASD replication/);
    // Time-zero is the FLASH ENABLE step's time; the DR reads of both production volumes are counted.
    const tz = r.steps.find((s) => s.id === 'time-zero');
    expect(r.rpo).toMatchObject({ point: tz?.start });
    expect(r.drMounts?.rows.some((m) => /READ A00000-A00001/.test(m.command))).toBe(true);
    expect(r.drMounts?.volumeMounts).toBeGreaterThanOrEqual(12); // 10 test writes + 2 reads
    // RTO: MCPROD (the production class) first mounted at the DR site after the declaration.
    expect(r.scope.criticalMcs).toContain('MCPROD');
    const prod = r.rto?.perMc.find((m) => m.mc === 'MCPROD');
    expect(prod?.seconds).not.toBeNull();
    expect(prod?.seconds).toBeGreaterThan(0); // steps take simulated time: the reads come after vary-online and the writes
    expect(['PASS', 'PASS WITH EXCEPTIONS']).toContain(r.verdict.result);
    expect(r.cleanup.done).toBe(true);
    expect(r.digest).toBe(reportDigest(r));
  });

  it('digests the journal it was built from: an altered journal or report is detected', () => {
    const session = flashSession();
    const run = runFlashTest(session);
    const journal = sessionJournal(session);
    const r = buildWizardEvidence(session, run, journal, meta);
    expect(verifyReport(r, journal, r.digest).ok).toBe(true);
    expect(r.journal.digest).toBe(journalDigest(journal.rows(r.journal.fromSeq, r.journal.toSeq)));
    // The journal altered: one outcome changed.
    const entry = session.journal[r.journal.fromSeq + 2];
    assert.isDefined(entry, 'a journal entry inside the report');
    const saved = entry.outcome;
    entry.outcome = { ...saved, ok: !saved.ok };
    expect(verifyReport(r, journal, r.digest).ok).toBe(false);
    entry.outcome = saved;
    // The report altered: a FAIL turned into a PASS.
    const forged = { ...r, verdict: { ...r.verdict, result: 'PASS' as const } };
    expect(verifyReport(forged, journal, r.digest).ok).toBe(r.verdict.result === 'PASS');
    expect(verifyReport({ ...forged, digest: reportDigest(forged) }, journal, r.digest).checks.find((c) => c.check === 'archived report')?.ok).toBe(r.verdict.result === 'PASS');
  });

  it('prints numbers with separators and every section in HTML', () => {
    const session = flashSession();
    const r = buildWizardEvidence(session, runFlashTest(session), sessionJournal(session), meta);
    const html = evidenceHtml(r);
    for (const h of [
      '1. Cover',
      '2. Scope and objectives',
      '4. Timeline',
      '5. Skipped and failed steps',
      '6. RPO achieved',
      '7. RTO achieved',
      '9. Findings and hazards',
      '10. Clean-up',
      '11. Sign-off',
      'Appendix: journal excerpt',
    ])
      expect(html).toContain(h);
    expect(html).toContain(r.journal.digest);
  });
});
