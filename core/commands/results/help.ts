// HELP's result: the commands by domain, or the commands a topic names, each explained.

import { z } from 'zod';

const commandHelp = z.strictObject({
  command: z.string(),
  name: z.string(),
  domain: z.string(),
  syntax: z.string(),
  summary: z.string(),
  help: z.string(),
  arguments: z.array(z.strictObject({ name: z.string(), text: z.string() })),
  result: z.string(),
  errors: z.array(z.string()),
  example: z.string(),
});

export const HELP_RESULT = z.union([
  z.strictObject({
    topic: z.null(),
    domains: z.array(z.strictObject({ domain: z.string(), commands: z.array(z.strictObject({ command: z.string(), syntax: z.string(), summary: z.string() })) })),
  }),
  z.strictObject({ topic: z.string(), commands: z.array(commandHelp) }),
]);
