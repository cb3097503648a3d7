// A Chromium DevTools timeline trace split into where the renderer's main thread spent its time: the
// self time of each event (its duration less its children's), summed into script, style and layout,
// paint and composite, garbage collection and the rest of the busy time, in milliseconds per frame.
// Thread CPU time (tdur), not wall time: on a machine shared with other work a descheduled thread's
// wall time grows while the work it does stays the same.

import type { CDPSession } from '@playwright/test';
import { z } from 'zod';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number | undefined;
  /** the thread's CPU time in the event: what a machine shared with other work stretches least */
  tdur?: number | undefined;
  pid: number;
  tid: number;
  args?: { name?: string | undefined } | undefined;
}

const STYLE_LAYOUT = new Set(['UpdateLayoutTree', 'RecalculateStyles', 'Layout', 'HitTest', 'IntersectionObserverController::computeIntersections']);
const PAINT = new Set(['PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer', 'UpdateLayerTree', 'CompositeLayers', 'PaintImage', 'Decode Image']);
const GC = /GC|Sweep|Mark|Scavenge/;
const SCRIPT = /^(FunctionCall|EvaluateScript|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|v8\.|V8\.|ParseHTML|XHRReadyStateChange|ResourceReceivedData)/;

export interface FrameCosts {
  busy: number;
  script: number;
  styleLayout: number;
  paint: number;
  gc: number;
  other: number;
}

/** The busiest renderer main thread's costs, divided by `frames`. */
export function frameCosts(events: TraceEvent[], frames: number): FrameCosts {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || e.dur === undefined || e.tdur === undefined || !mains.has(key)) continue;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  let main: TraceEvent[] = [];
  let mainBusy = -1;
  for (const list of byThread.values()) {
    const busy = list.filter((e) => e.name === 'RunTask').reduce((s, e) => s + (e.tdur ?? 0), 0);
    if (busy > mainBusy) [main, mainBusy] = [list, busy];
  }
  main.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<TraceEvent, number>();
  const stack: TraceEvent[] = [];
  for (const e of main) {
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top && top.ts + (top.dur ?? 0) <= e.ts) stack.pop();
      else break;
    }
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent, (self.get(parent) ?? 0) - (e.tdur ?? 0));
    self.set(e, (self.get(e) ?? 0) + (e.tdur ?? 0));
    stack.push(e);
  }
  const sums: FrameCosts = { busy: 0, script: 0, styleLayout: 0, paint: 0, gc: 0, other: 0 };
  for (const [e, us] of self) {
    const ms = us / 1000;
    if (STYLE_LAYOUT.has(e.name)) sums.styleLayout += ms;
    else if (PAINT.has(e.name)) sums.paint += ms;
    else if (GC.test(e.name)) sums.gc += ms;
    else if (SCRIPT.test(e.name)) sums.script += ms;
    else sums.other += ms;
  }
  sums.busy = mainBusy / 1000;
  const per = (n: number) => Math.round((n / Math.max(1, frames)) * 100) / 100;
  return { busy: per(sums.busy), script: per(sums.script), styleLayout: per(sums.styleLayout), paint: per(sums.paint), gc: per(sums.gc), other: per(sums.other) };
}

const traceEvent = z.object({
  name: z.string(),
  ph: z.string(),
  ts: z.number(),
  dur: z.number().optional(),
  tdur: z.number().optional(),
  pid: z.number(),
  tid: z.number(),
  args: z.object({ name: z.string().optional() }).optional(),
});

/** The DevTools timeline events of the page while `run` runs. */
export async function traceDuring(cdp: CDPSession, run: () => Promise<unknown>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => {
    for (const v of e.value) {
      const parsed = traceEvent.safeParse(v);
      if (parsed.success) events.push(parsed.data);
    }
  };
  cdp.on('Tracing.dataCollected', collect);
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing', transferMode: 'ReportEvents' });
  await run();
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  return events;
}
