// Host DASD state (spec §9): volumes with their block contents, journal replication sets (seed 001),
// distributed active/active volumes (seed 001 FIGS. 4-8), copy-version pools and records (seed 002),
// and remote copy relationships seeded offline (seed 003). Few objects; the many (blocks, journal
// records) live in typed arrays inside BlockMap, TxLog and Journal.

import type { BlockMap } from './blocks.js';
import type { Journal } from './journal.js';
import type { TxLog } from './tx-log.js';

export type CopyTech = 'FLASHCOPY' | 'SNAPSHOT' | 'COPY';
export type TransferMode = 'SYNC' | 'ASYNC' | 'SNAPSHOT';

export interface DasdVolume {
  name: string;
  site: string;
  sizeBytes: number;
  blocks: number;
  type: string;
  tech: CopyTech;
  data: BlockMap;
  /** host writes so far: gives an unpatterned write its own content */
  writes: number;
}

export interface Bookmark {
  name: string;
  seq: number;
  time: number;
}

/** Image access on a replica (seed 001 "Image Access"). */
export interface ImageAccess {
  mode: 'virtual' | 'logged';
  /** the image: every transaction up to this seq */
  seq: number;
  time: number;
  requested: string;
  /** virtual: the image's blocks that differ from the replica (from the journal) */
  image: BlockMap | null;
  /** virtual: host writes to the image, kept in the journal's access log */
  writes: BlockMap | null;
  /** logged: undo of host writes to the rolled replica (the logged access journal) */
  undo: TxLog | null;
  /** IMAGE ROLL in the background: when the physical image is ready, else null */
  rollDoneAt: number | null;
  enabledAt: number;
}

export interface Replication {
  index: number;
  source: string;
  target: string;
  mode: TransferMode;
  bytesPerSec: number;
  snapshotEveryMs: number;
  journal: Journal;
  /** sent by the source, not yet in the target journal: the delta marking stream */
  inflight: TxLog;
  /** when the link from the source's site to the target's is free: shared by every replication that way */
  linkFreeAt: number;
  /** SNAPSHOT mode: writes aggregated since the snapshot opened */
  snapshot: BlockMap | null;
  snapshotOpenedAt: number;
  snapshotWrites: number;
  /** last transaction number given at the source */
  seq: number;
  /** last transaction distributed to the replica (the replica's image) */
  appliedSeq: number;
  appliedTime: number;
  createdAt: number;
  bookmarks: Bookmark[];
  access: ImageAccess | null;
  /** scheduled delivery event time, or -1 */
  deliverAt: number;
  /** the journal could not take a delivery: distribution paused and the DO stream fills it */
  blocked: boolean;
  stats: { transactions: number; bytesSent: number; snapshots: number; writesAggregated: number; failovers: number };
  /** journal.released when the last "history released" message was raised */
  announcedReleased: number;
}

export interface ChangeSet {
  number: number;
  closedAt: number;
  flushAt: number;
  blocks: number[];
  words: number[];
}

/** An active/active distributed volume over two sites (seed 001 FIGS. 3-8). */
export interface DistributedVolume {
  name: string;
  sites: [string, string];
  /** the backend leg at each site */
  legs: [BlockMap, BlockMap];
  /** each site's replication appliance journal: the undo of every flushed change set */
  journals: [Journal, Journal];
  changeSetMs: number;
  bytesPerSec: number;
  /** the write caches of the open change set, merged in write order */
  open: BlockMap;
  openSince: number;
  openWrites: number;
  pending: ChangeSet[];
  nextChangeSet: number;
  /** flushed change sets: the consistent points in time a site can be rolled to */
  points: { changeSet: number; time: number }[];
  bookmarks: { name: string; changeSet: number }[];
  closeAt: number;
  quiesces: number;
  fracture: null | {
    at: number;
    /** the site production goes on at, and the one whose IO stops and which is rolled (ROLL picks it) */
    active: 0 | 1;
    stopped: 0 | 1;
    /** blocks written at the active site since the fracture (tracked by the virtualization layer) */
    changed: BlockMap;
    /** the point the stopped site was rolled to, when it was */
    rolledTo: { changeSet: number; time: number } | null;
    /** blocks the roll or host writes changed on the stopped site */
    touched: BlockMap;
    /** the undo of writes made to the point in time (the roll's redo log is the site journal's DO stream) */
    pitUndo: TxLog;
  };
}

export interface SourcePool {
  name: string;
  volumes: string[];
}

export interface TargetPool {
  name: string;
  sourcePool: string;
  volumes: string[];
}

export interface CopyPair {
  source: string;
  target: string;
}

/** Seed 002 replication record (RR) or pre-pairing record (PPR). */
export interface CopyRecord {
  kind: 'RR' | 'PPR';
  version: number;
  time: number;
  targetPool: string;
  pairs: CopyPair[];
  /** the source pool's volumes when the record was made: what verification compares against */
  sources: string[];
}

export interface VersionState {
  pool: string;
  records: CopyRecord[];
  lastVersion: number;
  chronology: { label: string; time: number; records: { version: number; record: 'RR' | 'PPR'; pairs: CopyPair[] }[] }[];
  notifications: string[];
}

export interface RemoteCopy {
  primary: string;
  secondary: string;
  grainBytes: number;
  bytesPerSec: number;
  establishedAt: number;
  /** seed 003: a dirty state indicator per grain, set by primary writes after establishment */
  dirty: Uint8Array;
  state: 'established-offline' | 'synchronizing' | 'synchronized';
  media: string | null;
  uploaded: boolean;
  lastSync: null | { dirtyGrains: number; bytesSent: number; bytesFullSync: number; seconds: number; fullSyncSeconds: number };
}

export interface Media {
  name: string;
  from: string;
  site: string;
  takenAt: number;
  blocks: BlockMap;
  shippedAt: number | null;
}

export interface DasdState {
  volumes: DasdVolume[];
  replications: Replication[];
  distributed: DistributedVolume[];
  sourcePools: SourcePool[];
  targetPools: TargetPool[];
  versions: VersionState[];
  remoteCopies: RemoteCopy[];
  media: Media[];
}

export function createDasdState(): DasdState {
  return { volumes: [], replications: [], distributed: [], sourcePools: [], targetPools: [], versions: [], remoteCopies: [], media: [] };
}
