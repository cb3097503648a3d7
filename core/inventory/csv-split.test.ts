// Splitting inventory CSV (RFC 4180 quoting, line breaks inside quotes kept in their field): the one splitter both the import and the
// operator's preview use (the preview asks the engine host, inventory.preview), so what the preview
// shows in a column is what the import reads there.

import { describe, expect, it } from 'vitest';
import { parseInventory, previewCsv, splitCsvLine } from './csv.js';

const NAMES = { clusters: ['CL0', 'CL1'], mcs: ['MCPROD'] };
const MAPPING = { volser: 0, category: null, mc: null, size: null, copies: 1 };

describe('CSV splitting', () => {
  it('splits plain fields on commas, keeping empty ones', () => {
    expect(splitCsvLine('A00001,000F,,800MB,CL0')).toEqual(['A00001', '000F', '', '800MB', 'CL0']);
    expect(splitCsvLine('')).toEqual(['']);
    expect(splitCsvLine('a,')).toEqual(['a', '']);
  });

  it('keeps a comma inside quotes and reads a doubled quote as one', () => {
    expect(splitCsvLine('A00001,"CL0, CL1","say ""hi"""')).toEqual(['A00001', 'CL0, CL1', 'say "hi"']);
    expect(splitCsvLine('"",x')).toEqual(['', 'x']);
  });

  it('previews CRLF files without the carriage returns, skipping blank lines', () => {
    const { header, rows } = previewCsv('VOLSER , COPIES\r\n\r\nA00001,"CL0;CL1"\r\nA00002,CL1\r\n', 10);
    expect(header).toEqual(['VOLSER', 'COPIES']);
    expect(rows).toEqual([
      ['A00001', 'CL0;CL1'],
      ['A00002', 'CL1'],
    ]);
  });

  it('stops the preview after the rows asked for', () => {
    expect(previewCsv('h\n1\n2\n3\n', 2).rows).toEqual([['1'], ['2']]);
  });

  it('imports a CRLF file with quoted fields as the preview splits it', () => {
    const text = 'VOLSER,COPIES\r\nA00001,"CL0;CL1"\r\n"A00002",CL1\r\n';
    const parsed = parseInventory(text, MAPPING, NAMES);
    expect(parsed.errors).toEqual([]);
    expect(parsed.columns.count).toBe(2);
    expect(previewCsv(text).rows.map((r) => r[0])).toEqual(['A00001', 'A00002']);
  });

  it('keeps a line break inside quotes in its field (RFC 4180), and names later rows by their file line', () => {
    const text = 'VOLSER,COPIES\r\nA00001,"CL0\r\nCL1"\r\nA00002,CL1\r\nA0000?,CL1\r\n';
    const parsed = parseInventory(text, MAPPING, NAMES);
    expect(parsed.columns.count).toBe(2);
    // A cell listing its clusters one a line reads as the list it is.
    expect(parsed.columns.copies[0]).toBe(0b11);
    // A00001 spans lines 2 and 3, A00002 is line 4, the bad VOLSER line 5.
    expect(Array.from(parsed.columns.row.subarray(0, 2))).toEqual([2, 4]);
    expect(parsed.errors.map((e) => [e.row, e.column])).toEqual([[5, 'VOLSER']]);
    expect(previewCsv(text).rows).toEqual([
      ['A00001', 'CL0\r\nCL1'],
      ['A00002', 'CL1'],
      ['A0000?', 'CL1'],
    ]);
  });

  it('reads an unclosed quote to the end of the file as one field, so the row is named, not lost', () => {
    const parsed = parseInventory('VOLSER,COPIES\nA00001,CL0\n"A00002,CL1\nA00003,CL1\n', MAPPING, NAMES);
    expect(parsed.columns.count).toBe(1);
    expect(parsed.errors.map((e) => e.row)).toEqual([3]);
  });
});
