// The runbook language: every command's table entry, from the domain tables. Typed over every
// CommandName, so a command without an entry (or an entry without a handler) does not compile; the
// parser, the validator and Engine.execute all dispatch through it.

import { SETUP } from './setup.js';
import { TAPE_IO } from './tape-io.js';
import { FAILURES } from './failures.js';
import { DR } from './dr.js';
import { COPY_EXPORT } from './copy-export.js';
import { RECOVERY } from './recovery.js';
import { DASD } from './dasd.js';
import { DASD_COPIES } from './dasd-copies.js';
import { SHOW } from './show.js';
import { RUNNER } from './runner.js';
import { headsOf } from './heads.js';
import { languageIndex } from './language.js';
import type { AnySpec, CommandTable } from './spec.js';

export const DOMAIN_TABLES = [SETUP, TAPE_IO, FAILURES, DR, COPY_EXPORT, RECOVERY, DASD, DASD_COPIES, SHOW, RUNNER] as const;

export const COMMANDS: CommandTable = { ...SETUP, ...TAPE_IO, ...FAILURES, ...DR, ...COPY_EXPORT, ...RECOVERY, ...DASD, ...DASD_COPIES, ...SHOW, ...RUNNER };

/** Every entry, in the table's order (SHOW's words are listed in this order). */
export const SPECS: readonly AnySpec[] = Object.values(COMMANDS);

export const HEADS = headsOf(SPECS);
export const LANGUAGE = languageIndex(SPECS);
