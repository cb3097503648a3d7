// Shapes of the open results the Copy Export view reads: SHOW EXPORTSTATUS (spec §10 plus the status
// file of Redbook §11.5). Parsed, so a changed engine shows up as an error naming the field.

import { z } from 'zod';

export const exportStatus = z.object({
  volser: z.string(),
  library: z.string().nullable(),
  state: z.string(),
  requested: z.number(),
  exportable: z.number(),
  exported: z.number(),
  stacked: z.number(),
  mbExported: z.number(),
  mbMoved: z.number(),
  completion: z.string().nullable(),
  stackedVolumes: z.array(z.object({ pvol: z.string(), pool: z.number(), mbWritten: z.number(), utilization: z.number(), dbBackup: z.boolean(), location: z.string() })),
  excludedStackedVolumes: z.array(z.object({ pvol: z.string(), reason: z.string() })),
  dbBackupOn: z.array(z.string()),
  statusFile: z.object({ header: z.string(), recordCount: z.number(), records: z.array(z.string()) }),
  exportListFile: z.array(z.string()),
});

export type ExportStatus = z.infer<typeof exportStatus>;
