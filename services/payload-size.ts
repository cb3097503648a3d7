// Size of a payload as JSON would carry it, counted by walking the value and stopping as soon as it
// passes the limit: the dispatcher refuses a huge payload before zod (or JSON.stringify) touches it all.

/**
 * Bytes the value would take as JSON, or `limit + 1` once it is known to exceed `limit`.
 * Strings count their UTF-8 length plus quotes; cycles and non-JSON values count as over the limit.
 */
export function boundedJsonSize(value: unknown, limit: number): number {
  let total = 0;
  const over = limit + 1;
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    switch (typeof item) {
      case 'string':
        // UTF-8 takes at least one byte per UTF-16 unit: a string longer than what is left is over.
        if (item.length > limit - total) return over;
        total += Buffer.byteLength(item, 'utf8') + 2;
        break;
      case 'number':
      case 'boolean':
        total += 24;
        break;
      case 'undefined':
        total += 4;
        break;
      case 'object':
        if (item === null) {
          total += 4;
          break;
        }
        if (seen.has(item)) return over;
        seen.add(item);
        if (Array.isArray(item)) {
          total += 2 + item.length;
          for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]);
        } else {
          total += 2;
          for (const [key, child] of Object.entries(item)) {
            total += key.length * 3 + 4;
            stack.push(child);
          }
        }
        break;
      default:
        return over; // functions, symbols, bigints: not a JSON payload
    }
    if (total > limit) return over;
  }
  return total;
}
