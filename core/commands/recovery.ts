// Copy Export Recovery (spec §8; Redbook §11.7 "Copy Export Recovery"): stand-alone recovery
// libraries, moving stacked volumes, export sets, and the recovery itself.

import { TAPE_PARSERS as P } from '../runbook/tape-parsers.js';
import { TAPE_CHECKS as V } from '../runbook/tape-validate.js';
import { TAPE_RUN } from '../engine/tape.js';
import { RESULTS as R } from './results/index.js';
import { command, type DomainTable } from './spec.js';

const STANDALONE_ARG = { name: '<standalone>', text: 'a stand-alone library (STANDALONE)' };

export const RECOVERY: DomainTable<'STANDALONE' | 'TRANSPORT' | 'SAVE_EXPORTSET' | 'LOAD_EXPORTSET' | 'ERASE' | 'RECOVER' | 'RESTART'> = {
  STANDALONE: command({
    name: 'STANDALONE', domain: 'recovery',
    syntax: 'STANDALONE <name> MODEL TAPE DRIVES <n> [FORMATS <f>,…] [CODE <level>] [KEYS <key>,…] [SLOTS <n>] [PARTITION <range>,…]',
    summary: 'Defines a stand-alone recovery library outside the grid.',
    help: 'Redbook §11.7.1 "Planning and considerations for testing Copy Export Recovery": the recovery TS7700 is empty, at the same or a later code level, with drives that read the exported format and the keys to decrypt it.',
    args: [{ name: '<name>', text: 'the library name' }, { name: 'CODE <level>', text: 'digits and dots (8.50)' }, { name: 'PARTITION <range>,…', text: 'VOLSER ranges shared with another partition' }],
    example: 'STANDALONE DRLIB MODEL TAPE DRIVES 4 FORMATS E07,E08 CODE 8.50',
    errors: ['DUPLICATE'],
    parse: P.STANDALONE, validate: V.STANDALONE, run: TAPE_RUN.STANDALONE, result: R.STANDALONE,
  }),
  TRANSPORT: command({
    name: 'TRANSPORT', domain: 'recovery',
    syntax: 'TRANSPORT EXPORTED FROM <cl> TO <standalone> | TRANSPORT <pvol-range> TO <standalone>|<cl>',
    summary: 'Moves copy-exported stacked volumes to a recovery library, or back.',
    help: 'Redbook §11.7 "Copy Export Recovery": the exported cartridges travel to the recovery site; a range returns to its home library afterwards.',
    args: [STANDALONE_ARG, { name: '<pvol-range>', text: 'a range of stacked volumes' }],
    example: 'TRANSPORT EXPORTED FROM CL2 TO DRLIB',
    errors: ['NOTHING_TO_TRANSPORT', 'MIXED_SOURCES', 'NOT_TRANSPORTABLE', 'NOT_RETURNABLE', 'NO_SLOTS', 'NOT_EMPTY', 'NOT_TAPE_ATTACHED'],
    parse: P.TRANSPORT, validate: V.TRANSPORT, run: TAPE_RUN.TRANSPORT, result: R.TRANSPORT,
  }),
  SAVE_EXPORTSET: command({
    name: 'SAVE_EXPORTSET', domain: 'recovery',
    words: 'SAVE EXPORTSET',
    syntax: 'SAVE EXPORTSET FROM <cl> <file>',
    summary: 'Saves the exported stacked volumes to a file, for an offline rehearsal.',
    help: 'README "Copy Export additions": the export set (volumes and the exported database) for LOAD EXPORTSET on another grid; skipped on replay.',
    args: [{ name: '<file>', text: 'a file path, relative to the runbook' }],
    example: 'SAVE EXPORTSET FROM CL2 exports/set1.json',
    errors: ['NOTHING_TO_SAVE', 'NOT_TAPE_ATTACHED', 'NO_FILE_SYSTEM'],
    parse: P.SAVE_EXPORTSET, validate: V.SAVE_EXPORTSET, run: TAPE_RUN.SAVE_EXPORTSET, result: R.SAVE_EXPORTSET,
  }),
  LOAD_EXPORTSET: command({
    name: 'LOAD_EXPORTSET', domain: 'recovery',
    words: 'LOAD EXPORTSET',
    syntax: 'LOAD EXPORTSET <file> INTO <standalone>',
    summary: 'Loads a saved export set into a stand-alone library.',
    help: 'README "Copy Export additions": the set is kept in the --db database when loaded, so a run continues when the file is gone.',
    args: [{ name: '<file>', text: 'a saved export set' }, STANDALONE_ARG],
    example: 'LOAD EXPORTSET exports/set1.json INTO DRLIB',
    errors: ['BAD_EXPORTSET', 'EXPORTSET_CHANGED', 'NO_FILE', 'NO_FILE_SYSTEM'],
    parse: P.LOAD_EXPORTSET, validate: V.LOAD_EXPORTSET, run: TAPE_RUN.LOAD_EXPORTSET, result: R.LOAD_EXPORTSET,
  }),
  ERASE: command({
    name: 'ERASE', domain: 'recovery',
    syntax: 'ERASE <standalone>',
    summary: 'Erases a stand-alone library before a recovery.',
    help: 'Redbook §11.7.2 "Performing Copy Export Recovery", step 2: the recovery library must be empty.',
    args: [STANDALONE_ARG],
    example: 'ERASE DRLIB',
    errors: ['LIBRARY_BUSY'],
    parse: P.ERASE, validate: V.ERASE, run: TAPE_RUN.ERASE, result: R.ERASE,
  }),
  RECOVER: command({
    name: 'RECOVER', domain: 'recovery',
    syntax: 'RECOVER <standalone> FROM <pvol>|LATEST [TESTMODE ON|OFF]',
    summary: 'Runs Copy Export Recovery from an exported database backup.',
    help: 'Redbook §11.7.2 "Performing Copy Export Recovery": restores the database from the chosen (or latest) exported volume; in DR test mode (the default) nothing is reclaimed.',
    args: [STANDALONE_ARG, { name: 'FROM <pvol>|LATEST', text: 'the stacked volume holding the database backup' }],
    example: 'RECOVER DRLIB FROM LATEST TESTMODE ON',
    errors: ['NOT_EMPTY', 'NO_DB_BACKUP', 'NO_EXPORTED_VOLUMES', 'CODE_LEVEL', 'DRIVE_FORMAT', 'ENCRYPTION_KEY', 'NO_DRIVES', 'LIBRARY_BUSY'],
    parse: P.RECOVER, validate: V.RECOVER, run: TAPE_RUN.RECOVER, result: R.RECOVER,
  }),
  RESTART: command({
    name: 'RESTART', domain: 'recovery',
    syntax: 'RESTART <cl>',
    summary: 'Power-cycles a library: an interrupted export reports E0022, then E0023.',
    help: 'Redbook Table 11-1 (E0022/E0023); a TimeZero extension: the TS7700 back from an error or power off.',
    args: [{ name: '<cl>', text: 'a cluster of the grid' }],
    example: 'RESTART CL2',
    errors: [],
    parse: P.RESTART, validate: V.RESTART, run: TAPE_RUN.RESTART, result: R.RESTART,
  }),
};
