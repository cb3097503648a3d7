// Evidence reports through the console service (issue 13 items 1, 2, 4): a finished DR-test wizard
// keeps its report in the database; the list, export and verify channels; a report reopened after a
// restart; a wizard whose grid was replaced says so; a Copy Export Recovery rehearsal has a report.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Session } from '../core/session.js';
import { sessionJournal } from '../core/reports/evidence-digest.js';
import { buildRecoveryEvidence } from '../core/reports/evidence-recovery.js';
import { evidenceReport } from '../contract/report-api.js';
import { createConsoleService, type ConsoleService } from './console-service.js';
import { sqliteSessionStore } from './sqlite-session-store.js';
import { okAsync as ok } from './reply.fixture.js';

async function exec(service: ConsoleService, line: string) {
  const r = await ok<{ records: { ok: boolean }[] }>(service.handle('console.execute', { line }));
  expect(
    r.records.every((x) => x.ok),
    line,
  ).toBe(true);
}

const FLASH = { drCluster: 'CL2', familyClusters: ['CL2', 'CL3', 'CL4'], production: ['CL0', 'CL1'], testReads: 'A00000-A00001', rtoMinutes: 120 };

describe('evidence reports in the console', () => {
  it('a finished FlashCopy test keeps its report in the database: listed, exported, verified, and still there after a restart', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'tz-evidence-')), 'console.db');
    const first = createConsoleService({ sample: 'flash-dr-family', store: sqliteSessionStore(db) });
    let state = await ok(first.handle('wizard.start', { wizardId: 'flash-dr-family', params: FLASH }));
    while (state.run.status !== 'finished') state = await ok(first.handle('wizard.step', { acknowledge: true }));
    const id = state.run.reportId as string;
    expect(id).toMatch(/^flash-dr-test-/);
    const list = await ok(first.handle('reports.list', {}));
    expect(list).toMatchObject({ persistent: true, reports: [{ id, kind: 'flash-dr-test' }] });
    // The family card counts the DR mounts as the report does (issue 13 item 5).
    const report = await ok(first.handle('reports.get', { id }));
    const families = await ok<any[]>(first.handle('dr.families', {}));
    expect(families[0].drMounts.volumeMounts).toBe(report.drMounts.volumeMounts);
    expect(report.drMounts.volumeMounts).toBe(12);
    expect(await ok(first.handle('reports.verify', { id }))).toMatchObject({ ok: true });
    first.close();

    const second = createConsoleService({ sample: 'flash-dr-family', store: sqliteSessionStore(db) });
    expect((await ok(second.handle('reports.list', {}))).reports.map((r: { id: string }) => r.id)).toEqual([id]);
    const html = await ok(second.handle('reports.export', { id, format: 'html' }));
    expect(html.text).toContain(report.journal.digest);
    const pdf = await ok(second.handle('reports.export', { id, format: 'pdf' }));
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(await ok(second.handle('reports.verify', { id }))).toMatchObject({ ok: true });
    second.close();
    // The journal altered behind the console's back: verify says so.
    const sql = new Database(db);
    sql.prepare("UPDATE journal SET text = text || ' ' WHERE seq = ?").run(report.journal.fromSeq + 1);
    sql.close();
    const third = createConsoleService({ sample: 'flash-dr-family', store: sqliteSessionStore(db) });
    const verdict = await ok(third.handle('reports.verify', { id }));
    expect(verdict.ok).toBe(false);
    expect(verdict.checks.find((c: { check: string }) => c.check === 'journal digest').ok).toBe(false);
    third.close();
  }, 60_000);

  it('a wizard whose grid was replaced says so instead of going on', async () => {
    const service = createConsoleService({ sample: 'flash-dr-family' });
    await ok(service.handle('wizard.start', { wizardId: 'flash-dr-family', params: FLASH }));
    await ok(service.handle('wizard.step', { acknowledge: true }));
    await exec(service, 'SAMPLE two-cluster-dr');
    const state = await ok(service.handle('wizard.state', {}));
    expect(state.run.gone).toMatch(/^The grid this test ran on was replaced \(.*SAMPLE two-cluster-dr/);
    expect(state.next).toBeNull();
    const reply = await service.handle('wizard.step', { acknowledge: true });
    expect(reply.ok ? null : reply.error.code).toBe('WIZARD_GONE');
  });

  it('a Copy Export Recovery rehearsal in DR test mode has a report (Redbook §11.7.2)', () => {
    const files = new Map<string, string>();
    const port = { readText: (p: string) => files.get(p)!, writeText: (p: string, t: string) => void files.set(p, t) };
    const source = new Session(port, 3);
    const run = (s: Session, text: string) => s.validate(text).commands.map((c) => s.run(c));
    run(
      source,
      `GRID GRID01
SITE PROD
CLUSTER CL0 SITE PROD MODEL TAPE DRIVES 6 IOSTATION
HOST PRODHOST SITE PROD ROLE PRODUCTION DEVICES CL0
MC MCCE COPY R SECONDARY 8
MC MCLIST COPY R
POOL CL0 8 MEDIA JJ FORMAT E06 COPYEXPORT SCRATCH 20 ENCRYPT KEYPROD
PRELOAD A00000-A00049 ON CL0 MC MCCE SIZE 10GB
INSERT EXP000-EXP009 ON CL0 CATEGORY 000F
ADVANCE 1m
EXPORTLIST EXP000 ON CL0 POOL 8 LMTDBPVL MC MCLIST
LIBRARY EXPORT,EXP000
ADVANCE UNTIL IDLE
SAVE EXPORTSET FROM CL0 set.tzset`,
    );
    const target = new Session(port, 9);
    const records = run(target, 'STANDALONE DRLIB MODEL TAPE DRIVES 4 FORMATS E06 KEYS KEYPROD\nLOAD EXPORTSET set.tzset INTO DRLIB\nRECOVER DRLIB FROM LATEST\nADVANCE UNTIL IDLE');
    expect(records.filter((x) => !x.ok).map((x) => `${x.command}: ${x.error?.message}`)).toEqual([]);
    const r = buildRecoveryEvidence(target, 'DRLIB', sessionJournal(target), { toolVersion: 't', seed: 9, now: new Date() });
    expect(evidenceReport.safeParse(r).success).toBe(true);
    expect(r.title).toMatch(/DR test mode rehearsal/);
    expect(r.rpo).toMatchObject({ volumes: 50, recoverable: 50, lostVolumes: 0 });
    expect(r.steps.every((s) => s.outcome === 'done')).toBe(true);
    expect(r.steps.reduce((n, s) => n + s.simulatedSeconds!, 0)).toBeGreaterThan(60); // the task list takes simulated time
    expect(r.verdict.rules[0]).toMatchObject({ held: true });
    expect(r.journal.entries.map((e) => e.text)).toContain('RECOVER DRLIB FROM LATEST');

    // A library shared with another partition holding A00040-A00049: those VOLSERs conflict and are not
    // recovered (Redbook §11.7.1); the RPO names them per Management Class and category, with bytes.
    const shared = new Session(port, 9);
    const shareRecords = run(
      shared,
      'STANDALONE DRLIB MODEL TAPE DRIVES 4 FORMATS E06 KEYS KEYPROD PARTITION A00040-A00049\nLOAD EXPORTSET set.tzset INTO DRLIB\nRECOVER DRLIB FROM LATEST\nADVANCE UNTIL IDLE',
    );
    expect(shareRecords.filter((x) => !x.ok).map((x) => `${x.command}: ${x.error?.message}`)).toEqual([]);
    const lost = buildRecoveryEvidence(shared, 'DRLIB', sessionJournal(shared), { toolVersion: 't', seed: 9, now: new Date() });
    expect(evidenceReport.safeParse(lost).success).toBe(true);
    expect(lost.rpo).toMatchObject({ volumes: 50, recoverable: 40, lostVolumes: 10, lostBytes: 10 * 10 * 2 ** 30 });
    expect(lost.rpo!.lost).toEqual([{ mc: 'MCCE', category: '000F', volumes: 10, bytes: 10 * 10 * 2 ** 30 }]);
  });
});
