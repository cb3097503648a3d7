// Everything the engine knows at one simulated instant. Checkpoints serialise exactly this, but for
// the event rules: code, not data, which the engine hands to every state it makes.

import type { Category, Cluster, GridLink, Host, ManagementClass, Site } from '../model/grid.js';
import { VolumeStore } from '../model/volumes.js';
import { EventQueue } from '../sim/event-queue.js';
import { Rng } from '../sim/rng.js';
import type { EventKind, FiredEvent, WorldEvent } from './events.js';
import { EPOCH_START } from '../sim/time.js';
import type { ConsoleMessage } from './console-message.js';
import { CopyQueues } from './copy-queues.js';
import { ScratchPools } from './scratch-pools.js';
import type { Premigration } from './premigration.js';
import type { DrFamily } from './dr-family.js';
import { createTapeState, type TapeState } from './tape/tape-state.js';
import { createDasdState, type DasdState } from './dasd/state.js';
import { VolumeTrail } from '../model/volume-trail.js';

export interface Mount {
  volume: number;
  host: string;
  cluster: number;
  tvc: number;
  /** grid link used for a remote TVC, by index among the pair's links */
  linkIndex: number;
  readOnly: boolean;
  source: 'live' | 'scratch';
  /** bytes written since mount, null when nothing was written */
  pendingBytes: number | null;
  /** why the job lost the device, when a failure took it away */
  lost: string | null;
  /** a DR host's mount of the time-zero image, served within this DR family */
  family?: string;
  drSource?: 'snapshot' | 'backup';
  /** the mount assigned a new Management Class: DEMOUNT applies its copy policy even without a write */
  mcChanged?: boolean;
}

/** The handler of every event kind: a missing kind does not compile. */
export type EventHandlers = { [K in EventKind]: (state: GridState, event: FiredEvent<K>) => void };

export interface EventRules {
  handlers: EventHandlers;
  /** runs after every event: grid states follow the queues as they drain */
  afterEvent: (state: GridState) => void;
}

export interface GridState {
  name: string | null;
  now: number;
  clockSet: boolean;
  seed: number;
  rng: Rng;
  events: EventQueue<WorldEvent>;
  /** which rule serves each event kind, and what follows every event: not saved */
  eventRules: EventRules;
  sites: Site[];
  clusters: Cluster[];
  links: Record<string, GridLink>;
  hosts: Host[];
  mcs: ManagementClass[];
  categories: Record<number, Category>;
  volumes: VolumeStore;
  copies: CopyQueues;
  scratch: ScratchPools;
  premigration: Premigration[];
  mounts: Map<number, Mount>;
  /** DR host mounts of time-zero images: independent of live mounts of the same volume (spec §7) */
  drMounts: Map<number, Mount>;
  families: DrFamily[];
  /** some family has a time-zero in force: changes must save before-images */
  flashActive: boolean;
  /** grid states each cluster has announced, by cluster index */
  announced: Record<number, string[]>;
  /**
   * Counts changes of a cluster's status or drives and of a grid link (core/rules/failures.ts,
   * topology.ts, the DRIVES command): the grid-state check after every event re-reads them only when
   * it moved. Not saved: a restored state is a new object, read afresh.
   */
  gridChanges: number;
  /** physical pools, stacked volumes, Copy Export runs, stand-alone recovery libraries (spec §8) */
  tape: TapeState;
  /** Host DASD: volumes, journal replication, copy versions, remote copy seeding (spec §9) */
  dasd: DasdState;
  /** messages raised since the current command began */
  messages: ConsoleMessage[];
  /** per-volume events (mounts, writes, copies, cache removals, changes, exports) for a volume's history */
  trail: VolumeTrail;
}

export function createState(eventRules: EventRules, seed = 1): GridState {
  return {
    name: null,
    now: EPOCH_START,
    clockSet: false,
    seed,
    rng: new Rng(seed),
    events: new EventQueue<WorldEvent>(),
    eventRules,
    sites: [],
    clusters: [],
    links: {},
    hosts: [],
    mcs: [],
    categories: {},
    volumes: new VolumeStore(0),
    copies: new CopyQueues(),
    scratch: new ScratchPools(),
    premigration: [],
    mounts: new Map(),
    drMounts: new Map(),
    families: [],
    flashActive: false,
    announced: {},
    gridChanges: 0,
    tape: createTapeState(),
    dasd: createDasdState(),
    messages: [],
    trail: new VolumeTrail(),
  };
}
