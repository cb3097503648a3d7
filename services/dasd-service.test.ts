// The Host DASD channels (contract/dasd-api.ts): the overview the view reads after runbook lines ran
// through console.execute, one replica's journal, and errors as values with their field path.

import { describe, expect, it } from 'vitest';
import { createConsoleService } from './console-service.js';
import { ok } from './reply.fixture.js';

async function run(service: ReturnType<typeof createConsoleService>, lines: string[]): Promise<void> {
  for (const line of lines) {
    const r = ok<{ records: { ok: boolean; error: unknown }[]; errors: unknown[] }>(await service.handle('console.execute', { line }));
    expect(r.errors, line).toEqual([]);
    expect(r.records[0]!.ok, `${line}: ${JSON.stringify(r.records[0]!.error)}`).toBe(true);
  }
}

describe('dasd.overview and dasd.journal', () => {
  it('shows replication sets with journal usage, the reachable window, image access, versions and seeding progress', async () => {
    const service = createConsoleService();
    await run(service, [
      'SITE DASDPROD',
      'SITE DASDDR',
      'DASD CAT SITE DASDPROD SIZE 1GB',
      'DASD CATR SITE DASDDR SIZE 1GB',
      'REPLICATE CAT TO CATR ASYNC JOURNAL 64MB',
      'DASDWRITE CAT 0 1MB PATTERN A',
      'ADVANCE 5s',
      'BOOKMARK CAT B1',
      'DASDWRITE CAT 0 1MB PATTERN B',
      'ADVANCE 5s',
      'IMAGE ACCESS CATR AT B1 VIRTUAL',
      'DASD T1 SITE DASDPROD SIZE 1GB',
      'SOURCEPOOL SP VOLUMES CAT',
      'TARGETPOOL TP FOR SP VOLUMES T1',
      'BACKUP SP',
      'DASD P SITE DASDPROD SIZE 1GB',
      'DASD S SITE DASDDR SIZE 1GB',
      'REMOTECOPY P TO S ESTABLISH OFFLINE',
      'FLASHCOPY P TO MEDIA M1',
      'SHIP M1 TO DASDDR',
    ]);
    const o = ok(await service.handle('dasd.overview', {}));
    expect(o.volumes.map((v: { name: string }) => v.name)).toEqual(['CAT', 'CATR', 'T1', 'P', 'S']);
    const j = o.replications[0];
    expect(j).toMatchObject({ replica: 'CATR', source: 'CAT', mode: 'ASYNC', segments: 64, distribution: 'paused', earliestPointInTime: '2026-01-01T00:00:00Z' });
    expect(j.imageAccess).toMatchObject({ mode: 'virtual', pointInTime: 'B1' });
    expect(j.streams.undo.records).toBe(2);
    expect(o.versions[0].versions[0]).toMatchObject({ version: 1, record: 'RR', pairs: [{ source: 'CAT', target: 'T1' }] });
    expect(o.remoteCopies[0]).toMatchObject({ stage: 'shipped', stagesDone: 3, stages: 5 });
    expect(ok(await service.handle('dasd.journal', { replica: 'CATR' })).bookmarks[0]).toMatchObject({ name: 'B1', reachable: true });
    service.close();
  });

  it('answers a volume that is no replica, and a bad name, with an error value and its field', async () => {
    const service = createConsoleService();
    await run(service, ['SITE X', 'DASD A SITE X SIZE 1GB']);
    const notReplica = await service.handle('dasd.journal', { replica: 'A' });
    expect(notReplica).toMatchObject({ ok: false, error: { code: 'NOT_A_REPLICA' } });
    const bad = await service.handle('dasd.journal', { replica: 'no spaces' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/^dasd.journal: replica: /);
    expect(await service.handle('dasd.overview', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    service.close();
  });
});
