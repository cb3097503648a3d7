// Web mode: the console in a browser. A plain Node http server bound to 127.0.0.1 only serves the
// built renderer and carries the contract over a WebSocket at /api:
//   request `{id, channel, payload}` → reply `{id, ok, result | error}`; events `{event, payload}`.
// The page needs the per-launch token in its URL, its assets a same-origin fetch from it (or the
// token), the WebSocket the token as a subprotocol and our Origin. No cookie holds the token.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { MAX_PAYLOAD_BYTES } from '../contract/api.js';
import { jsonTooDeep } from '../core/model/json-depth.js';
import type { ConsoleService, EngineEvent } from '../services/console-service.js';
import type { Reply } from '../services/errors.js';
import { APP_PROTOCOL, checkPeer, fromOwnPage, newToken, offeredProtocols, protocolToken, sameToken, TOKEN_PROTOCOL_PREFIX, type AccessPolicy } from './access.js';
import { loadStatic, withTokenMeta } from './static-files.js';

export const LOOPBACK = '127.0.0.1';
export const API_PATH = '/api';
/** The envelope around a payload: id, channel and JSON punctuation. */
const ENVELOPE_BYTES = 4096;
const MAX_ID_LENGTH = 64;

export interface WebServerOptions {
  service: Pick<ConsoleService, 'handle' | 'subscribe'>;
  /** the built renderer: dist/renderer */
  rootDir: string;
  /** 0 picks a free port */
  port?: number;
  /** fixed for tests; a new random one per launch otherwise */
  token?: string;
}

export interface WebServer {
  /** what to open: http://127.0.0.1:<port>/?token=<token> */
  url: string;
  origin: string;
  port: number;
  token: string;
  address: AddressInfo;
  close(): Promise<void>;
}

export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ws://${LOOPBACK}:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(port),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? newToken();
  const policy: AccessPolicy = { token, origin: '', host: '', port: 0 };
  const sockets = new Set<Duplex>();

  const server = createServer((req, res) => {
    serveHttp(req, res, policy, opts.rootDir).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('internal error');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 2 * MAX_PAYLOAD_BYTES,
    handleProtocols: (protocols) => {
      if (protocols.has(APP_PROTOCOL)) return APP_PROTOCOL;
      for (const p of protocols) if (p.startsWith(TOKEN_PROTOCOL_PREFIX) || p === token) return p;
      return false;
    },
  });

  server.on('upgrade', (req, socket, head) => {
    const denied = upgradeDenied(req, policy);
    if (denied) {
      socket.end(
        `HTTP/1.1 ${denied.status} ${denied.status === 403 ? 'Forbidden' : 'Misdirected Request'}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(denied.reason)}\r\n\r\n${denied.reason}`,
      );
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => connect(ws, opts.service));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  policy.port = address.port;
  policy.host = `${LOOPBACK}:${address.port}`;
  policy.origin = `http://${policy.host}`;

  let closing: Promise<void> | null = null;
  return {
    url: `${policy.origin}/?token=${token}`,
    origin: policy.origin,
    port: address.port,
    token,
    address,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const ws of wss.clients) ws.close(1001, 'server shutting down');
        wss.close();
        server.close(() => resolve());
        // Browsers keep idle connections open; give in-flight replies a moment, then cut them.
        setTimeout(() => {
          for (const ws of wss.clients) ws.terminate();
          for (const socket of sockets) socket.destroy();
        }, 250).unref();
      });
      return closing;
    },
  };
}

function upgradeDenied(req: IncomingMessage, policy: AccessPolicy): { status: 403 | 421; reason: string } | null {
  const url = new URL(req.url ?? '/', policy.origin);
  if (url.pathname !== API_PATH) return { status: 403, reason: `WebSocket only at ${API_PATH}` };
  const peer = checkPeer(req, policy, true);
  if (peer) return peer;
  const given = url.searchParams.get('token') ?? protocolToken(offeredProtocols(req)) ?? offeredProtocols(req).find((p) => sameToken(policy.token, p)) ?? null;
  if (!sameToken(policy.token, given)) return { status: 403, reason: 'missing or wrong token' };
  return null;
}

