// Figures over the loaded 4M-volume grid: FlashCopy time-zero against copying the volume state,
// DR readiness, and the SQLite checkpoint and cold start of the whole grid.

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { serializeState } from '../core/engine/checkpoint.js';
import { openPersistentSession } from '../core/persistent-session.js';
import type { Session } from '../core/session.js';
import { openSqliteStore } from '../core/store/sqlite-store.js';
import { SCALAR_COLUMNS } from '../core/model/volumes.js';
import { preserveTimeZero } from '../core/rules/dr-family.js';
import { runText, type Figures } from './figures.js';

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function timeMs(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/** FLASH ENABLE on a family over `members` (default every cluster): median of `repeats` enable/disable cycles. */
export function flash(session: Session, repeats = 7, members = session.engine.state.clusters.map((c) => c.name)): Figures {
  const grid = session.engine.state.name;
  runText(
    session,
    members.map((name) => `LI REQ,${grid},DRSETUP,BENCHFAM,ADD,${name}`),
  );
  const enable = session.validate(`LI REQ,${grid},DRSETUP,BENCHFAM,FLASH,ENABLE`).commands[0]!;
  const disable = session.validate(`LI REQ,${grid},DRSETUP,BENCHFAM,FLASH,DISABLE`).commands[0]!;
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    times.push(timeMs(() => session.run(enable)));
    session.run(disable);
  }
  // What a snapshot by copying would cost: every volume column, copy levels included, duplicated.
  const cols = session.engine.state.volumes.cols;
  const n = session.engine.state.volumes.count;
  const copyMs = timeMs(() => {
    for (const name of SCALAR_COLUMNS) (cols[name] as Uint8Array).slice(0, n);
    for (const levels of cols.copyLevel) levels.slice(0, n);
  });
  const flashMs = Math.max(median(times), 0.001);
  session.run(enable);
  return {
    flashEnable: { value: round(flashMs, 3), unit: 'ms', target: '<= 10 ms', detail: { repeats, volumes: n } },
    flashVsCopy: { value: Math.round(copyMs / flashMs), unit: 'x', target: '>= 1000', detail: { copyMs: round(copyMs, 1) } },
  };
}

/**
 * SHOW READINESS over the family's time-zero: every volume's outcome, before the test and during it,
 * once production has changed every tenth volume since time-zero (their copy-on-write before-images,
 * as preserveTimeZero keeps them). The figure is the slower of the two.
 */
export function readiness(session: Session): Figures {
  const command = session.validate('SHOW READINESS BENCHFAM').commands[0]!;
  const state = session.engine.state;
  let volumes = 0;
  const measure = () => {
    const times: number[] = [];
    // Median of 5: the first runs on a path also pay for its compilation.
    for (let i = 0; i < 5; i++) times.push(timeMs(() => (volumes = (session.run(command).result as { volumes: number }).volumes)));
    return median(times) / 1000;
  };
  const before = measure();
  for (let v = 0; v < volumes; v += 10) preserveTimeZero(state, v);
  const changed = state.families.find((f) => f.name === 'BENCHFAM')!.images.size;
  const during = measure();
  // A fresh time-zero again, so what is measured after this sees the grid as flash() left it.
  runText(session, [`LI REQ,${state.name},DRSETUP,BENCHFAM,FLASH,DISABLE`, `LI REQ,${state.name},DRSETUP,BENCHFAM,FLASH,ENABLE`]);
  return {
    readiness4M: {
      value: round(Math.max(before, during), 3),
      unit: 's',
      target: '<= 1 s',
      detail: { volumes, beforeTestS: round(before, 3), duringTestS: round(during, 3), changedSinceTimeZero: changed },
    },
  };
}

/** The whole grid to SQLite as a checkpoint, then a cold start from that database alone. */
export function checkpoint(session: Session): Figures {
  const dir = mkdtempSync(join(tmpdir(), 'tz-bench-'));
  const path = join(dir, 'grid.db');
  try {
    const store = openSqliteStore(path, { synchronous: 'NORMAL' });
    store.setSeed(1);
    const state = session.engine.state;
    const writeMs = timeMs(() => {
      store.append({ line: null, source: 'bench', text: 'SHOW GRID', startedAt: state.now, endedAt: state.now, ok: true, outcome: '{"ok":true}' }, serializeState(state, { views: true }));
    });
    store.close();
    let volumes = 0;
    const coldMs = timeMs(() => {
      const reopened = openPersistentSession(openSqliteStore(path), null, 1);
      volumes = reopened.session.engine.state.volumes.count;
      reopened.close();
    });
    if (volumes !== state.volumes.count) throw new Error(`cold start restored ${volumes} volumes, expected ${state.volumes.count}`);
    return {
      checkpoint4M: { value: round(writeMs / 1000, 2), unit: 's', target: '<= 5 s', detail: { dbMB: Math.round(statSync(path).size / 2 ** 20) } },
      coldStart4M: { value: round(coldMs / 1000, 2), unit: 's', target: '<= 3 s', detail: { volumes } },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
