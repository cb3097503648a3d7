// Bring your own grid (contract/your-grid-api.ts): grid files from the guided form, checked and opened,
// and volume inventories from CSV. An inventory arrives in chunks, is read by core/inventory with the
// operator's column mapping (row and column named for every bad field), and is imported only when
// every row is good and no volser is already in the grid: its rows, normalized, are kept with the grid
// (the database's settings when there is one) under a name made from their SHA-256, and one line
// `IMPORT INVENTORY <name>` runs through the session — journaled, so a restart or a replay of the
// journal reads the very same rows. Bad input changes nothing: the grid, the journal, the kept rows.

import { createHash } from 'node:crypto';
import type { Response } from '../contract/api.js';
import type { InventoryMappingDto } from '../contract/your-grid-api.js';
import { guessMapping, keptInventoryText, parseInventorySteps, previewCsv, type InventoryColumns, type InventoryNames } from '../core/inventory/csv.js';
import { hex4 } from '../core/model/grid.js';
import { gridFileToRunbook } from '../core/model/grid-file.js';
import { decodeVolser } from '../core/model/volser.js';
import type { FilePort } from '../core/runbook/validate.js';
import type { RunRecord, Session } from '../core/session.js';
import type { Command } from '../core/runbook/commands.js';
import type { Settings } from './dr-service.js';
import { fail } from './errors.js';

const KEY = (name: string) => `inventory:${name}`;
/** an upload held in memory until checked or imported: a 4,000,000-row file is about 160 MB */
const MAX_UPLOAD_CHARS = 256 * 2 ** 20;
const MAX_UPLOADS = 2;
const SHOWN_ERRORS = 200;

/** `files` that also read the inventories kept with the grid (what IMPORT INVENTORY lines name). */
export function withInventories<F extends FilePort>(files: F, settings: Settings): F {
  return {
    ...files,
    readText(path: string) {
      const kept = /^inventory-[0-9a-f]{16}\.csv$/.test(path) ? settings.get(KEY(path)) : null;
      return kept ?? files.readText(path);
    },
  };
}

export interface YourGridHooks {
  progress(label: string, done: number, total: number): void;
  changed(): void;
  openGridFile(name: string, text: string): Promise<{ ok: boolean; error: string | null; lines: number }>;
  /** runs one command in slices with its progress under `label`, cancellable: null when work.cancel undid it */
  runLine(command: Command, source: string, label: string): Promise<RunRecord | null>;
}

