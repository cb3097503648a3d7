// Oversized input is refused before anything parses it (issue 8 part 3): a runbook file by its size on
// disk, before it is read; a grid file before JSON.parse; an IPC payload before the contract's zod
// schema or the runbook parser sees it. (The WebSocket frame limit: host/web-server.test.ts; the
// Electron IPC path: electron/hardening.test.ts.)

import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { channels, MAX_PAYLOAD_BYTES } from '../contract/api.js';
import { gridFileToRunbook } from '../core/model/grid-file.js';
import { Session } from '../core/session.js';
import { createConsoleService } from '../services/console-service.js';
import { main } from './timezero.js';

const dirs: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tz-oversized-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  vi.restoreAllMocks();
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

describe('oversized input', () => {
  it('a runbook file over 16 MB is refused by its size, exit 2, nothing read or run', () => {
    const dir = tmp();
    const file = join(dir, 'huge.runbook');
    writeFileSync(file, 'GRID HUGE\n');
    truncateSync(file, 16 * 2 ** 20 + 1); // sparse: its size says too big without 16 MB on disk
    const out: string[] = [];
    const err: string[] = [];
    const code = main(
      ['run', file, '--db', join(dir, 'grid.db')],
      (l) => out.push(l),
      (l) => err.push(l),
    );
    expect(code).toBe(2);
    expect(err).toEqual([`${file}: larger than 16 MB: refused`]);
    expect(out).toEqual([]);
  });

  it('a grid file over 8 MB is refused before JSON.parse, with where (the file) and why', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const result = gridFileToRunbook(`{"format":"timezero-grid","pad":"${'x'.repeat(8 * 2 ** 20)}"}`);
    expect(result).toEqual({ path: '(file)', message: 'larger than 8 MB' });
    expect(parse).not.toHaveBeenCalled();
    // …and through LOAD, the runbook line that named it carries the position.
    const session = new Session({ readText: () => ' '.repeat(8 * 2 ** 20 + 1) }, 1);
    const errors = session.validate('SITE A\n  LOAD big.json').errors;
    expect(errors).toEqual([{ line: 2, col: expect.any(Number), message: expect.stringMatching(/big\.json: \(file\): larger than 8 MB/) }]);
    expect(parse).not.toHaveBeenCalled();
  });

  it('an IPC payload over 8 MB is refused before the schema or the parser sees it', async () => {
    const service = createConsoleService({ seed: 1 });
    const schema = vi.spyOn(channels['console.execute'].request, 'safeParse');
    const validate = vi.spyOn(service.session, 'validate');
    for (const payload of [{ line: 'x'.repeat(MAX_PAYLOAD_BYTES + 1) }, { line: Array.from({ length: 9 }, () => 'y'.repeat(2 ** 20)) }]) {
      const reply = await service.handle('console.execute', payload);
      expect(reply).toEqual({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: 'console.execute: payload larger than 8 MB' } });
    }
    expect(schema).not.toHaveBeenCalled();
    expect(validate).not.toHaveBeenCalled();
    service.close();
  });
});
