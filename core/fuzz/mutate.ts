// Seeded generators of hostile input for the fuzz tests: random lines from awkward alphabets, and
// mutations of valid text (characters, tokens, numbers at and past every limit). Deterministic: the
// same seed gives the same inputs, so a failure reproduces with its index.

export type Rng = (n: number) => number;

/** mulberry32 → an integer in [0, n). */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[rng(items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

/** Values that sit on or past a limit, or are not what a field expects at all. */
export const NASTY_TOKENS = [
  '',
  ' ',
  '0',
  '-1',
  '-0',
  '1e309',
  '1e-309',
  'NaN',
  'Infinity',
  '0x1F',
  '99999999999999999999999',
  '2147483648',
  '4294967296',
  '9007199254740993',
  '0MB',
  '-5MB',
  '999999999PB',
  '1.5.5GB',
  'MB',
  '0s',
  '-10m',
  '99999999d',
  '1ms',
  '30x',
  'A',
  'AAAAAAA',
  'a0000z',
  'Z99999-A00000',
  'A00000-B00099',
  'A00000-A99999',
  '000000-999999',
  'ÄÖÜ',
  '𝄞𝄞',
  '\u200b',
  '\u202e',
  '\u0000',
  '\t',
  '\x1b[31m',
  '#',
  '"',
  "'",
  '\\',
  ',',
  ',,',
  '=',
  '<',
  '>=',
  'contains',
  '{',
  '}',
  '[',
  ']',
  'null',
  'true',
  '{"a":',
  '[[[[',
  '2026-13-45T99:99:99Z',
  '0000-00-00T00:00:00Z',
  '2026-01-01T00:00:00',
  'CL9',
  'CL-1',
  '8',
  '99',
  'FF00',
  'GGGG',
  '0002',
  'ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ',
  '../../etc/passwd',
  'C:\\Windows',
  '%s%s%n',
  '${HOME}',
  '__proto__',
  'constructor',
  'x'.repeat(300),
];

const ALPHABETS = [
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,-',
  ' \t,#=<>!"\'{}[]()\\/.:;-_$@%&*+',
  '0123456789.eE+-MBGKTPHmsdh',
  'éüßçøñ€£¥©®™°±²³¼½¾αβγδ日本語中文한국어عربى',
  '\u0000\u0001\u0007\u0008\u000b\u000c\u001b\u007f\u0085\u00a0\u2028\u2029\u200b\u202e\ufeff\ufffd',
];

/** A line of random characters, sometimes very long. */
export function randomLine(rng: Rng, maxLength = 160): string {
  const length = rng(10) === 0 ? rng(5000) : rng(maxLength);
  const alphabet = pick(rng, ALPHABETS);
  let out = '';
  for (let i = 0; i < length; i++) out += rng(20) === 0 ? (pick(rng, ALPHABETS)[rng(10)] ?? ' ') : alphabet[rng(alphabet.length)];
  if (rng(40) === 0) out += String.fromCharCode(0xd800 + rng(0x400)); // a lone surrogate
  return out;
}

/** A valid line with 1–4 mutations: characters, tokens, or both. */
export function mutateLine(rng: Rng, line: string, words: readonly string[]): string {
  let out = line;
  const ops = 1 + rng(4);
  for (let k = 0; k < ops; k++) {
    const tokens = out.split(/(\s+|,)/);
    const t = rng(tokens.length);
    switch (rng(11)) {
      case 0: // delete a run of characters
        out = out.slice(0, (k = rng(out.length + 1))) + out.slice(k + 1 + rng(4));
        break;
      case 1: // insert a random character
        k = rng(out.length + 1);
        out = out.slice(0, k) + randomLine(rng, 3) + out.slice(k);
        break;
      case 2: // a token replaced by a nasty value
        tokens[t] = pick(rng, NASTY_TOKENS);
        out = tokens.join('');
        break;
      case 3: // a token replaced by another command word
        tokens[t] = pick(rng, words);
        out = tokens.join('');
        break;
      case 4: // a token dropped
        tokens.splice(t, 1);
        out = tokens.join('');
        break;
      case 5: // a token repeated
        tokens.splice(t, 0, tokens[t] ?? '', ' ');
        out = tokens.join('');
        break;
      case 6: // truncated
        out = out.slice(0, rng(out.length + 1));
        break;
      case 7: // garbage appended
        out += ` ${pick(rng, words)} ${pick(rng, NASTY_TOKENS)}`;
        break;
      case 8: // case flipped
        out = rng(2) ? out.toLowerCase() : out.toUpperCase();
        break;
      case 9: // two tokens swapped
        if (tokens.length > 2) {
          const u = rng(tokens.length);
          const a = tokens[t];
          const b = tokens[u];
          if (a !== undefined && b !== undefined) [tokens[t], tokens[u]] = [b, a];
          out = tokens.join('');
        }
        break;
      default: // a number nudged past its limit
        out = out.replace(/\d+/, (d) => pick(rng, [String(Number(d) + 1), String(Number(d) * 1000), '-' + d, d + d + d, '0']));
    }
  }
  return out;
}

/** A JSON value mutated in place of one of its fields: wrong types, removed or extra keys, deep nesting. */
export function mutateJson(rng: Rng, value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) {
    const copy = value.slice();
    if (copy.length > 0 && rng(3) > 0) copy[rng(copy.length)] = mutateJson(rng, copy[rng(copy.length)], depth + 1);
    else if (rng(2)) copy.splice(rng(copy.length + 1), 0, hostileValue(rng));
    else copy.splice(rng(copy.length + 1), 1);
    if (rng(30) === 0) return Array.from({ length: 1000 + rng(50_000) }, () => rng(3)); // long, of small items
    return copy;
  }
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = Object.fromEntries(Object.entries(value));
    const keys = Object.keys(copy);
    const op = rng(6);
    if (op <= 2 && keys.length > 0) {
      const key = pick(rng, keys);
      copy[key] = mutateJson(rng, copy[key], depth + 1);
    } else if (op === 3 && keys.length > 0) delete copy[pick(rng, keys)];
    else if (op === 4) copy[pick(rng, ['extra', '__proto__', 'constructor', ...keys.map((k) => k + 'x')])] = hostileValue(rng);
    else if (keys.length > 0) copy[pick(rng, keys)] = hostileValue(rng);
    return copy;
  }
  return hostileValue(rng);
}

