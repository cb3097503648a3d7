// A file the operator picks in the browser is read only up to its cap + 1 byte (a slice of the
// File), never whole first: the browser-side twin of services/bounded-read.ts (issue 11 item 7).

import { ClientError } from '../api/transport';

/** The file's text; larger than `maxBytes` is refused with one clear message. */
export async function readFileCapped(file: Blob & { name: string }, maxBytes: number): Promise<string> {
  const bytes = await file.slice(0, maxBytes + 1).arrayBuffer();
  if (bytes.byteLength > maxBytes) throw new ClientError('FILE_TOO_LARGE', `${file.name}: larger than ${maxBytes / 2 ** 20} MB: refused`);
  return new TextDecoder().decode(bytes);
}
