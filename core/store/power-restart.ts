// A restart after the process died (SIGKILL, a crash, the machine losing power) is, for the simulated
// library, a power-off: Redbook §11.5.4 says of E0022 "The export operation has been interrupted by a
// TS7700 error or a power off condition. When the TS7700 is restarted, it will attempt recovery of the
// operation." A run marker in the database tells a clean stop from a dead one; after a dead one, the
// Copy Export run that was under way is interrupted and recovered through the engine's own rules
// (core/rules/copy-export/process.ts: a failed exporting cluster interrupts the run; back online it
// reports E0022, recovers, and E0023 follows), issued as journaled commands so replay equals state.

import { activeRun } from '../rules/copy-export/routing.js';
import type { Command } from '../runbook/commands.js';
import type { RunRecord, Session } from '../session.js';
import type { GridStore } from './port.js';

const RUN_MARKER = 'run-marker';
/** The journal line of a power-off restart (Session.replay runs the lines under it). */
export const POWER_OFF_HEADER = '# power-off restart of';

/** The run marker: who was running on the database, since when. */
export interface RunMarker {
  program?: string;
  pid?: number;
  since?: string;
}

/**
 * Marks the database in use; the previous run's marker when it never ended cleanly (it was killed),
 * else null. Only the holder of the database's write lock calls this (core/store/db-lock.ts), so a
 * marker found here is a dead run's, never a live program's.
 */
export function beginRun(store: GridStore, program = 'timezero'): RunMarker | null {
  const previous = store.getSetting(RUN_MARKER);
  store.setSetting(RUN_MARKER, JSON.stringify({ program, pid: process.pid, since: new Date().toISOString() }));
  if (previous === null) return null;
  try {
    const parsed = JSON.parse(previous) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as RunMarker) : {};
  } catch {
    return {};
  }
}

/** A clean stop: the next open is an ordinary restart. */
export function endRun(store: GridStore): void {
  store.setSetting(RUN_MARKER, null);
}

/** Export states the power-off stops mid-way (interrupted/recovering runs already recover by themselves). */
const RUNNING = new Set(['premigrating', 'exporting']);

/**
 * After a dead run: the library that was exporting restarts. Returns the record of what was issued
 * (empty when nothing was under way) — FAIL and REPAIR of the exporting cluster as one journal entry,
 * with the E0022 message among its messages; E0023 follows once simulated time passes the recovery
 * (EXPORT_RECOVERY_MS), as for any restarted TS7700.
 */
export function recoverAfterPowerLoss(session: Session): RunRecord[] {
  const run = activeRun(session.engine.state);
  if (!run || !RUNNING.has(run.state)) return [];
  const cluster = session.engine.state.clusters[run.cluster];
  if (!cluster || cluster.status !== 'online') return [];
  const steps = [`FAIL CLUSTER ${cluster.name}`, `REPAIR CLUSTER ${cluster.name}`].map((line) => {
    const validated = session.validate(line);
    if (validated.errors.length > 0 || validated.commands.length !== 1) throw new Error(`power-off recovery: ${line}: ${validated.errors[0]?.message ?? 'not one command'}`);
    return validated.commands[0]!;
  });
  // One journal entry for both, as SAMPLE and LOAD are: a kill in between cannot leave the library down.
  const restart = { ...steps[0]!, text: `${POWER_OFF_HEADER} ${cluster.name}: ${steps.map((c) => c.text).join(', ')}`, children: steps } as Command;
  return [session.run(restart, 'restart')];
}
