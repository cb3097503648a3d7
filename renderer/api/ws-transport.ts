// Web-mode transport: one WebSocket to `/api` on the page's own host, the token offered as a subprotocol. Requests carry an id;
// the host answers `{id, ok, result}` or `{id, ok: false, error}` and pushes `{event, payload}`.
// Requests made while (re)connecting wait for the socket; a lost socket fails what was in flight
// (the operator sees it) and reconnects with backoff.

import { ClientError, toClientError, type ConnectionState, type Transport } from './transport';

interface Pending {
  channel: string;
  resolve: (value: unknown) => void;
  reject: (error: ClientError) => void;
}

const MAX_BACKOFF_MS = 10_000;

export function tokenFromLocation(search: string): string | null {
  return new URLSearchParams(search).get('token');
}

export function wsTransport(url: string, protocols: string[] = []): Transport {
  let socket: WebSocket | null = null;
  let nextId = 1;
  let backoff = 250;
  let state: ConnectionState = 'connecting';
  const pending = new Map<number, Pending>();
  const waiting: string[] = [];
  const eventListeners = new Set<(event: string, payload: unknown) => void>();
  const connectionListeners = new Set<(state: ConnectionState, detail?: string) => void>();

  function setState(next: ConnectionState, detail?: string) {
    state = next;
    connectionListeners.forEach((l) => l(next, detail));
  }

  function connect() {
    setState('connecting');
    const ws = new WebSocket(url, protocols);
    socket = ws;
    ws.onopen = () => {
      backoff = 250;
      setState('open');
      for (const frame of waiting.splice(0)) ws.send(frame);
    };
    ws.onmessage = (message) => {
      let data: unknown;
      try {
        data = JSON.parse(String(message.data));
      } catch {
        setState(state, 'the host sent a frame that is not JSON');
        return;
      }
      if (!data || typeof data !== 'object') return;
      const frame = data as { id?: number; ok?: boolean; result?: unknown; error?: unknown; event?: string; payload?: unknown };
      if (typeof frame.event === 'string') {
        eventListeners.forEach((l) => l(frame.event!, frame.payload));
        return;
      }
      if (typeof frame.id !== 'number') return;
      const waiter = pending.get(frame.id);
      if (!waiter) return;
      pending.delete(frame.id);
      if (frame.ok) waiter.resolve(frame.result);
      else waiter.reject(hostError(frame.error, waiter.channel));
    };
    ws.onclose = (event) => {
      socket = null;
      for (const [id, waiter] of pending) {
        pending.delete(id);
        waiter.reject(new ClientError('CONNECTION_LOST', `the connection to the engine host closed while ${waiter.channel} was running`, waiter.channel));
      }
      // 1008 (policy): a wrong or stale token; retrying cannot help.
      if (event.code === 1008) {
        setState('closed', 'the engine host refused this page (token no longer valid); reopen the console from the URL the host printed');
        return;
      }
      setState('closed', `connection to the engine host lost; retrying in ${Math.round(backoff / 1000) || 1}s`);
      setTimeout(connect, backoff);
      backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
    };
  }

  connect();

  return {
    kind: 'web',
    request(channel, payload) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { channel, resolve, reject });
        const frame = JSON.stringify({ id, channel, payload });
        if (socket && socket.readyState === WebSocket.OPEN) socket.send(frame);
        else waiting.push(frame);
      });
    },
    subscribe(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      listener(state);
      return () => connectionListeners.delete(listener);
    },
  };
}

function hostError(error: unknown, channel: string): ClientError {
  if (typeof error === 'string') return new ClientError('HOST_ERROR', error, channel);
  return toClientError(error ?? 'the host reported a failure without detail', channel);
}
