// firstPaint8, scrollFps and topologyFps: the real console in Debian's Chromium, in web mode, over the
// loaded 4M-volume, 8-cluster grid — the renderer built by vite, served by the web-mode host, its API
// over the token-guarded WebSocket. firstPaint8 is navigation start to the grid's name on screen (the
// first paint a person can use, not a blank frame); scrollFps counts animation frames while the volume
// table (a copy column per cluster: 8) is scrolled continuously through the millions of rows;
// topologyFps counts them on the Topology view while a site of two clusters fails and is repaired over
// and over through console.execute, each change pushed to the page as it happens.

import { chromium } from '@playwright/test';
import WebSocket from 'ws';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Session } from '../core/session.js';
import { startWebServer } from '../host/web-server.js';
import { createConsoleService } from '../services/console-service.js';
import { ensureRendererBuilt } from '../services/renderer-dist.js';
import type { Figures } from './figures.js';
import { frameCosts, traceDuring } from './trace-costs.js';

const CHROMIUM = process.env.TZ_CHROMIUM ?? '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..');

// Scrolls the table at `pxPerMs` for `ms`, counting animation frames. 6 px/ms (200 rows a second)
// is a fast wheel fling; 144 px/ms is dragging the scrollbar thumb, a screenful of new rows a frame.
// `steady` moves it by one 60 fps frame's worth each frame however long the frame took (profiling).
export const scrollScript = (ms: number, pxPerMs: number, steady = false) => `new Promise((resolve) => {
  const el = document.querySelector('[role=rowgroup][aria-label="Volume rows"]');
  const ms = ${ms};
  const speed = ${pxPerMs};
  const from = el.scrollTop;
  let frames = 0, longest = 0;
  const start = performance.now();
  let last = start;
  const step = (now) => {
    frames++;
    longest = Math.max(longest, now - last);
    last = now;
    el.scrollTop = from + (${steady} ? frames * speed * 1000 / 60 : (now - start) * speed);
    if (now - start < ms) requestAnimationFrame(step);
    else resolve({ frames, elapsed: now - start, longest, scrolled: el.scrollTop });
  };
  requestAnimationFrame(step);
})`;

// Counts animation frames for `ms` while the page does whatever the test drives.
const frameScript = (ms: number) => `new Promise((resolve) => {
  let frames = 0, longest = 0;
  const start = performance.now();
  let last = start;
  const step = (now) => {
    frames++;
    longest = Math.max(longest, now - last);
    last = now;
    if (now - start < ${ms}) requestAnimationFrame(step);
    else resolve({ frames, elapsed: now - start, longest });
  };
  requestAnimationFrame(step);
})`;

