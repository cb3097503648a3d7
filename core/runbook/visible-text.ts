// Input echoed back to an operator (an error naming a token, a transcript line, a refusal) is shown
// visibly, never interpreted: control characters become escapes such as \x1b (an OSC/CSI sequence
// from a runbook must not retitle or repaint the operator's terminal), and an overlong token is cut
// to its first characters with its size, so a 10 MB token is not echoed whole (issue 11 item 8).

/** C0 except tab, DEL, C1, line/paragraph separators, and the bidi overrides that reorder what is shown. */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** a run of non-space characters longer than this is cut... */
export const LONG_TOKEN = 128;
/** ...to this many characters */
export const SHOWN_TOKEN_CHARS = 64;
/**
 * For the engine's own messages, which may quote a result as compact JSON: only a run this long
 * is taken for an echoed token and cut.
 */
export const LONG_MESSAGE_TOKEN = 2048;

function escapeOne(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** UTF-8 size without encoding a possibly huge string. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** `text` with every control character shown as an escape (tab kept). */
export function escapeControls(text: string): string {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return text;
  CONTROL.lastIndex = 0;
  return text.replace(CONTROL, escapeOne);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function cut(run: string): string {
  // Never end inside an escape written by escapeControls (\x1b, \u2028).
  const head = run.slice(0, SHOWN_TOKEN_CHARS).replace(/\\(x[0-9a-f]?|u[0-9a-f]{0,3})$/, '');
  return `${head}… (${utf8Bytes(run)} bytes)`;
}

/**
 * A message that may echo input: control characters escaped, then every run of non-space characters
 * longer than `longToken` (128) cut to its first 64 and its size. Applying it twice changes nothing
 * more. One linear pass (a regular expression over a 10 MB run overflows the stack).
 */
export function visibleText(text: string, longToken = LONG_TOKEN): string {
  const escaped = escapeControls(text);
  if (escaped.length <= longToken) return escaped;
  let out = '';
  let kept = 0;
  let start = -1;
  for (let i = 0; i <= escaped.length; i++) {
    const space = i === escaped.length || isSpace(escaped.charCodeAt(i));
    if (!space) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start > longToken) {
        out += escaped.slice(kept, start) + cut(escaped.slice(start, i));
        kept = i;
      }
      start = -1;
    }
  }
  return kept === 0 ? escaped : out + escaped.slice(kept);
}
