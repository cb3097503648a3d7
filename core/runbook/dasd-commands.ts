// The Host DASD runbook commands (spec §9), one shape each; core/runbook/commands.ts extends these.

import type { Named } from './cursor.js';

/** A point in time: an ISO time or a bookmark name. */
export interface PointRef {
  at: number | null;
  bookmark: string | null;
  col: number;
}

export interface DasdCommandArgs {
  DASD: { name: Named; site: Named; size: number; type: string | null; tech: 'FLASHCOPY' | 'SNAPSHOT' | 'COPY' | null };
  DASDWRITE: { dasd: Named; offset: number; size: number; pattern: string | null; site: Named | null };
  DASDLOAD: { dasd: Named; rate: number; ioSize: number; duration: number; site: Named | null };
  CHECKSUM: { dasd: Named; image: boolean; site: Named | null };
  REPLICATE: { source: Named; target: Named; mode: 'SYNC' | 'ASYNC' | 'SNAPSHOT'; journal: number | null; gbps: number | null; every: number | null };
  BOOKMARK: { dasd: Named; name: Named };
  IMAGE_ACCESS: { replica: Named; point: PointRef; mode: 'VIRTUAL' | 'LOGGED' };
  IMAGE_ROLL: { replica: Named };
  IMAGE_DISABLE: { replica: Named };
  FAILOVER: { replica: Named };
  DISTRIBUTE: { dasd: Named; sites: Named[]; changeSet: number; gbps: number | null; journal: number | null };
  FRACTURE: { dasd: Named };
  ROLL: { dasd: Named; site: Named; point: PointRef };
  UNFRACTURE: { dasd: Named; keep: 'PIT' | 'CURRENT' };
  SOURCEPOOL: { pool: Named; action: 'DEFINE' | 'ADD' | 'REMOVE'; volumes: Named[] };
  TARGETPOOL: { pool: Named; source: Named; volumes: Named[] };
  PREPAIR: { pool: Named };
  BACKUP: { pool: Named };
  SHOW_VERSIONS: { pool: Named };
  REMOTECOPY: { primary: Named; secondary: Named; grain: number | null; gbps: number | null };
  FLASHCOPY: { dasd: Named; media: Named };
  SHIP: { media: Named; site: Named };
  UPLOAD: { media: Named; dasd: Named };
  SYNC: { dasd: Named };
  SHOW_JOURNAL: { replica: Named };
  SHOW_REMOTECOPY: { dasd: Named };
  SHOW_DASD: { dasd: Named };
}
