// The evidence report as a PDF, laid out by pdfmake (tables with repeated header rows, word-wrapped
// paragraphs that break only between words, a running header and "page n of m" footer) with the
// Roboto fonts pdfmake ships embedded in the file. The sections and their text come from the same
// model and the same section builder as the HTML (core/reports/evidence-sections.ts).

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { formatBytes, formatCount } from '../core/reports/evidence-common.js';
import { displayTime, formatSeconds } from '../core/reports/evidence-format.js';
import type { EvidenceReport } from '../core/reports/evidence-model.js';
import { sectionsOf } from '../core/reports/evidence-sections.js';

const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}

let engine: PdfMake | null = null;
function pdfmake(): PdfMake {
  if (engine) return engine;
  const made = require('pdfmake') as PdfMake;
  const fonts = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  made.setFonts({
    Roboto: { normal: join(fonts, 'Roboto-Regular.ttf'), bold: join(fonts, 'Roboto-Medium.ttf'), italics: join(fonts, 'Roboto-Italic.ttf'), bolditalics: join(fonts, 'Roboto-MediumItalic.ttf') },
  });
  // The document names no images or URLs: the only files it may read are the fonts.
  made.setUrlAccessPolicy(() => false);
  made.setLocalAccessPolicy((path) => path.startsWith(fonts));
  engine = made;
  return made;
}

type Cell = string | { text: string | unknown[]; style?: string; bold?: boolean; color?: string; fillColor?: string; alignment?: string; colSpan?: number };

const VERDICT_COLOURS: Record<string, { fill: string; text: string }> = {
  PASS: { fill: '#e3f4e1', text: '#185c12' },
  'PASS WITH EXCEPTIONS': { fill: '#fdf1d8', text: '#6b4a00' },
  FAIL: { fill: '#fbe2e2', text: '#8a1010' },
};

