// The nouns of Copy Export (Redbook §11.5–§11.6): the export list volume the host writes and the
// export run the library performs. A run's per-volume results are columnar (one typed array each,
// indexed by the volume's position in the export set), so an export of millions stays compact.

/** Redbook §11.6.3: the export list volume — three files of 80-byte records. */
export interface ExportListVolume {
  volser: string;
  /** the cluster it was written on */
  cluster: number;
  /** the volume's data level when the list was written: a later rewrite makes it no export list */
  level: number;
  pool: number;
  /** OPTIONS1,COPY,EJECT (true) or OPTIONS1,COPY: export-hold (false) */
  eject: boolean;
  lmtdbpvl: boolean;
  writtenAt: number;
  /** export list file, reserved file, export status file (header only until an export runs) */
  files: ExportListFiles;
}

export type ExportListFiles = [exportList: string[], reserved: string[], status: string[]];

export type ExportState =
  | 'premigrating' // copying cache-only volumes to stacked volumes (E0016/E0017)
  | 'exporting' // database backup and eject / export-hold of each stacked volume
  | 'completed'
  | 'canceled' // LIBRARY EXPORT,…,CANCEL (Redbook §11.6.4)
  | 'terminated' // fewer than four drives, no scratch for 60 minutes (E0015), 10 hours of copying (E0018)
  | 'interrupted' // the cluster failed: recovered when it is back (E0022/E0023)
  | 'recovering'
  | 'recovered';

/** Status of one logical volume in the export status file (two-digit code and text). */
export const REASONS = [
  'EXPORTED',
  'IN PROGRESS',
  'NO VALID COPY ON THE EXPORTING LIBRARY',
  'VOLUME MOUNTED WHEN THE EXPORT BEGAN',
  'NOT COPIED FROM CACHE TO A STACKED VOLUME',
  'STACKED VOLUME HOLDS PRIMARY COPIES',
  'PRIMARY COPY OF A VOLUME ON THE STACKED VOLUME UNAVAILABLE',
  'COPY EXPORTED VOLUME LIMIT REACHED',
  'STACKED VOLUME UNAVAILABLE',
  'EXPORT CANCELED BY HOST REQUEST',
  'EXPORT TERMINATED',
] as const;
export const EXPORTED = 0;
export const PENDING = 1;
export const NO_VALID_COPY = 2;
export const MOUNTED = 3;
export const NOT_COPIED = 4;
export const PRIMARY_ON_PVOL = 5;
export const PRIMARY_UNAVAILABLE = 6;
export const LIMIT_REACHED = 7;
export const PVOL_UNAVAILABLE = 8;
export const CANCELED = 9;
export const TERMINATED = 10;

export interface ExportRun {
  id: number;
  listVolser: string;
  cluster: number;
  library: string;
  pool: number;
  eject: boolean;
  lmtdbpvl: boolean;
  state: ExportState;
  /** bumped when the run is interrupted: events scheduled before are void */
  generation: number;
  startedAt: number;
  endedAt: number | null;
  /** Redbook §11.6.5 statistics */
  requested: number;
  exportable: number;
  exported: number;
  stacked: number;
  mbExported: number;
  mbMoved: number;
  /** E0024: associated volumes without a valid copy on the exporting cluster */
  invalid: number;
  mounted: number;
  /** export-set volumes still to copy from cache to stacked volumes */
  outstanding: number;
  copyStartedAt: number | null;
  copyEndedAt: number | null;
  /** first E0013 of the current wait for a scratch stacked volume */
  scratchWaitSince: number | null;
  /** stacked volumes still to process, VOLSER order */
  queue: number[];
  inFlight: number[];
  exportedPvols: number[];
  excludedPvols: { pvol: number; reason: number; volser: string }[];
  /** the volumes chosen to receive the database backup (LMTDBPVL: two first and two last by VOLSER) */
  dbPvols: number[];
  database: number | null;
  stopRequested: 'cancel' | 'terminate' | null;
  stopReason: string | null;
  /** the state an interruption found it in */
  interruptedIn: ExportState | null;
  completion: 'CBR3855I' | 'CBR3856I' | null;
  /** volume numbers of the export set (the requested volumes), ascending */
  volumes: Int32Array;
  /** per export-set volume: index into REASONS */
  reason: Uint8Array;
  /** per export-set volume: the locked stacked volume holding its secondary copy, -1 while none */
  pvolOf: Int32Array;
  /**
   * The stacked-volume records of the status file as this run wrote it (Redbook §11.5: the "current
   * status for all physical volumes with a state of Copy Exported" at its end): a later export with
   * the same list volume writes its own file, and each run's stays readable. The logical-volume
   * records come back from the columns above; these are the part that later changes would alter.
   * At most STATUS_SNAPSHOT_LIMIT records are kept, with the full count. Null or absent while the
   * run is going (and in runs saved before it was kept).
   */
  statusStacked?: { records: string[]; total: number } | null;
}
