// The runbook language for the console (issue 14 item 1): the command table's words, syntax and
// summaries for completion and hover help, and VOLSERs by prefix. A prefix is a few code intervals
// (every VOLSER starting with it and L characters long has a code in one), so the lookup is one pass
// over the volumes' code column that stops at the limit: milliseconds over 4 million volumes.

import type { Session } from '../core/session.js';
import type { Request, Response } from '../contract/api.js';
import { SPECS } from '../core/commands/index.js';
import { DOMAINS } from '../core/commands/spec.js';
import { decodeVolser, encodeVolser } from '../core/model/volser.js';

const MAX_VOLSER = 6;
const DEFAULT_LIMIT = 50;

/** The upper-case keywords of a syntax after its leading words: what completion offers on that line. */
export function keywordsOf(syntax: string, words: string): string[] {
  const out: string[] = [];
  for (const token of syntax.slice(words.length).split(/[\s|[\]{},…]+/)) {
    const word = token.replace(/^[^A-Z]+|[^A-Z0-9]+$/g, '');
    if (/^[A-Z][A-Z0-9]+$/.test(word) && !out.includes(word)) out.push(word);
  }
  return out;
}

const COMMAND_DOCS = SPECS.map((s) => ({ words: s.words, syntax: s.syntax, summary: s.summary, domain: DOMAINS[s.domain], keywords: keywordsOf(s.syntax, s.words) }));

/** The VOLSERs starting with `prefix`, sorted; `more` when there were others past the limit. */
export function volsersWithPrefix(session: Session, prefix: string, limit = DEFAULT_LIMIT): { volsers: string[]; more: boolean } {
  const p = prefix.toUpperCase();
  const volumes = session.engine.state.volumes;
  const codes = volumes.cols.code;
  // one interval per length, growing and disjoint: only the last one starting at or below a code can hold it
  const lengths = MAX_VOLSER - p.length + (p === '' ? 0 : 1);
  const lo = new Float64Array(lengths);
  const hi = new Float64Array(lengths);
  const base = p === '' ? 0 : encodeVolser(p);
  for (let i = 0; i < lengths; i++) {
    const scale = 37 ** (i + (p === '' ? 1 : 0));
    lo[i] = base * scale;
    hi[i] = (base + 1) * scale - 1;
  }
  const found: number[] = [];
  let more = false;
  for (let v = 0; v < volumes.count; v++) {
    const code = codes[v] ?? -1;
    let hit = false;
    for (let i = lengths - 1; i >= 0; i--) {
      if (code >= (lo[i] ?? 0)) {
        hit = code <= (hi[i] ?? -1);
        break;
      }
    }
    if (!hit) continue;
    if (found.length === limit) {
      more = true;
      break;
    }
    found.push(code);
  }
  return { volsers: found.map(decodeVolser).sort(), more };
}

export function languageHandlers(session: Session) {
  return {
    'language.commands': (): Response<'language.commands'> => ({ commands: COMMAND_DOCS }),
    'language.volsers': ({ prefix, limit }: Request<'language.volsers'>): Response<'language.volsers'> => volsersWithPrefix(session, prefix, limit ?? DEFAULT_LIMIT),
  };
}
