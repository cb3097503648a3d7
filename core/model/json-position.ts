// Where a JSON text goes wrong, as line and column: JSON.parse's messages do not always carry a
// position ("Unexpected end of JSON input", "Unexpected token 'x', … is not valid JSON"), and a file
// refused without one leaves the operator searching. A small scanner walks the grammar (RFC 8259) and
// stops at the first character that cannot continue it. Iterative, so deep nesting cannot overflow.

export interface JsonPosition {
  /** 0-based UTF-16 offset of the offending character (text.length when the text ends too early) */
  offset: number;
  line: number;
  col: number;
}

/** The position of the first syntax error, or null when the text is valid JSON. */
export function jsonErrorPosition(text: string): JsonPosition | null {
  const offset = firstError(text);
  return offset === null ? null : positionOf(text, offset);
}

export function positionOf(text: string, offset: number): JsonPosition {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { offset, line, col: offset - start + 1 };
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

function firstError(s: string): number | null {
  let i = 0;
  const skip = () => {
    while (i < s.length && WS.has(s.charCodeAt(i))) i++;
  };
  // What the scanner expects next: a value, or what may follow inside an open array/object.
  const stack: ('[' | '{')[] = [];
  const literal = (word: string): boolean => {
    for (let k = 0; k < word.length; k++, i++) if (s[i] !== word[k]) return false;
    return true;
  };
  const string = (): boolean => {
    i++; // opening quote
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = s[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) {
            i += 2;
            return false;
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          return false;
        }
      } else i++;
    }
    return false;
  };
  const number = (): boolean => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(i, i + 400));
    if (!m || m[0] === '-' || m[0] === '') return false;
    i += m[0].length;
    return true;
  };
  let state: 'value' | 'member' | 'after' = 'value';
  for (;;) {
    skip();
    if (state === 'value') {
      const c = s[i];
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        skip();
        if (s[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          state = 'after';
        } else state = c === '{' ? 'member' : 'value';
        continue;
      }
      const ok = c === '"' ? string() : c === 't' ? literal('true') : c === 'f' ? literal('false') : c === 'n' ? literal('null') : number();
      if (!ok) return Math.min(i, s.length);
      state = 'after';
    } else if (state === 'member') {
      if (s[i] !== '"' || !string()) return Math.min(i, s.length);
      skip();
      if (s[i] !== ':') return Math.min(i, s.length);
      i++;
      state = 'value';
    } else {
      const open = stack.at(-1);
      if (!open) return i < s.length ? i : null;
      if (s[i] === ',') {
        i++;
        state = open === '{' ? 'member' : 'value';
      } else if (s[i] === (open === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else return Math.min(i, s.length);
    }
  }
}
