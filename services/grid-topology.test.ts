// grid.show carries what the Topology diagram draws beyond SHOW GRID: sites, hosts with their devices
// and channel paths, and the grid links — for the present and for a past moment (the time bar's
// timeline). Console sample three-cluster-ha-dr (Redbook §11.4 Figure 11-15: CL0, CL1 at PROD, CL2 at DR).

import { describe, expect, it } from 'vitest';
import { createConsoleService } from './console-service.js';
import { ok } from './reply.fixture.js';

describe('grid.show topology for the console diagram', () => {
  it('names the sites, the hosts with their devices per cluster, and every grid link', async () => {
    const service = createConsoleService({ seed: 1 });
    const grid = ok(await service.handle('grid.show', {}));
    expect(grid.sites).toEqual([
      { id: 'PROD', failed: false },
      { id: 'DR', failed: false },
    ]);
    const prod = grid.hosts.find((h: { name: string }) => h.name === 'PRODHOST');
    expect(prod).toMatchObject({ site: 'PROD', role: 'PRODUCTION', failed: false });
    expect(prod.devices.CL0).toMatchObject({ online: true, failedPaths: 0 });
    expect(grid.hosts.map((h: { name: string }) => h.name)).toContain('DRHOST');
    expect(grid.links.map((l: { a: string; b: string }) => `${l.a}-${l.b}`).sort()).toEqual(['CL0-CL1', 'CL0-CL2', 'CL1-CL2']);
    // The runbook's SHOW GRID result keeps spec §10's shape: the additions are the console's only.
    const shown = ok(await service.handle('console.execute', { line: 'SHOW GRID' }));
    expect(shown.records[0].result.hosts).toBeUndefined();
  });

  it('shows failed hosts, host link paths, sites and links, now and as they were at a past moment', async () => {
    const service = createConsoleService({ seed: 1 });
    for (const line of ['FAIL HOSTLINK PRODHOST CL0', 'FAIL LINK CL0 CL1', 'FAIL SITE DR', 'ADVANCE 1h', 'REPAIR SITE DR', 'REPAIR LINK CL0 CL1', 'REPAIR HOSTLINK PRODHOST CL0']) {
      ok(await service.handle('console.execute', { line }));
    }
    const now = ok(await service.handle('grid.show', {}));
    expect(now.sites.find((s: { id: string }) => s.id === 'DR').failed).toBe(false);
    expect(now.links.find((l: { a: string; b: string }) => l.a === 'CL0' && l.b === 'CL1').failed).toBe(0);

    const past = ok(await service.handle('grid.show', { at: '2026-01-01T00:30:00Z' }));
    expect(past.sites.find((s: { id: string }) => s.id === 'DR').failed).toBe(true);
    expect(past.hosts.find((h: { name: string }) => h.name === 'DRHOST').failed).toBe(true);
    expect(past.hosts.find((h: { name: string }) => h.name === 'PRODHOST').devices.CL0.failedPaths).toBe(1);
    const link = past.links.find((l: { a: string; b: string }) => l.a === 'CL0' && l.b === 'CL1');
    expect(link.failed).toBe(link.count);
  });
});
