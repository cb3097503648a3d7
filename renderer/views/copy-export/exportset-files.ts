// Export-set files for the offline recovery rehearsal (issue 5 item 3): saving one the engine wrote
// on the console's shelf (desktop: native Save dialog through file.save; browser: a download) and
// bringing one in (desktop: native Open dialog; browser: the file's contents uploaded through the API,
// refused above the contract's size cap before it is read).

import { MAX_EXPORTSET_BYTES, type ExportSetEntryDto } from '../../../contract/export-api';
import { client, ClientError } from '../../api/client';
import { readFileCapped } from '../../lib/capped-file';

/** A file name as the shelf (and a SAVE/LOAD EXPORTSET line) accepts it. */
export function shelfName(fileName: string): string {
  const cleaned = fileName
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 64);
  return cleaned || 'exportset.tzset';
}

/** A fresh name for SAVE EXPORTSET: library and simulated time, e.g. `CL2-20260101T0012.tzset`. */
export function suggestedName(library: string, now: string | null): string {
  const stamp = (now ?? '').replace(/[-:]/g, '').replace(/(\d{8}T\d{4}).*$/, '$1');
  return shelfName(`${library}-${stamp || 'set'}.tzset`);
}

/** Saves a shelf entry to the operator's disk; the path on the desktop, the file name in a browser, null when cancelled. */
export async function saveExportSetFile(name: string): Promise<string | null> {
  const { text } = await client().call('exportset.read', { name });
  if (client().kind === 'electron') return (await client().call('file.save', { kind: 'exportset', name, text })).path;
  const url = URL.createObjectURL(new Blob([text], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return name;
}

/** Browser: uploads a chosen file's contents; the engine checks it completely before keeping it. */
export async function uploadExportSetFile(file: File): Promise<ExportSetEntryDto> {
  if (file.size > MAX_EXPORTSET_BYTES) {
    throw new ClientError('EXPORTSET_TOO_LARGE', `${file.name} is ${Math.ceil(file.size / 2 ** 20)} MB: an export set uploaded through the console is at most ${MAX_EXPORTSET_BYTES / 2 ** 20} MB`);
  }
  const text = await readFileCapped(file, MAX_EXPORTSET_BYTES);
  return client().call('exportset.upload', { name: shelfName(file.name), text });
}

/** Desktop: the native Open dialog; null when cancelled. */
export function openExportSetFile(): Promise<ExportSetEntryDto | null> {
  return client().call('exportset.open', {});
}
