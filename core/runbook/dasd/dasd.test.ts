// Host DASD runbooks (spec §9; seeds 001, 002, 003) run through the real CLI entry (spec §2): each must
// exit 0 with every EXPECT passing, cite the seed paragraphs or figures it checks, and print the same
// JSON Lines twice (spec §1).

import { describeRunbookSuite } from '../runbook-suite.fixture.js';

describeRunbookSuite({
  title: 'Host DASD runbooks (seeds 001-003)',
  dir: import.meta.dirname,
  covers: 'journal replication, transfer modes and failover, active/active, copy versions and remote copy seeding',
  minFiles: 5,
  cites: [/seed 00[123]/, /FIG|Table|claim|\[0\d{3}\]|Step|step/],
});
