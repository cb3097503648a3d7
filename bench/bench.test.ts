// Keeps `npm run bench` working: every figure function runs at small scale through the real Session
// path and returns a number with a unit; figures of unbuilt features stay null ("not built yet").

import { describe, expect, it } from 'vitest';
import { day, notBuilt, preload, showGrid, showVolume, type Figures } from './figures.js';
import { formatTable } from './table.js';
import { preloadLines, volserRanges } from './scenarios.js';

function expectMeasured(figures: Figures, names: string[]): void {
  for (const name of names) {
    const f = figures[name]!;
    expect(f, name).toBeDefined();
    expect(typeof f.value, name).toBe('number');
    expect(Number.isFinite(f.value), name).toBe(true);
    expect(f.unit.length, name).toBeGreaterThan(0);
  }
}

describe('bench figures at small scale', () => {
  it('preloads 10,000 volumes and reads the grid back (preload4M, preload4MRss, showGrid4M, showVolumeP95)', () => {
    const { figures, session } = preload(10_000);
    expect(session.engine.state.volumes.count).toBe(10_000);
    const all = { ...figures, ...showGrid(session, 2), ...showVolume(session, 50) };
    expectMeasured(all, ['preload4M', 'preload4MRss', 'showGrid4M', 'showVolumeP95']);
    expect(all.preload4M!.target).toBe('<= 10 s');
    expect(all.preload4MRss!.target).toBe('<= 2 GB');
  });

  it('runs a day of 1,000 writes with deferred copies to both peers (day, dayCopies)', () => {
    const figures = day(1_250, 1_000);
    expectMeasured(figures, ['day', 'dayCopies']);
    expect(figures.day!.detail!.jobsSucceeded).toBe(1_000);
    // Spec §5: MC MD = RUN on the TVC, Deferred to CL1 and CL2; UNTIL IDLE drains both queues.
    expect(figures.dayCopies!.value).toBe(2_000);
  });

  it('reports unbuilt features as null with a note, and "—" in the table', () => {
    const figures = notBuilt();
    for (const f of Object.values(figures)) {
      expect(f.value).toBeNull();
      expect(f.note).toBe('not built yet');
    }
    // every figure is built now: a null one is made up to check the table's dash
    const table = formatTable({ ...figures, unbuiltFigure: { value: null, unit: 's', target: null, note: 'not built yet' } }, { cpus: 1, model: 'test', memGB: 1, node: 'v20' });
    expect(table).toMatch(/unbuiltFigure\s+—/);
  });

  it('covers 4,000,000 volumes with non-overlapping 6-character volser ranges', () => {
    const lines = preloadLines(4_000_000);
    expect(lines[0]).toBe('PRELOAD A00000-A99999 ON CL0 MC M SIZE 1GB');
    const starts = volserRanges(0, 4_000_000).map((r) => r.split('-')[0]!);
    expect(new Set(starts).size).toBe(starts.length);
    expect(starts.every((s) => /^[A-Z0-9]{6}$/.test(s))).toBe(true);
  });
});

describe('grid figures at small scale', () => {
  it('measures time-zero, readiness, checkpoint and cold start', async () => {
    const { preload } = await import('./figures.js');
    const { flash, readiness, checkpoint } = await import('./grid-figures.js');
    const { session } = preload(20_000);
    const f = { ...flash(session), ...readiness(session), ...checkpoint(session) };
    for (const name of ['flashEnable', 'flashVsCopy', 'readiness4M', 'checkpoint4M', 'coldStart4M']) {
      expect(typeof f[name]!.value, name).toBe('number');
      expect(f[name]!.unit.length).toBeGreaterThan(0);
    }
    // issue 4 item 2: before and during a test (every tenth volume changed since time-zero)
    expect(f.readiness4M!.detail).toMatchObject({ volumes: 20_000, changedSinceTimeZero: 2_000 });
  });
});
