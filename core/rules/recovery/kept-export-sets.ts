// The export sets a journal's LOAD EXPORTSET lines read, kept beside the journal (the grid database's
// settings), so reopening the database replays them without the files (issue 5 item 3: the set moves
// offline; the file may be gone by the next run). The console's export-set shelf keeps its sets under
// the same keys, so either front end reads the other's by name. A name stays bound to the bytes first
// loaded under it: history must read what it read.

import type { ExportSetFiles } from './export-set.js';

/** Small named texts kept with the grid: GridStore's settings, or the console's Settings. */
export interface KeptTexts {
  get(key: string): string | null;
  set(key: string, value: string | null): void;
}

export const keptExportSetKey = (name: string) => `exportset:${name}`;

/** `files` with the export sets it loads kept in `settings`. */
export function keepingExportSets<F extends ExportSetFiles>(files: F, settings: KeptTexts): F & Required<Pick<ExportSetFiles, 'kept'>> {
  return Object.assign(Object.create(files) as F, files, {
    kept: {
      get: (path: string) => settings.get(keptExportSetKey(path)),
      set: (path: string, text: string) => settings.set(keptExportSetKey(path), text),
    },
  });
}
