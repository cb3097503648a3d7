// SHOW (spec §10 "Inspection and checks"): looking at the grid, a cluster, a volume, queues, DR
// families, Copy Export and recovery, and Host DASD. SHOW changes nothing: journaled, never replayed.
// The order here is the order the parser lists SHOW's words in.

import { GRID_PARSERS as G } from '../runbook/grid-parsers.js';
import { GRID_CHECKS as GV } from '../runbook/grid-checks.js';
import { TAPE_PARSERS as T } from '../runbook/tape-parsers.js';
import { TAPE_CHECKS as TV } from '../runbook/tape-validate.js';
import { DASD_PARSERS as D } from '../runbook/dasd-parsers.js';
import { DASD_CHECKS as DV } from '../runbook/dasd-validate.js';
import { GRID_RUN } from '../engine/grid-handlers.js';
import { TAPE_RUN } from '../engine/tape.js';
import { DASD_RUN } from '../engine/dasd.js';
import { RESULTS as R } from './results/index.js';
import { command, noReferences, type DomainTable } from './spec.js';

const INSPECT = 'Spec §10 "Inspection and checks"';
const AT_ARG = { name: 'AT <iso-time>', text: 'as it was at that past moment (rebuilt from the journal)' };

export const SHOW: DomainTable<
  | 'SHOW_GRID' | 'SHOW_CLUSTER' | 'SHOW_VOLUME' | 'SHOW_QUEUE' | 'SHOW_RESULT' | 'SHOW_DRFAMILY' | 'SHOW_READINESS' | 'SHOW_EXPORTSTATUS'
  | 'SHOW_POOL' | 'SHOW_PVOL' | 'SHOW_RECOVERY' | 'SHOW_JOURNAL' | 'SHOW_REMOTECOPY' | 'SHOW_VERSIONS' | 'SHOW_DASD'
