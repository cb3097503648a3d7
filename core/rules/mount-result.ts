// What a mount reports: the volume, where it is mounted and where its data comes from.

export interface MountResult {
  volser: string;
  mountCluster: string;
  tvcCluster: string;
  source: 'live' | 'scratch' | 'snapshot' | 'backup';
  sourceCluster: string;
  readOnly: boolean;
  /** Remote TVC only: which of the grid links between mount and TVC cluster carries it (1-based). */
  gridLink?: number;
  recallSeconds?: number;
  /** a protected Fast Ready category honoured on a write-protected cluster: no data is presented */
  fastReady?: boolean;
  /** the Management Class a specific mount assigned (spec §12) */
  mc?: string;
}
