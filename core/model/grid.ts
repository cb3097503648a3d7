// The few: sites, clusters, grid links, hosts, Management Classes and categories. Plain data so a
// checkpoint is a JSON document beside the volume columns.

export type ClusterModel = 'DISK' | 'TAPE';
export type ClusterStatus = 'online' | 'failed' | 'service-prep' | 'service';
export type TakeoverMode = 'read' | 'write';
/** Copy consistency points, one letter per cluster (spec §3; Redbook §11.1). */
export type CopyMode = 'R' | 'D' | 'N' | 'S';

export function isCopyMode(letter: string): letter is CopyMode {
  return letter === 'R' || letter === 'D' || letter === 'N' || letter === 'S';
}
/** Cache preference group: PG0 leaves the TVC as soon as it is pre-migrated, PG1 by LRU. */
export type PreferenceGroup = 'PG0' | 'PG1';

export interface Cluster {
  index: number;
  name: string;
  site: string;
  model: ClusterModel;
  cacheBytes: number;
  cacheUsed: number;
  drives: number;
  /** physical drives not failed or varied off (Library Operations Degraded when fewer than drives) */
  drivesAvailable: number;
  ioStation: boolean;
  code: string;
  status: ClusterStatus;
  /** The TSSC network path AOTM uses to tell a dead peer from a broken grid network. */
  tsscOk: boolean;
  /** takeover[failed-cluster index] = mode this cluster may use to take its volumes. */
  takeover: Record<number, TakeoverMode>;
  aotm: { enabled: boolean; mode: TakeoverMode; graceMs: number };
  /** When this cluster lost contact with each peer (grace period start), by peer index. */
  lostPeerAt: Record<number, number>;
  writeProtect: boolean;
  ignoreFastReady: boolean;
  excludedCategories: number[];
  /** Copies waiting for a physical drive to pre-migrate (tape-attached only), oldest first. */
  premigrationBacklog: number;
  /**
   * Category changes made while this cluster could not reach the cluster that made them, by volume:
   * the category it still knows (Redbook §11.9.2: with the links broken, volumes "returned to scratch
   * by the production system are not 'seen'" by the cluster under test). Gone once it reaches it again.
   */
  unseenCategories?: Record<number, { category: number; via: number }>;
}

export interface Site {
  id: string;
  failed: boolean;
}

export interface GridLink {
  a: number;
  b: number;
  count: number;
  /** per physical link, 10 GBPS = 10 × 125,000,000 bytes/s (spec §1) */
  gbps: number;
  failed: number;
}

export interface Host {
  name: string;
  site: string;
  role: 'PRODUCTION' | 'DR';
  failed: boolean;
  /** DEVSUPxx: the categories this host's scratch mounts draw from and its volumes become (Redbook §11.10.1 step 8) */
  devsup: { scratch: number; private: number; error: number };
  /** clusters whose virtual devices are defined to the host, and whether varied online */
  devices: Record<number, { online: boolean; paths: number; failedPaths: number }>;
}

export interface ManagementClass {
  name: string;
  modes: CopyMode[];
  secondaryPool: number | null;
  preference: PreferenceGroup;
}

export interface Category {
  hex: number;
  scratch: boolean;
  expireHoldMs: number;
}

export const CATEGORY_SCRATCH = 0x0002;
export const CATEGORY_PRIVATE = 0x000f;
export const CATEGORY_ERROR = 0x000e;
export const CATEGORY_INSERT = 0xff00;

export const MAX_CLUSTERS_PER_GRID = 8;
export const DEFAULT_DISK_CACHE = 600 * 2 ** 40;
export const DEFAULT_TAPE_CACHE = 28 * 2 ** 40;
export const DEFAULT_DRIVES = 8;
export const DEFAULT_AOTM_GRACE_MS = 20 * 60_000;

export function hex4(category: number): string {
  return category.toString(16).toUpperCase().padStart(4, '0');
}

export function linkKey(a: number, b: number): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

export function linkBandwidth(link: GridLink | undefined): number {
  if (!link) return 0;
  return Math.max(0, link.count - link.failed) * link.gbps * 125_000_000;
}
