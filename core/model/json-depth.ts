// How deeply a JSON text nests, found by one linear scan before JSON.parse sees it: brackets are
// counted outside strings only. JSON.parse and the schema walk after it take seconds on an 8 MB
// text nested millions deep (issue 11 item 8: a WebSocket frame blocked the server ~4.5 s before
// its refusal); no file or message TimeZero reads needs more than a few levels.

/** the deepest nesting any TimeZero JSON (grid files, export sets, IPC requests) is allowed */
export const MAX_JSON_DEPTH = 64;

export interface TooDeep {
  /** 0-based character offset of the bracket that went past the limit */
  offset: number;
  line: number;
  col: number;
  message: string;
}

/** null when `text` nests at most `limit` levels; otherwise where it went deeper. Malformed JSON is left to JSON.parse. */
export function jsonTooDeep(text: string, limit = MAX_JSON_DEPTH): TooDeep | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return tooDeep(text, i, limit);
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}

function tooDeep(text: string, offset: number, limit: number): TooDeep {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const col = offset - lineStart + 1;
  return { offset, line, col, message: `nested deeper than ${limit} levels at line ${line}, column ${col}: refused before parsing` };
}