function grid(head: string[], rows: Cell[][], widths: (number | string)[], numeric: number[] = []) {
  if (rows.length === 0) return { text: 'None.', italics: true, margin: [0, 2, 0, 6] };
  return {
    table: {
      headerRows: 1,
      widths,
      dontBreakRows: true,
      body: [head.map((h) => ({ text: h, style: 'th' })), ...rows.map((r) => r.map((c, i) => (typeof c === 'string' && numeric.includes(i) ? { text: c, alignment: 'right' } : c)))],
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => '#999',
      vLineColor: () => '#999',
      paddingLeft: () => 4,
      paddingRight: () => 4,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    fontSize: 8.5,
    margin: [0, 2, 0, 8],
  };
}

/** Long unbroken tokens (digests, JSON) get break opportunities so they wrap instead of overflowing. */
const breakable = (text: string) => text.replace(/([^\s]{40})/g, '$1\u200b');

export function evidencePdfDocument(r: EvidenceReport) {
  const s = sectionsOf(r);
  const colour = VERDICT_COLOURS[r.verdict.result]!;
  const h2 = (text: string) => ({ text, style: 'h2' });
  const content: unknown[] = [
    { text: 'TIMEZERO · DR TEST EVIDENCE', style: 'kicker' },
    { text: r.title, style: 'h1' },
    {
      table: { widths: ['auto'], body: [[{ text: `Verdict: ${r.verdict.result}`, bold: true, color: colour.text, fillColor: colour.fill, fontSize: 13, margin: [6, 3, 6, 3] }]] },
      layout: 'noBorders',
      margin: [0, 4, 0, 8],
    },
    h2('1. Cover'),
    grid(
      ['Item', 'Value'],
      s.cover.map(([k, v]) => [{ text: k!, bold: true }, breakable(v!)]),
      [130, '*'],
    ),
    h2('2. Scope and objectives'),
    { ul: r.scope.objectives, fontSize: 9.5, margin: [0, 0, 0, 4] },
    grid(
      ['Objective', 'Target'],
      s.targets.map(([k, v]) => [{ text: k!, bold: true }, v!]),
      [150, '*'],
    ),
    h2(`3. Verdict: ${r.verdict.result}`),
    grid(
      ['Rule', 'Held', 'If broken', 'Detail'],
      r.verdict.rules.map((x) => [x.rule, { text: x.held ? 'yes' : 'NO', bold: !x.held, color: x.held ? '#185c12' : '#8a1010' }, x.breaks === 'FAIL' ? 'FAIL' : 'exception', breakable(x.detail)]),
      [150, 28, 45, '*'],
    ),
    h2('4. Timeline'),
    grid(
      ['#', 'Step', 'Simulated (UTC)', 'Took', 'Outcome', 'Lines issued, checks made'],
      r.steps.map((x) => [
        String(x.n),
        `${x.title} (${x.phase})`,
        x.start ? `${displayTime(x.start)}${x.end && displayTime(x.end) !== displayTime(x.start) ? `\nto ${displayTime(x.end)}` : ''}` : '—',
        x.simulatedSeconds === null ? '—' : formatSeconds(x.simulatedSeconds),
        { text: x.outcome, bold: x.outcome === 'failed', color: x.outcome === 'failed' ? '#8a1010' : x.outcome === 'skipped' || x.outcome === 'not run' ? '#6b4a00' : '#111' },
        {
          text: [
            ...x.lines.map((l) => ({ text: `${breakable(l.text)}${l.ok ? '' : ` — ${l.error}`}\n`, font: 'Roboto', color: l.ok ? '#111' : '#8a1010' })),
            ...x.checks
              .filter((c) => !(x.outcome === 'skipped' && c.message === x.reason))
              .map((c) => ({
                text: `${c.level === 'pass' ? 'check passed' : c.level}: ${breakable(c.message)}\n`,
                color: c.level === 'error' ? '#8a1010' : c.level === 'warning' ? '#6b4a00' : c.level === 'pass' ? '#185c12' : '#333',
                italics: true,
              })),
            ...(x.reason ? [{ text: breakable(x.reason), italics: true }] : []),
          ],
        },
      ]),
      [14, 100, 80, 44, 42, '*'],
    ),
    h2('5. Skipped and failed steps'),
    grid(
      ['#', 'Step', 'Outcome', 'Reason'],
      s.exceptions.map((e) => [e[0]!, e[1]!, e[2]!, breakable(e[3]!)]),
      [14, 120, 45, '*'],
    ),
    h2('6. RPO achieved'),
    { text: s.rpoSummary, margin: [0, 0, 0, 4] },
    ...(r.rpo?.note ? [{ text: r.rpo.note, margin: [0, 0, 0, 4] }] : []),
    ...(r.rpo
      ? [
          grid(
            ['Management Class', 'Category', 'Volumes lost', 'Data lost'],
            r.rpo.lost.map((l) => [l.mc, l.category, formatCount(l.volumes), formatBytes(l.bytes)]),
            ['*', 60, 80, 90],
            [2, 3],
          ),
        ]
      : []),
    ...(r.rpo && r.rpo.lostExamples.length > 0 ? [{ text: `Lost volumes (first ${r.rpo.lostExamples.length}): ${r.rpo.lostExamples.join(', ')}`, fontSize: 8, margin: [0, 0, 0, 6] }] : []),
    h2('7. RTO achieved'),
    { text: s.rtoSummary, margin: [0, 0, 0, 4] },
    grid(
      ['Management Class', 'First DR mount', 'Time from declaration', 'Within target'],
      s.rto.map((x) => x.map(String)),
      ['*', 110, 100, 80],
      [2],
    ),
    ...(r.drMounts
      ? [
          h2('8. DR mounts'),
          { text: s.mountSummary, margin: [0, 0, 0, 4] },
          grid(
            ['Time', 'Command', 'Mounts', 'OK', 'Failed', 'Source / reason'],
            r.drMounts.rows.map((m) => [
              displayTime(m.time),
              breakable(m.command),
              formatCount(m.mounts),
              formatCount(m.succeeded),
              formatCount(m.failed),
              [m.source, m.reason].filter(Boolean).join('; '),
            ]),
            [82, '*', 34, 30, 32, 110],
            [2, 3, 4],
          ),
        ]
      : []),
    h2('9. Findings and hazards'),
    grid(
      ['Hazard', 'Severity', 'Detail'],
      r.findings.map((f) => [f.hazard, f.severity, breakable(f.detail)]),
      [110, 45, '*'],
    ),
    h2('10. Clean-up'),
    { text: r.cleanup.done ? 'Clean-up confirmed: every item below holds on the grid.' : 'Clean-up NOT confirmed: see the items not done.', margin: [0, 0, 0, 4] },
    grid(
      ['Item', 'Done'],
      r.cleanup.items.map((i) => [i.item, { text: i.done ? 'yes' : 'NO', bold: !i.done }]),
      ['*', 40],
    ),
    h2('11. Sign-off'),
    {
      table: {
        widths: [80, '*', 180],
        heights: 30,
        body: [
          ['Tester', r.signOff.tester, { text: 'Signature', color: '#999', fontSize: 7 }],
          ['Reviewer', r.signOff.reviewer, { text: 'Signature', color: '#999', fontSize: 7 }],
          ['Date', r.signOff.date, ''],
        ].map((row) => [{ text: row[0], bold: true }, row[1], row[2]]),
      },
      margin: [0, 2, 0, 8],
      unbreakable: true,
    },
    { text: 'Appendix: journal excerpt', style: 'h2', pageBreak: 'before' },
    {
      text: [
        `Journal entries ${r.journal.fromSeq}–${r.journal.toSeq}${r.journal.omitted > 0 ? ` (${formatCount(r.journal.omitted)} in the middle not printed)` : ''}. SHA-256 of these entries as the database holds them:\n`,
        { text: `${r.journal.digest}\n`, font: 'Roboto', bold: true },
        'Report digest:\n',
        { text: `${r.digest}\n`, bold: true },
        'Verify with: timezero verify-report <report.json> --db <database>',
      ],
      fontSize: 9,
      margin: [0, 0, 0, 6],
    },
    grid(
      ['Seq', 'Time (simulated)', 'Command', 'OK'],
      r.journal.entries.map((e) => [String(e.seq), displayTime(e.time), breakable(e.text), e.ok ? 'ok' : 'failed']),
      [28, 90, '*', 32],
      [0],
    ),
  ];
  return {
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 45],
    info: { title: r.title, author: 'TimeZero', subject: `DR test evidence ${r.id}`, creator: `TimeZero ${r.cover.toolVersion}`, producer: 'TimeZero (pdfmake)' },
    header: (page: number) => (page === 1 ? null : { text: `${r.title} — ${r.verdict.result}`, fontSize: 8, color: '#555', margin: [40, 24, 40, 0] }),
    footer: (page: number, pages: number) => ({
      columns: [
        { text: `Report ${r.id}`, fontSize: 7.5, color: '#555' },
        { text: `Page ${page} of ${pages}`, alignment: 'right', fontSize: 8, color: '#555' },
      ],
      margin: [40, 12, 40, 0],
    }),
    content,
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
    styles: {
      kicker: { fontSize: 8, color: '#555', characterSpacing: 0.8 },
      h1: { fontSize: 18, bold: true, margin: [0, 2, 0, 2] },
      h2: { fontSize: 12.5, bold: true, margin: [0, 10, 0, 4] },
      th: { bold: true, fillColor: '#eeeeee' },
    },
  };
}

export async function evidencePdf(r: EvidenceReport): Promise<Uint8Array> {
  const buffer = await pdfmake().createPdf(evidencePdfDocument(r)).getBuffer();
  return new Uint8Array(buffer);
}
