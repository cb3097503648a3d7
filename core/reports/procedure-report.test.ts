// Issue 4 item 4 — a report of every DR test: the four Redbook §11.10 procedures use no DR family, so
// their report puts the test's start in place of time-zero (Redbook §11.9.1), lists the DR host's
// mounts with their source or failure reason, answers "what would we have lost?" for the DR site as
// the grid was at the start, per Management Class, and says which family sections do not apply.
import { inflateSync } from 'node:zlib';
import { assert, describe, expect, it } from 'vitest';
import { Session } from '../session.js';
import { isoTime } from '../sim/time.js';
import { WIZARDS } from '../wizards/procedures.js';
import { describeStep, performStep, startWizard, type WizardRun } from '../wizards/runner.js';
import { reportHtml, reportPdf } from './dr-test-report.js';
import { buildProcedureReport } from './procedure-report.js';

function sessionOn(sample: string): Session {
  const session = new Session(null, 1);
  for (const c of session.validate(`SAMPLE ${sample}`).commands) session.run(c);
  return session;
}

function exec(session: Session, text: string) {
  const validated = session.validate(text);
  expect(validated.errors).toEqual([]);
  return validated.commands.map((c) => session.run(c));
}

function stepUntil(session: Session, run: WizardRun, stepId: string | null): WizardRun {
  while (run.status !== 'finished' && describeStep(session, run)?.id !== stepId) {
    const outcome = performStep(session, run, true);
    expect(outcome.refused, outcome.step.stepId).toBe(false);
    run = outcome.run;
  }
  return run;
}

/** The text a pdf-lib page draws: its content streams inflated, their `<hex> Tj` strings decoded (WinAnsi ≈ latin1). */
function pdfText(pdf: Uint8Array): string {
  const bytes = Buffer.from(pdf);
  const raw = bytes.toString('latin1');
  const lines: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(bytes.subarray(start, end)).toString('latin1');
    } catch {
      continue; // not a Flate stream (fonts, object streams that fail): no page text there
    }
    for (const t of content.matchAll(/<([0-9A-Fa-f]+)> Tj/g))
      lines.push(
        Buffer.from(t[1] ?? '', 'hex')
          .toString('latin1')
          .replace(/\x97/g, '—')
          .replace(/\x93/g, '“')
          .replace(/\x94/g, '”'),
      );
  }
  return lines.join('\n');
}

