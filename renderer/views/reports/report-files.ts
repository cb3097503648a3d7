// Saving a stored report (reports.export): the desktop app writes it through its native Save dialog
// (file.save, a PDF as base64), a browser downloads it; the same paths the DR Families view uses.

import type { Response } from '../../../contract/api';
import { client } from '../../api/client';
import { reportError, tracked } from '../../state/actions';

export type ExportFormat = 'html' | 'pdf' | 'json';

function download(file: Response<'reports.export'>): void {
  const body = file.base64 !== undefined ? Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0)) : (file.text ?? '');
  const url = URL.createObjectURL(new Blob([body], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** What became of the save, in words for the status line; null when it failed (the error is shown). */
export async function saveReport(id: string, format: ExportFormat): Promise<string | null> {
  try {
    const file = await tracked(() => client().call('reports.export', { id, format }));
    if (client().kind !== 'electron') {
      download(file);
      return `Downloaded ${file.name}`;
    }
    const binary = file.base64 !== undefined;
    const { path } = await client().call('file.save', { kind: 'report', name: file.name, text: binary ? file.base64! : (file.text ?? ''), encoding: binary ? 'base64' : 'utf8' });
    return path ? `Saved ${path}` : `Save of ${file.name} cancelled`;
  } catch (error) {
    reportError(error, `saving report ${id} as ${format.toUpperCase()}`);
    return null;
  }
}
