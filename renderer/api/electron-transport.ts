// Electron transport: the preload's named API (`window.timezero.consoleExecute(payload)`, `on`).
// The preload exposes one function per channel, never a generic invoke.

import { ClientError, toClientError, type ConnectionState, type Transport } from './transport';
import { methodName } from '../../contract/method-names';

export interface TimezeroBridge {
  on(event: string, callback: (payload: unknown) => void): (() => void) | void;
  [method: string]: unknown;
}

declare global {
  interface Window {
    timezero?: TimezeroBridge;
  }
}

export function electronTransport(bridge: TimezeroBridge, eventNames: readonly string[]): Transport {
  return {
    kind: 'electron',
    async request(channel, payload) {
      const fn = bridge[methodName(channel)];
      if (typeof fn !== 'function') throw new ClientError('NO_SUCH_CHANNEL', `the preload exposes no ${methodName(channel)} for ${channel}`, channel);
      try {
        return await (fn as (p: unknown) => Promise<unknown>)(payload);
      } catch (error) {
        throw toClientError(error, channel);
      }
    },
    subscribe(listener) {
      const offs = eventNames.map((name) => bridge.on(name, (payload) => listener(name, payload)));
      return () => offs.forEach((off) => typeof off === 'function' && off());
    },
    onConnection(listener: (state: ConnectionState) => void) {
      listener('open');
      return () => undefined;
    },
  };
}
