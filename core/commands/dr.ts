// DR families (spec §7 "DR testing: Selective Write Protect and FlashCopy for DR testing"): the
// LI REQ DRSETUP requests that define a DR family, its write protect, FlashCopy and live copy.

import { GRID_PARSERS as P } from '../runbook/grid-parsers.js';
import { GRID_CHECKS as V } from '../runbook/grid-checks.js';
import { GRID_RUN } from '../engine/grid-handlers.js';
import { RESULTS as R } from './results/index.js';
import { command, type DomainTable } from './spec.js';

export const DR: DomainTable<'DRSETUP'> = {
  DRSETUP: command({
    name: 'DRSETUP',
    domain: 'dr',
    words: 'LI REQ',
    syntax: 'LI REQ,<library>,DRSETUP,<family>,ADD|REMOVE,<cl> | …,WP|FLASH,ENABLE|DISABLE | …,LIVECOPY,FAMILY|NONE',
    summary: 'Defines a DR family and sets its write protect, FlashCopy and live copy.',
    help: 'Spec §7 "DR testing: Selective Write Protect and FlashCopy for DR testing": the z/OS LIBRARY REQUEST to the composite library; FLASH ENABLE takes the time-zero snapshot of the family\'s disk-cache members (a family of tape-attached clusters only warns, TZ0700W).',
    args: [
      { name: '<library>', text: 'the composite library (GRID name)' },
      { name: '<family>', text: 'the DR family name' },
    ],
    example: 'LI REQ,GRID01,DRSETUP,DRFAM,ADD,CL2',
    errors: ['ALREADY_MEMBER', 'FAMILY_FULL', 'FAMILY_LIMIT', 'FLASH_ACTIVE', 'FLASH_NOT_ACTIVE', 'NOT_MEMBER', 'NO_SUCH_FAMILY', 'OWNERSHIP_UNAVAILABLE', 'SNAPSHOT_MOUNTED'],
    parse: P.DRSETUP,
    validate: V.DRSETUP,
    run: GRID_RUN.DRSETUP,
    result: R.DRSETUP,
  }),
};
