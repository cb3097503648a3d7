// A wizard run kept beside the grid is read back with its schema: a damaged one names the field.
import { describe, expect, it } from 'vitest';
import { Session } from '../core/session.js';
import { startWizard } from '../core/wizards/runner.js';
import { readStoredRun } from './stored-wizard-run.js';

describe('a stored wizard run', () => {
  const session = new Session();
  session.validate('SAMPLE three-cluster-ha-dr').commands.forEach((c) => session.run(c));
  const run = startWizard(session, 'swp-two-cluster', { testReads: 'A00000-A00004' });

  it('reads back what was saved', () => {
    expect(readStoredRun(JSON.stringify(run))).toEqual({ run });
  });

  it('refuses a damaged one with the field path, and text that is not JSON', () => {
    expect(readStoredRun(JSON.stringify({ ...run, next: 'two' }))).toEqual({ problem: expect.stringMatching(/^next: /) });
    expect(readStoredRun(JSON.stringify({ ...run, params: { ...run.params, drScratch: ['0001'] } }))).toEqual({ problem: expect.stringMatching(/^params\.drScratch/) });
    expect(readStoredRun('{"wizardId":')).toEqual({ problem: expect.stringMatching(/^not JSON/) });
  });
});
