// `timezero run <file> --report <out>.json|.html|.pdf`: the evidence report of that run (issue 13 item
// 2): its steps are the runbook's commands, its checks the EXPECT lines, its verdict their outcome.
// With --db the report is also kept in the database, so `timezero verify-report` can check it later.

import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from '../core/runbook/commands.js';
import { sessionJournal, type JournalSource } from '../core/reports/evidence-digest.js';
import { evidenceHtml } from '../core/reports/evidence-html.js';
import { buildRunbookEvidence, type RunbookLine } from '../core/reports/evidence-runbook.js';
import { storeJournal } from '../core/reports/store-journal.js';
import type { RunRecord, Session } from '../core/session.js';
import type { GridStore } from '../core/store/port.js';
import { keepReport, type EvidencePorts } from '../services/report-service.js';
import { evidencePdf } from '../services/evidence-pdf.js';
import { toolVersion } from '../services/tool-version.js';

export type ReportFormat = 'json' | 'html' | 'pdf';

/** The format named by the output file's extension, or an error message. */
export function reportFormat(path: string): ReportFormat | string {
  const ext = /\.(json|html|pdf)$/i.exec(path)?.[1]?.toLowerCase();
  return ext ? (ext as ReportFormat) : `--report ${path}: the file must end in .json, .html or .pdf`;
}

/** Settles when the last report written (a PDF renders asynchronously) is on disk; tests await it. */
export let reportWritten: Promise<void> = Promise.resolve();

export class RunReport {
  private readonly lines: RunbookLine[] = [];
  private readonly journal: JournalSource;
  private readonly fromSeq: number;
  private readonly wallStart = new Date().toISOString();
  private startedAt = 0;

  constructor(
    private readonly out: string,
    private readonly format: ReportFormat,
    private readonly file: string,
    private readonly session: Session,
    private readonly store: GridStore | null,
  ) {
    this.journal = store ? storeJournal(store) : sessionJournal(session);
    this.fromSeq = this.journal.lastSeq() + 1;
  }

  before(): void {
    this.startedAt = this.session.engine.state.now;
  }

  record(command: Command, record: RunRecord): void {
    const expect = command.name === 'EXPECT' || command.name === 'EXPECT_MESSAGE';
    this.lines.push({
      line: command.line,
      text: command.text,
      expect,
      ok: record.ok,
      error: record.error ? record.error.message : null,
      startedAt: this.startedAt,
      endedAt: this.session.engine.state.now,
    });
  }

  /** Builds, keeps (with --db) and writes the report; errors go to `err` and make the exit status 2. */
  write(err: (line: string) => void): void {
    const meta = { toolVersion: toolVersion(), seed: this.session.engine.state.seed, now: new Date() };
    const report = buildRunbookEvidence(
      {
        title: `Runbook report — ${basename(this.file)}`,
        file: basename(this.file),
        grid: this.session.engine.state.name,
        lines: this.lines,
        fromSeq: this.fromSeq,
        toSeq: this.journal.lastSeq(),
        wallStart: this.wallStart,
        wallEnd: new Date().toISOString(),
      },
      this.journal,
      meta,
    );
    if (this.store) {
      const store = this.store;
      const ports: EvidencePorts = {
        archive: {
          persistent: true,
          save: (r) => store.saveReport({ id: r.id, kind: r.kind, title: r.title, verdict: r.verdict.result, createdAt: r.cover.generatedAt, digest: r.digest, body: JSON.stringify(r) }),
          list: () => [],
          get: () => null,
        },
        journal: this.journal,
        meta: () => meta,
      };
      keepReport(ports, report);
    }
    if (this.format === 'json') writeFileSync(this.out, `${JSON.stringify(report, null, 2)}\n`);
    else if (this.format === 'html') writeFileSync(this.out, evidenceHtml(report));
    else {
      reportWritten = evidencePdf(report).then(
        (pdf) => writeFileSync(this.out, pdf),
        (error: Error) => {
          err(`${this.out}: the PDF report could not be written: ${error.message}`);
          process.exitCode = 2;
        },
      );
    }
  }
}
