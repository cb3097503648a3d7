// Host DASD: volumes, host I/O, continuous replication with image access and failover, and
// active/active distributed volumes (spec §9 "Host DASD: continuous replication, copy versions, remote
// copy seeding").

import { DASD_PARSERS as P } from '../runbook/dasd-parsers.js';
import { DASD_CHECKS as V } from '../runbook/dasd-validate.js';
import { DASD_RUN } from '../engine/dasd.js';
import { RESULTS as R } from './results/index.js';
import { command, type DomainTable } from './spec.js';

const SPEC = 'Spec §9 "Host DASD: continuous replication, copy versions, remote copy seeding"';
const DASD_ARG = { name: '<dasd>', text: 'a DASD volume (DASD)' };
const REPLICA_ARG = { name: '<replica>', text: 'a replication target' };
const POINT_ARG = { name: '<iso-time>|<bookmark>', text: 'a point in time, or a bookmark name' };
const SITE_ARG = { name: 'SITE <site>', text: "a distributed volume's site" };

export const DASD: DomainTable<
  | 'DASD' | 'DASDWRITE' | 'DASDLOAD' | 'CHECKSUM' | 'REPLICATE' | 'BOOKMARK' | 'IMAGE_ACCESS' | 'IMAGE_ROLL' | 'IMAGE_DISABLE'
  | 'FAILOVER' | 'DISTRIBUTE' | 'FRACTURE' | 'ROLL' | 'UNFRACTURE'
