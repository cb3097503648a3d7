// Tape I/O (spec §4 "Host work"): mounts, writes, reads and demounts, production jobs, return to
// scratch and changes of category or Management Class.

import { GRID_PARSERS as P } from '../runbook/grid-parsers.js';
import { GRID_CHECKS as V } from '../runbook/grid-checks.js';
import { GRID_RUN } from '../engine/grid-handlers.js';
import { RESULTS as R } from './results/index.js';
import { command, type DomainTable } from './spec.js';

const MOUNT_ERRORS = ['NO_SCRATCH', 'NO_SUCH_VOLUME', 'ALREADY_MOUNTED', 'CLUSTER_UNAVAILABLE', 'DEVICES_OFFLINE', 'NO_VALID_COPY', 'OWNERSHIP_UNAVAILABLE', 'WRITE_PROTECTED', 'EXPIRE_HOLD', 'AMBIGUOUS_MOUNT'];
const HOST_ARG = { name: 'HOST <host>', text: 'the host whose mount it is, when two hosts hold the volume (DR testing)' };

export const TAPE_IO: DomainTable<'MOUNT' | 'WRITE' | 'READ' | 'DEMOUNT' | 'JOB_WRITE' | 'JOB_READ' | 'RETURN' | 'CHANGE'> = {
  MOUNT: command({
    name: 'MOUNT', domain: 'tape-io',
    syntax: 'MOUNT SCRATCH|<volser> ON <cl> HOST <host> [MC <mc>] [CATEGORY <cat>]',
    summary: 'Mounts a scratch or a specific volume on a cluster for a host.',
    help: 'Spec §4 "Host work": a scratch mount takes a volume from the category; a specific mount needs a valid copy reachable through the mounting cluster and its ownership (spec §6). MC on a specific mount assigns the class (spec §12).',
    args: [{ name: '<volser>', text: '1-6 characters A-Z 0-9, or SCRATCH' }, { name: 'ON <cl>', text: 'the mounting cluster' }, { name: 'HOST <host>', text: 'a host with online devices there' }],
    example: 'MOUNT SCRATCH ON CL0 HOST PRODHOST MC MCPROD',
    errors: MOUNT_ERRORS,
    parse: P.MOUNT, validate: V.MOUNT, run: GRID_RUN.MOUNT, result: R.MOUNT,
  }),
  WRITE: command({
    name: 'WRITE', domain: 'tape-io',
    syntax: 'WRITE <volser> <size> [HOST <host>]',
    summary: 'Writes a mounted volume.',
    help: 'Spec §4 "Host work" and §5 "Replication model": the write lands in the mounting cluster\'s cache; RUN and Synchronous copies are made at demount or at once.',
    args: [{ name: '<volser>', text: 'a mounted volume' }, { name: '<size>', text: 'at most 25,000 MB' }, HOST_ARG],
    example: 'WRITE A00001 4GB',
    errors: ['NOT_MOUNTED', 'CACHE_FULL', 'WRITE_PROTECTED', 'READ_ONLY_TAKEOVER'],
    parse: P.WRITE, validate: V.WRITE, run: GRID_RUN.WRITE, result: R.WRITE,
  }),
  READ: command({
    name: 'READ', domain: 'tape-io',
    syntax: 'READ <volser> [HOST <host>]',
    summary: 'Reads a mounted volume.',
    help: 'Spec §4 "Host work": reads the consistent copy the mount chose; a copy migrated to tape is recalled first (recallSeconds).',
    args: [{ name: '<volser>', text: 'a mounted volume' }, HOST_ARG],
    example: 'READ A00001',
    errors: ['NOT_MOUNTED', 'NO_VALID_COPY'],
    parse: P.READ, validate: V.READ, run: GRID_RUN.READ, result: R.READ,
  }),
  DEMOUNT: command({
    name: 'DEMOUNT', domain: 'tape-io',
    syntax: 'DEMOUNT <volser> [HOST <host>]',
    summary: 'Demounts a volume; RUN copies are made before it completes.',
    help: 'Spec §5 "Replication model": RUN copies complete before the demount does (waitedSeconds), Deferred copies are queued (deferredCopies).',
    args: [{ name: '<volser>', text: 'a mounted volume' }, HOST_ARG],
    example: 'DEMOUNT A00001',
    errors: ['NOT_MOUNTED'],
    parse: P.DEMOUNT, validate: V.DEMOUNT, run: GRID_RUN.DEMOUNT, result: R.DEMOUNT,
  }),
  JOB_WRITE: command({
    name: 'JOB_WRITE', domain: 'tape-io',
    syntax: 'JOB <host> WRITE <n> SCRATCH ON <cl> [MC <mc>] [SIZE <size>] [CATEGORY <cat>] [OVER <duration>]',
    summary: 'Runs n scratch jobs: mount, write, demount each.',
    help: 'Spec §4 "Host work": production load in one line; OVER spreads the jobs across simulated time. Each job\'s refusal is counted by code, not fatal.',
    args: [{ name: '<host>', text: 'a declared host' }, { name: '<n>', text: 'jobs, 1 to 10,000,000' }, { name: 'SIZE <size>', text: 'each volume (default 800 MB)' }],
    example: 'JOB PRODHOST WRITE 100 SCRATCH ON CL0 MC MCPROD SIZE 1GB',
    errors: [],
    parse: P.JOB_WRITE, validate: V.JOB_WRITE, run: GRID_RUN.JOB_WRITE, result: R.JOB_WRITE,
  }),
  JOB_READ: command({
    name: 'JOB_READ', domain: 'tape-io',
    syntax: 'JOB <host> READ <range> ON <cl>',
    summary: 'Runs a read job for each volume of a range: mount, read, demount.',
    help: 'Spec §4 "Host work": each volume is mounted specifically; its refusal is counted by code.',
    args: [{ name: '<host>', text: 'a declared host' }, { name: '<range>', text: 'a VOLSER range' }],
    example: 'JOB PRODHOST READ A00000-A00009 ON CL1',
    errors: [],
    parse: P.JOB_READ, validate: V.JOB_READ, run: GRID_RUN.JOB_READ, result: R.JOB_READ,
  }),
  RETURN: command({
    name: 'RETURN', domain: 'tape-io',
    syntax: 'RETURN <range> TO SCRATCH [CATEGORY <cat>] [HOST <host>]',
    summary: 'Returns volumes to scratch.',
    help: 'Spec §4 "Host work": return-to-scratch processing; an expire hold keeps them from reuse (Redbook §11.9.7); HOST acts through that host\'s devices, so a write-protected cluster refuses (spec §12).',
    args: [{ name: '<range>', text: 'a VOLSER range' }, { name: 'CATEGORY <cat>', text: 'the scratch category (default 0002)' }],
    example: 'RETURN A00000-A00009 TO SCRATCH CATEGORY 0002',
    errors: [],
    parse: P.RETURN, validate: V.RETURN, run: GRID_RUN.RETURN, result: R.RETURN,
  }),
  CHANGE: command({
    name: 'CHANGE', domain: 'tape-io',
    syntax: 'CHANGE <volser> CATEGORY <cat>|MC <mc> [HOST <host>]',
    summary: "Changes a volume's category or Management Class.",
    help: 'Spec §4 "Host work": a new Management Class makes the copies its modes ask for.',
    args: [{ name: '<volser>', text: 'a volume of the grid' }],
    example: 'CHANGE A00001 MC MCPROD',
    errors: ['NO_SUCH_VOLUME', 'VOLUME_MOUNTED', 'WRITE_PROTECTED'],
    parse: P.CHANGE, validate: V.CHANGE, run: GRID_RUN.CHANGE, result: R.CHANGE,
  }),
};
