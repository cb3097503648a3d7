// A DR family as the grid state holds it: its clusters, time-zero and the before-images kept since.

/** A volume as it was at time-zero, saved on its first change after it. */
export interface TimeZeroImage {
  level: number;
  category: number;
  mc: number;
  sizeBytes: number;
  copyLevel: number[];
}

export interface DrFamily {
  name: string;
  clusters: number[];
  timeZero: number | null;
  flash: boolean;
  writeProtect: boolean;
  liveCopy: 'FAMILY' | 'NONE';
  /** volumes numbered at or above this were created after time-zero */
  volumesAtTimeZero: number;
  /** copy-on-write before-images, by volume number */
  images: Map<number, TimeZeroImage>;
  /** lazily made metadata snapshots (claims 8–10): write-protected volumes changed or DR-mounted */
  metadataSnapshots: number;
  /** snapshot ownership, independent of live ownership; absent = undetermined until the first DR mount */
  snapshotOwner: Map<number, number>;
}
