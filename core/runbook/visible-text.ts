// Input echoed back to an operator (an error naming a token, a transcript line, a refusal) is shown
// visibly, never interpreted: control characters become escapes such as \x1b (an OSC/CSI sequence
// from a runbook must not retitle or repaint the operator's terminal), and an overlong token is cut
// to its first characters with its size, so a 10 MB token is not echoed whole (issue 11 item 8).

/** C0 except tab, DEL, C1, line/paragraph separators, and the bidi overrides that reorder what is shown. */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** a run of non-space characters longer than this is cut... */
const LONG_TOKEN = 128;
/** ...to this many characters */
export const SHOWN_TOKEN_CHARS = 64;
const LONG_RUN = new RegExp(`\\S{${LONG_TOKEN + 1},}`, 'g');

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
  return text.replace(CONTROL, escapeOne);
}

function cut(run: string): string {
  // Never end inside an escape written by escapeControls (\x1b, \u2028).
  const head = run.slice(0, SHOWN_TOKEN_CHARS).replace(/\\(x[0-9a-f]?|u[0-9a-f]{0,3})$/, '');
  return `${head}… (${utf8Bytes(run)} bytes)`;
}

/**
 * A message that may echo input: control characters escaped, then every run of non-space characters
 * longer than 128 cut to its first 64 and its size. Applying it twice changes nothing more.
 */
export function visibleText(text: string): string {
  const escaped = escapeControls(text);
  return escaped.length > LONG_TOKEN ? escaped.replace(LONG_RUN, cut) : escaped;
}
