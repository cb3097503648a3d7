// Redbook §11.5.4 E0022/E0023 across a restart of the console: a run that ended cleanly resumes an
// export in flight as if nothing happened (simulated time was stopped, not the library); a run that
// died (no clean close) is the library's power-off — the restart interrupts the export, reports
// E0022 EXPORT RECOVERY STARTED, and E0023 EXPORT RECOVERY COMPLETED follows after the recovery time.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPersistentSession } from '../persistent-session.js';
import { activeRun } from '../rules/copy-export/routing.js';
import type { Session } from '../session.js';
import { round, SETUP } from './crash-work.js';
import { openSqliteStore } from './sqlite-store.js';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tz-power-'));
  path = join(dir, 'grid.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(session: Session, line: string) {
  const v = session.validate(line);
  expect(v.errors).toEqual([]);
  return session.run(v.commands[0]!, 'test');
}

/** Setup and a round up to two steps after LIBRARY EXPORT: an export is running. */
function exportUnderWay() {
  const opened = openPersistentSession(openSqliteStore(path), null, 11);
  const lines = round(0, false);
  for (const line of [...SETUP, ...lines.slice(0, lines.findIndex((l) => l.startsWith('LIBRARY EXPORT')) + 3)]) run(opened.session, line);
  expect(activeRun(opened.session.engine.state)?.state).toMatch(/^(premigrating|exporting)$/);
  return opened;
}

const texts = (records: { messages: { text: string }[] }[]) => records.flatMap((r) => r.messages.map((m) => m.text));

describe('an export in flight across a restart', () => {
  it('after a clean close the export simply goes on: no E0022', () => {
    exportUnderWay().close();
    const again = openPersistentSession(openSqliteStore(path), null, 11);
    expect(again.recovered).toEqual([]);
    const advanced = run(again.session, 'ADVANCE UNTIL IDLE');
    expect(texts([advanced]).some((t) => t.includes('E0022'))).toBe(false);
    expect(activeRun(again.session.engine.state)).toBeNull();
    expect(again.session.engine.state.tape.exports.at(-1)!.state).toBe('completed');
    again.close();
  });

  it('after the process died the restart recovers it: E0022 now, E0023 after the recovery time, the run recovered', () => {
    const dead = exportUnderWay();
    dead.store.close(); // what a SIGKILL leaves: the store never ended its run
    const again = openPersistentSession(openSqliteStore(path), null, 11);
    // The exporting library's power cycle, journaled as one entry (a kill cannot split it).
    expect(again.recovered.map((r) => [r.command, r.ok])).toEqual([['# power-off restart of CL1: FAIL CLUSTER CL1, REPAIR CLUSTER CL1', true]]);
    expect(again.session.engine.state.clusters[1]!.status).toBe('online');
    expect(texts(again.recovered).filter((t) => /E002[23]/.test(t))).toEqual([expect.stringContaining('E0022 EXPORT RECOVERY STARTED')]);
    const later = run(again.session, 'ADVANCE 5m');
    expect(texts([later]).filter((t) => /E002[23]/.test(t))).toEqual([expect.stringContaining('E0023 EXPORT RECOVERY COMPLETED')]);
    const status = run(
      again.session,
      `SHOW EXPORTSTATUS ${
        round(0, false)
          .find((l) => l.startsWith('LIBRARY EXPORT'))!
          .split(',')[1]
      }`,
    );
    expect(status.result).toMatchObject({ state: 'recovered' });
    again.close();
    // The recovery is journaled: the next (clean) start replays it and recovers nothing more.
    const third = openPersistentSession(openSqliteStore(path), null, 11);
    expect(third.recovered).toEqual([]);
    expect(third.session.engine.state.tape.exports.at(-1)!.state).toBe('recovered');
    third.close();
  });
});
