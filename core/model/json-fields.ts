// Reading JSON that arrived as `unknown` (a journaled outcome, a command result, a parsed file) by
// its shape: the few fields a reader uses, checked, instead of asserting a type over the whole value.

/** An object's field (undefined for a missing field or a value that is not an object). */
export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

export function stringField(value: unknown, key: string): string | null {
  const x = field(value, key);
  return typeof x === 'string' ? x : null;
}

export function numberField(value: unknown, key: string): number | null {
  const x = field(value, key);
  return typeof x === 'number' ? x : null;
}

/** The object's own fields as entries; none for anything that is not an object. */
export function entriesOf(value: unknown): [string, unknown][] {
  return typeof value === 'object' && value !== null ? Object.entries(value) : [];
}

export interface StoredOutcome {
  ok: boolean;
  error: { code: string; message: string } | null;
  /** the command's result: an object, or null (a failed command, or a result that is no object) */
  result: object | null;
}

/** An outcome as the store keeps it (JSON text); null when the text is not JSON. */
export function parseOutcome(text: string): StoredOutcome | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const error = field(parsed, 'error');
  const code = stringField(error, 'code');
  const message = stringField(error, 'message');
  const result = field(parsed, 'result');
  return {
    ok: field(parsed, 'ok') === true,
    error: code !== null && message !== null ? { code, message } : null,
    result: typeof result === 'object' ? result : null,
  };
}
