// Module-level actions: the only place the renderer talks to the engine host. Every UI action issues a
// runbook line (console.execute) or a channel call, records what it issued, and lands errors in the
// alert region. Pushed events (engine.changed/messages/progress) are wired here once.

import type { LineErrorDto, Response, RunRecordDto } from '../../contract/api';
import { describePreviousRun } from '../lib/previous-run';
import { client, ClientError } from '../api/client';
import type { ClusterDetail } from '../../contract/show-api';
import { useStore } from './store';
import { confirmLines } from './confirm-gate';

const get = () => useStore.getState();

export function reportError(error: unknown, context?: string): void {
  const e = error instanceof ClientError ? error : new ClientError('RENDERER_ERROR', error instanceof Error ? error.message : String(error));
  get().pushError(e.code, context ? `${context}: ${e.message}` : e.message);
}

/** Runs a call with the pending counter held; errors are reported and rethrown to the caller's await. */
async function tracked<T>(work: () => Promise<T>): Promise<T> {
  get().addPending(1);
  try {
    return await work();
  } finally {
    get().addPending(-1);
  }
}

let booted = false;

export function boot(): void {
  if (booted) return;
  booted = true;
  const c = client();
  c.onProblem((e) => reportError(e));
  c.onConnection((state, detail) => {
    get().setConnection(state, detail);
    if (state === 'open') {
      get().dismissCode('CONNECTION_LOST');
      void scheduleRefresh();
    }
    // A closed connection is shown by the shell's banner (ServerGoneBanner), not as an alert.
  });
  c.on('engine.changed', (p) => {
    get().changed(p.time, p.journalLength);
    scheduleRefresh();
  });
  c.on('engine.messages', (p) => get().addEventMessages(p.messages));
  c.on('engine.progress', (p) => get().setProgress(p.total > 0 && p.done >= p.total ? null : p));
}

// Coalesces refreshes: bursts of engine.changed cause one refetch after the one in flight.
let refreshing: Promise<void> | null = null;
let again = false;

export function scheduleRefresh(): Promise<void> {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      await refreshGrid();
    } while (again);
  })().finally(() => (refreshing = null));
  return refreshing;
}

let previousRunAnnounced = false;

/** The Console pane tells of an abnormal end once per page: the note, then the restart's own lines. */
function announcePreviousRun(info: Response<'session.info'>): void {
  if (!info.previousRun || previousRunAnnounced) return;
  previousRunAnnounced = true;
  get().addInput(`# ${describePreviousRun(info.previousRun)}`, 'restart');
  if (info.previousRun.restarts.length > 0) get().addRecords(info.previousRun.restarts);
}

/** Reads in a row that met a grid replaced under them; past this many, the error is shown. */
const MAX_STALE_READS = 5;
let staleReads = 0;

async function refreshGrid(): Promise<void> {
  const c = client();
  try {
    const info = await c.call('session.info', {});
    get().setInfo(info);
    announcePreviousRun(info);
    if (info.grid === null) {
      get().setGrid(null, {});
      return;
    }
    const grid = await c.call('grid.show', {});
    const names = Object.keys(grid.clusters);
    const details = await Promise.all(names.map(async (cluster) => c.call('cluster.show', { cluster })));
    const byName: Record<string, ClusterDetail> = {};
    details.forEach((d) => (byName[d.name] = d));
    get().setGrid(grid, byName);
    staleReads = 0;
  } catch (error) {
    // The grid was replaced between grid.show and a cluster.show (a sample or grid file loading): the
    // cluster read is from the grid before; read the new one instead of reporting a grid that is gone.
    if (error instanceof ClientError && error.code === 'UNKNOWN_CLUSTER' && staleReads < MAX_STALE_READS) {
      staleReads++;
      again = true;
      return;
    }
    reportError(error, 'refreshing the grid');
  }
}

export interface Executed {
  records: RunRecordDto[];
  errors: LineErrorDto[];
  /** the operator said no to the question a destructive line asks, or cancelled the line while it worked: it did not run */
  cancelled?: boolean | undefined;
}

/** Issues one runbook line through console.execute and shows it (origin: which view issued it). */
export async function execute(line: string, origin: string): Promise<Executed | null> {
  // A line that would throw data away asks first (components/ConfirmDialog.tsx); No runs nothing.
  if (!(await confirmLines(line))) {
    get().setIssued({ command: line, origin, ok: false, detail: 'Cancelled: nothing was run.' });
    return { records: [], errors: [], cancelled: true };
  }
  const s = get();
  s.addInput(line, origin);
  try {
    const out = await tracked(() => client().call('console.execute', { line }));
    get().addRecords(out.records);
    if (out.errors.length > 0) get().addLineErrors(out.errors);
    const last = out.records[out.records.length - 1];
    get().setIssued({
      command: line,
      origin,
      ok: !out.cancelled && out.errors.length === 0 && out.records.every((r) => r.ok),
      detail: out.cancelled
        ? 'Cancelled: the grid and the journal are as they were before it.'
        : out.errors[0]
          ? `${out.errors[0].line}:${out.errors[0].col}: ${out.errors[0].message}`
          : last?.error
            ? `${last.error.code}: ${last.error.message}`
            : null,
    });
    void scheduleRefresh();
    return out;
  } catch (error) {
    get().setIssued({ command: line, origin, ok: false, detail: error instanceof Error ? error.message : String(error) });
    reportError(error, line);
    return null;
  }
}

/** ADVANCE <duration> or ADVANCE UNTIL IDLE (duration null), through time.advance. */
export async function advance(duration: string | null): Promise<RunRecordDto | null> {
  const line = duration === null ? 'ADVANCE UNTIL IDLE' : `ADVANCE ${duration}`;
  get().addInput(line, 'Time bar');
  try {
    const record = await tracked(() => client().call('time.advance', { duration }));
    get().addRecords([record]);
    get().setIssued({ command: record.command || line, origin: 'Time bar', ok: record.ok, detail: record.error ? `${record.error.code}: ${record.error.message}` : null });
    void scheduleRefresh();
    return record;
  } catch (error) {
    get().setIssued({ command: line, origin: 'Time bar', ok: false, detail: error instanceof Error ? error.message : String(error) });
    reportError(error, line);
    return null;
  } finally {
    get().setProgress(null);
  }
}

/** Shows the grid as it was at `at` (SHOW GRID at a past moment); null returns to the present. */
export async function viewAt(at: string | null): Promise<void> {
  if (at === null) {
    get().setPast(null);
    return;
  }
  get().setPast({ at, grid: get().past?.grid ?? null, loading: true });
  try {
    const grid = await tracked(() => client().call('grid.show', { at }));
    if (get().past?.at === at) get().setPast({ at, grid, loading: false });
  } catch (error) {
    if (get().past?.at === at) get().setPast(null);
    reportError(error, `viewing ${at}`);
  }
}

export { tracked };
