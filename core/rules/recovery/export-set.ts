// The portable export set as a file: the ejected copy-exported stacked volumes of a cluster, what
// they hold (the database of the export that took each offsite lists its logical volumes) and the
// database backups on them — the medium carried to the recovery site (Redbook §11.5, §11.7.2 step 6).
//
// Layout, three lines:  "TIMEZERO EXPORTSET 1"  /  one line of JSON  /  "SHA256 <hex of the JSON line>".
// Database columns travel as base64 of their little-endian bytes, so a million-volume set stays compact.
// Reading checks the header, the version, the checksum and every field before anything changes.

import { z } from 'zod';
import type { GridState } from '../../world/state.js';
import { refuse } from '../../world/refusal.js';
import { isoTime } from '../../sim/time.js';
import { FORMATS, MEDIA } from '../../world/tape/media.js';
import { removable } from '../physical/io-station.js';
import { DB_COLUMN_NAMES, DB_COLUMNS, sourceTag, type DbColumn } from '../copy-export/db-backup.js';
import { type DbBackup } from '../../world/tape/db-backup.js';
import { bytesOf, fromBase64, sha256Hex, toBase64 } from './encoding.js';
import { jsonErrorPosition } from '../../model/json-position.js';
import { jsonTooDeep, MAX_JSON_DEPTH } from '../../model/json-depth.js';
import { checkLoad, incomingOf, loadCartridges } from './transport.js';
import type { StandaloneLibrary } from '../../world/tape/standalone.js';
import { clusterAt } from '../../model/grid-lookup.js';
import { databaseAt } from '../physical/tape-state.js';

export const EXPORTSET_HEADER = 'TIMEZERO EXPORTSET';
export const EXPORTSET_VERSION = 1;

/** Reads and writes files named in a runbook (the session's FilePort). */
/** the largest export-set file LOAD EXPORTSET reads: refused while reading past it */
export const MAX_EXPORTSET_FILE_BYTES = 64 * 2 ** 20;

export interface ExportSetFiles {
  readText(path: string, maxBytes?: number): string;
  writeText?(path: string, text: string): void;
  /** the bytes each LOAD EXPORTSET read, by name, kept with the journal so a replay needs no file (kept-export-sets.ts) */
  kept?: { get(path: string): string | null; set(path: string, text: string): void };
}

const volser = z.string().regex(/^[A-Z0-9]{1,6}$/);
const pvolSchema = z
  .object({
    volser,
    pool: z.number().int().min(0).max(32),
    media: z.enum(MEDIA),
    format: z.enum(FORMATS),
    encryptKey: z.string().nullable(),
    capacityBytes: z.number().nonnegative(),
    writtenBytes: z.number().nonnegative(),
    activeBytes: z.number().nonnegative(),
    activeCount: z.number().int().nonnegative(),
    exportedAt: z.number().nullable(),
    exportedBytes: z.number().nonnegative(),
    dbBackup: z.number().int().nonnegative().nullable(),
    contentDb: z.number().int().nonnegative().nullable(),
  })
  .strict();
const databaseSchema = z
  .object({
    time: z.number(),
    sourceGrid: z.string().nullable(),
    sourceLibrary: z.string(),
    sourceTag: z.string(),
    sourceCode: z.string(),
    exportListVolser: volser,
    pool: z.number().int(),
    inventory: z.number().int().nonnegative(),
    mcs: z.array(z.object({ name: z.string(), modes: z.array(z.enum(['R', 'D', 'N', 'S'])), secondaryPool: z.number().int().nullable(), preference: z.enum(['PG0', 'PG1']) }).strict()),
    pools: z.array(
      z
        .object({
          number: z.number().int(),
          media: z.enum(MEDIA),
          format: z.enum(FORMATS),
          copyExport: z.boolean(),
          reclaimPool: z.number().int(),
          reclaimThreshold: z.number(),
          encryptKey: z.string().nullable(),
        })
        .strict(),
    ),
    pvols: z.array(z.object({ volser, pool: z.number().int(), media: z.enum(MEDIA), format: z.enum(FORMATS), encryptKey: z.string().nullable(), exportedAt: z.number().nullable() }).strict()),
    count: z.number().int().nonnegative(),
    columns: z.record(z.string(), z.string()),
  })
  .strict();
const bodySchema = z
  .object({
    format: z.literal('timezero-exportset'),
    version: z.literal(EXPORTSET_VERSION),
    savedAt: z.string(),
    source: z.object({ grid: z.string().nullable(), library: z.string(), tag: z.string(), code: z.string() }).strict(),
    pvols: z.array(pvolSchema),
    databases: z.array(databaseSchema),
  })
  .strict();