export function hostileValue(rng: Rng): unknown {
  switch (rng(10)) {
    case 0:
      return null;
    case 1:
      return pick(rng, [0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, 256, 257, 33, 9]);
    case 2:
      return pick(rng, NASTY_TOKENS);
    case 3:
      return rng(2) === 0;
    case 4:
      return [];
    case 5:
      return {};
    case 6: {
      let deep: unknown = 1;
      for (let i = rng(3000); i > 0; i--) deep = [deep];
      return deep;
    }
    case 7:
      return 'x'.repeat(rng(20_000));
    case 8:
      return randomLine(rng, 40);
    default:
      return { name: pick(rng, NASTY_TOKENS), site: pick(rng, NASTY_TOKENS) };
  }
}

/** Byte-level damage to a whole file: flips, cuts, splices, duplicates. */
export function damageText(rng: Rng, text: string): string {
  let out = text;
  for (let k = 1 + rng(3); k > 0; k--) {
    const at = rng(out.length + 1);
    switch (rng(6)) {
      case 0:
        out = out.slice(0, at) + String.fromCharCode(out.charCodeAt(at) ^ (1 << rng(7))) + out.slice(at + 1);
        break;
      case 1:
        out = out.slice(0, at);
        break;
      case 2:
        out = out.slice(0, at) + randomLine(rng, 8) + out.slice(at);
        break;
      case 3:
        out = out.slice(0, at) + out.slice(at + 1 + rng(50));
        break;
      case 4:
        out = out.slice(0, at) + out.slice(rng(out.length), rng(out.length)) + out.slice(at);
        break;
      default:
        out = out.slice(0, at) + '\n' + out.slice(at);
    }
  }
  return out;
}

/** What a person reading the error needs: a real position and words, not a leaked value. */
export function badMessage(message: unknown, input: string): string | null {
  if (typeof message !== 'string' || message.trim().length < 4) return `empty message ${JSON.stringify(message)}`;
  // An internal value leaking into the text (echoing the operator's own 'NaN' back is fine).
  // zod's "received undefined" is its way of saying a field is missing: clear enough, not a leak.
  const text = message.replaceAll('received undefined', 'received nothing');
  for (const leak of ['undefined', 'NaN', '[object Object]', 'Infinity']) if (text.includes(leak) && !input.includes(leak)) return `leaky message: ${message.slice(0, 200)}`;
  if (/^\w*Error:|\bat .+\(.+:\d+:\d+\)/.test(message)) return `a stack trace or exception name: ${message.slice(0, 200)}`;
  return null;
}
