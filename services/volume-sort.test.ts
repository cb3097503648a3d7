// Volumes view sorting and CSV export happen in the engine host over the columnar store (issue 14
// item 5): every column sorts both ways with ties in volser order, pages come from the sorted list,
// and the CSV of the current filter streams in chunks that together hold every matching row once.

import { describe, expect, it } from 'vitest';
import type { VolumeRow, VolumeSort } from '../contract/api.js';
import { createConsoleService } from './console-service.js';
import { CSV_HEADER } from '../core/queries/volume-pager.js';
import { ok } from './reply.fixture.js';

async function allRows(service: ReturnType<typeof createConsoleService>, query: object, sort: VolumeSort): Promise<VolumeRow[]> {
  const rows: VolumeRow[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = ok(await service.handle('volumes.page', { offset, limit: 500, query, sort }));
    rows.push(...page.rows);
    if (rows.length >= page.total) return rows;
  }
}

function compareBy(sort: VolumeSort, a: VolumeRow, b: VolumeRow): number {
  const key = (r: VolumeRow): number | string => {
    switch (sort.by) {
      case 'size':
        return r.sizeMB;
      case 'level':
        return r.level;
      case 'category':
        return r.category;
      case 'owner':
        return r.owner ?? '~';
      case 'mc':
        return r.mc ?? '~';
      default:
        return 0;
    }
  };
  const ka = key(a);
  const kb = key(b);
  const c = ka < kb ? -1 : ka > kb ? 1 : 0;
  return sort.dir === 'asc' ? c : -c;
}

describe('sorting the volume list in the engine host', () => {
  it('sorts a filtered list by size and level both ways, equal values in volser order', async () => {
    const service = createConsoleService({ seed: 5 });
    // Vary sizes and levels: scratch writes of several sizes land on S volumes.
    for (const size of ['3GB', '500MB', '1GB']) ok(await service.handle('console.execute', { line: `JOB PRODHOST WRITE 40 SCRATCH ON CL0 SIZE ${size}` }));
    const query = { search: 'S00' };
    for (const sort of [
      { by: 'size', dir: 'desc' },
      { by: 'size', dir: 'asc' },
      { by: 'level', dir: 'desc' },
      { by: 'owner', dir: 'asc' },
      { by: 'category', dir: 'desc' },
    ] as VolumeSort[]) {
      const rows = await allRows(service, query, sort);
      expect(rows.length).toBe(1000);
      for (let i = 1; i < rows.length; i++) {
        const c = compareBy(sort, rows[i - 1]!, rows[i]!);
        expect(c, `${sort.by} ${sort.dir} at row ${i}`).toBeLessThanOrEqual(0);
        if (c === 0) expect(rows[i - 1]!.volser < rows[i]!.volser, `tie at row ${i} in volser order`).toBe(true);
      }
    }
    const biggest = await allRows(service, query, { by: 'size', dir: 'desc' });
    expect(biggest[0]!.sizeMB).toBe(3072);
    expect(biggest.at(-1)!.sizeMB).toBe(0);
  });

  it('sorts by volser descending and by how many clusters hold a consistent copy', async () => {
    const service = createConsoleService({ seed: 5 });
    const desc = ok(await service.handle('volumes.page', { offset: 0, limit: 3, query: {}, sort: { by: 'volser', dir: 'desc' } }));
    expect(desc.rows.map((r: VolumeRow) => r.volser)).toEqual(['S09999', 'S09998', 'S09997']);
    ok(await service.handle('console.execute', { line: 'JOB PRODHOST WRITE 5 SCRATCH ON CL0 SIZE 1GB' }));
    const fewest = ok(await service.handle('volumes.page', { offset: 0, limit: 1, query: {}, sort: { by: 'consistent', dir: 'asc' } }));
    const most = ok(await service.handle('volumes.page', { offset: 0, limit: 1, query: {}, sort: { by: 'consistent', dir: 'desc' } }));
    expect(fewest.rows[0].consistentOn.length).toBeLessThan(most.rows[0].consistentOn.length);
  });
});

describe('CSV export of the current filter', () => {
  it('streams every matching row once, in the sort order, with one header line', async () => {
    const service = createConsoleService({ seed: 5 });
    const journalLength = ok(await service.handle('session.info', {})).journalLength as number;
    const query = { owner: 'CL1' };
    let text = '';
    let offset = 0;
    let total = Infinity;
    while (offset < total) {
      const chunk = ok(await service.handle('volumes.csv', { offset, limit: 4000, query, sort: { by: 'volser', dir: 'desc' }, journalLength }));
      total = chunk.total;
      offset += chunk.rows;
      text += chunk.text;
    }
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines.length).toBe(15_000 + 1);
    const volsers = lines.slice(1).map((l) => l.split(',')[0]!);
    expect(new Set(volsers).size).toBe(15_000);
    expect([...volsers].sort().reverse()).toEqual(volsers);
    expect(lines.slice(1).every((l) => l.split(',')[3] === 'CL1')).toBe(true);
  });

  it('refuses a chunk once the grid has changed since the export began', async () => {
    const service = createConsoleService({ seed: 5 });
    const journalLength = ok(await service.handle('session.info', {})).journalLength as number;
    ok(await service.handle('volumes.csv', { offset: 0, limit: 10, query: {}, journalLength }));
    ok(await service.handle('console.execute', { line: 'ADVANCE 1m' }));
    const next = await service.handle('volumes.csv', { offset: 10, limit: 10, query: {}, journalLength });
    expect(next).toMatchObject({ ok: false, error: { code: 'GRID_CHANGED' } });
  });
});
