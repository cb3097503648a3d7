// The console keeps its grid in SQLite: a restart finds the grid as it was left, history included.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConsoleService } from './console-service.js';
import { sqliteSessionStore } from './sqlite-session-store.js';

describe('console persistence', () => {
  it('first start opens the sample; a restart continues from the database', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'tz-console-')), 'console.db');
    const first = createConsoleService({ store: sqliteSessionStore(db) });
    const before = await first.handle('session.info', {});
    expect(before).toMatchObject({ ok: true, result: { persistent: true } });
    const fail = await first.handle('console.execute', { line: 'FAIL CLUSTER CL0' });
    expect(fail).toMatchObject({ ok: true });
    const failedAt = ((await first.handle('grid.show', {})) as { result: { time: string } }).result.time;
    await first.handle('console.execute', { line: 'ADVANCE 2h' });
    first.close();

    const second = createConsoleService({ store: sqliteSessionStore(db) });
    const grid = (await second.handle('grid.show', {})) as { ok: boolean; result: { clusters: Record<string, { status: string }>; time: string } };
    expect(grid.result.clusters.CL0!.status).toBe('failed');
    expect(Date.parse(grid.result.time) - Date.parse(failedAt)).toBe(2 * 3_600_000);
    const journal = (await second.handle('journal.list', { from: 0, limit: 10 })) as { result: { text: string }[] };
    expect(journal.result.map((e) => e.text.split('\n')[0])).toEqual(expect.arrayContaining(['FAIL CLUSTER CL0', 'ADVANCE 2h']));
    second.close();
  });
});
