// Spec §2: the whole file is validated first; reference errors carry line and column; nothing runs.
import { describe, expect, it } from 'vitest';
import { Session } from '../session.js';

function errors(text: string, files: Record<string, string> = {}) {
  const session = new Session({
    readText: (p) => {
      if (!(p in files)) throw new Error('ENOENT');
      return files[p]!;
    },
  });
  return session.validate(text).errors;
}

describe('validator: references follow the topology the file declares', () => {
  it('unknown cluster, by name and by index', () => {
    const text = 'GRID G\nSITE A\nCLUSTER CL0 SITE A MODEL DISK\nFAIL CLUSTER CL9\nFAIL CLUSTER 3';
    expect(errors(text)).toEqual([
      { line: 4, col: 14, message: "unknown cluster 'CL9' (clusters: CL0)" },
      { line: 5, col: 14, message: "unknown cluster '3' (clusters: CL0)" },
    ]);
  });

  it('more than 8 clusters is refused (spec §3)', () => {
    const lines = ['GRID G', 'SITE A', ...Array.from({ length: 9 }, (_, i) => `CLUSTER C${i} SITE A MODEL DISK`)];
    expect(errors(lines.join('\n'))).toEqual([{ line: 11, col: 9, message: 'more than 8 clusters: a grid has at most 8' }]);
  });

  it('unknown site, host and Management Class', () => {
    const text = [
      'GRID G',
      'SITE A',
      'CLUSTER CL0 SITE B MODEL DISK',
      'CLUSTER CL1 SITE A MODEL DISK',
      'MOUNT SCRATCH ON CL1 HOST NOBODY',
      'HOST H SITE A ROLE PRODUCTION DEVICES CL1',
      'JOB H WRITE 1 SCRATCH ON CL1 MC NONE',
    ].join('\n');
    expect(errors(text).map((e) => `${e.line}:${e.col}: ${e.message}`)).toEqual(["3:18: unknown site 'B'", "5:27: unknown host 'NOBODY'", "7:33: unknown Management Class 'NONE'"]);
  });

  it('copy modes must name every cluster (spec §3)', () => {
    const text = 'GRID G\nSITE A\nCLUSTER CL0 SITE A MODEL DISK\nCLUSTER CL1 SITE A MODEL DISK\nMC M COPY RDD';
    expect(errors(text)).toEqual([{ line: 5, col: 11, message: "copy modes 'RDD' name 3 cluster(s); the grid has 2" }]);
  });

  it('samples declare their names; unknown samples are refused', () => {
    expect(errors('SAMPLE two-cluster-dr\nFAIL CLUSTER CL1\nMOUNT A00000 ON CL0 HOST PRODHOST')).toEqual([]);
    expect(errors('SAMPLE nowhere')[0]!.message).toMatch(/unknown sample 'nowhere'/);
  });

  it('GRID starts a new scope', () => {
    expect(errors('SAMPLE two-cluster-dr\nGRID NEW\nFAIL CLUSTER CL0')[0]).toMatchObject({ line: 3, col: 14 });
  });

  it('LOAD reads a grid file and reports its field path', () => {
    const good = JSON.stringify({ format: 'timezero-grid', version: 1, grid: 'G', sites: ['A'], clusters: [{ name: 'CL0', site: 'A', model: 'DISK' }] });
    expect(errors('LOAD g.json\nSHOW CLUSTER CL0', { 'g.json': good })).toEqual([]);
    const bad = JSON.stringify({ format: 'timezero-grid', version: 1, grid: 'G', sites: ['A'], clusters: [{ name: 'CL0', site: 'A', model: 'FLASH' }] });
    expect(errors('LOAD g.json', { 'g.json': bad })[0]!.message).toMatch(/^g\.json: clusters\[0\]\.model: /);
    const unknownSite = JSON.stringify({ format: 'timezero-grid', version: 1, grid: 'G', sites: ['A'], clusters: [{ name: 'CL0', site: 'Z', model: 'DISK' }] });
    expect(errors('LOAD g.json', { 'g.json': unknownSite })[0]!.message).toBe("g.json: clusters[0].site: unknown site 'Z'");
    expect(errors('LOAD missing.json')[0]!.message).toMatch(/cannot read grid file 'missing.json'/);
    expect(errors('LOAD g.json', { 'g.json': '{"format":' })[0]!.message).toMatch(/g\.json: \(file\): not JSON/);
  });
});
