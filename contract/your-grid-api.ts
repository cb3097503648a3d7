// Bring your own grid over the contract (issue 14 item 4): check and open a grid file the guided form
// wrote (README "Grid files"), and import a volume inventory from CSV — sent in chunks (a million rows
// is more than one message may carry), checked row by row with the column mapping the operator chose,
// then imported as one journaled IMPORT INVENTORY line whose rows are kept with the grid, so a restart
// or a replay of the journal reads the same rows. contract/api.ts spreads these channels.

import { z } from 'zod';

const uploadId = z.string().regex(/^[a-z0-9-]{1,40}$/, '1-40 lower-case letters, digits or -');
/** one chunk of an uploaded file: well under the 8 MB message limit */
export const MAX_CHUNK_CHARS = 2 * 2 ** 20;
const column = z.number().int().min(0).max(255);

export const inventoryMapping = z.object({ volser: column, category: column.nullable(), mc: column.nullable(), size: column.nullable(), copies: column }).strict();

/** how much of a chosen file the preview reads: the header and the first rows are well within it */
export const PREVIEW_CHARS = 64 * 1024;
const guessed = z.number().int().min(0).nullable();

const rowError = z.object({ row: z.number(), column: z.string(), message: z.string() });

export const inventoryCheck = z.object({
  header: z.array(z.string()),
  /** data rows without an error */
  rows: z.number(),
  errorCount: z.number(),
  /** the first errors, in file order */
  errors: z.array(rowError),
  /** what the good rows add up to */
  summary: z.object({ bytes: z.number(), byCategory: z.record(z.string(), z.number()), byCluster: z.record(z.string(), z.number()) }),
});

export const yourGridChannels = {
  /** a grid file's text → the topology lines it stands for, or the field path at fault */
  'gridfile.check': {
    request: z.object({ text: z.string().max(7 * 2 ** 20) }).strict(),
    response: z.object({ runbook: z.string().nullable(), error: z.string().nullable(), lines: z.number() }),
  },
  /** opens a grid file in the console: the grid is replaced (a backup is taken first) */
  'gridfile.open': {
    request: z.object({ name: z.string().max(255), text: z.string().max(7 * 2 ** 20) }).strict(),
    response: z.object({ ok: z.boolean(), error: z.string().nullable(), lines: z.number() }),
  },
  /** the header and first rows of a chosen file, split as the import will split them, and a mapping guessed from the header names */
  'inventory.preview': {
    request: z.object({ text: z.string().max(PREVIEW_CHARS), rows: z.number().int().min(1).max(100) }).strict(),
    response: z.object({
      header: z.array(z.string()),
      rows: z.array(z.array(z.string())),
      mapping: z.object({ volser: guessed, category: guessed, mc: guessed, size: guessed, copies: guessed }),
    }),
  },
  /** appends a chunk of an inventory file; offset = characters already sent (0 starts over) */
  'inventory.upload': {
    request: z.object({ upload: uploadId, offset: z.number().int().min(0), text: z.string().max(MAX_CHUNK_CHARS) }).strict(),
    response: z.object({ chars: z.number() }),
  },
  /** reads the uploaded inventory with a mapping: row errors, counts; changes nothing */
  'inventory.check': { request: z.object({ upload: uploadId, mapping: inventoryMapping }).strict(), response: inventoryCheck },
  /** imports it: refused whole while any row has an error or a volser is already in the grid */
  'inventory.import': {
    request: z.object({ upload: uploadId, mapping: inventoryMapping }).strict(),
    response: z.object({ line: z.string(), imported: z.number(), journalLength: z.number() }),
  },
} as const;

export type InventoryMappingDto = z.infer<typeof inventoryMapping>;
export type InventoryPreviewDto = z.infer<(typeof yourGridChannels)['inventory.preview']['response']>;
export type InventoryCheckDto = z.infer<typeof inventoryCheck>;
