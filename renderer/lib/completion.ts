// Completion for runbook lines (issue 14 item 1): the word under the cursor, and what may stand there:
// command words from the language's table, the keywords of the line's command, the grid's clusters,
// hosts and sites, and (asked of the engine host by prefix) VOLSERs.

import type { CommandDocDto } from '../../contract/language-api';

export interface CompletionContext {
  /** where the word being typed starts and ends in the line */
  from: number;
  to: number;
  /** the word typed so far, upper-cased */
  prefix: string;
  /** the first word (none typed yet, or being typed) */
  first: boolean;
  /** the commands the line's leading words fit */
  commands: CommandDocDto[];
}

export interface Names {
  clusters: string[];
  hosts: string[];
  sites: string[];
}

export interface Item {
  /** what is inserted */
  text: string;
  /** what kind of word: command, keyword, cluster, host, site, volser */
  kind: string;
  detail: string;
}

const SEPARATOR = /[\s,]/;

/** The word at `cursor` in `line`, and which commands the words before it point to. */
export function contextAt(line: string, cursor: number, commands: CommandDocDto[]): CompletionContext {
  let from = cursor;
  while (from > 0 && !SEPARATOR.test(line[from - 1] ?? ' ')) from--;
  let to = cursor;
  while (to < line.length && !SEPARATOR.test(line[to] ?? ' ')) to++;
  const before = line
    .slice(0, from)
    .replace(/#.*$/, '')
    .toUpperCase()
    .split(/[\s,]+/)
    .filter((w) => w.length > 0);
  const prefix = line.slice(from, cursor).toUpperCase();
  if (before.length === 0) return { from, to, prefix, first: true, commands: [] };
  const lead = before.join(' ');
  const fitting = commands.filter((c) => lead === c.words || lead.startsWith(`${c.words} `) || c.words.startsWith(`${lead} `));
  return { from, to, prefix, first: false, commands: fitting.length > 0 ? fitting : commands.filter((c) => c.words.split(' ')[0] === before[0]) };
}

/** Whether the line's command takes a VOLSER (or a range of them) where the cursor is. */
export function wantsVolser(ctx: CompletionContext): boolean {
  return !ctx.first && ctx.prefix.length > 0 && /^[A-Z0-9]{1,6}$/.test(ctx.prefix) && ctx.commands.some((c) => /<(volser|range|pvol)/.test(c.syntax));
}

const LIMIT = 50;

/** The words that may stand at the cursor (without VOLSERs, which the engine host looks up). */
export function complete(ctx: CompletionContext, commands: CommandDocDto[], names: Names): Item[] {
  const starts = (w: string) => w.toUpperCase().startsWith(ctx.prefix);
  if (ctx.first) {
    const seen = new Set<string>();
    const items: Item[] = [];
    for (const c of commands) {
      const word = c.words.split(' ')[0] ?? c.words;
      if (seen.has(word) || !starts(word)) continue;
      seen.add(word);
      const forms = commands.filter((d) => d.words.split(' ')[0] === word);
      items.push({ text: word, kind: 'command', detail: forms.length === 1 ? c.summary : `${forms.length} forms: ${forms.map((f) => f.words).join(', ')}` });
    }
    return items.slice(0, LIMIT);
  }
  const items: Item[] = [];
  const add = (text: string, kind: string, detail: string) => {
    if (starts(text) && !items.some((i) => i.text === text)) items.push({ text, kind, detail });
  };
  for (const c of ctx.commands) {
    const typed = c.words.split(' ');
    // the next word of a multi-word command (SHOW GRID, IMAGE ROLL) first
    if (typed.length > 1) add(typed[typed.length - 1] ?? '', 'keyword', c.summary);
    for (const k of c.keywords) add(k, 'keyword', c.words);
  }
  for (const n of names.clusters) add(n, 'cluster', 'cluster');
  for (const n of names.hosts) add(n, 'host', 'host');
  for (const n of names.sites) add(n, 'site', 'site');
  return items.slice(0, LIMIT);
}

/** The command a line's first word is, for hover help: its forms. */
export function commandsFor(word: string, commands: CommandDocDto[]): CommandDocDto[] {
  const w = word.toUpperCase();
  return commands.filter((c) => c.words.split(' ')[0] === w);
}

/** The line with `text` put in place of the word [from, to), and where the cursor goes. */
export function accept(line: string, from: number, to: number, text: string): { line: string; cursor: number } {
  const tail = line.slice(to);
  const space = tail.startsWith(' ') || tail.startsWith(',') ? '' : ' ';
  return { line: `${line.slice(0, from)}${text}${space}${tail}`, cursor: from + text.length + space.length };
}
