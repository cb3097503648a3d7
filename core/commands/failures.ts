// Failures, ownership and service (spec §6 "Failures, takeover and grid states", §7 write protect):
// what breaks and is repaired, who may take over a failed cluster's volumes, and simulated time.

import { GRID_PARSERS as P } from '../runbook/grid-parsers.js';
import { GRID_CHECKS as V } from '../runbook/grid-checks.js';
import { GRID_RUN } from '../engine/grid-handlers.js';
import { TAPE_RUN } from '../engine/tape.js';
import { DASD_RUN } from '../engine/dasd.js';
import { RESULTS as R } from './results/index.js';
import { command, noReferences, type DomainTable } from './spec.js';

const WHAT = [
  { name: 'CLUSTER <cl>', text: 'a whole cluster' },
  { name: 'LINK <cl> <cl> [ONE|ALL]', text: 'the grid links between two clusters (ONE: one of them)' },
  { name: 'HOSTLINK <host> <cl>', text: 'one host link (path) of a host to a cluster' },
  { name: 'SITE <site>', text: 'everything at a site' },
  { name: 'TSSC <cl>', text: "the cluster's TS3000 System Console (AOTM needs it)" },
];

export const FAILURES: DomainTable<'FAIL' | 'REPAIR' | 'SERVICE' | 'TAKEOVER' | 'AOTM' | 'WRITEPROTECT' | 'EXCLUDE' | 'DRIVES' | 'ADVANCE'> = {
  FAIL: command({
    name: 'FAIL', domain: 'failures',
    syntax: 'FAIL CLUSTER <cl> | FAIL LINK <cl> <cl> [ONE|ALL] | FAIL HOSTLINK <host> <cl> | FAIL SITE <site> | FAIL TSSC <cl>',
    summary: 'Fails a cluster, grid links, a host link, a site or a TSSC.',
    help: 'Spec §6 "Failures, takeover and grid states": the grid states follow (Grid Links Degraded, Copy Operations Disabled …) with their CBR messages; mounts on a failed cluster are lost.',
    args: WHAT,
    example: 'FAIL LINK CL0 CL1 ALL',
    errors: ['ALREADY_FAILED'],
    parse: P.FAIL, validate: V.FAIL, run: TAPE_RUN.FAIL, result: R.FAIL,
  }),
  REPAIR: command({
    name: 'REPAIR', domain: 'failures',
    syntax: 'REPAIR CLUSTER <cl> | REPAIR LINK <cl> <cl> | REPAIR HOSTLINK <host> <cl> | REPAIR SITE <site> | REPAIR TSSC <cl>',
    summary: 'Repairs what FAIL broke.',
    help: 'Spec §6 "Failures, takeover and grid states": queued copies resume, held Host DASD deliveries go on (spec §9).',
    args: WHAT,
    example: 'REPAIR LINK CL0 CL1',
    errors: ['NOT_FAILED'],
    parse: P.REPAIR, validate: V.REPAIR, run: DASD_RUN.REPAIR, result: R.REPAIR,
  }),
  SERVICE: command({
    name: 'SERVICE', domain: 'failures',
    syntax: 'SERVICE <cl> PREP|ON|OFF',
    summary: 'Takes a cluster through service preparation and back.',
    help: 'Spec §6 "Failures, takeover and grid states": service prep hands ownership to the peers before the cluster goes to service.',
    args: [{ name: '<cl>', text: 'a cluster of the grid' }],
    example: 'SERVICE CL1 PREP',
    errors: ['SERVICE_PREP_REQUIRED', 'CLUSTER_UNAVAILABLE'],
    parse: P.SERVICE, validate: V.SERVICE, run: GRID_RUN.SERVICE, result: R.SERVICE,
  }),
  TAKEOVER: command({
    name: 'TAKEOVER', domain: 'failures',
    syntax: 'TAKEOVER <cl> FOR <failed-cl> READ|WRITE|NONE',
    summary: "Lets a surviving cluster take over a failed cluster's volume ownership.",
    help: 'Spec §6 "Failures, takeover and grid states": read-only or write ownership takeover; refused while the failed cluster is still reachable.',
    args: [{ name: '<cl>', text: 'the survivor' }, { name: 'FOR <failed-cl>', text: 'the failed cluster' }],
    example: 'TAKEOVER CL1 FOR CL0 WRITE',
    errors: ['BAD_TAKEOVER', 'PEER_REACHABLE'],
    parse: P.TAKEOVER, validate: V.TAKEOVER, run: GRID_RUN.TAKEOVER, result: R.TAKEOVER,
  }),
  AOTM: command({
    name: 'AOTM', domain: 'failures',
    syntax: 'AOTM <cl> ON|OFF [MODE READ|WRITE] [GRACE <duration>]',
    summary: 'Sets Autonomic Ownership Takeover Manager on a cluster.',
    help: 'Spec §6 "Failures, takeover and grid states": after the grace period AOTM takes over a failed peer, when the TSSCs confirm it is down.',
    args: [{ name: '<cl>', text: 'a cluster of the grid' }, { name: 'GRACE <duration>', text: 'the wait before taking over' }],
    example: 'AOTM CL1 ON MODE READ GRACE 25m',
    errors: [],
    parse: P.AOTM, validate: V.AOTM, run: GRID_RUN.AOTM, result: R.AOTM,
  }),
  WRITEPROTECT: command({
    name: 'WRITEPROTECT', domain: 'failures',
    syntax: 'WRITEPROTECT <cl> ON|OFF [IGNOREFASTREADY]',
    summary: 'Sets Selective Write Protect on a cluster.',
    help: 'Spec §7 "DR testing: Selective Write Protect and FlashCopy for DR testing": the DR host cannot write production volumes on a protected cluster; excluded categories stay writable.',
    args: [{ name: '<cl>', text: 'a cluster of the grid' }],
    example: 'WRITEPROTECT CL2 ON IGNOREFASTREADY',
    errors: [],
    parse: P.WRITEPROTECT, validate: V.WRITEPROTECT, run: GRID_RUN.WRITEPROTECT, result: R.WRITEPROTECT,
  }),
  EXCLUDE: command({
    name: 'EXCLUDE', domain: 'failures',
    syntax: 'EXCLUDE <cl> CATEGORY <cat>[,<cat>…]',
    summary: 'Excludes categories from write protect.',
    help: 'Spec §7 "DR testing": the DR host\'s own categories stay writable while the cluster is write protected; at most 16.',
    args: [{ name: '<cat>,…', text: 'up to 16 categories' }],
    example: 'EXCLUDE CL2 CATEGORY 0012,0013',
    errors: [],
    parse: P.EXCLUDE, validate: V.EXCLUDE, run: GRID_RUN.EXCLUDE, result: R.EXCLUDE,
  }),
  DRIVES: command({
    name: 'DRIVES', domain: 'failures',
    syntax: 'DRIVES <cl> AVAILABLE <n> [TYPE J1A|E05|E06|E07|E08]',
    summary: 'Sets how many physical drives work, and their type.',
    help: 'Spec §8 "Copy Export and Copy Export Recovery": fewer drives slow migration, recall and Copy Export; on a stand-alone library, TYPE limits what it can read.',
    args: [{ name: '<cl>', text: 'a tape-attached cluster or a stand-alone library' }, { name: '<n>', text: 'working drives' }],
    example: 'DRIVES CL2 AVAILABLE 3',
    errors: ['NOT_TAPE_ATTACHED', 'TOO_MANY_DRIVES'],
    parse: P.DRIVES, validate: V.DRIVES, run: TAPE_RUN.DRIVES, result: R.DRIVES,
  }),
  ADVANCE: command({
    name: 'ADVANCE', domain: 'failures',
    syntax: 'ADVANCE <duration> | ADVANCE UNTIL IDLE',
    summary: 'Advances simulated time.',
    help: 'Spec §2 "Running it" and §12: UNTIL IDLE runs until no copy, migration, export or DASD work can progress (at most 30 days); copies that cannot progress give idle: false and their count.',
    args: [{ name: '<duration>', text: '30s, 10m, 2h, 1d' }],
    example: 'ADVANCE UNTIL IDLE',
    errors: ['TIME_LIMIT'],
    parse: P.ADVANCE, validate: noReferences, run: DASD_RUN.ADVANCE, result: R.ADVANCE,
  }),
};
