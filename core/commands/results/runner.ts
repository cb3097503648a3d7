// The results of the EXPECT, HELP and the runner commands, one schema each: every result a committed runbook or a
// test produced parses with its command's schema (core/commands/results.test.ts). Strict objects, so a
// field added or renamed fails until the schema says so; keyed maps (per cluster, per code) are records.

import { z } from 'zod';
import { HELP_RESULT } from './help.js';

export const RUNNER_RESULTS = {
  EXPECT: z.union([
    z.strictObject({ path: z.string(), op: z.string(), expected: z.unknown(), actual: z.unknown() }),
    z.strictObject({ message: z.string(), expected: z.enum(['present', 'absent']), seen: z.boolean() }),
  ]),
  EXPECT_MESSAGE: z.strictObject({ message: z.string(), expected: z.enum(['present', 'absent']), seen: z.boolean() }),
  HELP: HELP_RESULT,
};
