// The wizards refuse unsafe or meaningless DR tests before anything runs, saying why and how to fix it
// (issue 13 item 4; issue 12 item 7: a family with no flash-capable member).
import { describe, expect, it } from 'vitest';
import { Session } from '../session.js';
import { describeStep, performStep, startWizard } from './runner.js';

function sessionOn(sample: string, ...lines: string[]): Session {
  const session = new Session(null, 1);
  for (const c of session.validate([`SAMPLE ${sample}`, ...lines].join('\n')).commands) session.run(c);
  return session;
}

const FLASH = { drCluster: 'CL2', familyClusters: ['CL2', 'CL3', 'CL4'], production: ['CL0', 'CL1'] };
const errors = (session: Session, run: ReturnType<typeof startWizard>) =>
  describeStep(session, run)
    ?.findings.filter((f) => f.level === 'error')
    .map((f) => f.message);

describe('DR-test wizards refuse before they start', () => {
  it('a FlashCopy test on a family of tape-attached clusters only (seed 000: snapshots are kept in a disk cache)', () => {
    const session = sessionOn('flash-dr-family');
    const run = startWizard(session, 'flash-dr-family', { ...FLASH, drCluster: 'CL4', familyClusters: ['CL4'] });
    expect(errors(session, run)).toEqual([expect.stringMatching(/^DR family DRFAM has no flash-capable member: CL4 is tape-attached .* Add a disk-cache cluster to the family \(CL2, CL3\)/)]);
    const out = performStep(session, run, true);
    expect(out.refused).toBe(true);
    expect(session.engine.state.families).toEqual([]); // nothing ran
    // With a disk member the same test goes ahead.
    expect(errors(session, startWizard(session, 'flash-dr-family', FLASH))).toEqual([]);
  });

  it('a DR host with no devices in the family, and later with none online', () => {
    const session = sessionOn('flash-dr-family');
    expect(errors(session, startWizard(session, 'flash-dr-family', { ...FLASH, drHost: 'PRODHOST', familyClusters: ['CL2'] }))).toContainEqual(
      expect.stringMatching(/^production host PRODHOST|^DR host PRODHOST has no devices on CL2: .*Define its devices there/),
    );
    // At the test jobs, the DR host's drives must be online (Redbook §11.10.1 step 11).
    let run = startWizard(session, 'flash-dr-family', FLASH);
    while (describeStep(session, run)?.id !== 'test-jobs') run = performStep(session, run, true).run;
    for (const c of session.validate('VARY DRHOST CL2 OFFLINE').commands) session.run(c);
    expect(errors(session, run)).toContainEqual(expect.stringMatching(/^DR host DRHOST has no online devices in CL2 .*VARY DRHOST CL2 ONLINE/));
  });

  it('production writing to a cluster the test write-protects (Redbook §11.4.1)', () => {
    const session = sessionOn('flash-dr-family', 'HOST PRODHOST2 SITE PROD ROLE PRODUCTION DEVICES CL0,CL2');
    const messages = errors(session, startWizard(session, 'flash-dr-family', FLASH));
    expect(messages).toContainEqual(expect.stringMatching(/^production host PRODHOST2 has its devices on CL2 online, which the test write-protects: .*VARY PRODHOST2 CL2 OFFLINE/));
  });

  it('a test window with return-to-scratch running and no expire hold (Redbook §11.9.7), unless an expire hold protects it', () => {
    const session = sessionOn('two-cluster-dr');
    const running = { returnToScratch: 'running' as const };
    expect(errors(session, startWizard(session, 'two-cluster-links-up', running))).toContainEqual(
      expect.stringMatching(/return-to-scratch runs during the test window, and scratch category 0002 has no expire hold.*CATEGORY 0002 SCRATCH EXPIREHOLD 7d/),
    );
    // Selective Write Protect with IGNOREFASTREADY (the §11.10.1 wizard sets it) protects the test anyway.
    expect(errors(session, startWizard(session, 'swp-two-cluster', running))).toEqual([]);
    for (const c of session.validate('CATEGORY 0002 SCRATCH EXPIREHOLD 7d').commands) session.run(c);
    expect(errors(session, startWizard(session, 'two-cluster-links-up', running))).toEqual([]);
  });
});
