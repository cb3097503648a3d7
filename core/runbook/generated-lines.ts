// The one place generated runbook lines (grid files, DR wizard steps) become runbook text. Each line
// must stay one line of printable text: a line break or any other control character smuggled in
// through a field would add commands the operator never saw (issue 11: a grid file's cluster code
// "1\nFAIL SITE PROD" ran FAIL SITE). The field checks refuse such input first; this guard holds
// even for a field added later without a pattern.

/** C0 controls (tab included: generated lines separate tokens with spaces), DEL, C1 controls, and the Unicode line/paragraph separators. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export interface GeneratedLineProblem {
  /** 0-based index of the offending line */
  index: number;
  message: string;
}

/** Joins generated lines into runbook text, or names the first line holding a control character. */
export function joinGeneratedLines(lines: readonly string[]): string | GeneratedLineProblem {
  for (let i = 0; i < lines.length; i++) {
    const match = CONTROL.exec(lines[i]!);
    if (match) {
      const code = match[0].charCodeAt(0);
      const shown = code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
      return { index: i, message: `generated line ${i + 1} holds control character ${shown} at column ${match.index + 1}: refused, so no input can add a runbook line` };
    }
  }
  return lines.join('\n');
}
