// Where a frame of scrolling the volume table goes: the same scroll as scrollFps (bench/browser-figures),
// traced with Chromium's DevTools timeline, then split per frame into script, style and layout, paint
// and composite (self time of the renderer main thread's events), with React commits, the components
// each commit rendered, and the DOM mutations. On a shared machine fps swings with the load; the
// main thread's milliseconds per frame are the figure that says whether the table itself got cheaper.
//
// --steady moves the table by what a frame at 60 fps would (speed × 16.7 px) whatever the frame rate
// reached, so a loaded machine's slow frames do not each carry more rows than a fast one's would.
//
//   npx tsx bench/scroll-profile.ts [--preload 4000000] [--seconds 4] [--speed 6] [--steady] [--trace out.json] [--dist dir]

import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startWebServer } from '../host/web-server.js';
import { createConsoleService } from '../services/console-service.js';
import { ensureRendererBuilt } from '../services/renderer-dist.js';
import { preload8 } from './grid8-figures.js';
import { scrollScript } from './browser-figures.js';
import { frameCosts, traceDuring } from './trace-costs.js';

const { values } = parseArgs({
  options: {
    preload: { type: 'string', default: '4000000' },
    seconds: { type: 'string', default: '4' },
    speed: { type: 'string', default: '6' },
    trace: { type: 'string' },
    steady: { type: 'boolean', default: false },
    /** a renderer built elsewhere (vite build --outDir …), to compare two builds */
    dist: { type: 'string' },
  },
});
const CHROMIUM = process.env.TZ_CHROMIUM ?? '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..');

// Counts React commits and the function components each one rendered, through the hook React DevTools
// uses: a fiber counts when it is new or ran this commit (PerformedWork), skipping subtrees React reused.
const REACT_COUNTER = `(() => {
  const counts = { commits: 0, rendered: 0 };
  window.__tzRenders = counts;
  const isComponent = (f) => f.tag === 0 || f.tag === 1 || f.tag === 11 || f.tag === 14 || f.tag === 15;
  const walk = (fiber) => {
    const reused = new Set();
    for (let c = fiber.alternate ? fiber.alternate.child : null; c; c = c.sibling) reused.add(c);
    for (let c = fiber.child; c; c = c.sibling) {
      if (reused.has(c)) continue;
      if (isComponent(c) && (c.alternate === null || (c.flags & 1) === 1)) counts.rendered++;
      walk(c);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, renderers: new Map(), inject(r) { const id = this.renderers.size + 1; this.renderers.set(id, r); return id; },
    onCommitFiberRoot(_id, root) { counts.commits++; walk(root.current); },
    onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, checkDCE() {},
  };
})()`;

const MUTATION_COUNTER = `(() => {
  const el = document.querySelector('[role=rowgroup][aria-label="Volume rows"]');
  window.__tzMutations = { records: 0, nodesAdded: 0 };
  new MutationObserver((records) => {
    window.__tzMutations.records += records.length;
    for (const r of records) window.__tzMutations.nodesAdded += r.addedNodes.length;
  }).observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
})()`;

const scrolled = z.object({ frames: z.number(), elapsed: z.number(), longest: z.number(), scrolled: z.number() });
const renders = z.object({ commits: z.number(), rendered: z.number() });

const volumes = Number(values.preload);
console.error(`preloading ${volumes.toLocaleString('en-US')} volumes on 8 clusters…`);
const { session } = preload8(volumes, Math.min(volumes, 100_000));
const rootDir = values.dist ?? ensureRendererBuilt(ROOT, { out: () => {}, err: (l) => console.error(l) });
if (!rootDir) throw new Error('the renderer is not built: npm run build');
const service = createConsoleService({ store: { open: () => session, attach: () => {} } });
const server = await startWebServer({ service, rootDir, port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(REACT_COUNTER);
  await page.goto(server.url);
  await page.getByTestId('grid-name').filter({ hasNotText: 'no grid loaded' }).waitFor();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Volumes', exact: true }).click();
  await page.getByRole('rowgroup', { name: 'Volume rows' }).waitFor();
  await page.getByRole('row').nth(3).waitFor();
  await page.evaluate(MUTATION_COUNTER);
  const before = renders.parse(await page.evaluate('({ ...window.__tzRenders })'));
  const cdp = await page.context().newCDPSession(page);
  let scroll: z.infer<typeof scrolled> = { frames: 0, elapsed: 0, longest: 0, scrolled: 0 };
  const events = await traceDuring(cdp, async () => {
    scroll = scrolled.parse(await page.evaluate(scrollScript(Number(values.seconds) * 1000, Number(values.speed), values.steady)));
  });
  const after = renders.parse(await page.evaluate('({ ...window.__tzRenders })'));
  const mutations = z.object({ records: z.number(), nodesAdded: z.number() }).parse(await page.evaluate('({ ...window.__tzMutations })'));
  const loading = await page.getByRole('row', { name: /loading row/ }).count();
  if (values.trace) writeFileSync(values.trace, JSON.stringify({ traceEvents: events }));
  const costs = frameCosts(events, scroll.frames);
  const per = (n: number) => Math.round((n / Math.max(1, scroll.frames)) * 10) / 10;
  console.log(
    JSON.stringify(
      {
        fps: Math.round((scroll.frames / scroll.elapsed) * 10000) / 10,
        frames: scroll.frames,
        longestFrameMs: Math.round(scroll.longest),
        msPerFrame: costs,
        reactCommitsPerFrame: per(after.commits - before.commits),
        componentsRenderedPerFrame: per(after.rendered - before.rendered),
        domMutationsPerFrame: per(mutations.records),
        // Elements made and text nodes replaced: a row that swaps its cells for "loading row …" and back makes 17.
        domNodesAddedPerFrame: per(mutations.nodesAdded),
        rowsStillLoadingAtEnd: loading,
      },
      null,
      1,
    ),
  );
} finally {
  await browser.close();
  await server.close();
  service.close();
}