/** SAVE EXPORTSET FROM <cl> <file>. */
export function saveExportSet(state: GridState, cluster: number, file: string, files: ExportSetFiles | null) {
  if (!files?.writeText) refuse('NO_FILE_SYSTEM', 'SAVE EXPORTSET needs a file system: not available here');
  const lib = state.tape.libraries[cluster];
  if (!lib) refuse('NOT_TAPE_ATTACHED', `${clusterAt(state, cluster).name} is disk-only: it exports nothing`);
  const pvols = lib.pvols.filter((p) => p.state === 'copy-exported' && removable(p));
  if (pvols.length === 0) refuse('NOTHING_TO_SAVE', `${lib.name} has no ejected copy-exported stacked volume`);
  const dbIds: number[] = [];
  const dbIndex = (id: number | null) => {
    if (id === null) return null;
    let k = dbIds.indexOf(id);
    if (k < 0) k = dbIds.push(id) - 1;
    return k;
  };
  const pvolRecords = pvols.map((p) => {
    const inc = incomingOf(state, cluster, p);
    return {
      volser: inc.volser,
      pool: inc.pool,
      media: inc.media,
      format: inc.format,
      encryptKey: inc.encryptKey,
      capacityBytes: inc.capacityBytes,
      writtenBytes: inc.writtenBytes,
      activeBytes: inc.activeBytes,
      activeCount: inc.activeCount,
      exportedAt: inc.exportedAt,
      exportedBytes: inc.exportedBytes,
      dbBackup: dbIndex(inc.dbBackup),
      contentDb: dbIndex(inc.contentDb),
    };
  });
  const databases = dbIds.map((id) => {
    const db = databaseAt(state, id);
    const columns: Record<string, string> = {};
    for (const name of DB_COLUMN_NAMES) columns[name] = toBase64(bytesOf(db[name]));
    return {
      time: db.time,
      sourceGrid: db.sourceGrid,
      sourceLibrary: db.sourceLibrary,
      sourceTag: db.sourceTag,
      sourceCode: db.sourceCode,
      exportListVolser: db.exportListVolser,
      pool: db.pool,
      inventory: db.inventory,
      mcs: db.mcs,
      pools: db.pools,
      pvols: db.pvols,
      count: db.volser.length,
      columns,
    };
  });
  const body = JSON.stringify({
    format: 'timezero-exportset',
    version: EXPORTSET_VERSION,
    savedAt: isoTime(state.now),
    source: { grid: state.name, library: lib.name, tag: sourceTag(state, cluster), code: clusterAt(state, cluster).code },
    pvols: pvolRecords,
    databases,
  });
  const digest = sha256Hex(body);
  const text = `${EXPORTSET_HEADER} ${EXPORTSET_VERSION}\n${body}\nSHA256 ${digest}\n`;
  files.writeText(file, text);
  return {
    file,
    library: lib.name,
    pvols: pvols.map((p) => p.volser),
    databases: databases.length,
    logicalVolumes: pvols.reduce((n, p) => n + p.activeCount, 0),
    bytes: text.length,
    sha256: digest,
  };
}

function bad(file: string, why: string): never {
  refuse('BAD_EXPORTSET', `${file}: ${why}; nothing was loaded`);
}