> = {
  DASD: command({
    name: 'DASD', domain: 'dasd',
    syntax: 'DASD <name> SITE <site> SIZE <size> [TYPE <type>] [TECH FLASHCOPY|SNAPSHOT|COPY]',
    summary: 'Defines a host DASD volume at a site.',
    help: `${SPEC}: block storage the hosts write, up to 1 TB; TECH is how its copy versions are taken.`,
    args: [{ name: '<name>', text: 'the volume name' }, { name: 'SIZE <size>', text: 'at most 1 TB' }],
    example: 'DASD PRODDB SITE PROD SIZE 10GB',
    errors: ['DUPLICATE', 'NO_SUCH_SITE'],
    parse: P.DASD, validate: V.DASD, run: DASD_RUN.DASD, result: R.DASD,
  }),
  DASDWRITE: command({
    name: 'DASDWRITE', domain: 'dasd',
    syntax: 'DASDWRITE <dasd> <offset> <size> [PATTERN <token>] [SITE <site>]',
    summary: 'Writes a range of a DASD volume.',
    help: `${SPEC}: the write goes to the volume and, through its replication, to the replica.`,
    args: [DASD_ARG, { name: '<offset>', text: 'bytes or a size (1MB)' }, { name: 'PATTERN <token>', text: 'what is written (the checksum follows it)' }, SITE_ARG],
    example: 'DASDWRITE PRODDB 0 1MB PATTERN A1',
    errors: ['OUT_OF_RANGE', 'REPLICA_PROTECTED', 'SECONDARY_PROTECTED', 'SITE_FAILED', 'WRONG_SITE', 'NO_WRITES'],
    parse: P.DASDWRITE, validate: V.DASDWRITE, run: DASD_RUN.DASDWRITE, result: R.DASDWRITE,
  }),
  DASDLOAD: command({
    name: 'DASDLOAD', domain: 'dasd',
    syntax: 'DASDLOAD <dasd> RATE <MB/s> IOSIZE <size> FOR <duration> [SITE <site>]',
    summary: 'Writes a steady load to a DASD volume for a while.',
    help: `${SPEC}: production write load that the replication journal and link must keep up with.`,
    args: [DASD_ARG, { name: 'RATE <MB/s>', text: 'the write rate' }, { name: 'IOSIZE <size>', text: 'each write' }, SITE_ARG],
    example: 'DASDLOAD PRODDB RATE 50 IOSIZE 64KB FOR 10m',
    errors: ['REPLICA_PROTECTED', 'SITE_FAILED', 'WRONG_SITE'],
    parse: P.DASDLOAD, validate: V.DASDLOAD, run: DASD_RUN.DASDLOAD, result: R.DASDLOAD,
  }),
  CHECKSUM: command({
    name: 'CHECKSUM', domain: 'dasd',
    syntax: 'CHECKSUM <dasd> [IMAGE] [SITE <site>]',
    summary: "Digests a DASD volume's contents (or its accessed image).",
    help: `${SPEC}: compares what the replica or image holds with the source at a point in time.`,
    args: [DASD_ARG, { name: 'IMAGE', text: 'the image enabled by IMAGE ACCESS' }, SITE_ARG],
    example: 'CHECKSUM PRODDB',
    errors: ['NO_IMAGE_ACCESS', 'SITE_FAILED'],
    parse: P.CHECKSUM, validate: V.CHECKSUM, run: DASD_RUN.CHECKSUM, result: R.CHECKSUM,
  }),
  REPLICATE: command({
    name: 'REPLICATE', domain: 'dasd',
    syntax: 'REPLICATE <dasd> TO <dasd> SYNC|ASYNC|SNAPSHOT [JOURNAL <size>] [GBPS <x>] [EVERY <duration>]',
    summary: 'Replicates a DASD volume to a replica at another site.',
    help: `${SPEC}: continuous replication with a journal of points in time; replications in one direction share that link (README "Host DASD additions").`,
    args: [DASD_ARG, { name: 'JOURNAL <size>', text: "the replica's journal" }, { name: 'GBPS <x>', text: 'the link rate (default 1)' }, { name: 'EVERY <duration>', text: 'SNAPSHOT mode only' }],
    example: 'REPLICATE PRODDB TO DRDB ASYNC JOURNAL 1GB',
    errors: ['DUPLICATE', 'JOURNAL_TOO_SMALL', 'LINK_RATE', 'SAME_VOLUME', 'TARGET_TOO_SMALL', 'VOLUME_IN_USE'],
    parse: P.REPLICATE, validate: V.REPLICATE, run: DASD_RUN.REPLICATE, result: R.REPLICATE,
  }),
  BOOKMARK: command({
    name: 'BOOKMARK', domain: 'dasd',
    syntax: 'BOOKMARK <dasd> <name>',
    summary: 'Marks the present point of a replicated stream.',
    help: `${SPEC}: IMAGE ACCESS and ROLL can go to a bookmark by name.`,
    args: [{ name: '<dasd>', text: 'a replication source or a distributed volume' }],
    example: 'BOOKMARK PRODDB BEFOREBATCH',
    errors: ['NOT_REPLICATED'],
    parse: P.BOOKMARK, validate: V.BOOKMARK, run: DASD_RUN.BOOKMARK, result: R.BOOKMARK,
  }),
  IMAGE_ACCESS: command({
    name: 'IMAGE_ACCESS', domain: 'dasd',
    words: 'IMAGE ACCESS',
    syntax: 'IMAGE ACCESS <replica> AT <iso-time>|<bookmark> VIRTUAL|LOGGED',
    summary: "Enables access to a replica's image at a point in time.",
    help: `${SPEC}: VIRTUAL reads through the journal at once; LOGGED rolls the replica to the point first.`,
    args: [REPLICA_ARG, POINT_ARG],
    example: 'IMAGE ACCESS DRDB AT BEFOREBATCH VIRTUAL',
    errors: ['NOT_A_REPLICA', 'IMAGE_ACCESS_ACTIVE', 'NO_SUCH_BOOKMARK', 'PIT_NOT_ARRIVED', 'PIT_NOT_REACHABLE', 'FUTURE_TIME', 'JOURNAL_FULL'],
    parse: P.IMAGE_ACCESS, validate: V.IMAGE_ACCESS, run: DASD_RUN.IMAGE_ACCESS, result: R.IMAGE_ACCESS,
  }),
  IMAGE_ROLL: command({
    name: 'IMAGE_ROLL', domain: 'dasd',
    words: 'IMAGE ROLL',
    syntax: 'IMAGE ROLL <replica>',
    summary: 'Rolls a virtually accessed image into the replica in the background.',
    help: `${SPEC}: from virtual to logged access without stopping the image.`,
    args: [REPLICA_ARG],
    example: 'IMAGE ROLL DRDB',
    errors: ['NO_IMAGE_ACCESS', 'ALREADY_LOGGED', 'ROLL_IN_PROGRESS'],
    parse: P.IMAGE_ROLL, validate: V.IMAGE_ROLL, run: DASD_RUN.IMAGE_ROLL, result: R.IMAGE_ROLL,
  }),
  IMAGE_DISABLE: command({
    name: 'IMAGE_DISABLE', domain: 'dasd',
    words: 'IMAGE DISABLE',
    syntax: 'IMAGE DISABLE <replica>',
    summary: 'Ends image access; replication resumes.',
    help: `${SPEC}: writes made to the image are discarded.`,
    args: [REPLICA_ARG],
    example: 'IMAGE DISABLE DRDB',
    errors: ['NO_IMAGE_ACCESS'],
    parse: P.IMAGE_DISABLE, validate: V.IMAGE_DISABLE, run: DASD_RUN.IMAGE_DISABLE, result: R.IMAGE_DISABLE,
  }),
  FAILOVER: command({
    name: 'FAILOVER', domain: 'dasd',
    syntax: 'FAILOVER <replica>',
    summary: 'Makes a replica the production volume.',
    help: `${SPEC}: the replica takes over at the image point; replication reverses.`,
    args: [REPLICA_ARG],
    example: 'FAILOVER DRDB',
    errors: ['NOT_A_REPLICA', 'NO_IMAGE_ACCESS', 'SITE_FAILED'],
    parse: P.FAILOVER, validate: V.FAILOVER, run: DASD_RUN.FAILOVER, result: R.FAILOVER,
  }),
  DISTRIBUTE: command({
    name: 'DISTRIBUTE', domain: 'dasd',
    syntax: 'DISTRIBUTE <dasd> SITES <s1>,<s2> CHANGESET <duration> [GBPS <x>] [JOURNAL <size>]',
    summary: 'Makes a DASD volume active/active across two sites.',
    help: `${SPEC}: both sites write; change sets are exchanged every CHANGESET interval.`,
    args: [DASD_ARG, { name: 'SITES <s1>,<s2>', text: 'two different sites' }, { name: 'CHANGESET <duration>', text: 'the exchange interval' }],
    example: 'DISTRIBUTE PRODDB SITES PROD,DR CHANGESET 30s',
    errors: ['DUPLICATE', 'NO_SUCH_SITE', 'SAME_SITE', 'VOLUME_IN_USE'],
    parse: P.DISTRIBUTE, validate: V.DISTRIBUTE, run: DASD_RUN.DISTRIBUTE, result: R.DISTRIBUTE,
  }),
  FRACTURE: command({
    name: 'FRACTURE', domain: 'dasd',
    syntax: 'FRACTURE <dasd>',
    summary: 'Splits a distributed volume: the second site stops.',
    help: `${SPEC}: README "Host DASD additions": after FRACTURE the second site is stopped.`,
    args: [DASD_ARG],
    example: 'FRACTURE PRODDB',
    errors: ['NOT_DISTRIBUTED', 'ALREADY_FRACTURED'],
    parse: P.FRACTURE, validate: V.FRACTURE, run: DASD_RUN.FRACTURE, result: R.FRACTURE,
  }),
  ROLL: command({
    name: 'ROLL', domain: 'dasd',
    syntax: 'ROLL <dasd> SITE <site> TO <iso-time>|<bookmark>',
    summary: "Rolls a fractured distributed volume's site back to a point.",
    help: `${SPEC}: README "Host DASD additions": ROLL … SITE <first> stops and rolls the first site instead while production has not written there.`,
    args: [DASD_ARG, { name: 'SITE <site>', text: 'the site rolled' }, POINT_ARG],
    example: 'ROLL PRODDB SITE DR TO BEFOREBATCH',
    errors: ['NOT_FRACTURED', 'ALREADY_ROLLED', 'WRONG_SITE', 'SITE_ACTIVE', 'SITE_STOPPED', 'NO_SUCH_BOOKMARK', 'PIT_NOT_ARRIVED', 'PIT_NOT_REACHABLE', 'FUTURE_TIME'],
    parse: P.ROLL, validate: V.ROLL, run: DASD_RUN.ROLL, result: R.ROLL,
  }),
  UNFRACTURE: command({
    name: 'UNFRACTURE', domain: 'dasd',
    syntax: 'UNFRACTURE <dasd> KEEP PIT|CURRENT',
    summary: 'Joins a fractured distributed volume again.',
    help: `${SPEC}: KEEP PIT keeps the rolled point, KEEP CURRENT the production data.`,
    args: [DASD_ARG],
    example: 'UNFRACTURE PRODDB KEEP CURRENT',
    errors: ['NOT_FRACTURED'],
    parse: P.UNFRACTURE, validate: V.UNFRACTURE, run: DASD_RUN.UNFRACTURE, result: R.UNFRACTURE,
  }),
};
