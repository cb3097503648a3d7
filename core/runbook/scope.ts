// What a runbook has defined so far, as validation sees it: names a later line may refer to.

import type { ClusterRef, LineError, Named } from './cursor.js';

export interface FilePort {
  /**
   * reads a file named in a runbook, relative to the runbook's own folder; with `maxBytes`, a file
   * larger than that is refused while it is read (a device or FIFO never fills memory)
   */
  readText(path: string, maxBytes?: number): string;
  /** writes one (SAVE EXPORTSET), where a file system is available */
  writeText?(path: string, text: string): void;
}

export interface Scope {
  grid: string | null;
  clusters: string[];
  sites: Set<string>;
  hosts: Set<string>;
  mcs: Set<string>;
  /** stand-alone recovery libraries (spec §8): not part of the grid */
  standalones: Set<string>;
  /** Host DASD volumes, pools and media (spec §9) */
  dasd: DasdScope;
}

export interface DasdScope {
  /** DASD volume → its site */
  volumes: Map<string, string>;
  sourcePools: Set<string>;
  targetPools: Set<string>;
  media: Set<string>;
}

export interface CheckTools {
  at(col: number, message: string): LineError;
  refs(...list: (ClusterRef | null | undefined)[]): LineError | null;
  named(set: Set<string>, what: string, n: Named | null): LineError | null;
}
