// LIBRARY EXPORT on a big grid (issue 14 item 6): starting a Copy Export scans every logical volume for
// the export set — "the logical volumes associated with the pool" (IBM TS7700 Redbook, Copy Export
// §11.5.1) — so the console shows it as determinate progress, logical volumes looked at of the grid's,
// and offers Cancel: nothing in the grid changes until the scan is done, and a Cancel puts the grid and
// the journal back as they were. Run again to its end, it starts the same export as an unwatched run.

import { describe, expect, it } from 'vitest';
import { createConsoleService, type ConsoleService } from './console-service.js';
import type { Reply } from './errors.js';
import { Engine } from '../core/engine/engine.js';
import { restoreState, serializeState } from '../core/engine/checkpoint.js';
import { expectSameState } from '../core/store/agreement.fixture.js';
import { Session } from '../core/session.js';
import { ok } from './reply.fixture.js';
import { COPY_EXPORT_600K } from '../e2e/grids.js';
import type { EventPayload } from '../contract/api.js';

// Redbook §11.5.2's example: pool 8 is the Copy Export pool of CL1; MCCEDATA puts the secondary copy there.
const SETUP = ['SEED 1', ...COPY_EXPORT_600K].join('\n');
const EXPORT = 'LIBRARY EXPORT,EXP000';

type Progress = EventPayload<'engine.progress'>;

function snapshot(engine: Engine): Engine {
  return new Engine(engine.state.seed, restoreState(serializeState(engine.state)));
}

async function setUp(): Promise<ConsoleService> {
  const service = createConsoleService({ seed: 1, progressIntervalMs: 0 });
  const lines = SETUP.split('\n').length;
  const step = ok(await service.handle('runbook.step', { text: SETUP, from: 0, to: lines }));
  expect(step.errors).toEqual([]);
  expect(step.records.every((r: { ok: boolean }) => r.ok)).toBe(true);
  return service;
}

describe('LIBRARY EXPORT progress', () => {
  it('reports logical volumes scanned of the grid, cancellable; Cancel leaves the grid and journal as they were', async () => {
    const service = await setUp();
    const journal: number = ok(await service.handle('session.info', {})).journalLength;
    const before = snapshot(service.session.engine);
    const progress: Progress[] = [];
    let asked: Promise<Reply> | null = null;
    const stop = service.subscribe((e) => {
      if (e.event !== 'engine.progress') return;
      progress.push(e.payload);
      if (!asked && e.payload.done > 0) asked = service.handle('work.cancel', {});
    });
    const reply = ok(await service.handle('console.execute', { line: EXPORT }));
    stop();
    if (!asked) throw new Error('LIBRARY EXPORT ended before it reported progress');
    expect(ok(await asked)).toEqual({ cancelled: true });
    expect(reply).toEqual({ records: [], errors: [], cancelled: true });
    const volumes = before.state.volumes.count;
    expect(progress[0]).toMatchObject({ label: EXPORT, total: volumes, unit: 'logical volumes', cancellable: true });
    expect(progress[0]?.done).toBeGreaterThan(0);
    expect(progress[0]?.done).toBeLessThan(volumes);
    expect(ok(await service.handle('session.info', {})).journalLength).toBe(journal);
    expectSameState(service.session.engine, before, 'after the cancelled LIBRARY EXPORT vs before it');
    service.close();
  }, 120_000);

  it('run to its end, watched, it starts the same export with the same result as an unwatched run', async () => {
    const service = await setUp();
    const progress: Progress[] = [];
    service.subscribe((e) => {
      if (e.event === 'engine.progress') progress.push(e.payload);
    });
    const watched = ok(await service.handle('console.execute', { line: EXPORT }));
    expect(progress.filter((p) => p.label === EXPORT).map((p) => p.done)).toEqual([262_144, 524_288]);

    const unwatched = new Session(null, 1);
    for (const command of unwatched.validate(`${SETUP}\n${EXPORT}`).commands) unwatched.run(command);
    const last = unwatched.journal.at(-1);
    expect(watched.records[0]).toMatchObject({ ok: true, command: EXPORT, result: last?.outcome.result ?? null });
    expect(watched.records[0].result).toMatchObject({ library: 'CL1', pool: 8, requested: 600_000 });
    expectSameState(service.session.engine, unwatched.engine, 'watched vs unwatched LIBRARY EXPORT');
    service.close();
  }, 120_000);
});
