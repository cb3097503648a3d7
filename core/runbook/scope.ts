// What a runbook has defined so far, as validation sees it: names a later line may refer to.

import type { ClusterRef, Named } from './cursor.js';
import type { LineError } from './parser.js';

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
