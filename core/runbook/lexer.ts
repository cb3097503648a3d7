// Splits a runbook line into tokens with their 1-based columns (spec §1): `#` starts a comment,
// keywords are case-insensitive, host console commands keep their z/OS comma syntax.

export interface Token {
  text: string;
  upper: string;
  col: number;
}

export function tokenize(line: string): Token[] {
  const hash = line.indexOf('#');
  const body = hash >= 0 ? line.slice(0, hash) : line;
  const tokens: Token[] = [];
  const word = /\S+/g;
  let match: RegExpExecArray | null;
  while ((match = word.exec(body))) tokens.push({ text: match[0], upper: match[0].toUpperCase(), col: match.index + 1 });
  // `LIBRARY EXPORT,X` / `LI REQ,LIB,PDRIVE`: the comma list becomes tokens of its own.
  if (tokens.length >= 2 && (tokens[0]!.upper === 'LIBRARY' || tokens[0]!.upper === 'LI')) {
    const rest = tokens.slice(1);
    const split: Token[] = [tokens[0]!];
    for (const t of rest) {
      let offset = 0;
      for (const part of t.text.split(',')) {
        if (part.length > 0) split.push({ text: part, upper: part.toUpperCase(), col: t.col + offset });
        offset += part.length + 1;
      }
    }
    return split;
  }
  return tokens;
}
