// The runbook language over the contract (issue 14 item 1): the command table as the Console and the
// Runbooks editor offer it (completion of command words, hover help), and completion of the grid's
// names, VOLSERs by prefix. contract/api.ts spreads these channels.

import { z } from 'zod';

const commandDoc = z.object({
  /** how the line starts, as typed: MOUNT, SHOW GRID, LI REQ */
  words: z.string(),
  syntax: z.string(),
  summary: z.string(),
  domain: z.string(),
  /** the keywords the syntax names after its leading words, in order */
  keywords: z.array(z.string()),
});

export const languageChannels = {
  /** every command of the language: words, syntax, summary, domain */
  'language.commands': {
    request: z.object({}).strict(),
    response: z.object({ commands: z.array(commandDoc) }),
  },
  /** VOLSERs of the grid that start with a prefix, in order; at most `limit` */
  'language.volsers': {
    request: z
      .object({
        prefix: z.string().regex(/^[A-Za-z0-9]{0,6}$/, '0-6 characters A-Z 0-9'),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    response: z.object({ volsers: z.array(z.string()), more: z.boolean() }),
  },
} as const;

export type CommandDocDto = z.infer<typeof commandDoc>;