> = {
  SHOW_GRID: command({
    name: 'SHOW_GRID', domain: 'show', words: 'SHOW GRID', effect: 'look',
    syntax: 'SHOW GRID [AT <iso-time>]',
    summary: 'Shows the grid: clusters, links, states and queues.',
    help: `${INSPECT}: the grid states (spec §6) and every cluster's status; AT shows a past moment.`,
    args: [AT_ARG],
    example: 'SHOW GRID',
    errors: ['FUTURE_TIME', 'NO_HISTORY'],
    parse: G.SHOW_GRID, validate: noReferences, run: GRID_RUN.SHOW_GRID, result: R.SHOW_GRID,
  }),
  SHOW_CLUSTER: command({
    name: 'SHOW_CLUSTER', domain: 'show', words: 'SHOW CLUSTER', effect: 'look',
    syntax: 'SHOW CLUSTER <cl>',
    summary: 'Shows a cluster (or a stand-alone library).',
    help: `${INSPECT}: status, cache, links, devices, ownership takeover and, for a tape-attached cluster, its drives, pools and I/O station.`,
    args: [{ name: '<cl>', text: 'a cluster or a stand-alone library' }],
    example: 'SHOW CLUSTER CL0',
    errors: [],
    parse: G.SHOW_CLUSTER, validate: GV.SHOW_CLUSTER, run: TAPE_RUN.SHOW_CLUSTER, result: R.SHOW_CLUSTER,
  }),
  SHOW_VOLUME: command({
    name: 'SHOW_VOLUME', domain: 'show', words: 'SHOW VOLUME', effect: 'look',
    syntax: 'SHOW VOLUME <volser> [AT <iso-time>] | SHOW VOLUME <volser> ON <standalone>',
    summary: 'Shows a volume: category, class, owner and its copies.',
    help: `${INSPECT}: where each copy is and whether it is consistent; its stacked volumes on tape; AT shows a past moment, ON a stand-alone library's volume.`,
    args: [{ name: '<volser>', text: 'a volume' }, AT_ARG],
    example: 'SHOW VOLUME A00001',
    errors: ['NO_SUCH_VOLUME', 'FUTURE_TIME', 'NO_HISTORY'],
    parse: G.SHOW_VOLUME, validate: GV.SHOW_VOLUME, run: TAPE_RUN.SHOW_VOLUME, result: R.SHOW_VOLUME,
  }),
  SHOW_QUEUE: command({
    name: 'SHOW_QUEUE', domain: 'show', words: 'SHOW QUEUE', effect: 'look',
    syntax: 'SHOW QUEUE <cl>',
    summary: "Shows a cluster's copy queues.",
    help: `${INSPECT}: depth, bytes and age per copy type (spec §5 "Replication model").`,
    args: [{ name: '<cl>', text: 'a cluster of the grid' }],
    example: 'SHOW QUEUE CL2',
    errors: [],
    parse: G.SHOW_QUEUE, validate: GV.SHOW_QUEUE, run: GRID_RUN.SHOW_QUEUE, result: R.SHOW_QUEUE,
  }),
  SHOW_RESULT: command({
    name: 'SHOW_RESULT', domain: 'show', words: 'SHOW RESULT', effect: 'runner',
    syntax: 'SHOW RESULT',
    summary: "Shows the previous command's record again.",
    help: `${INSPECT}: what EXPECT lines look at: ok, error and result of the command before.`,
    args: [],
    example: 'SHOW RESULT',
    errors: [],
    parse: G.SHOW_RESULT, validate: noReferences, run: GRID_RUN.SHOW_RESULT, result: R.SHOW_RESULT,
  }),
  SHOW_DRFAMILY: command({
    name: 'SHOW_DRFAMILY', domain: 'show', words: 'SHOW DRFAMILY', effect: 'look',
    syntax: 'SHOW DRFAMILY <family>',
    summary: 'Shows a DR family: members, write protect, FlashCopy and time zero.',
    help: 'Spec §7 "DR testing: Selective Write Protect and FlashCopy for DR testing".',
    args: [{ name: '<family>', text: 'a DR family' }],
    example: 'SHOW DRFAMILY DRFAM',
    errors: ['NO_SUCH_FAMILY'],
    parse: G.SHOW_DRFAMILY, validate: noReferences, run: GRID_RUN.SHOW_DRFAMILY, result: R.SHOW_DRFAMILY,
  }),
  SHOW_READINESS: command({
    name: 'SHOW_READINESS', domain: 'show', words: 'SHOW READINESS', effect: 'look',
    syntax: 'SHOW READINESS <family> [ON <cl>]',
    summary: 'Shows how ready a DR family is for a test: what is consistent at its DR cluster.',
    help: 'Spec §7 "DR testing": the volumes whose copies have not reached the DR cluster, by Management Class.',
    args: [{ name: '<family>', text: 'a DR family' }, { name: 'ON <cl>', text: 'the DR cluster (default: the first member)' }],
    example: 'SHOW READINESS DRFAM ON CL2',
    errors: ['NO_SUCH_FAMILY'],
    parse: G.SHOW_READINESS, validate: GV.SHOW_READINESS, run: GRID_RUN.SHOW_READINESS, result: R.SHOW_READINESS,
  }),
  SHOW_EXPORTSTATUS: command({
    name: 'SHOW_EXPORTSTATUS', domain: 'show', words: 'SHOW EXPORTSTATUS', effect: 'look',
    syntax: 'SHOW EXPORTSTATUS <volser> [VOLUME <volser>] [LIMIT <n>]',
    summary: "Shows a Copy Export's status file.",
    help: 'Redbook §11.6.1: the status file on the export list volume, record by record.',
    args: [{ name: '<volser>', text: 'the export list volume' }, { name: 'LIMIT <n>', text: 'at most this many records' }],
    example: 'SHOW EXPORTSTATUS EXP001',
    errors: ['NO_SUCH_EXPORT', 'NOT_EXPORT_LIST', 'NOT_IN_EXPORT'],
    parse: T.SHOW_EXPORTSTATUS, validate: noReferences, run: TAPE_RUN.SHOW_EXPORTSTATUS, result: R.SHOW_EXPORTSTATUS,
  }),
  SHOW_POOL: command({
    name: 'SHOW_POOL', domain: 'show', words: 'SHOW POOL', effect: 'look',
    syntax: 'SHOW POOL <cl> <n>',
    summary: 'Shows a physical pool and its stacked volumes.',
    help: 'Spec §8 "Copy Export and Copy Export Recovery".',
    args: [{ name: '<cl>', text: 'a tape-attached cluster or a stand-alone library' }, { name: '<n>', text: 'pool number' }],
    example: 'SHOW POOL CL2 9',
    errors: ['NO_SUCH_POOL', 'NOT_TAPE_ATTACHED'],
    parse: T.SHOW_POOL, validate: TV.SHOW_POOL, run: TAPE_RUN.SHOW_POOL, result: R.SHOW_POOL,
  }),
  SHOW_PVOL: command({
    name: 'SHOW_PVOL', domain: 'show', words: 'SHOW PVOL', effect: 'look',
    syntax: 'SHOW PVOL <pvol> [ON <standalone>]',
    summary: 'Shows a stacked volume and the logical volumes on it.',
    help: 'Spec §8 "Copy Export and Copy Export Recovery": state, location and up to 100 of its volumes.',
    args: [{ name: '<pvol>', text: 'a stacked volume' }],
    example: 'SHOW PVOL JA0001',
    errors: ['NO_SUCH_PVOL'],
    parse: T.SHOW_PVOL, validate: TV.SHOW_PVOL, run: TAPE_RUN.SHOW_PVOL, result: R.SHOW_PVOL,
  }),
  SHOW_RECOVERY: command({
    name: 'SHOW_RECOVERY', domain: 'show', words: 'SHOW RECOVERY', effect: 'look',
    syntax: 'SHOW RECOVERY <standalone>',
    summary: "Shows a Copy Export Recovery's progress and what it restored.",
    help: 'Redbook §11.7.2 "Performing Copy Export Recovery".',
    args: [{ name: '<standalone>', text: 'a stand-alone library' }],
    example: 'SHOW RECOVERY DRLIB',
    errors: [],
    parse: T.SHOW_RECOVERY, validate: TV.SHOW_RECOVERY, run: TAPE_RUN.SHOW_RECOVERY, result: R.SHOW_RECOVERY,
  }),
  SHOW_JOURNAL: command({
    name: 'SHOW_JOURNAL', domain: 'show', words: 'SHOW JOURNAL', effect: 'look',
    syntax: 'SHOW JOURNAL <replica>',
    summary: "Shows a replica's journal: its window of points in time.",
    help: 'Spec §9 "Host DASD: continuous replication, copy versions, remote copy seeding".',
    args: [{ name: '<replica>', text: 'a replication target' }],
    example: 'SHOW JOURNAL DRDB',
    errors: ['NOT_A_REPLICA'],
    parse: D.SHOW_JOURNAL, validate: DV.SHOW_JOURNAL, run: DASD_RUN.SHOW_JOURNAL, result: R.SHOW_JOURNAL,
  }),
  SHOW_REMOTECOPY: command({
    name: 'SHOW_REMOTECOPY', domain: 'show', words: 'SHOW REMOTECOPY', effect: 'look',
    syntax: 'SHOW REMOTECOPY <dasd>',
    summary: 'Shows a remote copy: seeding, grains and synchronization.',
    help: 'Spec §9 "Host DASD: continuous replication, copy versions, remote copy seeding".',
    args: [{ name: '<dasd>', text: 'the remote copy primary' }],
    example: 'SHOW REMOTECOPY PRODDB',
    errors: ['NO_REMOTE_COPY'],
    parse: D.SHOW_REMOTECOPY, validate: DV.SHOW_REMOTECOPY, run: DASD_RUN.SHOW_REMOTECOPY, result: R.SHOW_REMOTECOPY,
  }),
  SHOW_VERSIONS: command({
    name: 'SHOW_VERSIONS', domain: 'show', words: 'SHOW VERSIONS', effect: 'look',
    syntax: 'SHOW VERSIONS <pool>',
    summary: "Shows a source pool's copy versions.",
    help: 'Spec §9 "Host DASD: continuous replication, copy versions, remote copy seeding".',
    args: [{ name: '<pool>', text: 'a source pool' }],
    example: 'SHOW VERSIONS DBPOOL',
    errors: [],
    parse: D.SHOW_VERSIONS, validate: DV.SHOW_VERSIONS, run: DASD_RUN.SHOW_VERSIONS, result: R.SHOW_VERSIONS,
  }),
  SHOW_DASD: command({
    name: 'SHOW_DASD', domain: 'show', words: 'SHOW DASD', effect: 'look',
    syntax: 'SHOW DASD <dasd>',
    summary: 'Shows a DASD volume and its replication.',
    help: 'Spec §9 "Host DASD: continuous replication, copy versions, remote copy seeding"; README "Host DASD additions".',
    args: [{ name: '<dasd>', text: 'a DASD volume' }],
    example: 'SHOW DASD PRODDB',
    errors: ['NO_SUCH_DASD'],
    parse: D.SHOW_DASD, validate: DV.SHOW_DASD, run: DASD_RUN.SHOW_DASD, result: R.SHOW_DASD,
  }),
};
