// The Volumes view's problems in words an operator reads: which filter is wrong and what it takes,
// why the list could not be fetched. Never a validator's pattern, never a field path.

import { ClientError } from '../../api/client';
import type { VolumeFilters } from '../../state/volumes-slice';

/** What is wrong with the filters as typed, or null when they can be sent. */
export function filterProblem(f: VolumeFilters): string | null {
  const search = f.search.trim();
  if (search) {
    if (!/^[A-Za-z0-9-]*$/.test(search)) return 'Volser: use only letters A–Z and digits 0–9, or a range such as A00000-A00099.';
    const dashes = search.split('-').length - 1;
    if (dashes > 1) return 'Volser: a range has one dash, such as A00000-A00099.';
    if (dashes === 0 && search.length > 6) return 'Volser: a volser has at most 6 characters.';
    if (dashes === 1 && search.length > 13) return 'Volser: each end of a range has at most 6 characters, such as A00000-A00099.';
    if (dashes === 1 && (search.startsWith('-') || search.endsWith('-'))) return 'Volser: a range needs both ends, such as A00000-A00099.';
  }
  const category = f.category.trim();
  if (category && !/^[0-9A-Fa-f]{4}$/.test(category)) return 'Category: type 4 hexadecimal digits (0–9, A–F), such as 000F or 0002.';
  if (f.mc.trim().length > 32) return 'MC: a Management Class name has at most 32 characters.';
  return null;
}

/** Why a request failed, for a person: the host's own message when it is one already written for people. */
export function describeError(error: unknown): string {
  if (error instanceof ClientError) {
    if (error.code === 'CONNECTION_LOST' || error.code === 'HOST_ERROR') return 'The console lost its connection to the engine. It reconnects by itself; try again in a moment.';
    if (error.code === 'BAD_REQUEST') return `The engine could not use this filter: ${stripPath(error.message)}.`;
    if (error.code === 'GRID_CHANGED') return 'The grid changed while the file was being written (a command ran or time advanced). Export again to get a consistent list.';
    return `The engine answered: ${stripPath(error.message)}.`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** "query.search: a volser prefix has at most 6 characters" → "a volser prefix has at most 6 characters". */
function stripPath(message: string): string {
  return message
    .replace(/^[\w.[\]]+ (request|response) /, '')
    .replace(/^[\w.[\]]+: /, '')
    .replace(/\.$/, '');
}
