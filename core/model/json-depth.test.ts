// Issue 11 item 8: JSON nesting depth is checked by a linear scan before JSON.parse, for WebSocket
// frames (host/web-server.test.ts), grid files and export sets; refusing takes milliseconds even for
// an 8 MB text nested millions deep.
import { describe, expect, it } from 'vitest';
import { jsonTooDeep, MAX_JSON_DEPTH } from './json-depth.js';
import { gridFileToRunbook } from './grid-file.js';
import { readExportSet } from '../rules/recovery/export-set.js';
import { sha256Hex } from '../rules/recovery/encoding.js';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('JSON nesting depth before parsing (issue 11 item 8)', () => {
  it(`allows ${MAX_JSON_DEPTH} levels and refuses one more, naming line and column`, () => {
    expect(jsonTooDeep(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(jsonTooDeep(`{"a":\n ${nested(MAX_JSON_DEPTH)}}`)).toMatchObject({
      line: 2,
      col: MAX_JSON_DEPTH + 1,
      message: `nested deeper than ${MAX_JSON_DEPTH} levels at line 2, column ${MAX_JSON_DEPTH + 1}: refused before parsing`,
    });
  });

  it('brackets inside strings, escaped quotes included, do not count', () => {
    expect(jsonTooDeep(JSON.stringify({ s: '['.repeat(10_000), t: 'say \\"[[[[', u: '\\' }))).toBeNull();
    expect(jsonTooDeep(JSON.stringify([{ s: '"{{{{{' }]), 2)).toBeNull();
    expect(jsonTooDeep(JSON.stringify([[[{ s: '"' }]]]), 3)).not.toBeNull();
  });

  it('an 8 MB text nested 4 million deep is refused in well under 100 ms (JSON.parse alone takes seconds or overflows)', () => {
    const text = Buffer.from(nested(4 * 2 ** 20)).toString('utf8'); // a flat string, as a frame or file arrives
    const started = performance.now();
    expect(jsonTooDeep(text)).not.toBeNull();
    expect(performance.now() - started).toBeLessThan(100);
    // the scan of an ordinary 8 MB text that passes is also fast
    const flat = Buffer.from(JSON.stringify({ pad: 'x'.repeat(8 * 2 ** 20 - 20) })).toString('utf8');
    const t2 = performance.now();
    expect(jsonTooDeep(flat)).toBeNull();
    expect(performance.now() - t2).toBeLessThan(200);
  });

  it('a deeply nested grid file is refused at (file) before JSON.parse', () => {
    const text = Buffer.from(`{"format":"timezero-grid","version":1,"grid":"G","sites":["A"],"clusters":${nested(1_000_000)}}`).toString('utf8');
    const started = performance.now();
    expect(gridFileToRunbook(text)).toEqual({
      path: '(file)',
      message: `nested deeper than ${MAX_JSON_DEPTH} levels at line 1, column ${text.indexOf('[', text.indexOf('clusters')) + MAX_JSON_DEPTH}: refused before parsing`,
    });
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('a deeply nested export set (with a valid checksum) is refused before JSON.parse, nothing loaded', () => {
    const body = `{"savedAt":${nested(1_000_000)}}`;
    const text = `TIMEZERO EXPORTSET 1\n${body}\nSHA256 ${sha256Hex(body)}\n`;
    expect(() => readExportSet('deep.tzset', text)).toThrow(
      `deep.tzset: body nested deeper than ${MAX_JSON_DEPTH} levels at line 2, column ${11 + MAX_JSON_DEPTH}: refused before parsing; nothing was loaded`,
    );
  });
});
