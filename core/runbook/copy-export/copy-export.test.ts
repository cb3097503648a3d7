// Copy Export and Copy Export Recovery runbooks (spec §8; Redbook §11.5–§11.7), run through the real
// CLI entry (spec §2) in a scratch folder (they write export-set files beside themselves): each must
// exit 0 with every EXPECT passing, cite the Redbook, and print the same JSON Lines twice (spec §1).

import { describeRunbookSuite } from '../runbook-suite.fixture.js';

describeRunbookSuite({
  title: 'Copy Export runbooks (Redbook §11.5–§11.7)',
  dir: import.meta.dirname,
  covers: 'export, validation, timers, exclusions, reclaim, recovery and the export-set file',
  minFiles: 10,
  cites: [/§11\.[567]/],
  scratchCopy: true,
});
