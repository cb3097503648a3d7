// A volume's history (volume.show) is complete: besides the journal lines naming it, what the engine
// did to it — the JOB's scratch mount, its write and demount, the copies made per the Management
// Class and which cluster each came from, cache removals under pressure, category and MC changes —
// newest first, in words (issue 14 item 5). Copy modes: Redbook §11.1 copy consistency points; cache
// removal on a disk-only cluster deletes its copy (Redbook §11.1, TS7720 auto-removal).

import { describe, expect, it } from 'vitest';
import { createConsoleService } from './console-service.js';
import { ok } from './reply.fixture.js';

const GRID = `GRID HIST
SITE PROD
SITE DR
CLUSTER CL0 SITE PROD MODEL DISK CACHE 10GB
CLUSTER CL1 SITE DR MODEL DISK CACHE 100TB
HOST PRODHOST SITE PROD ROLE PRODUCTION DEVICES CL0
MC MCD COPY RD
MC MCN COPY RN
MC MCR COPY RR
CATEGORY 0002 SCRATCH
INSERT S00000-S00099 ON CL0`;

async function gridService() {
  const service = createConsoleService({ seed: 3 });
  const step = ok(await service.handle('runbook.step', { text: GRID, from: 0, to: 99 }));
  expect(step.records.every((r: { ok: boolean }) => r.ok)).toBe(true);
  return service;
}

describe('volume history', () => {
  it('shows the JOB that wrote a volume, its mount, write, demount and the Deferred copy with its source', async () => {
    const service = await gridService();
    const job = ok(await service.handle('console.execute', { line: 'JOB PRODHOST WRITE 1 SCRATCH ON CL0 MC MCD SIZE 1GB' }));
    const volser = job.records[0].result.volsers[0] as string;
    ok(await service.handle('console.execute', { line: 'ADVANCE 1h' }));
    const shown = ok(await service.handle('volume.show', { volser }));
    const texts = shown.history.map((h: { command: string }) => h.command);
    // Oldest at the end: the inserting command, then the scratch mount and what followed.
    expect(texts.at(-1)).toBe('INSERT S00000-S00099 ON CL0');
    const story = shown.history.map((h: { kind: string; command: string }) => (h.kind === 'command' ? h.command : h.kind)).reverse();
    // The JOB never names its volsers and the copy finished during ADVANCE: both join the history.
    expect(story).toEqual(['INSERT S00000-S00099 ON CL0', 'JOB PRODHOST WRITE 1 SCRATCH ON CL0 MC MCD SIZE 1GB', 'scratch-mount', 'category', 'mc', 'write', 'demount', 'ADVANCE 1h', 'copy']);
    expect(texts).toContain('Mounted as a scratch volume on CL0 by PRODHOST');
    expect(texts).toContain('Category changed from 0002 to 0001'.replace('0001', shown.volume.category));
    expect(texts).toContain('Management Class changed from none to MCD');
    expect(texts).toContain('Written on CL0: 1,024 MB, now level 1');
    expect(texts).toContain('Copy of level 1 made on CL1 from CL0');
  });

  it('names a cache removal that deleted a disk-only copy, and category and MC changes by CHANGE', async () => {
    const service = await gridService();
    // 10 GB cache: the fifth 2 GB volume pushes the oldest, already copied to CL1 by its RUN copy, out.
    const job = ok(await service.handle('console.execute', { line: 'JOB PRODHOST WRITE 6 SCRATCH ON CL0 MC MCR SIZE 2GB' }));
    const first = job.records[0].result.volsers[0] as string;
    const shown = ok(await service.handle('volume.show', { volser: first }));
    expect(shown.history.map((h: { command: string }) => h.command)).toContain("Removed from CL0's cache to make room: that disk-only cluster no longer holds a copy");
    ok(await service.handle('console.execute', { line: `CHANGE ${first} MC MCN` }));
    const after = ok(await service.handle('volume.show', { volser: first }));
    // Newest first: the change, then the command that made it.
    expect(after.history[0]).toMatchObject({ kind: 'mc', command: 'Management Class changed from MCR to MCN' });
    expect(after.history[1]).toMatchObject({ kind: 'command', command: `CHANGE ${first} MC MCN` });
  });

  it('as at a past moment, leaves out what happened after it', async () => {
    const service = await gridService();
    const job = ok(await service.handle('console.execute', { line: 'JOB PRODHOST WRITE 1 SCRATCH ON CL0 MC MCD SIZE 1GB' }));
    const volser = job.records[0].result.volsers[0] as string;
    const before = job.records[0].time as string;
    ok(await service.handle('console.execute', { line: 'ADVANCE 1h' }));
    ok(await service.handle('console.execute', { line: `CHANGE ${volser} CATEGORY 0002` }));
    const past = ok(await service.handle('volume.show', { volser, at: before }));
    expect(past.history.some((h: { command: string }) => h.command.startsWith('CHANGE'))).toBe(false);
  });
});
