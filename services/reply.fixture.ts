// For services tests: a channel's reply, unwrapped. Each test states the shape it reads, so the result
// comes back as whatever the test names (any by default).

import type { Reply } from './errors.js';

/** The reply's result; a refusal fails the test with its code and message. */
export function ok<T = any>(reply: Reply): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.result as T;
}

/** The same for a reply still on its way. */
export async function okAsync<T = any>(reply: Promise<Reply>): Promise<T> {
  return ok<T>(await reply);
}
