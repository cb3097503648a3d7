// The language as HELP and completion read it: which commands a topic names, and the command words
// nearest to a misspelt one.

import type { CommandName } from '../runbook/commands.js';
import type { AnySpec, LanguageIndex } from './spec.js';

/** `LIBRARY REQUEST`, `LI REQUEST` and `LIBRARY REQ` are the z/OS spellings of `LI REQ`. */
function normalize(topic: string): string {
  const words = topic
    .toUpperCase()
    .replace(/,/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if ((words[0] === 'LIBRARY' || words[0] === 'LI') && (words[1] === 'REQ' || words[1] === 'REQUEST')) return ['LI', 'REQ', ...words.slice(2)].join(' ');
  return words.join(' ');
}

/** Edit distance, for "did you mean" (short words only, so the quadratic cost does not matter). */
export function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

export function languageIndex(specs: readonly AnySpec[]): LanguageIndex {
  const words = [...new Set(specs.map((s) => s.words))];
  const firstWords = [...new Set(specs.map((s) => s.words.split(' ')[0] ?? ''))];
  return {
    find(topic: string): CommandName[] {
      const t = normalize(topic);
      const byName = specs.find((s) => s.name === t.replace(/ /g, '_'));
      if (byName && !specs.some((s) => s.words === t)) return [byName.name];
      const exact = specs.filter((s) => s.words === t);
      if (exact.length > 0) return exact.map((s) => s.name);
      return specs.filter((s) => s.words.startsWith(`${t} `)).map((s) => s.name);
    },
    nearest(word: string): string[] {
      const w = normalize(word);
      const scored = [...new Set([...firstWords, ...words])].map((candidate) => ({ candidate, d: candidate.startsWith(w) ? 0 : distance(w, candidate) })).filter((x) => x.d <= (w.length <= 3 ? 1 : 2));
      scored.sort((a, b) => a.d - b.d || a.candidate.localeCompare(b.candidate));
      return scored.slice(0, 3).map((x) => x.candidate);
    },
  };
}
