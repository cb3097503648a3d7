// The DR test report lists time-zero, every DR-host mount with its source or failure, readiness and
// losses per Management Class (issue: DR test report), as HTML and as a real PDF.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../session.js';
import { buildDrTestReport, reportHtml, reportPdf } from './dr-test-report.js';

function fig3Session(): Session {
  const session = new Session(null, 1);
  const text = readFileSync(join(import.meta.dirname, '../runbook/dr/flash-fig3.runbook'), 'utf8').replace(/LI REQ,GRID01,DRSETUP,DRFAM,FLASH,DISABLE[\s\S]*$/, '');
  for (const c of session.validate(text).commands) session.run(c);
  return session;
}

describe('DR test report', () => {
  it('names time-zero, each DR mount with its source or reason, and readiness per MC', () => {
    const report = buildDrTestReport(fig3Session(), 'DRFAM', 'DRHOST');
    expect(report.family?.timeZero).toBe(report.readiness.timeZero);
    const sources = report.mounts.map((m) => (m.ok ? `${m.source}@${m.sourceCluster}` : m.reason?.split(':')[0]));
    expect(sources).toEqual(['snapshot@CL2', 'snapshot@CL3', 'backup@CL4', 'NOT_CONSISTENT_AT_TIME_ZERO', 'NO_SUCH_VOLUME', 'live@CL2']);
    expect(report.readiness.byMc.MCPROD).toMatchObject({ volumes: 2 });
    const html = reportHtml(report);
    expect(html).toContain('NOT_CONSISTENT_AT_TIME_ZERO');
    expect(html).toContain('What was lost at time-zero, per Management Class');
  });

  it('renders a PDF document', async () => {
    const pdf = await reportPdf(buildDrTestReport(fig3Session(), 'DRFAM', 'DRHOST'));
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
  });
});
