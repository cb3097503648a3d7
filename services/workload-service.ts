// The Workload panel's engine side (contract/workload-api.ts): keeps the active workload (kept with the
// grid's settings, so a restart goes on with it) and runs it over simulated time slice by slice — the
// JOB lines core/workload/plan.ts plans, then an ADVANCE to the slice's end — each line validated and
// executed through the session like a Console line, so every one is journaled (source `workload`) and a
// replay of the journal gives the same grid. A run yields between slices, so `workload.stop` lands
// between two slices and the progress bar moves.

import type { Response } from '../contract/api.js';
import { workloadSpec, workloadState, type WorkloadSpecDto } from '../contract/workload-api.js';
import { z } from 'zod';
import type { ConsoleMessage } from '../core/world/console-message.js';
import type { RunRecord, Session } from '../core/session.js';
import { isoTime, parseDuration } from '../core/sim/time.js';
import { checkWorkload, planSlice, slices, type Workload } from '../core/workload/plan.js';
import type { Settings } from './dr-service.js';
import { fail } from './errors.js';
import { runRecordDto } from './run-record-dto.js';

type State = Response<'workload.state'>;
type Totals = State['totals'];

const KEY = 'workload';
const RECENT = 40;
const YIELD_MS = 100;

/** The running workload as kept in settings: read with its shape checked; a damaged one is not resumed. */
const STORED_ACTIVE = z.object({ spec: workloadSpec, startedAt: z.number(), ranUntil: z.number(), totals: workloadState.shape.totals });

interface Active {
  spec: Workload;
  startedAt: number;
  ranUntil: number;
  totals: Totals;
}

export interface WorkloadHooks {
  progress(done: number, total: number): void;
  changed(messages: ConsoleMessage[]): void;
}

function emptyTotals(): Totals {
  return { writes: 0, writesFailed: 0, reads: 0, readsFailed: 0, lines: 0, failures: {} };
}

