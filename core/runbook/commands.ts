// The runbook commands TimeZero executes (spec §1–6, §10, §11; §7 write protect), one shape each.

import type { VolserRange } from '../model/volser.js';
import type { Format, Media } from '../world/tape/media.js';
import type { ClusterRef, Named } from './cursor.js';
import type { DasdCommandArgs } from './dasd-commands.js';
import type { InventoryColumns } from '../inventory/csv.js';

type Range = VolserRange & { col: number };

export interface CommandArgs extends DasdCommandArgs {
  SEED: { seed: number };
  CLOCK: { time: number };
  GRID: { name: string };
  SAMPLE: { sample: Named };
  LOAD: { file: string; col: number };
  SITE: { site: string };
  CLUSTER: { cluster: Named; site: Named; model: 'DISK' | 'TAPE'; cache: number | null; drives: number | null; ioStation: boolean; code: string | null };
  LINK: { a: ClusterRef; b: ClusterRef; count: number | null; gbps: number | null };
  HOST: { host: Named; site: Named; role: 'PRODUCTION' | 'DR'; devices: ClusterRef[]; paths: number };
  DEVSUP: { host: Named; scratch: number | null; private: number | null; error: number | null };
  VARY: { host: Named; cluster: ClusterRef; online: boolean };
  MC: { mc: Named; modes: string; modesCol: number; secondaryPool: number | null; preference: 'PG0' | 'PG1' };
  CATEGORY: { category: number; scratch: boolean; expireHold: number };
  INSERT: { range: Range; cluster: ClusterRef; category: number | null };
  PRELOAD: { range: Range; cluster: ClusterRef; mc: Named; size: number; category: number | null };
  MOUNT: { volser: Named | null; cluster: ClusterRef; host: Named; mc: Named | null; category: number | null };
  WRITE: { volser: Named; size: number; host: Named | null };
  READ: { volser: Named; host: Named | null };
  DEMOUNT: { volser: Named; host: Named | null };
  JOB_WRITE: { host: Named; count: number; cluster: ClusterRef; mc: Named | null; size: number | null; category: number | null; over: number | null };
  JOB_READ: { host: Named; range: Range; cluster: ClusterRef };
  RETURN: { range: Range; category: number | null; host: Named | null };
  CHANGE: { volser: Named; category: number | null; mc: Named | null; host: Named | null };
  /** IMPORT INVENTORY <name>: a volume inventory kept with the grid; the validator reads it into `data` */
  IMPORT_INVENTORY: { file: string; col: number; data: InventoryColumns | null };
  FAIL: { what: 'CLUSTER' | 'LINK' | 'HOSTLINK' | 'SITE' | 'TSSC'; cluster: ClusterRef | null; peer: ClusterRef | null; host: Named | null; site: Named | null; one: boolean };
  REPAIR: { what: 'CLUSTER' | 'LINK' | 'HOSTLINK' | 'SITE' | 'TSSC'; cluster: ClusterRef | null; peer: ClusterRef | null; host: Named | null; site: Named | null; one: boolean };
  SERVICE: { cluster: ClusterRef; phase: 'PREP' | 'ON' | 'OFF' };
  TAKEOVER: { survivor: ClusterRef; failed: ClusterRef; mode: 'READ' | 'WRITE' | 'NONE' };
  AOTM: { cluster: ClusterRef; on: boolean; mode: 'READ' | 'WRITE' | null; grace: number | null };
  ADVANCE: { duration: number | null };
  WRITEPROTECT: { cluster: ClusterRef; on: boolean; ignoreFastReady: boolean };
  EXCLUDE: { cluster: ClusterRef; categories: number[] };
  DRIVES: { cluster: ClusterRef; available: number; type: Format | null };
  DRSETUP: { library: Named; family: Named; action: 'ADD' | 'REMOVE' | 'WP' | 'FLASH' | 'LIVECOPY'; cluster: ClusterRef | null; value: string | null };
  SHOW_DRFAMILY: { family: Named };
  SHOW_READINESS: { family: Named; cluster: ClusterRef | null };
  SHOW_GRID: { at: number | null };
  SHOW_CLUSTER: { cluster: ClusterRef };
  SHOW_VOLUME: { volser: Named; at: number | null; on: Named | null };
  SHOW_QUEUE: { cluster: ClusterRef };
  SHOW_RESULT: Record<string, never>;
  // Copy Export and Copy Export Recovery (spec §8; Redbook §11.5–11.7)
  POOL: { cluster: ClusterRef; pool: number; media: Media | null; format: Format | null; copyExport: boolean; reclaimPool: number | null; scratch: number | null; encrypt: string | null };
  EXPORTLIST: { volser: Named; cluster: ClusterRef; pool: number; eject: boolean; lmtdbpvl: boolean; mc: Named | null };
  LIBRARY_EXPORT: { volser: Named; cancel: boolean };
  COPYEXP: { library: Named; pvol: Named; action: 'DELETE' | 'RECLAIM' };
  PDRIVE: { library: Named };
  POOLCNT: { library: Named };
  SETTING: { cluster: ClusterRef; setting: 'COPYEXPORTLIMIT'; value: number };
  IOSTATION: { cluster: ClusterRef; full: boolean };
  EJECT: { cluster: ClusterRef };
  RECLAIM: { cluster: ClusterRef; pool: number; threshold: number | null };
  PVOL: { pvol: Named; state: 'UNAVAILABLE' | 'READONLY' | 'AVAILABLE' };
  STANDALONE: { name: Named; drives: number; formats: Format[] | null; code: string | null; keys: string[]; slots: number | null; partition: string[] };
  TRANSPORT: { cluster: ClusterRef | null; range: Range | null; target: ClusterRef };
  SAVE_EXPORTSET: { cluster: ClusterRef; file: string; col: number };
  LOAD_EXPORTSET: { file: string; col: number; target: Named };
  ERASE: { target: Named };
  RECOVER: { target: Named; from: Named | null; testMode: boolean };
  RESTART: { cluster: ClusterRef };
  SHOW_EXPORTSTATUS: { volser: Named; volume: Named | null; limit: number | null };
  SHOW_POOL: { cluster: ClusterRef; pool: number };
  SHOW_PVOL: { pvol: Named; on: Named | null };
  SHOW_RECOVERY: { target: Named };
  EXPECT: { path: string; op: ExpectOp; value: unknown; valueText: string };
  EXPECT_MESSAGE: { id: string; absent: boolean };
}

export type ExpectOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'absent';
export type CommandName = keyof CommandArgs;

export type Command = {
  [K in CommandName]: {
    name: K;
    args: CommandArgs[K];
    line: number;
    col: number;
    text: string;
    /** SAMPLE and LOAD: the topology commands they stand for */
    children?: Command[];
  };
}[CommandName];

export type CommandOf<K extends CommandName> = Extract<Command, { name: K }>;
