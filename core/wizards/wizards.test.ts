// The DR-test wizards of Redbook §11.10 and seed 000 run end to end on the samples, and refuse to act
// when the grid would endanger production.
import { assert, describe, expect, it } from 'vitest';
import { Session } from '../session.js';
import { WIZARDS } from './procedures.js';
import { describeStep, performStep, startWizard, type WizardRun } from './runner.js';
import { stringField } from '../model/json-fields.js';

function sessionOn(sample: string): Session {
  const session = new Session(null, 1);
  for (const c of session.validate(`SAMPLE ${sample}`).commands) session.run(c);
  return session;
}

function runAll(session: Session, run: WizardRun): WizardRun {
  while (run.status !== 'finished') {
    const { run: next, step, refused } = performStep(session, run, true);
    expect(refused, `${step.stepId}: ${JSON.stringify(step.findings)} ${JSON.stringify(step.records.filter((r) => !r.ok))}`).toBe(false);
    expect(step.records.filter((r) => !r.ok).map((r) => `${r.line}: ${r.error}`)).toEqual([]);
    run = next;
  }
  return run;
}

const SAMPLE_FOR: Record<string, string | undefined> = {
  'swp-two-cluster': 'two-cluster-dr',
  'two-cluster-links-up': 'two-cluster-dr',
  'two-cluster-links-broken': 'two-cluster-dr',
  'three-cluster-links-up': 'three-cluster-ha-dr',
  'flash-dr-family': 'flash-dr-family',
};

describe('DR-test wizards', () => {
  for (const wizard of WIZARDS) {
    it(`${wizard.title} (${wizard.source}) runs before, during and after the test`, () => {
      const sample = SAMPLE_FOR[wizard.id];
      assert.isDefined(sample, `a sample grid for ${wizard.id}`);
      const session = sessionOn(sample);
      const params = wizard.id === 'flash-dr-family' ? { drCluster: 'CL2', familyClusters: ['CL2', 'CL3', 'CL4'], production: ['CL0', 'CL1'] } : {};
      const run = runAll(session, startWizard(session, wizard.id, params));
      const phases = new Set(run.done.map((d) => wizard.steps.find((s) => s.id === d.stepId)?.phase));
      expect([...phases]).toEqual(['before', 'during', 'after']);
      // Clean-up returned every test volume to scratch.
      const cleanUp = run.done.find((d) => d.stepId === 'clean-up');
      expect(cleanUp?.records[0]?.result).toMatchObject({ failed: 0 });
      // The DR host's test jobs wrote every volume they asked for (Redbook §11.9.3): its categories are writable.
      const jobs = run.done.find((d) => d.stepId === 'test-jobs');
      expect(jobs?.records[0]?.result).toMatchObject({ requested: 10, succeeded: 10, failed: 0 });
    });
  }

  it('a run is plain JSON: it resumes after a restart where it stopped', () => {
    const session = sessionOn('two-cluster-dr');
    let run = startWizard(session, 'swp-two-cluster');
    run = performStep(session, run, true).run;
    run = performStep(session, run, true).run;
    const saved: WizardRun = JSON.parse(JSON.stringify({ ...run, status: 'paused' }));
    expect(describeStep(session, saved)).toMatchObject({ id: 'dr-categories' });
    const resumed = runAll(session, { ...saved, status: 'active' });
    expect(resumed.done.length).toBe(WIZARDS[0]?.steps.length);
  });

  it('refuses to go on with write ownership takeover of production during a test (Redbook §11.10.3 step 10)', () => {
    const session = sessionOn('two-cluster-dr');
    let run = startWizard(session, 'two-cluster-links-broken');
    while (describeStep(session, run)?.id !== 'read-takeover') run = performStep(session, run, true).run;
    for (const c of session.validate('TAKEOVER CL1 FOR CL0 WRITE').commands) session.run(c);
    const { refused, step } = performStep(session, run, true);
    expect(refused).toBe(true);
    expect(step.findings[0]?.message).toMatch(/write ownership takeover/);
  });

  it('refuses a DR Management Class that copies toward production (Redbook §11.9.6)', () => {
    const session = sessionOn('two-cluster-dr');
    let run = startWizard(session, 'swp-two-cluster', { drMc: 'MCPROD' });
    while (describeStep(session, run)?.id !== 'dr-mc') run = performStep(session, run, true).run;
    const refusal = performStep(session, run, true);
    expect(refusal.refused).toBe(true);
    expect(refusal.step.findings[0]?.message).toMatch(/MCPROD already exists with copy modes RD/);
    for (const c of session.validate('MC MCTEST COPY RR').commands) session.run(c);
    run = startWizard(session, 'swp-two-cluster', { drMc: 'MCTEST' });
    while (describeStep(session, run)?.id !== 'test-jobs') run = { ...run, next: run.next + 1 };
    expect(
      describeStep(session, run)
        ?.findings.map((f) => f.message)
        .join(),
    ).toMatch(/MCTEST copies to production cluster\(s\) CL0/);
  });

  it('warns when production return-to-scratch could endanger test volumes (Redbook §11.9.7)', () => {
    const session = sessionOn('two-cluster-dr');
    let run = startWizard(session, 'two-cluster-links-up');
    run = performStep(session, run, true).run;
    run = performStep(session, run, true).run;
    expect(describeStep(session, run)?.findings.some((f) => f.level === 'warning' && /0002 has no expire hold/.test(f.message))).toBe(true);
    expect(performStep(session, run, false).refused).toBe(true);
  });

  it('checks the DR categories are excluded from write protect before going online (Redbook §11.10.1 step 5)', () => {
    const session = sessionOn('two-cluster-dr');
    let run = startWizard(session, 'swp-two-cluster');
    while (describeStep(session, run)?.id !== 'exclude') run = performStep(session, run, true).run;
    run = { ...run, next: run.next + 1 }; // skip the exclusion
    while (describeStep(session, run)?.id !== 'vary-online') run = performStep(session, run, true).run;
    expect(
      describeStep(session, run)
        ?.findings.map((f) => f.message)
        .join(),
    ).toMatch(/not excluded from write protect/);
  });
});