describe('DR test report of a Redbook §11.10 procedure (no DR family)', () => {
  it('Selective Write Protect test (§11.10.1): the start for time-zero, readiness of the DR cluster at the start, the DR host mounts', async () => {
    const session = sessionOn('two-cluster-dr');
    let run = startWizard(session, 'swp-two-cluster', { testReads: 'A00000-A00004' });
    // The steps before the start take simulated time (restoring the DR system, two hours): production
    // writes just before the test starts, so its Deferred copies (MCPROD RD) are not yet on the DR cluster.
    run = stepUntil(session, run, 'vary-online');
    exec(session, 'JOB PRODHOST WRITE 20 SCRATCH ON CL0 MC MCPROD SIZE 1GB');
    run = stepUntil(session, run, 'test-jobs');
    const startStep = run.done.find((d) => d.stepId === 'vary-online');
    assert.isDefined(startStep, 'the vary-online step ran');
    // During the test: the copies drain, production goes on, the DR host mounts a production volume
    // and one that does not exist.
    exec(session, 'ADVANCE UNTIL IDLE\nJOB PRODHOST WRITE 5 SCRATCH ON CL0 MC MCPROD SIZE 1GB\nMOUNT A00010 ON CL1 HOST DRHOST\nDEMOUNT A00010 HOST DRHOST\nMOUNT QQ0001 ON CL1 HOST DRHOST');
    run = stepUntil(session, run, null);
    expect(run.status).toBe('finished');

    const report = buildProcedureReport(session, run);
    expect(report.family).toBeNull();
    expect(report.procedure).toMatchObject({
      wizardId: 'swp-two-cluster',
      source: 'Redbook §11.10.1',
      drCluster: 'CL1',
      drHost: 'DRHOST',
      production: ['CL0'],
      drSite: ['CL1'],
      start: isoTime(Date.parse(startStep.at)),
      status: 'finished',
    });
    expect(report.procedure?.end).not.toBeNull();
    // Readiness at the start, not now: the 20 volumes written just before it had no copy on CL1 yet,
    // though they have one now.
    expect(report.readiness.asOf).toBe(report.procedure?.start);
    expect(report.readiness.mountCluster).toBe('CL1');
    expect(report.readiness.byMc.MCPROD).toMatchObject({ lost: 20 });
    expect(report.readiness.volumes).toBe(session.engineAt(Date.parse(startStep.at)).state.volumes.count);
    // Asked of the grid now, the same DR site would lose nothing: the copies have drained since.
    const now = buildProcedureReport(session, { ...run, done: run.done.map((d) => (d.stepId === 'vary-online' ? { ...d, at: new Date(session.engine.state.now).toISOString() } : d)) });
    expect(now.readiness.lost).toBe(0);
    expect(report.readiness.lost).toBe(20);
    // Every DR-host mount with its source or failure reason.
    const mounts = report.mounts.map((m) => `${m.command.split(' ').slice(0, 2).join(' ')}|${m.ok ? [m.source, m.sourceCluster].join('@') : m.reason?.split(':')[0]}`);
    // The test jobs read production volumes first, then write the DR test data (core/wizards/procedures.ts).
    expect(mounts).toEqual(['MOUNT A00010|live@CL1', 'MOUNT QQ0001|NO_SUCH_VOLUME', 'JOB DRHOST|5 of 5 jobs succeeded@', 'JOB DRHOST|10 of 10 jobs succeeded@']);

    const html = reportHtml(report);
    expect(html).toContain(`Test start: <strong>${report.procedure?.start}</strong> — in place of time-zero`);
    expect(html).toContain('Two-cluster grid using Selective Write Protect (Redbook §11.10.1)');
    expect(html).toContain('<h2>Readiness of the DR site at the test start</h2>');
    expect(html).toContain('<h2>What would have been lost at the test start, per Management Class</h2>');
    expect(html).toMatch(/<tr><td>MCPROD<\/td><td>\d+<\/td><td>\d+<\/td><td>20<\/td><\/tr>/);
    expect(html).toContain('consistent copy on CL1');
    expect(html).toContain('<td>MOUNT QQ0001 ON CL1 HOST DRHOST</td><td>failed</td>');
    expect(html).toContain('<h2>Sections that do not apply to this test</h2>');
    expect(html).toContain('<strong>DR family and time-zero</strong>');
    expect(html).not.toContain('Metadata snapshots</td>');

    const text = pdfText(await reportPdf(report));
    expect(text).toContain('DR test report — Two-cluster grid using Selective Write Protect');
    expect(text).toContain(`Test start: ${report.procedure?.start}.`);
    expect(text).toContain('What would have been lost at the test start, per Management Class');
    expect(text).toMatch(/MCPROD: \d+ volumes, \d+ recoverable, 20 lost/);
    expect(text).toContain('MOUNT QQ0001 ON CL1 HOST DRHOST  FAILED');
    expect(text).toContain('Sections that do not apply to this test');
    expect(text).toContain('DR family and time-zero: Redbook §11.10.1 tests without a DR family');
  });

  for (const wizard of WIZARDS.filter((w) => !w.usesFamily)) {
    it(`${wizard.title} (${wizard.source}) has a report with its start and the DR host's test jobs`, async () => {
      const session = sessionOn(wizard.id === 'three-cluster-links-up' ? 'three-cluster-ha-dr' : 'two-cluster-dr');
      let run = startWizard(session, wizard.id);
      // Before the test starts the report says so, and answers for the grid as it is now.
      const before = buildProcedureReport(session, run);
      expect(before.procedure).toMatchObject({ start: null });
      expect(reportHtml(before)).toContain(`Test start: <strong>not started yet (the step “${wizard.steps.find((s) => s.startsTest)?.title}” starts it)</strong>`);
      run = stepUntil(session, run, null);
      const report = buildProcedureReport(session, run);
      expect(report.procedure).toMatchObject({ start: expect.any(String) });
      expect(report.procedure?.drSite).not.toContain(run.params.production[0]);
      expect(report.mounts.find((m) => m.command.startsWith(`JOB ${run.params.drHost} WRITE`))).toMatchObject({ ok: true, source: '10 of 10 jobs succeeded' });
      expect(Object.keys(report.readiness.byMc).length).toBeGreaterThan(0);
      expect(pdfText(await reportPdf(report))).toContain(`${wizard.source}`);
    });
  }
});
