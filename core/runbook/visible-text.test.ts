// Issue 11 item 8: control characters from a runbook (OSC/CSI/ESC sequences, C0/C1 except tab) are
// shown escaped, and a long token is cut to its first 64 characters and its size, in every message
// that echoes input — here the parser's and validator's (file:line:col) messages.
import { describe, expect, it } from 'vitest';
import { Session } from '../session.js';
import { escapeControls, visibleText } from './visible-text.js';

const RAW_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;

describe('visible text (issue 11 item 8)', () => {
  it('escapes ESC, OSC, CSI (7- and 8-bit), BEL, CR, LF, NUL and DEL; keeps tab and ordinary text', () => {
    expect(escapeControls('a\u001b]0;owned\u0007b')).toBe('a\\x1b]0;owned\\x07b');
    expect(escapeControls('\u009b2J\u001b[2J\r\n\u0000\u007f')).toBe('\\x9b2J\\x1b[2J\\x0d\\x0a\\x00\\x7f');
    expect(escapeControls('tab\there é ü CL0')).toBe('tab\there é ü CL0');
    expect(escapeControls('\u2028\u202e')).toBe('\\u2028\\u202e');
  });

  it('cuts a 10 MB token to its first 64 characters and its size, quickly; twice is the same as once', () => {
    const token = 'A'.repeat(10 * 2 ** 20);
    const started = performance.now();
    const shown = visibleText(`unknown cluster '${token}'`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(shown).toBe(`unknown cluster '${'A'.repeat(63)}… (${10 * 2 ** 20 + 2} bytes)`);
    expect(visibleText(shown)).toBe(shown);
    expect(visibleText('short tokens stay whole: A00000-A09999')).toBe('short tokens stay whole: A00000-A09999');
  });

  it('never ends a cut token inside an escape', () => {
    const shown = visibleText(`${'x'.repeat(62)}${'\u001b'.repeat(200)}`);
    expect(shown).toMatch(/^x{62}… \(262 bytes\)$|^x{62}(\\x1b)*… \(\d+ bytes\)$/);
  });

  it('validation errors echo an OSC sequence escaped, at the right line and column', () => {
    const session = new Session();
    const errors = session.validate('SHOW GRID\nFAIL CLUSTER CL\u001b]0;owned\u0007\nREPAIR \u009b2J').errors;
    expect(errors).toEqual([
      { line: 2, col: 14, message: expect.stringContaining("'CL\\x1b]0;OWNED\\x07'") },
      { line: 3, col: 8, message: expect.stringContaining('\\x9b2J') },
    ]);
    for (const e of errors) expect(e.message).not.toMatch(RAW_CONTROL);
  });

  it('a 10 MB token in a runbook line gives a short error naming its size', () => {
    const session = new Session();
    const token = 'Z'.repeat(10 * 2 ** 20);
    const [error] = session.validate(`SITE A\nFAIL CLUSTER ${token}`).errors;
    expect(error!.line).toBe(2);
    expect(error!.message.length).toBeLessThan(200);
    expect(error!.message).toContain(`${'Z'.repeat(63)}… (`);
    expect(error!.message).toMatch(/\(1048576\d bytes\)/);
  });

  it('a grid file LOADed with an escape in its name: the nested error is escaped too', () => {
    const session = new Session({
      readText: () => {
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      },
    });
    const [error] = session.validate('LOAD \u001b[31mred.json').errors;
    expect(error!.message).toBe("cannot read grid file '\\x1b[31mred.json': ENOENT");
  });
});