export function workloadService(session: Session, settings: Settings, hooks: WorkloadHooks) {
  let active: Active | null = load();
  let running = false;
  let stopRequested = false;
  const recent: State['recent'] = [];

  function load(): Active | null {
    try {
      const text = settings.get(KEY);
      if (!text) return null;
      const stored = STORED_ACTIVE.safeParse(JSON.parse(text));
      return stored.success ? stored.data : null;
    } catch {
      return null;
    }
  }

  function save(): void {
    settings.set(KEY, active ? JSON.stringify(active) : null);
  }

  function state(): State {
    return {
      workload: active?.spec ?? null,
      startedAt: active ? isoTime(active.startedAt) : null,
      ranUntil: active ? isoTime(active.ranUntil) : null,
      running,
      totals: active?.totals ?? emptyTotals(),
      recent: [...recent],
    };
  }

  /** The names a workload uses, checked the way the Console checks a JOB line (file:line:col → field). */
  function checkNames(w: Workload): void {
    const size = w.sizes[0]?.size ?? '800MB';
    const probes: [string, string][] = [[`JOB ${w.host} WRITE 1 SCRATCH ON ${w.cluster}${w.mc ? ` MC ${w.mc}` : ''} SIZE ${size}`, 'workload']];
    for (const s of w.sizes) probes.push([`JOB ${w.host} WRITE 1 SCRATCH ON ${w.cluster} SIZE ${s.size}`, 'workload.sizes']);
    if (w.readsPerHour > 0 && w.readRange) probes.push([`JOB ${w.host} READ ${w.readRange} ON ${w.readCluster}`, 'workload.readRange']);
    for (const [line, field] of probes) {
      const e = session.validate(line).errors[0];
      if (e) fail('BAD_WORKLOAD', `${field}: ${e.message}`);
    }
  }

  function tally(totals: Totals, record: RunRecord, kind: 'write' | 'read' | 'other'): string {
    totals.lines++;
    const r = record.result as { requested?: number; succeeded?: number; failed?: number; failures?: Record<string, number> } | null;
    if (!record.ok) return `${record.error?.code}: ${record.error?.message}`;
    if (kind === 'other' || !r || typeof r.succeeded !== 'number') return 'ok';
    if (kind === 'write') {
      totals.writes += r.succeeded;
      totals.writesFailed += r.failed ?? 0;
    } else {
      totals.reads += r.succeeded;
      totals.readsFailed += r.failed ?? 0;
    }
    for (const [code, n] of Object.entries(r.failures ?? {})) totals.failures[code] = (totals.failures[code] ?? 0) + n;
    return `${r.succeeded} of ${r.requested} ${kind === 'write' ? 'written' : 'read'}${r.failed ? `, ${r.failed} failed (${Object.keys(r.failures ?? {}).join(', ')})` : ''}`;
  }

  function runLine(a: Active, line: string): RunRecord {
    const validated = session.validate(line);
    const e = validated.errors[0];
    if (e || validated.commands.length !== 1) {
      // The grid changed under the workload (a new GRID, say): it cannot go on.
      active = null;
      save();
      fail('BAD_WORKLOAD', `the workload can no longer run on this grid: ${line}: ${e?.message ?? 'not one command'}`);
    }
    const record = session.run(validated.commands[0]!, 'workload');
    const kind = /^JOB \S+ WRITE/.test(line) ? 'write' : /^JOB \S+ READ/.test(line) ? 'read' : 'other';
    const summary = tally(a.totals, record, kind);
    recent.push({ time: record.time, line, ok: record.ok, summary });
    if (recent.length > RECENT) recent.splice(0, recent.length - RECENT);
    return record;
  }

  /** Advances simulated time by `ms` with the active workload running; the last line's record. */
  async function advanceWithLoad(ms: number): Promise<RunRecord> {
    const a = active;
    if (!a) fail('NO_WORKLOAD', 'no workload is active: start one first');
    if (running) fail('WORKLOAD_RUNNING', 'the workload is already running');
    running = true;
    stopRequested = false;
    const now = () => session.engine.state.now;
    const target = now() + ms;
    const parts = slices(a.startedAt, now(), target);
    let last: RunRecord | null = null;
    let messages: ConsoleMessage[] = [];
    let lastYield = Date.now();
    try {
      for (const [i, [from, to]] of parts.entries()) {
        if (stopRequested || active !== a) break;
        // The slice's nominal span, even when an earlier job ran past its start (a demount waiting
        // for RUN copies): its work then starts late rather than being lost.
        const plan = planSlice(a.spec, a.startedAt, from, to);
        for (const line of plan.lines) {
          last = runLine(a, line);
          messages.push(...last.messages);
        }
        const rest = to - now();
        if (rest > 0) {
          last = runLine(a, `ADVANCE ${rest % 1000 === 0 ? `${rest / 1000}s` : `${rest}ms`}`);
          messages.push(...last.messages);
        }
        a.ranUntil = now();
        if (i + 1 < parts.length && Date.now() - lastYield >= YIELD_MS) {
          hooks.progress(i + 1, parts.length);
          hooks.changed(messages);
          messages = [];
          await new Promise((resolve) => setImmediate(resolve));
          lastYield = Date.now();
        }
      }
    } finally {
      running = false;
      if (active === a) save();
      hooks.progress(parts.length, parts.length);
      hooks.changed(messages);
    }
    return last ?? runLine(a, 'ADVANCE 0s');
  }

  const handlers = {
    'workload.state': (): State => state(),
    'workload.start': ({ workload }: { workload: WorkloadSpecDto }): State => {
      const problem = checkWorkload(workload);
      if (problem) fail('BAD_WORKLOAD', `workload.${problem.field}: ${problem.message}`);
      checkNames(workload);
      if (running) fail('WORKLOAD_RUNNING', 'a run is in progress: stop it first');
      const now = session.engine.state.now;
      active = {
        spec: { ...workload, host: workload.host.toUpperCase(), cluster: workload.cluster.toUpperCase(), readCluster: workload.readCluster.toUpperCase(), mc: workload.mc?.toUpperCase() ?? null },
        startedAt: now,
        ranUntil: now,
        totals: emptyTotals(),
      };
      recent.length = 0;
      save();
      hooks.changed([]);
      return state();
    },
    'workload.stop': (): State => {
      stopRequested = running;
      active = null;
      save();
      hooks.changed([]);
      return state();
    },
    'workload.run': async ({ duration }: { duration: string }): Promise<State> => {
      await advanceWithLoad(parseDuration(duration)!);
      return state();
    },
  };

  return {
    handlers,
    /** true while a workload is active: the time bar's Advance runs it */
    isActive: () => active !== null,
    advanceWithLoad,
    toDto: runRecordDto,
  };
}
