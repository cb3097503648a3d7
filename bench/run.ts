// `npm run bench`: measures the engine's performance figures on this machine and prints a table for
// people, or with `--json` one JSON object on stdout: {<figure>: {value, unit, target, ratio, baseline, …}}
// (ratio: how many times slower than the machine's own limit for the same work, measured in the same
// run; null where a figure has no baseline), and the machine it ran on as one JSON line on stderr.
// Options: --preload <n> (default 4,000,000 volumes on the 8-cluster grid), --jobs <n> (default 200,000
// writes a day; the 3-cluster day's scratch volumes = 1.25 × jobs), --transactions <n> (default 1,000,000
// Host DASD journal transactions), --only <figure,...>.

import { browserFigures } from './browser-figures.js';
import { ipcPage } from './ipc-figures.js';
import { flash, readiness } from './grid-figures.js';
import { checkpoint8, failover8, memory, preload8, week8 } from './grid8-figures.js';
import { parseArgs } from 'node:util';
import { day, machine, notBuilt, settle, showGrid, showVolume, type Figures } from './figures.js';
import { formatTable } from './table.js';
import { dasdFigures } from './fresh-process.js';
import { exportPool } from './export-figures.js';
import { DR_FAMILY, FAILED_SITE } from './scenarios8.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    preload: { type: 'string', default: '4000000' },
    jobs: { type: 'string', default: '200000' },
    transactions: { type: 'string', default: '1000000' },
    only: { type: 'string' },
  },
});

const only = values.only ? new Set(values.only.split(',')) : null;
const wants = (...names: string[]) => !only || names.some((n) => only.has(n));
const log = (text: string) => {
  if (!values.json) process.stderr.write(`${text}\n`);
};

const volumes = Number(values.preload);
const jobs = Number(values.jobs);
const figures: Figures = {};

/** Renames figures (the shared figure functions name them for the 3-cluster grid) and sets new targets. */
function as(from: Figures, names: Record<string, { name: string; target?: string }>): Figures {
  const out: Figures = {};
  for (const [key, figure] of Object.entries(from)) {
    const to = names[key];
    out[to?.name ?? key] = to?.target ? { ...figure, target: to.target } : figure;
  }
  return out;
}

const GRID8_FIGURES = [
  'preload4M8',
  'preload4M8Rss',
  'bytesPerVolume',
  'bytesPerVolumePerCluster',
  'peakBytesPerVolume',
  'ceiling2GB',
  'ceiling8GB',
  'showGrid4M',
  'showVolumeP95',
  'flashEnable',
  'flashVsCopy',
  'readiness4M8',
  'checkpoint4M8',
  'coldStart4M8',
  'ipcPageP95',
  'firstPaint8',
  'scrollFps',
  'topologyFps',
  'week8',
  'week8Copies',
  'week8CopyRate',
  'failover8',
];

/**
 * The full-size grid's figures. A function of its own so the 4,000,000-volume grid (with a week of
 * flashed writes by its end, some 400 MB of heap) is let go when it returns: held by the module's
 * top-level scope, it would stay live, and every collection during the later figures would mark it.
 */
async function grid8Figures(): Promise<void> {
  // The scratch pool the week (and the failover day after it) writes to, with a tenth to spare.
  const scratch = Math.min(volumes, Math.ceil(8 * jobs * 1.1));
  log(`preloading ${volumes.toLocaleString('en-US')} volumes on 8 clusters (${scratch.toLocaleString('en-US')} of them scratch)…`);
  const loaded = preload8(volumes, scratch);
  const session = loaded.session;
  Object.assign(figures, loaded.figures);
  if (wants('showGrid4M')) Object.assign(figures, showGrid(session));
  if (wants('showVolumeP95')) Object.assign(figures, showVolume(session));
  if (wants('flashEnable', 'flashVsCopy', 'readiness4M8')) {
    // A DR family holds at most 7 clusters: the DR sites' four.
    Object.assign(figures, flash(session, 7, DR_FAMILY));
    Object.assign(figures, as(readiness(session), { readiness4M: { name: 'readiness4M8', target: '<= 0.5 s' } }));
  }
  let peakRss = loaded.peakRss;
  if (wants('checkpoint4M8', 'coldStart4M8', 'bytesPerVolume', 'ceiling2GB', 'ceiling8GB')) {
    log('checkpoint of the whole grid to SQLite, cold start from it, and the same bytes as plain blobs…');
    const cp = checkpoint8(session);
    Object.assign(figures, cp.figures);
    peakRss = Math.max(peakRss, cp.peakRss);
  }
  Object.assign(figures, memory(session, loaded.baseRss, peakRss));
  // The console's figures measure paging a settled grid, not V8 still freeing the cold start's 620 MB
  // on the other core (p95 about 5 ms right after it, about 1.3 ms once settled).
  if (wants('ipcPageP95', 'firstPaint8', 'scrollFps', 'topologyFps')) await settle();
  if (wants('ipcPageP95')) Object.assign(figures, as(await ipcPage(session), { ipcPageP95: { name: 'ipcPageP95', target: '<= 5 ms' } }));
  if (wants('firstPaint8', 'scrollFps', 'topologyFps')) {
    log('the console in Chromium: first paint, scrolling the volume table, Topology during a site failure…');
    Object.assign(figures, await browserFigures(session, { log, failSite: FAILED_SITE }));
  }
  if (wants('week8', 'week8Copies', 'week8CopyRate', 'failover8')) {
    await settle(); // Chromium and the web host of the figures before are gone, their memory given back
    log(`a week of ${jobs.toLocaleString('en-US')} writes a day on 8 clusters…`);
    Object.assign(figures, week8(session, jobs));
    log(`site ${FAILED_SITE} fails in the middle of a day of ${jobs.toLocaleString('en-US')} writes…`);
    Object.assign(figures, failover8(session, jobs));
  }
}

// The full-size grid first: the kernel's maxRSS is a lifetime peak, so nothing may run before PRELOAD.
if (wants(...GRID8_FIGURES)) await grid8Figures();
if (wants('day', 'dayCopies')) {
  await settle();
  log(`a day of ${jobs.toLocaleString('en-US')} writes on 3 clusters…`);
  Object.assign(figures, day(Math.round(jobs * 1.25), jobs));
}
if (wants('export1M')) {
  await settle();
  log('Copy Export of a pool of 1,000,000 volumes…');
  Object.assign(figures, exportPool());
}
if (wants('journalAppend', 'imageAccess1M')) {
  const transactions = Number(values.transactions);
  log(`Host DASD: ${transactions.toLocaleString('en-US')} journal transactions, then image access as many transactions back (three fresh processes)…`);
  Object.assign(figures, dasdFigures(3, transactions));
}
Object.assign(figures, notBuilt());
// Every figure carries ratio and baseline, null where it has no baseline.
for (const [name, f] of Object.entries(figures)) figures[name] = { ...f, ratio: f.ratio ?? null, baseline: f.baseline ?? null };

if (values.json) {
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  process.stderr.write(`${JSON.stringify({ machine: machine() })}\n`);
} else process.stdout.write(formatTable(figures, machine()));
