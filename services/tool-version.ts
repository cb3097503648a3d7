// The TimeZero version printed on reports: package.json's, read once.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { z } from 'zod';

const PACKAGE = z.object({ version: z.string() });

let version: string | null = null;

export function toolVersion(): string {
  if (version !== null) return version;
  // Source (services/) and bundles (dist-electron/) both sit one folder below package.json.
  for (const up of ['..', '../..']) {
    try {
      const parsed = PACKAGE.safeParse(JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), up, 'package.json'), 'utf8')));
      if (!parsed.success) continue;
      version = parsed.data.version;
      return version;
    } catch {
      /* try the next folder up */
    }
  }
  version = 'unknown';
  return version;
}
