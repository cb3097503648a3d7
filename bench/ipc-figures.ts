// ipcPageP95: a 100-row volume page through the real API path — WebSocket client → web-mode host →
// console service → columnar pager — over the loaded 4M-volume grid.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { Session } from '../core/session.js';
import { startWebServer } from '../host/web-server.js';
import { createConsoleService } from '../services/console-service.js';
import type { Figures } from './figures.js';

export async function ipcPage(session: Session, pages = 200): Promise<Figures> {
  // The service guards session.run with its writer queue until it closes; the bench's later figures run the session directly.
  const service = createConsoleService({ store: { open: () => session, attach: () => {} } });
  const server = await startWebServer({ service, rootDir: mkdtempSync(join(tmpdir(), 'tz-bench-root-')), port: 0 });
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${server.token}`, { origin: server.origin });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const waiting = new Map<number, (reply: { ok: boolean }) => void>();
  ws.on('message', (data) => {
    const reply = JSON.parse(String(data)) as { id?: number; ok: boolean };
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply);
  });
  let nextId = 1;
  const call = (channel: string, payload: unknown) =>
    new Promise<{ ok: boolean }>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, channel, payload }));
    });
  const total = session.engine.state.volumes.count;
  const times: number[] = [];
  // The first page builds the filtered index (a cold scan); a person then scrolls: pages at spread offsets.
  const first = performance.now();
  await call('volumes.page', { offset: 0, limit: 100, query: {} });
  const coldMs = performance.now() - first;
  for (let i = 0; i < pages; i++) {
    const offset = Math.floor((((i * 7919) % pages) / pages) * (total - 100));
    const started = performance.now();
    const reply = await call('volumes.page', { offset, limit: 100, query: {} });
    if (!reply.ok) throw new Error(`volumes.page failed: ${JSON.stringify(reply)}`);
    times.push(performance.now() - started);
  }
  ws.close();
  await server.close();
  service.close();
  times.sort((a, b) => a - b);
  const p95 = times[Math.floor(times.length * 0.95)]!;
  return {
    ipcPageP95: {
      value: Math.round(p95 * 100) / 100,
      unit: 'ms',
      target: '<= 20 ms',
      detail: { pages, coldFirstPageMs: Math.round(coldMs), medianMs: Math.round(times[times.length >> 1]! * 100) / 100 },
    },
  };
}
