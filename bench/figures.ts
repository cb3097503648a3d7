// The benchmark's figures: each one drives runbook text through the real Session path
// (`validate`, then `run` per command) and returns a measured value with its unit and target.

import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Session, type RunRecord } from '../core/session.js';
import { dayLines, GRID, preloadLines, sampleVolsers } from './scenarios.js';

export interface Figure {
  /** null until the feature it measures is built */
  value: number | null;
  unit: string;
  /** e.g. "<= 10 s"; null for informative figures */
  target: string | null;
  note?: string;
  /**
   * The machine's own limit for the same work, measured in the same run, in the figure's unit (for
   * example the same columns filled by a plain loop); null where the figure has none.
   */
  baseline?: number | null;
  /** how many times slower than its baseline (1 = at the limit; for rates, baseline ÷ value) */
  ratio?: number | null;
  /** e.g. "<= 3": the ratio decides where there is one; absolute times are shown beside it */
  ratioTarget?: string | null;
  /** what else the run observed (counts, sub-timings), for people reading the JSON */
  detail?: Record<string, number | string | boolean>;
}

export type Figures = Record<string, Figure>;

/** Figures of features not built yet: reported, never measured, so the bench claims nothing. */
export const NOT_BUILT: Record<string, { unit: string }> = {};

export function notBuilt(): Figures {
  const out: Figures = {};
  for (const [name, { unit }] of Object.entries(NOT_BUILT)) out[name] = { value: null, unit, target: null, note: 'not built yet' };
  return out;
}

export function machine() {
  const list = cpus();
  // loadavg: other work on the machine stretches wall times; each figure's detail also gives cpuSeconds.
  return { cpus: list.length, model: list[0]?.model.trim() ?? 'unknown', memGB: round(totalmem() / GB, 1), node: process.version, loadavg: round(loadavg()[0]!, 2) };
}

/** Validates runbook text against the session's grid and runs every command; throws on any refusal. */
export function runText(session: Session, lines: string[], onRecord?: (r: RunRecord) => void): RunRecord[] {
  const validated = session.validate(lines.join('\n'));
  if (validated.errors.length > 0) {
    const e = validated.errors[0]!;
    throw new Error(`bench runbook: line ${e.line}:${e.col}: ${e.message}`);
  }
  const records: RunRecord[] = [];
  for (const command of validated.commands) {
    const record = session.run(command);
    if (!record.ok) throw new Error(`bench runbook: ${record.command}: ${record.error!.code} ${record.error!.message}`);
    records.push(record);
    onRecord?.(record);
  }
  return records;
}

const GB = 2 ** 30;

/**
 * A figure against its baseline: `ratio` is how many times slower than the baseline (for a rate, where
 * more is better, baseline ÷ value). Both in the figure's unit.
 */
export function againstBaseline(figure: Figure, baseline: number, ratioTarget: string | null, rate = false): Figure {
  const ratio = figure.value === null || baseline <= 0 || figure.value <= 0 ? null : rate ? baseline / figure.value : figure.value / baseline;
  return { ...figure, baseline: roundSignificant(baseline), ratio: ratio === null ? null : round(ratio, 2), ratioTarget };
}

function roundSignificant(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const digits = Math.max(0, 3 - Math.ceil(Math.log10(Math.abs(x))));
  return round(x, Math.min(digits, 6));
}

/** Wall and CPU (user + system) seconds of `work`; CPU time is what a busy machine does not inflate. */
export function timed<T>(work: () => T): { result: T; seconds: number; cpuSeconds: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = work();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { result, seconds, cpuSeconds: round((used.user + used.system) / 1e6, 2) };
}

export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Collects, then waits until the process stops giving memory back (resident size steady for 200 ms,
 * at most 5 s). A grid let go of is freed on the engine's background threads: measured straight after,
 * the next figure shares the two cores and the kernel's page tables with that freeing.
 */
export async function settle(): Promise<void> {
  gc();
  let last = process.memoryUsage().rss;
  for (let waited = 0; waited < 5000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const rss = process.memoryUsage().rss;
    const steady = Math.abs(rss - last) < 2 ** 20;
    last = rss;
    if (steady && waited >= 200) return;
  }
}

/**
 * PRELOAD of `count` 1 GB volumes on a fresh 3-cluster grid: wall time of all PRELOAD lines
 * (validation included), and the process's peak RSS — sampled after every command, and the kernel's
 * maxRSS (lifetime peak, so run this figure first in its process). Returns the session for the
 * figures that read the loaded grid.
 */
