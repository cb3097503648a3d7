// Every kind of simulated event and the arguments it carries. The rules schedule them and one handler
// table (core/engine/event-handlers.ts) serves each kind; the compiler holds both to this list.

import type { Queued } from '../sim/event-queue.js';

export interface EventArgs {
  /** a copy queue's next completion is due; stale when the queue was re-planned since */
  copy: [target: number, version: number];
  /** a premigration to tape finished */
  premigrated: [cluster: number, volume: number, level: number];
  /** autonomic ownership takeover: cluster x checks whether peer is still unreachable since `since` */
  aotm: [cluster: number, peer: number, since: number];
  /** a reclaim job moved one stacked volume's data */
  reclaim: [library: number, generation: number, pvol: number];
  /** a stacked volume's erase finished */
  erased: [library: number, pvol: number];
  /** Copy Export: premigration progress check */
  'ce-tick': [run: number, generation: number];
  /** Copy Export: the export lock is taken */
  'ce-lock': [run: number, generation: number];
  /** Copy Export: one stacked volume is done */
  'ce-pvol': [run: number, generation: number, pvol: number];
  /** Copy Export: recovery of an interrupted run finished */
  'ce-recovered': [run: number, generation: number];
  /** stand-alone recovery: the job's current step finished */
  'sa-step': [standalone: number, generation: number];
  /** Host DASD: a journal's next delivery to the target is due */
  'dasd-deliver': [replication: number];
  /** Host DASD: a snapshot interval closes */
  'dasd-snapshot': [replication: number];
  /** Host DASD: an image-access roll finished */
  'dasd-roll': [replication: number];
  /** Host DASD: a distributed volume's change set closes */
  'dasd-cs-close': [distributed: number];
  /** Host DASD: a distributed volume's closed change set is flushed */
  'dasd-cs-flush': [distributed: number];
}

export type EventKind = keyof EventArgs;

/** One event of kind K as scheduled. */
export type EventOf<K extends EventKind> = { [P in K]: { kind: P; args: EventArgs[P] } }[K];

/** Any event the world schedules. */
export type WorldEvent = EventOf<EventKind>;

/** One event of kind K as it fires. */
export type FiredEvent<K extends EventKind> = Queued<EventOf<K>>;
