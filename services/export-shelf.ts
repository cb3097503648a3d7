// The export-set shelf: the console's file port for SAVE EXPORTSET and LOAD EXPORTSET (spec §8). The
// console has no folder of its own, so an export set the engine writes, or one the operator uploads
// (web) or opens (desktop), is kept here under a plain name — in the grid database's settings when
// there is one, so a LOAD EXPORTSET line in the journal replays after a restart and on the timeline.
// For the same reason a name is never rebound to other contents: history must read what it read.

import { refuse, Refusal } from '../core/world/refusal.js';
import { readExportSet } from '../core/rules/recovery/export-set.js';
import { keptExportSetKey } from '../core/rules/recovery/kept-export-sets.js';
import type { FilePort } from '../core/runbook/validate.js';
import { exportSetName, type ExportSetEntryDto } from '../contract/export-api.js';
import type { Settings } from './dr-service.js';
import { errorMessage } from '../core/error-text.js';
import { z } from 'zod';
import { exportSetEntry } from '../contract/export-api.js';

const INDEX_KEY = 'exportsets';
/** The same keys the CLI keeps its loaded export sets under: either front end reads the other's by name. */
const FILE_KEY = keptExportSetKey;
/** What the shelf keeps in all: export sets live in the grid database beside its journal. */
export const SHELF_LIMIT_BYTES = 64 * 2 ** 20;

export type ShelfOrigin = ExportSetEntryDto['origin'];

export interface ExportSetShelf extends FilePort {
  list(): ExportSetEntryDto[];
  entry(name: string): ExportSetEntryDto | null;
  /** the text of a set on the shelf; refuses an unknown name */
  text(name: string): string;
  /**
   * Checks an incoming file completely (header, version, checksum, every field) and keeps it; a
   * corrupt or truncated one is refused and nothing changes. Another file under a taken name is
   * kept under the next free name (`name-2.tzset`).
   */
  put(name: string, text: string, origin: ShelfOrigin): ExportSetEntryDto;
}

/** The shelf over `settings`; names not on it are read from `inner` when there is one. */
export function exportSetShelf(inner: FilePort | null, settings: Settings): ExportSetShelf {
  const load = (): ExportSetEntryDto[] => {
    const text = settings.get(INDEX_KEY);
    if (!text) return [];
    try {
      const parsed = z.array(exportSetEntry).safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : [];
    } catch {
      return []; // a damaged index lists nothing; the files themselves stay readable by name
    }
  };
  let index = load();

  function checkName(name: string): void {
    if (!exportSetName.safeParse(name).success) refuse('BAD_FILE_NAME', `'${name.slice(0, 80)}' is not an export-set name: 1-64 letters, digits or ._-`);
  }

  function describe(name: string, text: string, origin: ShelfOrigin): ExportSetEntryDto {
    const { body } = readExportSet(name, text);
    const sum = /\nSHA256 ([0-9a-f]{64})/.exec(text)?.[1] ?? '';
    return {
      name,
      bytes: Buffer.byteLength(text, 'utf8'),
      sha256: sum,
      library: body.source.library,
      grid: body.source.grid,
      savedAt: body.savedAt,
      stackedVolumes: body.pvols.length,
      databases: body.databases.length,
      origin,
    };
  }

  /** The name to keep `text` under, and whether it is already kept there (the same file again). */
  function freeName(name: string, text: string): { name: string; kept: boolean } {
    for (let k = 1; k < 1000; k++) {
      const candidate = k === 1 ? name : name.replace(/(\.[A-Za-z0-9]+)?$/, (ext) => `-${k}${ext}`);
      const held = settings.get(FILE_KEY(candidate));
      if (held === null || held === text) return { name: candidate, kept: held !== null };
    }
    refuse('EXPORTSET_EXISTS', `too many export sets named like ${name}`);
  }

  function keep(name: string, text: string, origin: ShelfOrigin): ExportSetEntryDto {
    const entry = describe(name, text, origin);
    const used = index.reduce((n, e) => n + e.bytes, 0);
    if (used + entry.bytes > SHELF_LIMIT_BYTES) {
      refuse('SHELF_FULL', `the console keeps up to ${SHELF_LIMIT_BYTES / 2 ** 20} MB of export sets and holds ${Math.ceil(used / 2 ** 20)} MB: ${name} does not fit`);
    }
    settings.set(FILE_KEY(name), text);
    index = [...index.filter((e) => e.name !== name), entry];
    settings.set(INDEX_KEY, JSON.stringify(index));
    return entry;
  }

  return {
    readText(path, maxBytes) {
      const text = settings.get(FILE_KEY(path));
      if (text !== null) return text;
      if (inner) return inner.readText(path, maxBytes);
      throw new Error(`no export set named ${path}: save one (SAVE EXPORTSET), upload or open one first`);
    },
    writeText(path, text) {
      // SAVE EXPORTSET: the engine wrote it; a taken name with other contents is refused, not rebound.
      checkName(path);
      const held = settings.get(FILE_KEY(path));
      if (held === text) return;
      if (held !== null) refuse('EXPORTSET_EXISTS', `an export set named ${path} is already kept: save under another name`);
      try {
        keep(path, text, 'saved');
      } catch (error) {
        if (error instanceof Refusal) throw error;
        throw new Refusal('BAD_EXPORTSET', `${path}: ${errorMessage(error)}`);
      }
    },
    list: () => [...index].sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : a.name < b.name ? -1 : 1)),
    entry: (name) => index.find((e) => e.name === name) ?? null,
    text(name) {
      checkName(name);
      const text = settings.get(FILE_KEY(name));
      if (text === null) refuse('NO_SUCH_EXPORTSET', `no export set named ${name}`);
      return text;
    },
    put(name, text, origin) {
      checkName(name);
      // Checked before anything is kept: a corrupt or truncated file changes nothing (issue 5 item 3).
      readExportSet(name, text);
      const target = freeName(name, text);
      const kept = target.kept ? index.find((e) => e.name === target.name) : undefined;
      return kept ?? keep(target.name, text, origin);
    },
  };
}
