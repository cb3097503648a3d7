// Copy queues, one per target cluster: what waits (demount order) and what is in flight (at most 20
// per target, spec §5). Pure data; copies.ts moves it through time.

import { NumberFifo } from '../model/number-fifo.js';

export const COPY_TYPES = ['immediate', 'synchronous-deferred', 'immediate-deferred', 'deferred', 'family-deferred'] as const;
export type CopyType = (typeof COPY_TYPES)[number];
export const IMMEDIATE = 0;
export const SYNC_DEFERRED = 1;
export const IMMEDIATE_DEFERRED = 2;
export const DEFERRED = 3;
export const FAMILY_DEFERRED = 4;

export const MAX_COPIES_IN_FLIGHT = 20;

export interface CopyInFlight {
  volume: number;
  level: number;
  type: number;
  source: number;
  bytes: number;
  remaining: number;
  /** bytes per millisecond */
  rate: number;
  enqueuedAt: number;
  startedAt: number;
}

export interface BacklogSample {
  time: number;
  count: number;
  bytes: number;
}

export interface TargetQueue {
  /** waiting entries, parallel FIFOs in demount order */
  volume: NumberFifo;
  level: NumberFifo;
  type: NumberFifo;
  enqueuedAt: NumberFifo;
  size: NumberFifo;
  /** bytes waiting */
  bytes: number;
  inFlight: CopyInFlight[];
  version: number;
  settledAt: number;
  /** waiting + in flight, by copy type */
  pending: number[];
  completed: number[];
  completedBytes: number[];
  /** recent completions (time, bytes, type) for drain rates */
  recent: number[];
  history: BacklogSample[];
}

export function newTargetQueue(): TargetQueue {
  return {
    volume: new NumberFifo(),
    level: new NumberFifo(),
    type: new NumberFifo(),
    enqueuedAt: new NumberFifo(),
    size: new NumberFifo(),
    bytes: 0,
    inFlight: [],
    version: 0,
    settledAt: 0,
    pending: COPY_TYPES.map(() => 0),
    completed: COPY_TYPES.map(() => 0),
    completedBytes: COPY_TYPES.map(() => 0),
    recent: [],
    history: [],
  };
}

export class CopyQueues {
  targets: TargetQueue[] = [];

  target(cluster: number): TargetQueue {
    while (this.targets.length <= cluster) this.targets.push(newTargetQueue());
    const queue = this.targets[cluster];
    if (!queue) throw new RangeError(`no copy queue for cluster #${cluster}`);
    return queue;
  }
}
