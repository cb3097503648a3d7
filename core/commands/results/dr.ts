// The results of the DR families commands, one schema each: every result a committed runbook or a
// test produced parses with its command's schema (core/commands/results.test.ts). Strict objects, so a
// field added or renamed fails until the schema says so; keyed maps (per cluster, per code) are records.

import { z } from 'zod';
import { DR_FAMILY_VIEW } from './shapes.js';

export const DR_RESULTS = {
  DRSETUP: DR_FAMILY_VIEW.extend({ warning: z.string().optional() }),
};
