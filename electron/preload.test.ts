// The preload exposes exactly one named function per contract channel plus `on` for the contract's
// events — never ipcRenderer or a generic invoke (STYLE; Electron security checklist §20) — and the
// names follow the rule the renderer's client uses (contract/method-names.ts).

import { describe, expect, it } from 'vitest';
import { channels, events } from '../contract/api.js';
import { methodName } from '../contract/method-names.js';
import { METHOD_NAMES } from './api-names.js';
import { fakeRenderer } from './fake-electron.js';
import { exposeApi, PRELOAD_EVENTS } from './preload.js';

function exposed(reply?: (channel: string, payload: unknown) => unknown) {
  const renderer = fakeRenderer(reply);
  exposeApi(renderer.contextBridge, renderer.ipcRenderer);
  expect([...renderer.exposed.keys()]).toEqual(['timezero']);
  // untyped on purpose: the tests also call the bridge with payloads the contract refuses

  return { api: renderer.exposed.get('timezero') as Record<string, any>, renderer };
}

describe('preload', () => {
  it('exposes exactly the allowlisted names: one per channel, and on', () => {
    const { api } = exposed();
    const expected = [...Object.keys(channels).map(methodName), 'on'].sort();
    expect(Object.keys(api).sort()).toEqual(expected);
    expect(METHOD_NAMES).toEqual(Object.keys(channels).map(methodName));
    for (const name of ['invoke', 'send', 'ipcRenderer', 'sendSync', 'postMessage']) expect(api).not.toHaveProperty(name);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('each function invokes its own channel with the payload alone, and resolves the result', async () => {
    const { api, renderer } = exposed((channel) => ({ ok: true, result: { channel } }));
    expect(await api.consoleExecute({ line: 'SHOW GRID' })).toEqual({ channel: 'console.execute' });
    expect(await api.volumesPage({ offset: 0, limit: 1, query: {} })).toEqual({ channel: 'volumes.page' });
    expect(renderer.invoked).toEqual([
      { channel: 'console.execute', args: [{ line: 'SHOW GRID' }] },
      { channel: 'volumes.page', args: [{ offset: 0, limit: 1, query: {} }] },
    ]);
  });

  it('rejects with {code, message} when the main process answers an error value', async () => {
    const { api } = exposed(() => ({ ok: false, error: { code: 'BAD_REQUEST', message: 'query.category: 4 hex digits' } }));
    await expect(api.volumesPage({ offset: 0, limit: 1, query: { category: 'x' } })).rejects.toEqual({ code: 'BAD_REQUEST', message: 'query.category: 4 hex digits' });
  });

  it('on() subscribes to contract events only, hands over the payload alone, and unsubscribes', () => {
    const { api, renderer } = exposed();
    expect([...PRELOAD_EVENTS].sort()).toEqual(Object.keys(events).sort());
    const got: unknown[] = [];
    const off = api.on('engine.changed', (payload: unknown, ...rest: unknown[]) => got.push([payload, ...rest]));
    renderer.emit('engine.changed', { time: '2026-01-01T00:00:00Z', journalLength: 3 });
    expect(got).toEqual([[{ time: '2026-01-01T00:00:00Z', journalLength: 3 }]]);
    off();
    renderer.emit('engine.changed', { time: '2026-01-01T00:00:00Z', journalLength: 4 });
    expect(got).toHaveLength(1);
    expect(() => api.on('session.info', () => {})).toThrow(/not an event/);
    expect(() => api.on('ELECTRON_BROWSER_WINDOW_ALERT', () => {})).toThrow(/not an event/);
    expect(renderer.listeners.has('session.info')).toBe(false);
  });
});
