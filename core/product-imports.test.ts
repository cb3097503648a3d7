// Issue 15 item 2: test helpers live beside the tests (*.test.ts, *.fixture.ts); core's product code
// imports neither vitest nor the CLI.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CORE = fileURLToPath(new URL('.', import.meta.url));

function productFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return productFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.(test|fixture)\.tsx?$/.test(e.name) ? [path] : [];
  });
}

describe('core product code', () => {
  it('imports neither vitest nor cli/', () => {
    const files = productFiles(CORE);
    expect(files.length).toBeGreaterThan(100);
    const offending = files.filter((f) => /from '(vitest|[./]*\/cli\/[^']*)'/.test(readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
  });
});
