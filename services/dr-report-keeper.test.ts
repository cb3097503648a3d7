// A kept DR test report is read with its schema: one damaged or of another shape is ignored (the live
// report is shown instead), never half-used and never a thrown error.

import { describe, expect, it } from 'vitest';
import { Session } from '../core/session.js';
import { memorySettings } from './dr-service.js';
import { reportOfLastTimeZero } from './dr-report-keeper.js';

const files = { readText: () => '', writeText: () => undefined };

describe('kept DR test reports', () => {
  it('ignores a kept report that is not JSON or not a report', () => {
    const session = new Session(files, 1);
    const settings = memorySettings();
    for (const text of ['{not json', '{"drHost": 5, "report": {}}', '{"drHost": "DRHOST", "report": {"family": {"timeZero": 7}}}', '{"drHost": "DRHOST"}']) {
      settings.set('dr-report:DRFAM', text);
      expect(reportOfLastTimeZero(session, settings, 'DRFAM', 'DRHOST')).toBeNull();
    }
  });
});
