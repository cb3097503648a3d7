// A wizard step is atomic toward the operator (issue 4 item 3: "validates the grid before it acts"):
// every line of the step validates against the grid before the first one runs, and a line the engine
// refuses part-way leaves the step failed with what ran, never done and never re-issued on retry.
import { assert, describe, expect, it } from 'vitest';
import { Session } from '../session.js';
import { describeStep, performStep, startWizard, type WizardRun } from './runner.js';

function sessionOn(sample: string): Session {
  const session = new Session(null, 1);
  for (const c of session.validate(`SAMPLE ${sample}`).commands) session.run(c);
  return session;
}

function exec(session: Session, line: string) {
  const validated = session.validate(line);
  expect(validated.errors).toEqual([]);
  const [command] = validated.commands;
  assert.isDefined(command, line);
  return session.run(command);
}

const FLASH = { drCluster: 'CL2', familyClusters: ['CL2', 'CL3', 'CL4'], production: ['CL0', 'CL1'] };

describe('wizard steps are atomic', () => {
  it('a step whose later line does not validate is refused with the finding and runs nothing (seed 000 claim 4: the family)', () => {
    const session = sessionOn('flash-dr-family');
    const run = startWizard(session, 'flash-dr-family', { ...FLASH, familyClusters: ['CL2', 'CL3', 'CL9'] });
    const described = describeStep(session, run);
    assert.isNotNull(described, 'the first step');
    expect(described.id).toBe('family');
    // Three ADD lines, then the simulated time the step takes.
    expect(described.lines).toHaveLength(4);
    expect(described.lines[3]).toMatch(/^ADVANCE /);
    expect(described.findings).toContainEqual({ level: 'error', message: expect.stringMatching(/^line 3 “LI REQ,GRID01,DRSETUP,DRFAM,ADD,CL9” does not validate: unknown cluster 'CL9'/) });
    const journalBefore = session.journal.length;
    const outcome = performStep(session, run, true);
    expect(outcome).toMatchObject({ refused: true, failed: false });
    expect(outcome.step.findings.some((f) => /CL9/.test(f.message))).toBe(true);
    // Nothing ran: the first two ADD lines did not define the family with CL2 and CL3.
    expect(session.journal.length).toBe(journalBefore);
    expect(session.engine.state.families).toEqual([]);
    expect(outcome.run).toBe(run);
  });

  it('a line the engine refuses part-way leaves the step failed with what ran; the retry issues only the rest (seed 000: FLASH DISABLE with a snapshot mounted)', () => {
    const session = sessionOn('flash-dr-family');
    let run = startWizard(session, 'flash-dr-family', FLASH);
    while (describeStep(session, run)?.id !== 'flash-off') run = performStep(session, run, true).run;
    // The DR host still holds a volume from the time-zero image: FLASH DISABLE is refused (claim 1).
    expect(exec(session, 'MOUNT A00000 ON CL2 HOST DRHOST').ok).toBe(true);
    const doneBefore = run.done.length;
    const first = performStep(session, run, true);
    expect(first).toMatchObject({ refused: false, failed: true });
    expect(first.step).toMatchObject({ stepId: 'flash-off', outcome: 'failed', ran: 1 });
    expect(first.step.records.map((r) => [r.line.split(',').slice(-2).join(','), r.ok])).toEqual([
      ['SHOW DRFAMILY DRFAM', true],
      ['FLASH,DISABLE', false],
    ]);
    expect(first.step.records[1]?.error).toMatch(/A00000 is mounted from the time-zero snapshot/);
    // Not recorded as done, the run stays on the step, and write protect was not disabled behind the refusal.
    expect(first.run.done.length).toBe(doneBefore);
    expect(first.run.next).toBe(run.next);
    expect(first.run.failed).toMatchObject({ stepId: 'flash-off', outcome: 'failed', ran: 1 });
    const fam = session.engine.state.families.find((f) => f.name === 'DRFAM');
    assert.isDefined(fam, 'DR family DRFAM');
    expect(fam.flash).toBe(true);
    expect(fam.writeProtect).toBe(true);

    // Saved and reloaded (a restart), the next attempt shows what already ran and issues only the rest.
    const saved: WizardRun = JSON.parse(JSON.stringify(first.run));
    const described = describeStep(session, saved);
    expect(described?.ran).toEqual(['SHOW DRFAMILY DRFAM']);
    expect(described?.lines).toEqual(['LI REQ,GRID01,DRSETUP,DRFAM,FLASH,DISABLE', 'LI REQ,GRID01,DRSETUP,DRFAM,WP,DISABLE', 'ADVANCE 1m']);
    exec(session, 'DEMOUNT A00000 HOST DRHOST');
    const shows = () => session.journal.filter((e) => e.text === 'SHOW DRFAMILY DRFAM').length;
    const showsBefore = shows();
    const second = performStep(session, saved, true);
    expect(second).toMatchObject({ refused: false, failed: false });
    expect(shows()).toBe(showsBefore);
    expect(second.step).toMatchObject({ outcome: 'done', ran: 4, at: first.step.at });
    expect(second.step.lines).toHaveLength(4);
    expect(second.step.records.map((r) => r.ok)).toEqual([true, false, true, true, true]);
    expect(second.run.failed).toBeNull();
    expect(second.run.done.at(-1)?.stepId).toBe('flash-off');
    expect(fam.flash).toBe(false);
    expect(fam.writeProtect).toBe(false);
  });
});
