// `npm run bench`: measures the engine's performance figures on this machine and prints a table for
// people, or with `--json` one JSON object on stdout: {<figure>: {value, unit, target, …}}, and the
// machine it ran on as one JSON line on stderr (the object holds figures only).
// Options: --preload <n> (default 4,000,000 volumes), --jobs <n> (default 200,000 writes; scratch
// volumes = 1.25 × jobs), --only <figure,...> (preload4M runs for showGrid4M/showVolumeP95 too).

import { browserFigures } from './browser-figures.js';
import { ipcPage } from './ipc-figures.js';
import { checkpoint, flash, readiness } from './grid-figures.js';
import { parseArgs } from 'node:util';
import { day, machine, notBuilt, preload, showGrid, showVolume, type Figures } from './figures.js';
import { formatTable } from './table.js';
import { imageAccess, journalAppend } from './dasd-figures.js';
import { exportPool } from './export-figures.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    preload: { type: 'string', default: '4000000' },
    jobs: { type: 'string', default: '200000' },
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

// preload4M first: the kernel's maxRSS is a lifetime peak, so nothing may run before it.
if (wants('preload4M', 'preload4MRss', 'showGrid4M', 'showVolumeP95', 'flashEnable', 'flashVsCopy', 'readiness4M', 'checkpoint4M', 'coldStart4M', 'ipcPageP95', 'firstPaint', 'scrollFps')) {
  log(`preloading ${volumes.toLocaleString('en-US')} volumes…`);
  const loaded = preload(volumes);
  Object.assign(figures, loaded.figures);
  if (wants('showGrid4M')) Object.assign(figures, showGrid(loaded.session));
  if (wants('showVolumeP95')) Object.assign(figures, showVolume(loaded.session));
  if (wants('flashEnable', 'flashVsCopy', 'readiness4M')) {
    Object.assign(figures, flash(loaded.session));
    Object.assign(figures, readiness(loaded.session));
  }
  if (wants('checkpoint4M', 'coldStart4M')) Object.assign(figures, checkpoint(loaded.session));
  if (wants('ipcPageP95')) Object.assign(figures, await ipcPage(loaded.session));
  if (wants('firstPaint', 'scrollFps')) {
    log('the console in Chromium: first paint and scrolling the volume table…');
    Object.assign(figures, await browserFigures(loaded.session, { log }));
  }
}
if (wants('day', 'dayCopies')) {
  log(`a day of ${jobs.toLocaleString('en-US')} writes…`);
  Object.assign(figures, day(Math.round(jobs * 1.25), jobs));
}
if (wants('export1M')) {
  log('Copy Export of a pool of 1,000,000 volumes…');
  Object.assign(figures, exportPool());
}
if (wants('journalAppend', 'imageAccess1M')) {
  log('Host DASD: 1,000,000 journal transactions, then image access 1,000,000 transactions back…');
  const dasd = journalAppend();
  Object.assign(figures, dasd.figures, imageAccess(dasd.session));
}
Object.assign(figures, notBuilt());

if (values.json) {
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  process.stderr.write(`${JSON.stringify({ machine: machine() })}\n`);
} else process.stdout.write(formatTable(figures, machine()));