export function preload(count: number): { figures: Figures; session: Session } {
  const session = new Session(null, 1);
  runText(session, GRID.split('\n'));
  gc();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const lines = preloadLines(count);
  const { seconds, cpuSeconds } = timed(() =>
    runText(session, lines, () => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }),
  );
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const volumes = session.engine.state.volumes.count;
  if (volumes !== count) throw new Error(`preload: ${volumes} volumes in the grid, expected ${count}`);
  return {
    session,
    figures: {
      preload4M: { value: round(seconds, 2), unit: 's', target: '<= 10 s', detail: { cpuSeconds, volumes, lines: lines.length, volumesPerSecond: Math.round(volumes / seconds) } },
      preload4MRss: {
        value: round(Math.max(peakRss, maxRss) / GB, 2),
        unit: 'GB',
        target: '<= 2 GB',
        detail: { sampledPeakGB: round(peakRss / GB, 2), maxRssGB: round(maxRss / GB, 2), beforeGB: round(baseRss / GB, 2) },
      },
    },
  };
}

/** SHOW GRID on a loaded grid: median of `repeats` runs, validation included. */
export function showGrid(session: Session, repeats = 5): Figures {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    runText(session, ['SHOW GRID']);
    times.push(performance.now() - started);
  }
  return { showGrid4M: { value: round(percentile(times, 0.5), 1), unit: 'ms', target: null, detail: { repeats, volumes: session.engine.state.volumes.count } } };
}

/** SHOW VOLUME of `samples` volumes spread over the loaded grid: 95th percentile, validation included. */
export function showVolume(session: Session, samples = 1000): Figures {
  const count = session.engine.state.volumes.count;
  const times: number[] = [];
  for (const volser of sampleVolsers(count, samples)) {
    const started = performance.now();
    runText(session, [`SHOW VOLUME ${volser}`]);
    times.push(performance.now() - started);
  }
  return {
    showVolumeP95: { value: round(percentile(times, 0.95), 3), unit: 'ms', target: null, detail: { samples, medianMs: round(percentile(times, 0.5), 3), maxMs: round(Math.max(...times), 3) } },
  };
}

interface QueueResult {
  count: number;
  byType: Record<string, { completed: number }>;
}

/**
 * A production day on a fresh 3-cluster grid: INSERT `scratch` scratch volumes, JOB of `jobs` 1 GB
 * writes on CL0 over one simulated day (Deferred copies to CL1 and CL2), ADVANCE UNTIL IDLE. Wall time
 * of the JOB and the ADVANCE; the copies the simulation completed.
 */
export function day(scratch: number, jobs: number): Figures {
  const session = new Session(null, 1);
  runText(session, GRID.split('\n'));
  const { setup, day: work } = dayLines(scratch, jobs);
  runText(session, setup);
  gc();
  const lap: number[] = [];
  let last = performance.now();
  const {
    result: records,
    seconds,
    cpuSeconds,
  } = timed(() =>
    runText(session, work, () => {
      const now = performance.now();
      lap.push(now - last);
      last = now;
    }),
  );
  const job = records[0]!.result as { succeeded: number; failed: number };
  const idle = records[1]!.result as { to: string; idle: boolean; blockedCopies: number };
  const queues = [records[2]!.result, records[3]!.result] as QueueResult[];
  const completed = queues.map((q) => Object.values(q.byType).reduce((n, t) => n + t.completed, 0));
  const copies = completed[0]! + completed[1]!;
  return {
    day: {
      value: round(seconds, 2),
      unit: 's',
      target: '<= 3 s',
      detail: {
        cpuSeconds,
        jobs,
        scratch,
        jobSeconds: round(lap[0]! / 1000, 2),
        advanceSeconds: round(lap[1]! / 1000, 2),
        jobsSucceeded: job.succeeded,
        jobsFailed: job.failed,
        idleAt: idle.to,
        idle: idle.idle,
      },
    },
    // Spec §5: every Deferred copy completes once the grid is idle, so 2 per job (CL1 and CL2).
    dayCopies: {
      value: copies,
      unit: 'copies',
      target: `>= ${2 * job.succeeded}`,
      detail: { expected: 2 * job.succeeded, toCL1: completed[0]!, toCL2: completed[1]!, leftInQueues: queues[0]!.count + queues[1]!.count, blocked: idle.blockedCopies },
    },
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
