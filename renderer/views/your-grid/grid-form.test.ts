// The guided grid form writes the grid file README "Grid files" documents, which core reads back into
// the topology it describes (core/model/grid-file.ts).

import { describe, expect, it } from 'vitest';
import { gridFileToRunbook } from '../../../core/model/grid-file';
import { exampleForm, gridFileText, renameCluster } from './grid-form';

describe('grid form', () => {
  it('writes a grid file core reads into its topology lines', () => {
    const form = exampleForm();
    form.mcs.push({ name: 'mcdr', copy: 'nr', preference: 'PG0' });
    const runbook = gridFileToRunbook(gridFileText(form));
    expect(typeof runbook).toBe('string');
    expect(runbook).toContain('CLUSTER CL1 SITE DR MODEL TAPE DRIVES 8 IOSTATION');
    expect(runbook).toContain('LINK CL0 CL1 COUNT 2 GBPS 10');
    expect(runbook).toContain('HOST DRHOST SITE DR ROLE DR DEVICES CL1');
    expect(runbook).toMatch(/MC MCDR COPY NR\b.*PG0/);
  });

  it('a bad field comes back with its path', () => {
    const form = exampleForm();
    form.clusters[1]!.site = 'MARS';
    const error = gridFileToRunbook(gridFileText(form));
    expect(error).toMatchObject({ path: 'clusters[1].site' });
  });

  it('removing a cluster drops its links and host devices', () => {
    const form = renameCluster(exampleForm(), 'CL1', null);
    expect(form.links).toEqual([]);
    expect(form.hosts.find((h) => h.name === 'DRHOST')!.devices).toEqual([]);
  });
});
