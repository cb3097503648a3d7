// Splitting inventory CSV (RFC 4180 quoting, one row a line): the one splitter both the import and the
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

  it('reads one row a line: a newline inside quotes ends the row, and the rest is named as a bad row', () => {
    const parsed = parseInventory('VOLSER,COPIES\nA00001,"CL0\nCL1"\nA00003,CL1\n', MAPPING, NAMES);
    expect(parsed.columns.count).toBe(2);
    expect(parsed.errors.map((e) => e.row)).toEqual([3]);
  });
});