// Issue 6 item 2: the DR host's DASD at the tape's point in time (Redbook §11.9.1, §11.11; seed 001).
describe('DR-test wizards roll the DR host’s DASD image', () => {
  function exec(session: Session, line: string) {
    const { commands, errors } = session.validate(line);
    expect(errors, line).toEqual([]);
    return commands.map((c) => session.run(c)).at(-1);
  }
  const digestOf = (session: Session, line: string) => stringField(exec(session, line)?.result, 'digest');
  /** A catalog volume at production replicated asynchronously to the DR site through a journal. */
  function withCatalog(sample: string, journal = '64MB'): Session {
    const session = sessionOn(sample);
    for (const line of [
      'DASD CAT SITE PROD SIZE 2GB TYPE 3390-9',
      'DASD CATR SITE DR SIZE 2GB TYPE 3390-9',
      `REPLICATE CAT TO CATR ASYNC JOURNAL ${journal} GBPS 1`,
      'DASDWRITE CAT 0 8MB PATTERN CATALOG-V1',
    ])
      exec(session, line);
    return session;
  }
  function until(session: Session, run: WizardRun, stepId: string): WizardRun {
    while (describeStep(session, run)?.id !== stepId) {
      const out = performStep(session, run, true);
      expect(out.refused, out.step.stepId).toBe(false);
      run = out.run;
    }
    return run;
  }
  const flashParams = { drCluster: 'CL2', familyClusters: ['CL2', 'CL3', 'CL4'], production: ['CL0', 'CL1'] };

  it('FlashCopy test: the DR catalog is rolled to the family’s time-zero, DR writes are discarded after the test (Redbook §11.9.1; seed 001 "Image Access")', () => {
    const session = withCatalog('flash-dr-family');
    let run = until(session, startWizard(session, 'flash-dr-family', flashParams), 'time-zero');
    // The last catalog update before time-zero is still on the link when the family's time-zero is set.
    exec(session, 'DASDWRITE CAT 8MB 1MB PATTERN LAST-BEFORE-T0');
    const atTimeZero = digestOf(session, 'CHECKSUM CAT');
    const tz = performStep(session, run, true);
    expect(tz.step.lines).toContain('BOOKMARK CAT TZ-DRFAM');
    run = tz.run;
    // Production goes on after time-zero: its catalog changes must not reach the DR host's image.
    exec(session, 'DASDWRITE CAT 0 1MB PATTERN AFTER-T0');
    run = until(session, run, 'dasd-image');
    // Varying the drives online took a minute of simulated time: the bookmark's writes have arrived, no wait is needed.
    expect(describeStep(session, run)).toMatchObject({ findings: [], lines: ['IMAGE ACCESS CATR AT TZ-DRFAM LOGGED', 'CHECKSUM CATR'] });
    const rolled = performStep(session, run, true);
    expect(rolled.step.records.map((r) => r.ok)).toEqual([true, true]);
    expect(rolled.step.records[0]?.result).toMatchObject({ mode: 'logged', pointInTime: 'TZ-DRFAM' });
    expect(stringField(rolled.step.records[1]?.result, 'digest')).toBe(atTimeZero);
    run = rolled.run;
    // The DR host writes its own catalog entries during the test.
    exec(session, 'DASDWRITE CATR 1GB 4KB PATTERN DR-TEST-JOB');
    expect(digestOf(session, 'CHECKSUM CATR')).not.toBe(atTimeZero);
    run = until(session, run, 'dasd-release');
    const release = performStep(session, run, true);
    expect(release.step.lines).toEqual(['IMAGE DISABLE CATR']);
    expect(release.step.records[0]?.result).toMatchObject({ disabled: true, discardedBlocks: 1 });
    // Distribution goes on from the image: the replica catches up with production again.
    exec(session, 'ADVANCE 2s');
    expect(digestOf(session, 'CHECKSUM CATR')).toBe(digestOf(session, 'CHECKSUM CAT'));
    expect(runAll(session, release.run).status).toBe('finished');
  });

  it('refuses the roll when the journal no longer reaches time-zero (seed 001 FIG. 2: a full journal releases the oldest history)', () => {
    const session = withCatalog('flash-dr-family', '8MB');
    let run = until(session, startWizard(session, 'flash-dr-family', flashParams), 'time-zero');
    run = performStep(session, run, true).run;
    exec(session, 'DASDLOAD CAT RATE 20 IOSIZE 64KB FOR 10s');
    run = until(session, run, 'vary-online');
    run = performStep(session, run, true).run;
    expect(describeStep(session, run)).toMatchObject({
      id: 'dasd-image',
      findings: [{ level: 'error', message: expect.stringMatching(/^CATR's journal no longer reaches the family's time-zero 2026-.*: its earliest reachable point in time is 2026-/) }],
    });
    const refused = performStep(session, run, true);
    expect(refused.refused).toBe(true);
    expect(refused.step.records).toEqual([]);
  });

  it('Redbook §11.10.3: the DR catalog is rolled to the moment the links broke; production writes after it stay out', () => {
    const session = withCatalog('two-cluster-dr');
    let run = until(session, startWizard(session, 'two-cluster-links-broken'), 'break-links');
    run = performStep(session, run, true).run;
    const atBreak = digestOf(session, 'CHECKSUM CAT');
    const described = describeStep(session, run);
    expect(described?.id).toBe('dasd-image');
    // A wait for the journal's next whole-second delivery only when the break fell between two.
    expect(described?.lines.filter((l) => !l.startsWith('ADVANCE'))).toEqual(['BOOKMARK CAT DRTEST', 'IMAGE ACCESS CATR AT DRTEST LOGGED', 'CHECKSUM CATR']);
    const rolled = performStep(session, run, true);
    expect(rolled.step.records.every((r) => r.ok)).toBe(true);
    expect(stringField(rolled.step.records.at(-1)?.result, 'digest')).toBe(atBreak);
    // Distribution is paused while the DR host uses the image; production's later writes wait in the journal.
    exec(session, 'DASDWRITE CAT 0 1MB PATTERN AFTER-BREAK');
    exec(session, 'ADVANCE 2s');
    expect(digestOf(session, 'CHECKSUM CATR')).toBe(atBreak);
    expect(exec(session, 'SHOW JOURNAL CATR')?.result).toMatchObject({ distribution: 'paused', bookmarks: [{ name: 'DRTEST', reachable: true }] });
  });

  for (const mode of ['SYNC', 'ASYNC', 'SNAPSHOT'] as const) {
    it(`Redbook §11.10.1 with ${mode} transfer: the image at the test's start point holds every write made before it (seed 001 transfer modes)`, () => {
      const session = sessionOn('two-cluster-dr');
      for (const line of ['DASD CAT SITE PROD SIZE 2GB', 'DASD CATR SITE DR SIZE 2GB', `REPLICATE CAT TO CATR ${mode} JOURNAL 64MB GBPS 0.1`, 'DASDWRITE CAT 0 64MB PATTERN RMM-CDS'])
        exec(session, line);
      let run = until(session, startWizard(session, 'swp-two-cluster'), 'dasd-image');
      const atStart = digestOf(session, 'CHECKSUM CAT');
      const rolled = performStep(session, run, true);
      expect(rolled.refused).toBe(false);
      expect(rolled.step.records.filter((r) => !r.ok)).toEqual([]);
      // SYNC: the host waited for the replica, nothing is left to arrive; ASYNC and SNAPSHOT may wait for
      // the link, unless the minute the drives took to vary online already delivered the bookmark.
      if (mode === 'SYNC') expect(rolled.step.lines.some((l) => l.startsWith('ADVANCE'))).toBe(false);
      expect(stringField(rolled.step.records.at(-1)?.result, 'digest')).toBe(atStart);
      run = rolled.run;
      expect(runAll(session, run).status).toBe('finished');
      expect(exec(session, 'SHOW JOURNAL CATR')?.result).toMatchObject({ imageAccess: null, distribution: 'running' });
    });
  }

  it('reports the step skipped, and why, when no DASD replica is at the DR site', () => {
    const session = sessionOn('two-cluster-dr');
    let run = until(session, startWizard(session, 'swp-two-cluster'), 'dasd-image');
    expect(describeStep(session, run)).toMatchObject({ lines: [] });
    expect(describeStep(session, run)?.findings).toEqual([
      {
        level: 'info',
        message: expect.stringMatching(/^Skipped: no DASD replication is defined, so there is no journal .* \(define one with REPLICATE <source> TO <replica at DR>; Redbook §11\.9\.1\)/),
      },
    ]);
    // A note does not hold the step, even unacknowledged.
    const out = performStep(session, run, false);
    expect(out.refused).toBe(false);
    run = until(session, out.run, 'dasd-release');
    expect(describeStep(session, run)?.findings[0]?.message).toMatch(/^Skipped: no DASD replication/);
    // A replica elsewhere than the DR site does not count.
    exec(session, 'DASD A SITE PROD SIZE 1GB');
    exec(session, 'DASD B SITE PROD SIZE 1GB');
    exec(session, 'REPLICATE A TO B SYNC');
    expect(describeStep(session, run)?.findings[0]?.message).toMatch(/^Skipped: none of the 1 DASD replication\(s\) has its replica at the DR site DR/);
  });
});