export function yourGridService(session: Session, settings: Settings, hooks: YourGridHooks) {
  const uploads = new Map<string, string[]>();
  const sizes = new Map<string, number>();

  function text(upload: string): string {
    const chunks = uploads.get(upload);
    if (!chunks) fail('NO_SUCH_UPLOAD', `upload: nothing was uploaded as ${upload}`);
    if (chunks.length > 1) uploads.set(upload, [chunks.join('')]);
    return uploads.get(upload)![0] ?? '';
  }

  function names(): InventoryNames {
    const s = session.engine.state;
    return { clusters: s.clusters.map((c) => c.name), mcs: s.mcs.map((m) => m.name) };
  }

  // The last check, reused by an import of the same upload and mapping while the grid has not changed.
  let lastRead: { key: string; result: Awaited<ReturnType<typeof readNow>> } | null = null;

  async function read(upload: string, mapping: InventoryMappingDto) {
    const key = `${upload}|${JSON.stringify(mapping)}|${session.journal.length}|${sizes.get(upload)}`;
    if (lastRead?.key === key) return lastRead.result;
    const result = await readNow(upload, mapping);
    lastRead = { key, result };
    return result;
  }

  async function readNow(upload: string, mapping: InventoryMappingDto) {
    if (!session.engine.state.name) fail('NO_GRID', 'no grid is loaded: open or describe one before importing volumes');
    const csv = text(upload);
    const label = 'inventory check';
    // Read in steps, letting each progress event out to the console before the next step.
    const steps = parseInventorySteps(csv, mapping, names());
    let step = steps.next();
    while (!step.done) {
      hooks.progress(label, step.value, csv.length);
      await new Promise((resolve) => setImmediate(resolve));
      step = steps.next();
    }
    const parsed = step.value;
    // Rows the grid already holds: named like any other bad field.
    const volumes = session.engine.state.volumes;
    const c = parsed.columns;
    const column = parsed.header[mapping.volser] ?? 'volser';
    let existing = 0;
    for (let i = 0; i < c.count; i++) {
      if (volumes.findCode(c.code[i]!) < 0) continue;
      existing++;
      if (parsed.errors.length < SHOWN_ERRORS) parsed.errors.push({ row: c.row[i]!, column, message: `${decodeVolser(c.code[i]!)} is already in the grid` });
    }
    parsed.errors.sort((a, b) => a.row - b.row);
    return { parsed, existing };
  }

  const handlers = {
    'gridfile.check': ({ text: file }: { text: string }): Response<'gridfile.check'> => {
      const converted = gridFileToRunbook(file);
      if (typeof converted !== 'string') return { runbook: null, error: `${converted.path}: ${converted.message}`, lines: 0 };
      const validated = session.validate(converted);
      const e = validated.errors[0];
      if (e) return { runbook: converted, error: `line ${e.line}: ${e.message}`, lines: validated.commands.length };
      return { runbook: converted, error: null, lines: validated.commands.length };
    },
    'gridfile.open': ({ name, text: file }: { name: string; text: string }) => hooks.openGridFile(name, file),
    'inventory.preview': ({ text: head, rows }: { text: string; rows: number }): Response<'inventory.preview'> => {
      const preview = previewCsv(head, rows);
      const guess = guessMapping(preview.header);
      return {
        ...preview,
        mapping: { volser: guess.volser ?? null, category: guess.category ?? null, mc: guess.mc ?? null, size: guess.size ?? null, copies: guess.copies ?? null },
      };
    },
    'inventory.upload': ({ upload, offset, text: chunk }: { upload: string; offset: number; text: string }): Response<'inventory.upload'> => {
      if (offset === 0) {
        lastRead = null;
        uploads.delete(upload);
        sizes.delete(upload);
        while (uploads.size >= MAX_UPLOADS) {
          const oldest = uploads.keys().next().value!;
          uploads.delete(oldest);
          sizes.delete(oldest);
        }
        uploads.set(upload, []);
        sizes.set(upload, 0);
      }
      const held = sizes.get(upload);
      if (held === undefined) fail('NO_SUCH_UPLOAD', `upload: ${upload} was not started (send offset 0 first)`);
      if (offset !== held) fail('BAD_OFFSET', `offset: ${offset}, but ${held} characters of ${upload} have arrived`);
      if (held + chunk.length > MAX_UPLOAD_CHARS) fail('UPLOAD_TOO_LARGE', `upload: more than ${MAX_UPLOAD_CHARS / 2 ** 20} M characters`);
      uploads.get(upload)!.push(chunk);
      sizes.set(upload, held + chunk.length);
      return { chars: held + chunk.length };
    },
    'inventory.check': async ({ upload, mapping }: { upload: string; mapping: InventoryMappingDto }): Promise<Response<'inventory.check'>> => {
      const { parsed, existing } = await read(upload, mapping);
      return {
        header: parsed.header,
        rows: parsed.columns.count - existing,
        errorCount: parsed.errorCount + existing,
        errors: parsed.errors.slice(0, SHOWN_ERRORS),
        summary: summarize(parsed.columns, names()),
      };
    },
    'inventory.import': async ({ upload, mapping }: { upload: string; mapping: InventoryMappingDto }): Promise<Response<'inventory.import'>> => {
      const { parsed, existing } = await read(upload, mapping);
      const errors = parsed.errorCount + existing;
      if (errors > 0) {
        const e = parsed.errors[0]!;
        fail('BAD_INVENTORY', `${errors} row error(s), nothing imported; the first: row ${e.row}, column ${e.column || '(row)'}: ${e.message}`);
      }
      const keptText = keptInventoryText(text(upload), mapping);
      const name = `inventory-${createHash('sha256').update(keptText).digest('hex').slice(0, 16)}.csv`;
      // Kept before the line runs (a replay needs it); a name is bound to its bytes for good.
      if (settings.get(KEY(name)) === null) settings.set(KEY(name), keptText);
      const line = `IMPORT INVENTORY ${name}`;
      const validated = session.validate(line);
      const e = validated.errors[0];
      if (e) fail('BAD_INVENTORY', `${line}: ${e.message}`);
      // Rows in slices with their progress; a Cancel undoes the import whole (nothing of it is journaled).
      const record = await hooks.runLine(validated.commands[0]!, 'inventory', 'inventory import');
      if (!record) fail('CANCELLED', `${line}: cancelled, nothing was imported`);
      hooks.changed();
      if (!record.ok) fail(record.error!.code, record.error!.message);
      uploads.delete(upload);
      sizes.delete(upload);
      lastRead = null;
      return { line, imported: (record.result as { imported: number }).imported, journalLength: session.journal.length };
    },
  };
  return { handlers };
}

function summarize(c: InventoryColumns, n: InventoryNames) {
  let bytes = 0;
  const byCategory: Record<string, number> = {};
  const byCluster: Record<string, number> = Object.fromEntries(n.clusters.map((x) => [x, 0]));
  for (let i = 0; i < c.count; i++) {
    bytes += c.sizeBytes[i]!;
    const cat = hex4(c.category[i]!);
    byCategory[cat] = (byCategory[cat] ?? 0) + 1;
    for (let x = 0; x < n.clusters.length; x++) if (c.copies[i]! & (1 << x)) byCluster[n.clusters[x]!]!++;
  }
  return { bytes, byCategory, byCluster };
}
