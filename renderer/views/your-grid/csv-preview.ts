// The first lines of a CSV file for the import's column mapping and preview (the engine host reads the
// whole file; this only shows the operator what the columns hold) and a guess of the mapping from the
// header names.

export type Field = 'volser' | 'category' | 'mc' | 'size' | 'copies';

export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

export function previewLines(text: string, rows: number): { header: string[]; rows: string[][] } {
  const head = text
    .slice(0, 64 * 1024)
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '');
  const [first, ...rest] = head.slice(0, rows + 1).map(splitCsvLine);
  return { header: (first ?? []).map((h) => h.trim()), rows: rest };
}

const PATTERNS: Record<Field, RegExp[]> = {
  volser: [/^vol(ser|ume)?$/i, /volser/i],
  category: [/^cat(egory)?$/i, /category/i],
  mc: [/^mc$/i, /management.?class/i, /^class$/i, /^mgmt/i],
  size: [/^size/i, /bytes|mb$/i],
  copies: [/^copies$/i, /consistent/i, /clusters?/i, /copies/i],
};

export function guessMapping(header: string[]): Record<Field, number | null> {
  const find = (f: Field) => {
    const i = header.findIndex((h) => PATTERNS[f].some((p) => p.test(h.trim())));
    return i < 0 ? null : i;
  };
  return { volser: find('volser'), category: find('category'), mc: find('mc'), size: find('size'), copies: find('copies') };
}
