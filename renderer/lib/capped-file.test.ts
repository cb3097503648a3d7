// Issue 11 item 7, browser side: a picked runbook or export set is read only to its cap + 1 byte.
import { describe, expect, it } from 'vitest';
import { readFileCapped } from './capped-file';

const file = (size: number, name = 'f.runbook') => Object.assign(new Blob([new Uint8Array(size).fill(65)]), { name });

describe('readFileCapped (issue 11 item 7)', () => {
  it('reads a file of exactly the cap; one byte more is refused naming the file, reading only cap + 1 bytes', async () => {
    expect(await readFileCapped(file(1024), 1024)).toBe('A'.repeat(1024));
    const big = file(4 * 2 ** 20 + 1, 'huge.runbook');
    let sliced = 0;
    const spy = Object.assign(big, {
      slice: (start?: number, end?: number) => {
        sliced = (end ?? big.size) - (start ?? 0);
        return Blob.prototype.slice.call(big, start, end);
      },
    });
    await expect(readFileCapped(spy, 4 * 2 ** 20)).rejects.toThrow('huge.runbook: larger than 4 MB: refused');
    expect(sliced).toBe(4 * 2 ** 20 + 1);
  });
});