/** console.execute over the page's own kind of connection: a token-guarded WebSocket to the host. */
async function consoleClient(server: { port: number; token: string; origin: string }) {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${server.token}`, { origin: server.origin });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const waiting = new Map<number, (reply: { ok: boolean; error?: unknown }) => void>();
  ws.on('message', (data) => {
    const reply = JSON.parse(String(data)) as { id?: number; ok: boolean };
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply);
  });
  let nextId = 1;
  return {
    execute: (line: string) =>
      new Promise<void>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, (reply) => (reply.ok ? resolve() : reject(new Error(`${line}: ${JSON.stringify(reply.error)}`))));
        ws.send(JSON.stringify({ id, channel: 'console.execute', payload: { line } }));
      }),
    close: () => ws.close(),
  };
}

export async function browserFigures(session: Session, opts: { scrollSeconds?: number; log?: (t: string) => void; failSite?: string } = {}): Promise<Figures> {
  if (!existsSync(CHROMIUM)) {
    const note = `no Chromium at ${CHROMIUM} (apt-get install -y chromium, or TZ_CHROMIUM)`;
    return {
      firstPaint8: { value: null, unit: 'ms', target: '<= 800 ms', note },
      scrollFps: { value: null, unit: 'fps', target: '>= 55 fps', note },
      topologyFps: { value: null, unit: 'fps', target: '>= 50 fps', note },
    };
  }
  const rootDir = ensureRendererBuilt(ROOT, { out: () => {}, err: (l) => opts.log?.(l) }, true);
  if (!rootDir) throw new Error('browser figures: the renderer did not build');
  // The service guards session.run with its writer queue until it closes; the bench's later figures run the session directly.
  const service = createConsoleService({ store: { open: () => session, attach: () => {} } });
  const server = await startWebServer({ service, rootDir, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // A first, discarded load warms the OS file cache and Chromium's code cache, as a second launch would.
    await page.goto(server.url);
    await page.getByTestId('grid-name').filter({ hasNotText: 'no grid loaded' }).waitFor();
    const paints: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto('about:blank');
      await page.goto(server.url);
      await page.getByTestId('grid-name').filter({ hasNotText: 'no grid loaded' }).waitFor();
      // From the page's own clock: first contentful paint, or the mark the app sets when the grid's
      // name first renders (renderer/shell), whichever is later.
      const ms = await page.evaluate(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
        const grid = performance.getEntriesByName('tz-grid-shown')[0]?.startTime ?? 0;
        return Math.max(fcp, grid);
      });
      paints.push(ms);
    }
    paints.sort((a, b) => a - b);
    const firstPaint = paints[paints.length >> 1]!;

    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Volumes', exact: true }).click();
    const rows = page.getByRole('rowgroup', { name: 'Volume rows' });
    await rows.waitFor();
    await page.getByRole('row').nth(3).waitFor();
    const seconds = opts.scrollSeconds ?? 4;
    // A string, not a function: tsx's transform would wrap a function in helpers the page lacks.
    type Scroll = { frames: number; elapsed: number; longest: number; scrolled: number };
    const result = (await page.evaluate(scrollScript(seconds * 1000, 6))) as Scroll;
    const drag = (await page.evaluate(scrollScript(seconds * 1000, 144))) as Scroll;
    const fps = (result.frames / result.elapsed) * 1000;
    const dragFps = (drag.frames / drag.elapsed) * 1000;
    // The same fling traced, a 60 fps frame's worth of rows each frame: the main thread's CPU time per
    // frame, which other work on a shared machine stretches far less than it stretches the frame rate.
    let traced: Scroll = { frames: 0, elapsed: 0, longest: 0, scrolled: 0 };
    const events = await traceDuring(await page.context().newCDPSession(page), async () => {
      const r = await page.evaluate(scrollScript(2000, 6, true));
      if (typeof r === 'object' && r !== null && 'frames' in r && typeof r.frames === 'number') traced = { ...traced, frames: r.frames };
    });
    const cpu = frameCosts(events, traced.frames);
    const copyColumns = await page.locator('[role=columnheader].vcell-copy').count();

    // Topology while a site of two clusters fails and comes back, a change every quarter second.
    const site = opts.failSite ?? 'B';
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Topology', exact: true }).click();
    await page.locator('[data-cluster]').first().waitFor();
    const clustersDrawn = await page.locator('[data-cluster]').count();
    const client = await consoleClient(server);
    let changes = 0;
    let failing = true;
    const measuring = page.evaluate(frameScript(seconds * 1000)) as Promise<Scroll>;
    // If a site change fails, that error is the one to report: the frame count then rejects too, as the page closes.
    measuring.catch(() => {});
    const started = Date.now();
    while (Date.now() - started < seconds * 1000 - 300) {
      await client.execute(`${failing ? 'FAIL' : 'REPAIR'} SITE ${site}`);
      failing = !failing;
      changes++;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const topology = await measuring;
    if (!failing) await client.execute(`REPAIR SITE ${site}`);
    client.close();
    const topologyFps = (topology.frames / topology.elapsed) * 1000;
    return {
      firstPaint8: {
        value: Math.round(firstPaint),
        unit: 'ms',
        target: '<= 800 ms',
        detail: {
          loads: paints.length,
          fastestMs: Math.round(paints[0]!),
          slowestMs: Math.round(paints.at(-1)!),
          volumes: session.engine.state.volumes.count,
          clusters: session.engine.state.clusters.length,
        },
      },
      scrollFps: {
        value: Math.round(fps * 10) / 10,
        unit: 'fps',
        target: '>= 55 fps',
        detail: {
          copyColumns,
          frames: result.frames,
          seconds: Math.round(result.elapsed) / 1000,
          longestFrameMs: Math.round(result.longest),
          dragFps: Math.round(dragFps * 10) / 10,
          dragLongestFrameMs: Math.round(drag.longest),
          frameCpuMs: cpu.busy,
          scriptCpuMs: cpu.script,
          styleLayoutCpuMs: cpu.styleLayout,
          paintCpuMs: cpu.paint,
        },
      },
      topologyFps: {
        value: Math.round(topologyFps * 10) / 10,
        unit: 'fps',
        target: '>= 50 fps',
        detail: { clustersDrawn, siteChanges: changes, frames: topology.frames, seconds: Math.round(topology.elapsed) / 1000, longestFrameMs: Math.round(topology.longest) },
      },
    };
  } finally {
    await browser.close();
    await server.close();
    service.close();
  }
}
