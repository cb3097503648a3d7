// Errors at the service boundary are values: a stable code for the console to branch on and a
// message for the operator, with the field path when a payload was at fault (STYLE: errors are values).

export interface ServiceError {
  code: string;
  message: string;
}

export type Reply<T = unknown> = { ok: true; result: T } | { ok: false; error: ServiceError };

/** Thrown inside a handler to answer with an error value; handle() turns it into a Reply. */
export class ServiceFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function fail(code: string, message: string): never {
  throw new ServiceFailure(code, message);
}

export const ERROR_CODES = {
  UNKNOWN_CHANNEL: 'UNKNOWN_CHANNEL',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  BAD_REQUEST: 'BAD_REQUEST',
  BAD_RESPONSE: 'BAD_RESPONSE',
  INTERNAL: 'INTERNAL',
} as const;
