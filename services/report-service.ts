// DR test evidence reports over the contract: kept with the grid's database (the reports table), or in
// memory without one; listed, reopened, exported as HTML, PDF or JSON, verified against the journal,
// and created on demand for the wizard run, a Copy Export Recovery or a range of the journal.

import { evidenceReport, type EvidenceReportDto } from '../contract/report-api.js';
import type { Request, Response } from '../contract/api.js';
import { sessionJournal, verifyReport, type JournalSource } from '../core/reports/evidence-digest.js';
import { evidenceHtml } from '../core/reports/evidence-html.js';
import type { EvidenceReport } from '../core/reports/evidence-model.js';
import { buildRecoveryEvidence, NoRecovery } from '../core/reports/evidence-recovery.js';
import { buildRunbookEvidence } from '../core/reports/evidence-runbook.js';
import type { EvidenceMeta } from '../core/reports/evidence-wizard.js';
import { storeJournal } from '../core/reports/store-journal.js';
import type { Session } from '../core/session.js';
import type { GridStore, StoredReport } from '../core/store/port.js';
import { describeIssue } from '../contract/api.js';
import { fail } from './errors.js';
import { evidencePdf } from './evidence-pdf.js';
import { toolVersion } from './tool-version.js';
import { parseOutcome } from '../core/model/json-fields.js';

export interface ReportArchive {
  persistent: boolean;
  save(report: EvidenceReport): void;
  list(): Omit<StoredReport, 'body'>[];
  get(id: string): StoredReport | null;
}

const row = (r: EvidenceReport): StoredReport => ({ id: r.id, kind: r.kind, title: r.title, verdict: r.verdict.result, createdAt: r.cover.generatedAt, digest: r.digest, body: JSON.stringify(r) });

export function storeArchive(store: GridStore): ReportArchive {
  return { persistent: true, save: (r) => store.saveReport(row(r)), list: () => store.listReports(), get: (id) => store.getReport(id) };
}

export function memoryArchive(): ReportArchive {
  const reports = new Map<string, StoredReport>();
  return {
    persistent: false,
    save: (r) => void reports.set(r.id, row(r)),
    list: () => [...reports.values()].reverse().map(({ body: _b, ...rest }) => rest),
    get: (id) => reports.get(id) ?? null,
  };
}

/** What the DR service and the report channels share: where reports go, the journal, the report header. */
export interface EvidencePorts {
  archive: ReportArchive;
  journal: JournalSource;
  meta(): EvidenceMeta;
}

export function evidencePorts(session: Session, store: GridStore | undefined): EvidencePorts {
  return {
    archive: store ? storeArchive(store) : memoryArchive(),
    journal: store ? storeJournal(store) : sessionJournal(session),
    meta: () => ({ toolVersion: toolVersion(), seed: session.engine.state.seed, now: new Date() }),
  };
}

/** Checked against the contract's schema before it is kept: a report that breaks it is a bug, never stored. */
export function keepReport(ports: EvidencePorts, report: EvidenceReport): Response<'reports.create'> {
  const checked = evidenceReport.safeParse(report);
  if (!checked.success) throw new Error(`the report breaks its schema: ${describeIssue(checked.error)}`);
  ports.archive.save(report);
  return { id: report.id, kind: report.kind, title: report.title, verdict: report.verdict.result, createdAt: report.cover.generatedAt, digest: report.digest };
}

export async function renderReport(report: EvidenceReport, format: 'html' | 'pdf' | 'json'): Promise<Response<'reports.export'>> {
  const base = `${report.id}`;
  if (format === 'json') return { name: `${base}.json`, mime: 'application/json', text: `${JSON.stringify(report, null, 2)}\n` };
  if (format === 'html') return { name: `${base}.html`, mime: 'text/html', text: evidenceHtml(report) };
  return { name: `${base}.pdf`, mime: 'application/pdf', base64: Buffer.from(await evidencePdf(report)).toString('base64') };
}

/** A kept report's body, checked against the report's schema: a damaged one is refused naming the field, never half-used. */
function storedReport(id: string, body: string): EvidenceReport {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    fail('DAMAGED_REPORT', `id: report ${id} is not JSON in the database`);
  }
  const checked = evidenceReport.safeParse(json);
  if (!checked.success) fail('DAMAGED_REPORT', `id: report ${id} in the database does not read as a report: ${describeIssue(checked.error)}`);
  return checked.data;
}

export function reportHandlers(session: Session, ports: EvidencePorts, wizardReport: () => EvidenceReport | null) {
  const load = (id: string): EvidenceReport => {
    const stored = ports.archive.get(id);
    if (!stored) fail('NO_SUCH_REPORT', `id: no report ${id} (reports.list names them)`);
    return storedReport(id, stored.body);
  };
  return {
    'reports.list': (): Response<'reports.list'> => ({ persistent: ports.archive.persistent, reports: ports.archive.list() }),
    'reports.get': ({ id }: Request<'reports.get'>): EvidenceReportDto => load(id),
    'reports.export': ({ id, format }: Request<'reports.export'>) => renderReport(load(id), format),
    'reports.verify': ({ id }: Request<'reports.verify'>): Response<'reports.verify'> => {
      const stored = ports.archive.get(id);
      if (!stored) fail('NO_SUCH_REPORT', `id: no report ${id} (reports.list names them)`);
      return verifyReport(storedReport(id, stored.body), ports.journal, stored.digest);
    },
    'reports.create': (request: Request<'reports.create'>): Response<'reports.create'> => {
      if (request.source === 'wizard') {
        const report = wizardReport();
        if (!report) fail('NO_DR_TEST', 'source: no DR-test wizard has run yet: start one in DR Families');
        return keepReport(ports, report);
      }
      if (request.source === 'recovery') {
        if (!request.library) fail('BAD_REQUEST', 'library: the stand-alone library whose recovery to report');
        try {
          return keepReport(ports, buildRecoveryEvidence(session, request.library, ports.journal, ports.meta()));
        } catch (error) {
          if (error instanceof NoRecovery) fail('NO_RECOVERY', error.message);
          throw error;
        }
      }
      if (request.fromSeq === undefined || request.toSeq === undefined) fail('BAD_REQUEST', `${request.fromSeq === undefined ? 'fromSeq' : 'toSeq'}: the journal range to report`);
      const last = ports.journal.lastSeq();
      if (request.fromSeq > request.toSeq || request.toSeq > last) fail('BAD_RANGE', `toSeq: the journal holds entries 1-${last}; asked for ${request.fromSeq}-${request.toSeq}`);
      const rows = ports.journal.rows(request.fromSeq, request.toSeq);
      const lines = rows.map((r) => {
        const outcome = parseOutcome(r.outcome);
        return { line: null, text: r.text, expect: false, ok: r.ok, error: outcome?.error ? `${outcome.error.code}: ${outcome.error.message}` : null, startedAt: r.startedAt, endedAt: r.endedAt };
      });
      const run = {
        title: request.title ?? `Journal entries ${request.fromSeq}-${request.toSeq}`,
        file: `journal ${request.fromSeq}-${request.toSeq}`,
        grid: session.engine.state.name,
        lines,
        fromSeq: request.fromSeq,
        toSeq: request.toSeq,
        wallStart: null,
        wallEnd: null,
      };
      return keepReport(ports, buildRunbookEvidence(run, ports.journal, ports.meta()));
    },
  };
}
