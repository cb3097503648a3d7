// EXPECT: checks a path of the previous command's record against a value (spec §10).

import type { ExpectOp } from './commands.js';

export function lookup(root: unknown, path: string): { found: boolean; value: unknown } {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(key in (node as object))) return { found: false, value: undefined };
    node = (node as Record<string, unknown>)[key];
  }
  return { found: true, value: node };
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toUpperCase() === b.toUpperCase() || a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Spec §10: `absent` holds when the path is missing; every other operator needs the path. */
export function holds(found: boolean, actual: unknown, op: ExpectOp, expected: unknown): boolean {
  if (op === 'absent') return !found;
  return found && compare(actual, op, expected);
}

export function compare(actual: unknown, op: ExpectOp, expected: unknown): boolean {
  switch (op) {
    case '=':
      return same(actual, expected);
    case '!=':
      return !same(actual, expected);
    case 'absent':
      return false;
    case 'contains':
      if (Array.isArray(actual)) return actual.some((item) => same(item, expected));
      if (typeof actual === 'string') return actual.includes(String(expected));
      if (actual && typeof actual === 'object') return String(expected) in actual;
      return false;
    default: {
      const a = typeof actual === 'number' ? actual : typeof actual === 'string' ? actual : NaN;
      const b = typeof expected === 'number' ? expected : typeof expected === 'string' ? expected : NaN;
      if (typeof a !== typeof b || (typeof a === 'number' && Number.isNaN(a))) return false;
      if (op === '<') return a < b;
      if (op === '<=') return a <= b;
      if (op === '>') return a > b;
      return a >= b;
    }
  }
}
