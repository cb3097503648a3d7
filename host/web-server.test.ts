// Web mode's loopback host: bound to 127.0.0.1 only; every page, asset and WebSocket upgrade needs
// the per-launch token; the WebSocket also needs the served Origin; the contract travels as
// {id, channel, payload} → {id, ok, result | error} with events {event, payload} (contract/api.ts).

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { createConsoleService, type ConsoleService } from '../services/console-service.js';
import { startWebServer, type WebServer } from './web-server.js';

let root: string;
let service: ConsoleService;
let server: WebServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tz-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><html><head><title>TimeZero</title></head><body><script type="module" src="./assets/app.js"></script></body></html>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(tmpdir(), 'tz-secret.txt'), 'secret');
  service = createConsoleService();
  server = await startWebServer({ service, rootDir: root, port: 0 });
});

afterAll(async () => {
  await server.close();
  service.close();
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a WebSocket; resolves with it once open, or with the HTTP status the upgrade got instead. */
function openSocket(path: string, opts: { origin?: string; protocols?: string[] } = {}): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, opts.protocols ?? [], opts.origin === undefined ? {} : { origin: opts.origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', (error) => reject(error));
  });
}

/** A frame from the host: a reply ({id, ok, result | error}) or an event ({event, payload}). */
interface Frame {
  id?: number | string | null;
  ok?: boolean;
  result?: unknown;
  error?: { code: string; message: string };
  event?: string;
  payload?: { journalLength?: number; messages?: unknown[] };
}

function nextMessage(ws: WebSocket, predicate: (m: Frame) => boolean): Promise<Frame> {
  return new Promise((resolve) => {
    const listener = (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as Frame;
      if (!predicate(message)) return;
      ws.off('message', listener);
      resolve(message);
    };
    ws.on('message', listener);
  });
}

async function call(ws: WebSocket, id: number | string, channel: string, payload: unknown): Promise<Frame> {
  const reply = nextMessage(ws, (m) => m.id === id);
  ws.send(JSON.stringify({ id, channel, payload }));
  return reply;
}

