// What the typed client needs from a transport: send one request, receive pushed events, report the
// connection. Electron IPC and the web-mode WebSocket both implement it; neither validates — the
// client does, against the contract, on both sides of the wire.

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface Transport {
  readonly kind: 'electron' | 'web';
  request(channel: string, payload: unknown): Promise<unknown>;
  /** every pushed event, unvalidated; returns an unsubscribe function */
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
  onConnection(listener: (state: ConnectionState, detail?: string) => void): () => void;
}

/** An error as a value with a code, so the alert region can say what failed and where. */
export class ClientError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly channel?: string,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

/** Normalises whatever the far side rejected with into a ClientError. */
export function toClientError(error: unknown, channel?: string): ClientError {
  if (error instanceof ClientError) return error;
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; message?: unknown };
    const message = typeof e.message === 'string' ? e.message : JSON.stringify(error);
    // Electron wraps handler errors as "Error invoking remote method 'x': Error: …"; keep the tail.
    const tail = message.replace(/^Error invoking remote method '[^']*': (\w*Error: )?/, '');
    return new ClientError(typeof e.code === 'string' ? e.code : 'HOST_ERROR', tail, channel);
  }
  return new ClientError('HOST_ERROR', String(error), channel);
}