/** Reads and checks an export-set file completely; refuses a corrupt, truncated or foreign one. */
export function readExportSet(file: string, text: string) {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const header = lines[0] ?? '';
  const match = /^TIMEZERO EXPORTSET (\d+)$/.exec(header);
  if (!match) bad(file, `not a TimeZero export set (first line '${header.slice(0, 40)}')`);
  if (Number(match[1]) !== EXPORTSET_VERSION) bad(file, `export set version ${match[1]}, this build reads version ${EXPORTSET_VERSION}`);
  if (lines.length < 3) bad(file, 'truncated: the checksum line is missing');
  if (lines.length > 3) bad(file, `${lines.length} lines, an export set has 3`);
  const [, bodyLine = '', sumLine = ''] = lines;
  const sum = /^SHA256 ([0-9a-f]{64})$/.exec(sumLine);
  if (!sum) bad(file, 'truncated or damaged checksum line');
  if (sha256Hex(bodyLine) !== sum[1]) bad(file, 'checksum mismatch: the file is corrupt');
  const deep = jsonTooDeep(bodyLine);
  if (deep) bad(file, `body nested deeper than ${MAX_JSON_DEPTH} levels at line 2, column ${deep.col}: refused before parsing`);
  let json: unknown;
  try {
    json = JSON.parse(bodyLine);
  } catch (error) {
    const at = jsonErrorPosition(bodyLine);
    bad(file, `body is not JSON${at ? ` at line 2, column ${at.col}` : ''} (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    bad(file, issue ? `${issue.path.join('.') || '(body)'}: ${issue.message}` : '(body): not an export set body');
  }
  const body = parsed.data;
  const databases = body.databases.map((d, i): Omit<DbBackup, 'id'> => {
    const column = <T extends ArrayBufferView>(name: DbColumn, Type: { new (n: number): T; BYTES_PER_ELEMENT: number }): T => {
      const encoded = d.columns[name];
      if (encoded === undefined) bad(file, `databases.${i}.columns.${name} is missing`);
      const bytes = fromBase64(encoded);
      if (!bytes || bytes.length !== d.count * Type.BYTES_PER_ELEMENT) bad(file, `databases.${i}.columns.${name}: not ${d.count} values`);
      const out = new Type(d.count);
      new Uint8Array(out.buffer).set(bytes);
      return out;
    };
    const columns: Pick<DbBackup, DbColumn> = {
      volser: column('volser', DB_COLUMNS.volser),
      level: column('level', DB_COLUMNS.level),
      tapeLevel: column('tapeLevel', DB_COLUMNS.tapeLevel),
      sizeBytes: column('sizeBytes', DB_COLUMNS.sizeBytes),
      category: column('category', DB_COLUMNS.category),
      mc: column('mc', DB_COLUMNS.mc),
      pvol: column('pvol', DB_COLUMNS.pvol),
    };
    const stray = columns.pvol.findIndex((p) => p < 0 || p >= d.pvols.length);
    if (stray >= 0) bad(file, `databases.${i}: volume ${stray} names no stacked volume`);
    const { count: _count, columns: _columns, ...meta } = d;
    return { ...meta, ...columns };
  });
  for (const [i, p] of body.pvols.entries()) {
    for (const ref of [p.dbBackup, p.contentDb]) if (ref !== null && ref >= databases.length) bad(file, `pvols.${i}: database ${ref} is not in the file`);
  }
  return { body, databases };
}

/**
 * LOAD EXPORTSET <file> INTO <standalone>. Where the port keeps what it loads, a replay reads the kept
 * bytes (the file may be gone or changed since), a live load of a name already kept must find the
 * same bytes, and a vanished file is read from the kept copy.
 */
export function loadExportSet(state: GridState, file: string, sa: StandaloneLibrary, files: ExportSetFiles | null, replaying = false) {
  if (!files) refuse('NO_FILE_SYSTEM', 'LOAD EXPORTSET needs a file system: not available here');
  const kept = files.kept?.get(file) ?? null;
  let text: string;
  if (replaying && kept !== null) text = kept;
  else {
    try {
      text = files.readText(file, MAX_EXPORTSET_FILE_BYTES);
    } catch (error) {
      // The error's code (ENOENT …), not its message: that names the absolute path, which differs per
      // machine, and transcripts must be the same everywhere (spec §1).
      const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
      // A file over the cap says so (its message names no path).
      if (kept === null) refuse('NO_FILE', `cannot read ${file}: ${typeof code === 'string' && code !== 'EFBIG' ? code : error instanceof Error ? error.message : String(error)}`);
      text = kept;
    }
  }
  const { body, databases } = readExportSet(file, text);
  if (!replaying && kept !== null && kept !== text) {
    refuse('EXPORTSET_CHANGED', `${file} is not the export set loaded under that name before, which this database keeps and replays: load the new one under another name`);
  }
  checkLoad(sa, body.pvols.length);
  // The file's databases join the grid's in order: the file's database k becomes firstId + k.
  const firstId = state.tape.databases.length;
  for (const db of databases) state.tape.databases.push({ ...db, id: state.tape.databases.length });
  const idOf = (k: number | null) => (k === null ? null : firstId + k);
  const result = loadCartridges(
    sa,
    body.pvols.map((p) => ({ ...p, dbBackup: idOf(p.dbBackup), contentDb: idOf(p.contentDb), source: body.source.tag })),
  );
  if (!replaying && kept === null) files.kept?.set(file, text);
  return { ...result, file, source: body.source.library, grid: body.source.grid, savedAt: body.savedAt, databases: databases.length };
}
