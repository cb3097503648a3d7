// The result schema of every command, from the domains' result files; typed over every CommandName, so
// a command without a schema does not compile.

import type { z } from 'zod';
import type { CommandName } from '../../runbook/commands.js';
import { SETUP_RESULTS } from './setup.js';
import { TAPE_IO_RESULTS } from './tape-io.js';
import { FAILURES_RESULTS } from './failures.js';
import { DR_RESULTS } from './dr.js';
import { COPY_EXPORT_RESULTS } from './copy-export.js';
import { RECOVERY_RESULTS } from './recovery.js';
import { DASD_RESULTS } from './dasd.js';
import { DASD_COPIES_RESULTS } from './dasd-copies.js';
import { SHOW_RESULTS } from './show.js';
import { RUNNER_RESULTS } from './runner.js';

export const RESULTS: { [K in CommandName]: z.ZodType } = {
  ...SETUP_RESULTS,
  ...TAPE_IO_RESULTS,
  ...FAILURES_RESULTS,
  ...DR_RESULTS,
  ...COPY_EXPORT_RESULTS,
  ...RECOVERY_RESULTS,
  ...DASD_RESULTS,
  ...DASD_COPIES_RESULTS,
  ...SHOW_RESULTS,
  ...RUNNER_RESULTS,
};
