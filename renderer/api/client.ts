// The typed client, generated from the contract: `call(channel, payload)` checks the request against
// the channel's zod schema before it leaves and the response after it arrives; `api.consoleExecute(…)`
// is the same call under the preload's method names; `on(event, cb)` delivers only payloads that match
// the event's schema. A mismatch on either side is an error with a field path — never dropped.

import type { z } from 'zod';
import { channels, describeIssue, events, type Channel, type EventName, type EventPayload, type Request, type Response } from '../../contract/api';
import { electronTransport } from './electron-transport';
import { methodName, type MethodName } from '../../contract/method-names';
import { ClientError, toClientError, type ConnectionState, type Transport } from './transport';
import { tokenFromLocation, wsTransport } from './ws-transport';

export { ClientError } from './transport';
export type { ConnectionState } from './transport';

export type Api = { [C in Channel as MethodName<C>]: (payload: Request<C>) => Promise<Response<C>> };

export interface Client {
  readonly kind: Transport['kind'];
  call<C extends Channel>(channel: C, payload: Request<C>): Promise<Response<C>>;
  readonly api: Api;
  on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void;
  onConnection(listener: (state: ConnectionState, detail?: string) => void): () => void;
  /** events whose payload broke the contract, and other problems not tied to a call */
  onProblem(listener: (error: ClientError) => void): () => void;
}

const EVENT_NAMES = Object.keys(events) as EventName[];

export function createClient(transport: Transport): Client {
  const problems = new Set<(error: ClientError) => void>();
  const report = (error: ClientError) => {
    if (problems.size === 0) console.error(error);
    problems.forEach((l) => l(error));
  };

  async function call<C extends Channel>(channel: C, payload: Request<C>): Promise<Response<C>> {
    const spec = channels[channel] as unknown as { request: z.ZodType; response: z.ZodType } | undefined;
    if (!spec) throw new ClientError('NO_SUCH_CHANNEL', `${String(channel)} is not in the contract`, channel);
    const request = spec.request.safeParse(payload);
    if (!request.success) throw new ClientError('INVALID_REQUEST', `${channel} request ${describeIssue(request.error)}`, channel);
    let raw: unknown;
    try {
      raw = await transport.request(channel, request.data);
    } catch (error) {
      throw toClientError(error, channel);
    }
    const response = spec.response.safeParse(raw);
    if (!response.success) throw new ClientError('INVALID_RESPONSE', `${channel} response ${describeIssue(response.error)}`, channel);
    return response.data as Response<C>;
  }

  const api = Object.fromEntries((Object.keys(channels) as Channel[]).map((c) => [methodName(c), (payload: never) => call(c, payload)])) as unknown as Api;

  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  transport.subscribe((event, payload) => {
    const schema = (events as Record<string, z.ZodType>)[event];
    if (!schema) {
      report(new ClientError('UNKNOWN_EVENT', `the host pushed an event not in the contract: ${event}`));
      return;
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      report(new ClientError('INVALID_EVENT', `${event} ${describeIssue(parsed.error)}`));
      return;
    }
    listeners.get(event)?.forEach((l) => l(parsed.data));
  });

  return {
    kind: transport.kind,
    call,
    api,
    on(event, callback) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const l = callback as (payload: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    onConnection: (listener) => transport.onConnection(listener),
    onProblem(listener) {
      problems.add(listener);
      return () => problems.delete(listener);
    },
  };
}

/** Electron when the preload is there, else web mode with the token the host put in the page URL. */
export function defaultTransport(): Transport {
  if (typeof window !== 'undefined' && window.timezero) return electronTransport(window.timezero, EVENT_NAMES);
  // The page URL carries the token on first load; the host also puts it in a <meta> for reloads.
  const token = tokenFromLocation(location.search) ?? document.querySelector<HTMLMetaElement>('meta[name="timezero-token"]')?.content ?? null;
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  // The token travels as a WebSocket subprotocol, never in a cookie (a cookie for 127.0.0.1 would go
  // to every other local service) nor in the socket's URL.
  return wsTransport(`${scheme}//${location.host}/api`, token ? ['timezero', `token.${token}`] : []);
}

let shared: Client | null = null;

/** The one client of this window. */
export function client(): Client {
  shared ??= createClient(defaultTransport());
  return shared;
}
