// The DR-test wizards of Redbook §11.10 and seed 000 run end to end on the samples, and refuse to act
// when the grid would endanger production.
import { describe, expect, it } from 'vitest';
import { Session } from '../session.js';
import { WIZARDS } from './procedures.js';
import { describeStep, performStep, startWizard, type WizardRun } from './runner.js';

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

const SAMPLE_FOR: Record<string, string> = {
  'swp-two-cluster': 'two-cluster-dr',
  'two-cluster-links-up': 'two-cluster-dr',
  'two-cluster-links-broken': 'two-cluster-dr',
  'three-cluster-links-up': 'three-cluster-ha-dr',
  'flash-dr-family': 'flash-dr-family',
};

describe('DR-test wizards', () => {
  for (const wizard of WIZARDS) {
    it(`${wizard.title} (${wizard.source}) runs before, during and after the test`, () => {
      const session = sessionOn(SAMPLE_FOR[wizard.id]!);
      const params = wizard.id === 'flash-dr-family' ? { drCluster: 'CL2', familyClusters: ['CL2', 'CL3', 'CL4'], production: ['CL0', 'CL1'] } : {};
      const run = runAll(session, startWizard(session, wizard.id, params));
      const phases = new Set(run.done.map((d) => WIZARDS.find((w) => w.id === wizard.id)!.steps.find((s) => s.id === d.stepId)!.phase));
      expect([...phases]).toEqual(['before', 'during', 'after']);
      // Clean-up returned every test volume to scratch.
      const cleanUp = run.done.find((d) => d.stepId === 'clean-up')!;
      expect(cleanUp.records[0]!.result).toMatchObject({ failed: 0 });
      // The DR host's test jobs wrote every volume they asked for (Redbook §11.9.3): its categories are writable.
      const jobs = run.done.find((d) => d.stepId === 'test-jobs')!;
      expect(jobs.records[0]!.result).toMatchObject({ requested: 10, succeeded: 10, failed: 0 });
    });
  }

  it('a run is plain JSON: it resumes after a restart where it stopped', () => {
    const session = sessionOn('two-cluster-dr');
    let run = startWizard(session, 'swp-two-cluster');
    run = performStep(session, run, true).run;
    run = performStep(session, run, true).run;
    const saved = JSON.parse(JSON.stringify({ ...run, status: 'paused' })) as WizardRun;
    expect(describeStep(session, saved)!.id).toBe('dr-categories');
    const resumed = runAll(session, { ...saved, status: 'active' });
    expect(resumed.done.length).toBe(WIZARDS[0]!.steps.length);
  });

  it('refuses to go on with write ownership takeover of production during a test (Redbook §11.10.3 step 10)', () => {
    const session = sessionOn('two-cluster-dr');
    let run = startWizard(session, 'two-cluster-links-broken');
    while (describeStep(session, run)!.id !== 'read-takeover') run = performStep(session, run, true).run;
    for (const c of session.validate('TAKEOVER CL1 FOR CL0 WRITE').commands) session.run(c);
    const { refused, step } = performStep(session, run, true);
    expect(refused).toBe(true);
    expect(step.findings[0]!.message).toMatch(/write ownership takeover/);
  });

  it('refuses a DR Management Class that copies toward production (Redbook §11.9.6)', () => {
    const session = sessionOn('two-cluster-dr');
    let run = startWizard(session, 'swp-two-cluster', { drMc: 'MCPROD' });
    while (describeStep(session, run)!.id !== 'dr-mc') run = performStep(session, run, true).run;
    const refusal = performStep(session, run, true);
    expect(refusal.refused).toBe(true);
    expect(refusal.step.findings[0]!.message).toMatch(/MCPROD already exists with copy modes RD/);
    for (const c of session.validate('MC MCTEST COPY RR').commands) session.run(c);
    run = startWizard(session, 'swp-two-cluster', { drMc: 'MCTEST' });
    while (describeStep(session, run)!.id !== 'test-jobs') run = { ...run, next: run.next + 1 };
    expect(describeStep(session, run)!.findings.map((f) => f.message).join()).toMatch(/MCTEST copies to production cluster\(s\) CL0/);
  });

  it('warns when production return-to-scratch could endanger test volumes (Redbook §11.9.7)', () => {
    const session = sessionOn('two-cluster-dr');
    let run = startWizard(session, 'two-cluster-links-up');
    run = performStep(session, run, true).run;
    run = performStep(session, run, true).run;
    const described = describeStep(session, run)!;
    expect(described.findings.some((f) => f.level === 'warning' && /0002 has no expire hold/.test(f.message))).toBe(true);
    expect(performStep(session, run, false).refused).toBe(true);
  });

  it('checks the DR categories are excluded from write protect before going online (Redbook §11.10.1 step 5)', () => {
    const session = sessionOn('two-cluster-dr');
    let run = startWizard(session, 'swp-two-cluster');
    while (describeStep(session, run)!.id !== 'exclude') run = performStep(session, run, true).run;
    run = { ...run, next: run.next + 1 }; // skip the exclusion
    while (describeStep(session, run)!.id !== 'vary-online') run = performStep(session, run, true).run;
    expect(describeStep(session, run)!.findings.map((f) => f.message).join()).toMatch(/not excluded from write protect/);
  });
});
