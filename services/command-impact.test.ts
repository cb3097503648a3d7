// command.impact says what a line would throw away before it runs (issue 11 item 5, issue 14 item
// 6): a replaced grid with its size, an ERASE, write takeover, removal from a DR family, and a PRELOAD
// that pushes volumes out of a disk-only cache (Redbook §11.1: removal above 95% down to 90%; a
// disk-only cluster's removed copy is deleted). Lines that lose nothing ask nothing.

import { describe, expect, it } from 'vitest';
import { createConsoleService } from './console-service.js';
import { ok } from './reply.fixture.js';

describe('command.impact', () => {
  it('names the grid a SAMPLE would replace, with its clusters, volumes and journal, and that a backup is taken', async () => {
    const service = createConsoleService({ seed: 2 });
    const { impacts } = ok(await service.handle('command.impact', { text: 'SAMPLE two-cluster-dr' }));
    expect(impacts).toHaveLength(1);
    expect(impacts[0].title).toBe('Load the sample grid two-cluster-dr?');
    expect(impacts[0].backup).toBe(true);
    expect(impacts[0].loses[0]).toBe('replace the whole grid GRID01: 3 clusters, 31,000 volumes, their copies, queues, DR families and Copy Export state');
    // Nothing ran: the grid is still the sample with its 31,000 volumes.
    expect(ok(await service.handle('grid.show', {})).volumes).toBe(31_000);
  });

  it("judges a runbook's commands [from, to), the ones Step or Run to end is about to run", async () => {
    const service = createConsoleService({ seed: 2 });
    const text = 'SHOW GRID\nTAKEOVER CL0 FOR CL1 WRITE\nSHOW GRID\nSAMPLE two-cluster-dr';
    const all = ok(await service.handle('command.impact', { text, from: 0, to: 4 })).impacts;
    expect(all.map((i: { line: string }) => i.line)).toEqual(['TAKEOVER CL0 FOR CL1 WRITE', 'SAMPLE two-cluster-dr']);
    const rest = ok(await service.handle('command.impact', { text, from: 2, to: 4 })).impacts;
    expect(rest.map((i: { line: string }) => i.line)).toEqual(['SAMPLE two-cluster-dr']);
    expect(ok(await service.handle('command.impact', { text, from: 0, to: 1 })).impacts).toEqual([]);
  });

  it('asks nothing for lines that lose nothing: SHOW, JOB, read-only takeover', async () => {
    const service = createConsoleService({ seed: 2 });
    const { impacts } = ok(await service.handle('command.impact', { text: 'SHOW GRID\nJOB PRODHOST WRITE 5 SCRATCH ON CL0\nTAKEOVER CL0 FOR CL1 READ' }));
    expect(impacts).toEqual([]);
  });

  it('warns that write takeover lets the survivor modify every volume the peer owns', async () => {
    const service = createConsoleService({ seed: 2 });
    const { impacts } = ok(await service.handle('command.impact', { text: 'TAKEOVER CL0 FOR CL1 WRITE' }));
    expect(impacts[0].title).toBe("Give CL0 write ownership of CL1's volumes?");
    expect(impacts[0].loses[0]).toContain('the 15,000 volumes CL1 owns');
    // Issue 11 item 5: the question says a backup is taken, and the host takes one (backup-service.ts).
    expect(impacts[0].backup).toBe(true);
  });

  it('computes, before it runs, how many volumes a PRELOAD pushes out of a disk-only cache', async () => {
    const service = createConsoleService({ seed: 2 });
    const grid = 'GRID EV\nSITE A\nCLUSTER CL0 SITE A MODEL DISK CACHE 100GB\nCLUSTER CL1 SITE A MODEL DISK CACHE 10TB\nMC M COPY DD\nPRELOAD A00000-A00039 ON CL0 MC M SIZE 2GB';
    expect(ok(await service.handle('runbook.step', { text: grid, from: 0, to: 10 })).records.every((r: { ok: boolean }) => r.ok)).toBe(true);
    // 80 GB cached of 100 GB; 20 more 2 GB volumes make 120 GB: free down to 90 GB, 30 GB = 15 volumes.
    const { impacts } = ok(await service.handle('command.impact', { text: 'PRELOAD B00000-B00019 ON CL0 MC M SIZE 2GB' }));
    expect(impacts).toHaveLength(1);
    expect(impacts[0].loses).toEqual([expect.stringMatching(/^remove about 15 volumes \(30\.0 GB\) from CL0's cache to make room: CL0 is disk-only, so its copies of them are deleted/)]);
    // The estimate matches what the PRELOAD then does.
    const run = ok(await service.handle('console.execute', { line: 'PRELOAD B00000-B00019 ON CL0 MC M SIZE 2GB' }));
    const removal = run.records[0].messages.find((m: { id: string }) => m.id === 'TZ0400I');
    expect(removal?.text).toMatch(/\b1[45]\b/);
  });
});
