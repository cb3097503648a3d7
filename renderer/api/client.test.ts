// The typed client checks both sides of every call against the contract and never drops an error:
// a bad request fails before it is sent, a bad response or event payload is reported with its field
// path, and a host error arrives as a ClientError with the host's code.

import { describe, expect, it } from 'vitest';
import { createClient, type Client } from './client';
import { methodName } from '../../contract/method-names';
import { ClientError, type Transport } from './transport';

function fakeTransport(answer: (channel: string, payload: unknown) => unknown) {
  const sent: { channel: string; payload: unknown }[] = [];
  let push: ((event: string, payload: unknown) => void) | null = null;
  const transport: Transport = {
    kind: 'web',
    async request(channel, payload) {
      sent.push({ channel, payload });
      return answer(channel, payload);
    },
    subscribe(listener) {
      push = listener;
      return () => (push = null);
    },
    onConnection: () => () => undefined,
  };
  return { transport, sent, push: (event: string, payload: unknown) => push?.(event, payload) };
}

const okExecute = { records: [], errors: [] };

describe('renderer client', () => {
  it('names methods like the preload: dots to camelCase', () => {
    expect(methodName('console.execute')).toBe('consoleExecute');
    expect(methodName('volumes.page')).toBe('volumesPage');
  });

  it('sends a valid request and returns the checked response, also through api.<method>', async () => {
    const fake = fakeTransport(() => okExecute);
    const client = createClient(fake.transport);
    await expect(client.call('console.execute', { line: 'SHOW GRID' })).resolves.toEqual(okExecute);
    await expect(client.api.consoleExecute({ line: 'SHOW GRID' })).resolves.toEqual(okExecute);
    expect(fake.sent).toEqual([
      { channel: 'console.execute', payload: { line: 'SHOW GRID' } },
      { channel: 'console.execute', payload: { line: 'SHOW GRID' } },
    ]);
  });

  it('refuses an invalid request before sending it, naming the field', async () => {
    const fake = fakeTransport(() => okExecute);
    const client = createClient(fake.transport);
    const call = client.call('volumes.page', { offset: 0, limit: 100, query: { category: 'XYZ' } });
    await expect(call).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(call).rejects.toThrow(/query\.category/);
    expect(fake.sent).toEqual([]);
  });

  it('rejects a response that breaks the contract', async () => {
    const client = createClient(fakeTransport(() => ({ records: 'nope' })).transport);
    await expect(client.call('console.execute', { line: 'SHOW GRID' })).rejects.toMatchObject({ code: 'INVALID_RESPONSE', message: expect.stringMatching(/records/) });
  });

  it("surfaces the host's error code", async () => {
    const client = createClient(
      fakeTransport(() => {
        throw { code: 'FUTURE_TIME', message: '2027-01-01T00:00:00Z is after the simulated present' };
      }).transport,
    );
    const call = client.call('grid.show', { at: '2027-01-01T00:00:00Z' });
    await expect(call).rejects.toBeInstanceOf(ClientError);
    await expect(call).rejects.toMatchObject({ code: 'FUTURE_TIME', channel: 'grid.show' });
  });

  it('delivers valid events and reports invalid or unknown ones instead of dropping them', () => {
    const fake = fakeTransport(() => null);
    const client: Client = createClient(fake.transport);
    const seen: unknown[] = [];
    const problems: string[] = [];
    client.on('engine.changed', (p) => seen.push(p));
    client.onProblem((e) => problems.push(`${e.code}: ${e.message}`));
    fake.push('engine.changed', { time: '2026-01-01T00:10:00Z', journalLength: 3 });
    fake.push('engine.changed', { time: 'yesterday', journalLength: 3 });
    fake.push('engine.exploded', {});
    expect(seen).toEqual([{ time: '2026-01-01T00:10:00Z', journalLength: 3 }]);
    expect(problems).toEqual([expect.stringMatching(/^INVALID_EVENT: engine.changed time/), expect.stringMatching(/^UNKNOWN_EVENT: .*engine.exploded/)]);
  });
});
