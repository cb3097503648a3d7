// Fidelity runbooks (issue 12; runbook spec §12): where an earlier reading of the engine contradicted
// the Redbook or the patents, each file shows the documented behaviour, citing the sentence it checks,
// run through the real CLI entry (spec §2): exit 0 with every EXPECT passing, the same JSON Lines twice.

import { describeRunbookSuite } from '../runbook-suite.fixture.js';

describeRunbookSuite({
  title: 'Fidelity runbooks (spec §12)',
  dir: import.meta.dirname,
  covers: 'copy sources, Fast Ready and Expire Hold, DR-host results, MC on specific mounts, drain rates, sizes, pools, journal times, spec surface, Copy Export planner',
  minFiles: 2,
  cites: [/§12/, /Redbook|seed 00\d/],
  minExpects: 8,
});