describe('web-mode host', () => {
  it('starts on a free port bound to 127.0.0.1 only and prints a tokened URL', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.address.address).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('refuses the page without the token, and its assets to anything but a same-origin fetch from it (403)', async () => {
    expect((await get('/')).status).toBe(403);
    expect((await get('/?token=wrong')).status).toBe(403);
    // the page holds the token: a same-origin navigation without it gets nothing either
    expect((await get('/', { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(403);
    expect((await get('/volumes', { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(403);
    expect((await get('/assets/app.js')).status).toBe(403);
    // another service on 127.0.0.1 is the same site (sites ignore ports) but not the same origin
    expect((await get('/assets/app.js', { 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await get('/assets/app.js', { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    // a cookie of an earlier version is no key any more
    expect((await get('/assets/app.js', { Cookie: `tz_token_${server.port}=${server.token}` })).status).toBe(403);
  });

  it('serves the page with the token, a strict CSP, the token meta tag and no cookie (issue 11 item 8)', async () => {
    const res = await get(`/?token=${server.token}`);
    expect(res.status).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    // a cookie for 127.0.0.1 would be sent to every other local service, whatever its port
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).toContain(`<meta name="timezero-token" content="${server.token}">`);
  });

  it("serves assets to the page's own same-origin fetches, with no cookie set", async () => {
    const res = await get('/assets/app.js', { 'Sec-Fetch-Site': 'same-origin' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/javascript');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.body).not.toContain(server.token);
  });

  it('keeps requests inside the renderer folder', async () => {
    expect((await get(`/..%2ftz-secret.txt?token=${server.token}`)).status).toBe(404);
    expect((await get(`/assets/..%2f..%2ftz-secret.txt?token=${server.token}`)).status).toBe(404);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    expect((await get(`/?token=${server.token}`, { Host: `evil.example:${server.port}` })).status).toBe(421);
    expect((await get(`/?token=${server.token}`, { Origin: 'http://evil.example' })).status).toBe(403);
  });

  it('refuses a WebSocket upgrade without the token (403)', async () => {
    expect(await openSocket('/api', { origin: server.origin })).toBe(403);
    expect(await openSocket('/api?token=nope', { origin: server.origin })).toBe(403);
  });

  it('refuses a WebSocket upgrade with the token but a wrong or missing Origin', async () => {
    expect(await openSocket(`/api?token=${server.token}`, { origin: 'http://evil.example' })).toBe(403);
    expect(await openSocket(`/api?token=${server.token}`, { origin: `http://localhost:${server.port}` })).toBe(403);
    expect(await openSocket(`/api?token=${server.token}`)).toBe(403);
  });

  it('answers session.info over the WebSocket with the token in the query string', async () => {
    const ws = (await openSocket(`/api?token=${server.token}`, { origin: server.origin })) as WebSocket;
    const reply = await call(ws, 1, 'session.info', {});
    expect(reply).toMatchObject({ id: 1, ok: true, result: { grid: 'GRID01', journalLength: expect.any(Number) } });
    ws.close();
  });

  it('accepts the token as a WebSocket subprotocol and answers with the app protocol', async () => {
    const ws = (await openSocket('/api', { origin: server.origin, protocols: ['timezero', `token.${server.token}`] })) as WebSocket;
    expect(ws.protocol).toBe('timezero');
    expect(await call(ws, 'a', 'session.info', {})).toMatchObject({ id: 'a', ok: true });
    ws.close();
  });

  it('answers contract errors with the field path, and pushes events after a command', async () => {
    const ws = (await openSocket(`/api?token=${server.token}`, { origin: server.origin })) as WebSocket;
    expect(await call(ws, 2, 'volumes.page', { offset: 0, limit: 10, query: { category: 'nothex' } })).toMatchObject({
      id: 2,
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('query.category') },
    });
    expect(await call(ws, 3, 'no.such', {})).toMatchObject({ id: 3, ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const changed = nextMessage(ws, (m) => m.event === 'engine.changed');
    const messages = nextMessage(ws, (m) => m.event === 'engine.messages');
    const reply = await call(ws, 4, 'console.execute', { line: 'FAIL CLUSTER CL0' });
    expect(reply.ok).toBe(true);
    expect((await changed).payload?.journalLength).toBeGreaterThan(1);
    expect((await messages).payload?.messages?.length).toBeGreaterThan(0);
    ws.send('not json');
    expect(await nextMessage(ws, (m) => m.id === null)).toMatchObject({ ok: false, error: { code: 'BAD_ENVELOPE' } });
    ws.close();
  });

  it('refuses an oversized message before parsing it, echoing the id', async () => {
    const ws = (await openSocket(`/api?token=${server.token}`, { origin: server.origin })) as WebSocket;
    const reply = nextMessage(ws, (m) => m.id === 9);
    ws.send(`{"id":9,"channel":"runbook.validate","payload":{"text":"${'x'.repeat(9 * 2 ** 20)}"}}`);
    expect(await reply).toMatchObject({ id: 9, ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    ws.close();
  });

  it('refuses an 8 MB frame nested 4 million deep before parsing, without holding the server, and keeps serving (issue 11 item 8)', async () => {
    const ws = (await openSocket(`/api?token=${server.token}`, { origin: server.origin })) as WebSocket;
    const depth = 4 * 2 ** 20 - 64;
    const frame = `{"id":10,"channel":"runbook.validate","payload":{"text":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    expect(frame.length).toBeLessThanOrEqual(8 * 2 ** 20 + 4096);
    // The host runs in this process: the longest gap between timer ticks is how long it held the event
    // loop (JSON.parse of this frame held it 4.5 s and more before the scan), and JSON.parse must never see the frame.
    const parse = vi.spyOn(JSON, 'parse');
    let last = performance.now();
    let longest = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    const reply = nextMessage(ws, (m) => m.id === 10);
    ws.send(frame);
    const answered = await reply;
    clearInterval(ticker);
    const sawFrame = parse.mock.calls.some(([text]) => typeof text === 'string' && text.length > 2 ** 20);
    parse.mockRestore();
    expect(answered).toEqual({
      id: 10,
      ok: false,
      error: {
        code: 'BAD_ENVELOPE',
        message: `message nested deeper than 64 levels at line 1, column ${'{"id":10,"channel":"runbook.validate","payload":{"text":'.length + 63}: refused before parsing`,
      },
    });
    expect(sawFrame).toBe(false);
    expect(longest).toBeLessThan(1500);
    expect(await call(ws, 11, 'session.info', {})).toMatchObject({ id: 11, ok: true });
    ws.close();
  });
});
