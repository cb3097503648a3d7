// What a caught value says about itself: thrown values are `unknown`, and Node and SQLite errors carry a
// code beside the message. One reading for every catch that reports an error to a person.

/** The message of an Error, or the thrown value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The `code` of a Node (errno) or SQLite error, when the thrown value has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
