// Backups of the grid database over the contract: the list, and a restore that replaces the grid
// with a backup's (services/backup-service.ts). contract/api.ts spreads these channels into its table.

import { z } from 'zod';

/** A backup file's name as the service lists it; nothing else (no path) is accepted. */
export const backupName = z.string().regex(/^[A-Za-z0-9_-]+-\d{8}T\d{9}Z-\d{3}-[a-z-]+\.db$/, 'a backup name from backup.list');

export const backupEntry = z.object({
  name: z.string(),
  /** what it was taken before: new-grid, sample, grid-file, erase, recover, load-exportset, before-restore */
  reason: z.string(),
  createdAt: z.string(),
  bytes: z.number(),
  /** journaled commands it holds, and the last one */
  commands: z.number(),
  lastCommand: z.string().nullable(),
  readable: z.boolean(),
});

export const backupChannels = {
  /** newest first; persistent false (memory mode) lists none */
  'backup.list': {
    request: z.object({}).strict(),
    response: z.object({ persistent: z.boolean(), dir: z.string().nullable(), keep: z.number(), backups: z.array(backupEntry) }),
  },
  /** replaces the grid with the backup's, after backing up the present (safety) */
  'backup.restore': {
    request: z.object({ name: backupName }).strict(),
    response: z.object({ restored: backupEntry, safety: backupEntry, journalLength: z.number() }),
  },
} as const;

export type BackupEntryDto = z.infer<typeof backupEntry>;
