// policies.show on the console sample (Redbook §11.4 Figure 11-15: CL0, CL1 disk, CL2 tape; MCPROD
// R-R-D): Management Classes, pools, categories and host DEVSUP as the grid holds them, and an edit
// issued as a runbook line through console.execute shows in the next read and in the journal.

import { beforeAll, describe, expect, it } from 'vitest';
import { createConsoleService, type ConsoleService } from './console-service.js';
import { ok } from './reply.fixture.js';

describe('policies.show', () => {
  let service: ConsoleService;
  beforeAll(() => {
    service = createConsoleService({ seed: 3 });
  });

  it('lists the sample MCs with their copy modes and volume counts, pools of the tape cluster only', async () => {
    const p = ok(await service.handle('policies.show', {}));
    expect(p.clusters.map((c: { name: string }) => c.name)).toEqual(['CL0', 'CL1', 'CL2']);
    expect(p.managementClasses.find((m: { name: string }) => m.name === 'MCPROD')).toMatchObject({ modes: ['R', 'R', 'D'], secondaryPool: null, preference: 'PG1', volumes: 20_000 });
    expect(new Set(p.pools.map((x: { cluster: string }) => x.cluster))).toEqual(new Set(['CL2']));
    expect(p.hosts.find((h: { name: string }) => h.name === 'PRODHOST')).toMatchObject({ scratch: '0002', private: '000F', error: '000E' });
    expect(p.formats.find((f: { format: string }) => f.format === 'E08').media).toContain('JD');
  });

  it('an MC with SECONDARY 8 and a Copy Export pool 8 show up linked; each edit is journaled', async () => {
    const before = service.session.journal.length;
    for (const line of ['POOL CL2 8 COPYEXPORT', 'MC MCEXP COPY RRD SECONDARY 8 PG0', 'CATEGORY 0012 SCRATCH EXPIREHOLD 2h', 'DEVSUP DRHOST SCRATCH 0012']) {
      const out = ok(await service.handle('console.execute', { line }));
      expect(out.records[0].ok, line).toBe(true);
    }
    expect(service.session.journal.slice(before).map((e) => e.text)).toEqual([
      'POOL CL2 8 COPYEXPORT',
      'MC MCEXP COPY RRD SECONDARY 8 PG0',
      'CATEGORY 0012 SCRATCH EXPIREHOLD 2h',
      'DEVSUP DRHOST SCRATCH 0012',
    ]);
    const p = ok(await service.handle('policies.show', {}));
    expect(p.pools.find((x: { pool: number }) => x.pool === 8)).toMatchObject({ copyExport: true, reclaimPool: 8, secondaryOf: ['MCEXP'] });
    expect(p.managementClasses.find((m: { name: string }) => m.name === 'MCEXP')).toMatchObject({ secondaryPool: 8, preference: 'PG0', volumes: 0 });
    expect(p.categories.find((c: { category: string }) => c.category === '0012')).toMatchObject({ scratch: true, expireHoldSeconds: 7200 });
    expect(p.hosts.find((h: { name: string }) => h.name === 'DRHOST')).toMatchObject({ scratch: '0012' });
  });
});