async function serveHttp(req: IncomingMessage, res: ServerResponse, policy: AccessPolicy, rootDir: string): Promise<void> {
  const headers = securityHeaders(policy.port);
  const deny = (status: number, reason: string) => {
    res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(`TimeZero: ${reason}\n`);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return deny(405, 'only GET and HEAD');
  const peer = checkPeer(req, policy, false);
  if (peer) return deny(peer.status, peer.reason);
  const url = new URL(req.url ?? '/', policy.origin);
  const tokenGiven = sameToken(policy.token, url.searchParams.get('token'));
  const refused = () => deny(403, 'open the address `npm run web` printed: it carries the access token');
  if (!tokenGiven && !fromOwnPage(req)) return refused();
  if (url.pathname === API_PATH) return deny(426, 'the API is a WebSocket');
  const file = await loadStatic(rootDir, url.pathname);
  if (!file) return deny(404, 'not found');
  // The page carries the token (its meta tag): only to a request that brought the token itself.
  if (file.html && !tokenGiven) return refused();
  const body = file.html ? withTokenMeta(file.body, policy.token) : file.body;
  const out: Record<string, string | string[]> = { ...headers, 'Content-Type': file.type, 'Content-Length': String(body.length) };
  out['Cache-Control'] = file.html ? 'no-store' : 'private, max-age=3600';
  res.writeHead(200, out);
  res.end(req.method === 'HEAD' ? undefined : body);
}

function connect(ws: WebSocket, service: WebServerOptions['service']): void {
  const send = (message: unknown) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const unsubscribe = service.subscribe((event: EngineEvent) => send({ event: event.event, payload: event.payload }));
  ws.on('close', unsubscribe);
  ws.on('error', unsubscribe);
  ws.on('message', (data: RawData, isBinary: boolean) => {
    void answer(data, isBinary, service).then(send);
  });
}

type Envelope = { id: string | number | null } & Reply;

async function answer(data: RawData, isBinary: boolean, service: WebServerOptions['service']): Promise<Envelope> {
  const raw = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
  if (isBinary) return { id: null, ok: false, error: { code: 'BAD_ENVELOPE', message: 'messages are JSON text' } };
  // Size before parsing: the id is fished out of the head so the client can match the refusal.
  if (raw.length > MAX_PAYLOAD_BYTES + ENVELOPE_BYTES) {
    return { id: headId(raw), ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: `message larger than ${MAX_PAYLOAD_BYTES / 2 ** 20} MB` } };
  }
  const text = raw.toString('utf8');
  // Depth before parsing: a deeply nested frame would hold the event loop for seconds in JSON.parse.
  const deep = jsonTooDeep(text);
  if (deep) return { id: headId(raw), ok: false, error: { code: 'BAD_ENVELOPE', message: `message ${deep.message}` } };
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return { id: headId(raw), ok: false, error: { code: 'BAD_ENVELOPE', message: 'not JSON' } };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return { id: null, ok: false, error: { code: 'BAD_ENVELOPE', message: 'a request is {id, channel, payload}' } };
  }
  const { id, channel, payload } = message as Record<string, unknown>;
  if (!((typeof id === 'string' && id.length <= MAX_ID_LENGTH) || (typeof id === 'number' && Number.isFinite(id)))) {
    return { id: null, ok: false, error: { code: 'BAD_ENVELOPE', message: `id: a number or a string of at most ${MAX_ID_LENGTH} characters` } };
  }
  if (typeof channel !== 'string') return { id, ok: false, error: { code: 'BAD_ENVELOPE', message: 'channel: a channel name' } };
  const reply = await service.handle(channel, payload ?? {});
  return { id, ...reply };
}

function headId(raw: Buffer): string | number | null {
  const match = /^\s*\{\s*"id"\s*:\s*(?:(\d{1,15})|"([^"\\]{1,64})")/.exec(raw.subarray(0, 200).toString('utf8'));
  if (!match) return null;
  return match[1] !== undefined ? Number(match[1]) : match[2]!;
}
