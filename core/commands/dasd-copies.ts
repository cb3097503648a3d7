// Host DASD copy versions and remote copy seeding (spec §9 "Host DASD: continuous replication, copy
// versions, remote copy seeding"): source and target pools with their backups, and a remote copy
// seeded offline from portable media.

import { DASD_PARSERS as P } from '../runbook/dasd-parsers.js';
import { DASD_CHECKS as V } from '../runbook/dasd-validate.js';
import { DASD_RUN } from '../engine/dasd.js';
import { RESULTS as R } from './results/index.js';
import { command, type DomainTable } from './spec.js';

const SPEC = 'Spec §9 "Host DASD: continuous replication, copy versions, remote copy seeding"';
const POOL_ARG = { name: '<pool>', text: 'a source pool (SOURCEPOOL)' };
const MEDIA_ARG = { name: '<media>', text: 'portable media made by FLASHCOPY … TO MEDIA' };

export const DASD_COPIES: DomainTable<'SOURCEPOOL' | 'TARGETPOOL' | 'PREPAIR' | 'BACKUP' | 'REMOTECOPY' | 'FLASHCOPY' | 'SHIP' | 'UPLOAD' | 'SYNC'> = {
  SOURCEPOOL: command({
    name: 'SOURCEPOOL', domain: 'dasd-copies',
    syntax: 'SOURCEPOOL <pool> VOLUMES <dasd>[,…] | SOURCEPOOL <pool> ADD|REMOVE <dasd>',
    summary: 'Defines a source pool of DASD volumes, or changes it.',
    help: `${SPEC}: a pool's volumes are backed up together, as one consistent version.`,
    args: [POOL_ARG, { name: 'VOLUMES <dasd>,…', text: 'DASD volumes' }],
    example: 'SOURCEPOOL DBPOOL VOLUMES PRODDB,PRODLOG',
    errors: ['DUPLICATE', 'NO_SUCH_POOL', 'VOLUME_IN_POOL', 'NOT_IN_POOL'],
    parse: P.SOURCEPOOL, validate: V.SOURCEPOOL, run: DASD_RUN.SOURCEPOOL, result: R.SOURCEPOOL,
  }),
  TARGETPOOL: command({
    name: 'TARGETPOOL', domain: 'dasd-copies',
    syntax: 'TARGETPOOL <name> FOR <pool> VOLUMES <dasd>[,…]',
    summary: 'Defines a target pool a source pool is backed up to.',
    help: `${SPEC}: one target volume per source volume; versions rotate through the target pools.`,
    args: [{ name: '<name>', text: 'the target pool' }, POOL_ARG],
    example: 'TARGETPOOL V1 FOR DBPOOL VOLUMES BK1DB,BK1LOG',
    errors: ['DUPLICATE', 'TARGET_TOO_SMALL'],
    parse: P.TARGETPOOL, validate: V.TARGETPOOL, run: DASD_RUN.TARGETPOOL, result: R.TARGETPOOL,
  }),
  PREPAIR: command({
    name: 'PREPAIR', domain: 'dasd-copies',
    syntax: 'PREPAIR <pool>',
    summary: 'Pre-pairs the next version of every target pool.',
    help: `${SPEC}: seed 002 Table 3.6: pairs made ahead of the backup take no time at backup.`,
    args: [POOL_ARG],
    example: 'PREPAIR DBPOOL',
    errors: ['NO_TARGET_POOL'],
    parse: P.PREPAIR, validate: V.PREPAIR, run: DASD_RUN.PREPAIR, result: R.PREPAIR,
  }),
  BACKUP: command({
    name: 'BACKUP', domain: 'dasd-copies',
    syntax: 'BACKUP <pool>',
    summary: "Takes a copy version of a source pool's volumes.",
    help: `${SPEC}: the next target pool in rotation receives the version.`,
    args: [POOL_ARG],
    example: 'BACKUP DBPOOL',
    errors: ['NO_TARGET_POOL'],
    parse: P.BACKUP, validate: V.BACKUP, run: DASD_RUN.BACKUP, result: R.BACKUP,
  }),
  REMOTECOPY: command({
    name: 'REMOTECOPY', domain: 'dasd-copies',
    syntax: 'REMOTECOPY <dasd> TO <dasd> ESTABLISH OFFLINE [GRAIN <size>] [GBPS <x>]',
    summary: 'Establishes a remote copy to be seeded offline.',
    help: `${SPEC}: the secondary is filled from shipped media, then only the changed grains cross the link.`,
    args: [{ name: 'GRAIN <size>', text: 'a whole number of 4 KB blocks' }, { name: 'GBPS <x>', text: 'the link rate (default 1)' }],
    example: 'REMOTECOPY PRODDB TO DRDB ESTABLISH OFFLINE GRAIN 64KB',
    errors: ['DUPLICATE', 'SAME_VOLUME', 'TARGET_TOO_SMALL', 'VOLUME_IN_USE', 'BAD_GRAIN'],
    parse: P.REMOTECOPY, validate: V.REMOTECOPY, run: DASD_RUN.REMOTECOPY, result: R.REMOTECOPY,
  }),
  FLASHCOPY: command({
    name: 'FLASHCOPY', domain: 'dasd-copies',
    syntax: 'FLASHCOPY <dasd> TO MEDIA <media>',
    summary: 'Copies a DASD volume to portable media.',
    help: `${SPEC}: the media carries the volume as it was, for SHIP and UPLOAD.`,
    args: [{ name: '<dasd>', text: 'a DASD volume' }, MEDIA_ARG],
    example: 'FLASHCOPY PRODDB TO MEDIA TAPE1',
    errors: ['DUPLICATE'],
    parse: P.FLASHCOPY, validate: V.FLASHCOPY, run: DASD_RUN.FLASHCOPY, result: R.FLASHCOPY,
  }),
  SHIP: command({
    name: 'SHIP', domain: 'dasd-copies',
    syntax: 'SHIP <media> TO <site>',
    summary: 'Ships portable media to a site.',
    help: `${SPEC}: media travels in simulated time.`,
    args: [MEDIA_ARG],
    example: 'SHIP TAPE1 TO DR',
    errors: ['NO_SUCH_MEDIA', 'NO_SUCH_SITE'],
    parse: P.SHIP, validate: V.SHIP, run: DASD_RUN.SHIP, result: R.SHIP,
  }),
  UPLOAD: command({
    name: 'UPLOAD', domain: 'dasd-copies',
    syntax: 'UPLOAD <media> TO <dasd>',
    summary: "Seeds a remote copy's secondary from shipped media.",
    help: `${SPEC}: the media must be at the secondary's site and come from its primary.`,
    args: [MEDIA_ARG, { name: '<dasd>', text: 'the remote copy secondary' }],
    example: 'UPLOAD TAPE1 TO DRDB',
    errors: ['NO_SUCH_MEDIA', 'MEDIA_ELSEWHERE', 'WRONG_MEDIA', 'NO_REMOTE_COPY'],
    parse: P.UPLOAD, validate: V.UPLOAD, run: DASD_RUN.UPLOAD, result: R.UPLOAD,
  }),
  SYNC: command({
    name: 'SYNC', domain: 'dasd-copies',
    syntax: 'SYNC <dasd>',
    summary: 'Sends the grains changed since the seed across the link.',
    help: `${SPEC}: after UPLOAD, only what changed meanwhile crosses the link.`,
    args: [{ name: '<dasd>', text: 'the remote copy primary' }],
    example: 'SYNC PRODDB',
    errors: ['NO_REMOTE_COPY', 'ALREADY_SYNCHRONIZED', 'LINK_DOWN'],
    parse: P.SYNC, validate: V.SYNC, run: DASD_RUN.SYNC, result: R.SYNC,
  }),
};
