// Who may talk to the web-mode host: a per-launch random token (the page's query string, then a
// WebSocket subprotocol; never a cookie), an Origin equal to the served origin, and a Host header
// naming the loopback address (a DNS-rebound name cannot pass).

import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_PROTOCOL_PREFIX = 'token.';
/** The subprotocol the host answers with when the client offers it beside its token. */
export const APP_PROTOCOL = 'timezero';

export function newToken(): string {
  return randomBytes(24).toString('hex');
}

export function sameToken(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/**
 * A subresource the browser fetched for a page of our own origin (`Sec-Fetch-Site: same-origin`, a
 * header no page can set). The page's scripts and styles hold no data and no token, so they need no
 * token of their own, and nothing needs a cookie: a cookie for 127.0.0.1 would be sent to every
 * other service on the machine whatever its port (issue 11 item 8).
 */
export function fromOwnPage(req: IncomingMessage): boolean {
  return req.headers['sec-fetch-site'] === 'same-origin';
}

/** Tokens offered as `Sec-WebSocket-Protocol: timezero, token.<token>` (a bare token is accepted too). */
export function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers['sec-websocket-protocol'];
  if (typeof header !== 'string') return [];
  return header
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

export function protocolToken(protocols: string[]): string | null {
  for (const p of protocols) if (p.startsWith(TOKEN_PROTOCOL_PREFIX)) return p.slice(TOKEN_PROTOCOL_PREFIX.length);
  return null;
}

export interface AccessPolicy {
  token: string;
  origin: string;
  host: string;
  port: number;
}

export type AccessDenied = { status: 403 | 421; reason: string };

/** Host and Origin: an absent Origin is allowed for page loads (browsers omit it on navigation). */
export function checkPeer(req: IncomingMessage, policy: AccessPolicy, originRequired: boolean): AccessDenied | null {
  if (req.headers.host !== policy.host) return { status: 421, reason: `Host must be ${policy.host}` };
  const origin = req.headers.origin;
  if (origin === undefined ? originRequired : origin !== policy.origin) return { status: 403, reason: `Origin must be ${policy.origin}` };
  return null;
}
