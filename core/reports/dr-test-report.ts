// The DR test report (seed 000; Redbook §11.9): time-zero, the family, every DR-host mount with the
// copy that served it or why none did, readiness totals, and what was lost at time-zero per
// Management Class. Built from the session's journal; rendered to HTML and to PDF. A §11.10 procedure
// without a DR family reports the same way with its start in place of time-zero (procedure-report.ts).

import type { Session } from '../session.js';
import { family } from '../rules/dr-family.js';
import { readiness } from '../rules/readiness.js';
import { describeFamily } from '../engine/show-family.js';
import { isoTime } from '../sim/time.js';
import { entriesOf, field, stringField } from '../model/json-fields.js';

export interface DrMountLine {
  time: string;
  command: string;
  ok: boolean;
  source: string | null;
  sourceCluster: string | null;
  reason: string | null;
}

/** A Redbook §11.10 procedure's test: no DR family, its start stands for time-zero. */
export interface DrProcedure {
  wizardId: string;
  title: string;
  source: string;
  drCluster: string;
  drHost: string;
  production: string[];
  /** the DR site's clusters whose copies count: every cluster that is not production */
  drSite: string[];
  /** when the step that starts the test ran; null before it has */
  start: string | null;
  startStep: string;
  /** when the first step after the test ran; null while the test goes on */
  end: string | null;
  status: string;
}

export interface DrTestReport {
  title: string;
  generated: string;
  /** the FlashCopy test's DR family; null for a procedure without one */
  family: ReturnType<typeof describeFamily> | null;
  procedure?: DrProcedure | null;
  readiness: ReturnType<typeof readiness>;
  mounts: DrMountLine[];
  /** sections of the family report that do not apply to this test, and why */
  notApplicable?: { section: string; why: string }[];
}

export function buildDrTestReport(session: Session, familyName: string, drHost: string): DrTestReport {
  const state = session.engine.state;
  const f = family(state, familyName);
  const mounts = drHostMounts(session, drHost, f.timeZero ?? 0, Infinity);
  return {
    title: `DR test report — family ${familyName}`,
    generated: isoTime(state.now),
    family: describeFamily(state, f),
    procedure: null,
    readiness: readiness(state, f),
    mounts,
    notApplicable: [],
  };
}

/** Every MOUNT and JOB of the DR host journaled in [since, until], with its source or failure reason. */
export function drHostMounts(session: Session, drHost: string, since: number, until: number): DrMountLine[] {
  const mounts: DrMountLine[] = [];
  const hostWord = new RegExp(`\\bHOST\\s+${drHost}\\b`, 'i');
  for (const entry of session.journal) {
    if (entry.startedAt < since || entry.startedAt > until || !/^(MOUNT|JOB)\b/i.test(entry.text)) continue;
    if (!hostWord.test(entry.text) && !new RegExp(`^JOB\\s+${drHost}\\b`, 'i').test(entry.text)) continue;
    const result = entry.outcome.result;
    const failures = field(result, 'failures');
    mounts.push({
      time: isoTime(entry.startedAt),
      command: entry.text,
      ok: entry.outcome.ok,
      source:
        stringField(result, 'source') ??
        (typeof result === 'object' && result !== null && 'succeeded' in result ? `${String(field(result, 'succeeded'))} of ${String(field(result, 'requested'))} jobs succeeded` : null),
      sourceCluster: stringField(result, 'sourceCluster'),
      reason: entry.outcome.error ? `${entry.outcome.error.code}: ${entry.outcome.error.message}` : entriesOf(failures).length > 0 ? JSON.stringify(failures) : null,
    });
  }
  return mounts;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: unknown) => String(text ?? '').replace(/[&<>"]/g, (c) => ENTITIES[c] ?? c);

/** What a report calls its point in time and its sections: time-zero for a family, the start for a procedure. */
function wording(r: DrTestReport) {
  const p = r.procedure;
  if (!p) {
    return {
      point: 'Time-zero',
      pointValue: r.family?.timeZero ?? 'not established',
      pointNote: '.',
      readinessTitle: 'Readiness at time-zero',
      readinessText: `${r.readiness.volumes} volumes: ${r.readiness.recoverable} recoverable, ${r.readiness.lost} lost (mounts through ${r.readiness.mountCluster}).`,
      lostTitle: 'What was lost at time-zero, per Management Class',
      snapshot: 'snapshot on',
      live: 'live copy on',
    };
  }
  const when = p.start ? 'at the test start' : 'now (the test has not started)';
  return {
    point: 'Test start',
    pointValue: p.start ?? `not started yet (the step “${p.startStep}” starts it)`,
    pointNote: ' — in place of time-zero: this procedure uses no DR family and no FlashCopy (Redbook §11.10), so the test represents the point it started at (Redbook §11.9.1).',
    readinessTitle: `Readiness of the DR site ${when}`,
    readinessText: `${r.readiness.volumes} volumes existed ${when}: ${r.readiness.recoverable} had a consistent copy on the DR site (${p.drSite.join(', ')}, ${p.drCluster} first), ${r.readiness.lost} would have been lost had production been lost then.`,
    lostTitle: `What would have been lost ${when}, per Management Class`,
    snapshot: 'snapshot on',
    live: 'consistent copy on',
  };
}

export function reportHtml(r: DrTestReport): string {
  const rows = (cells: unknown[][]) => cells.map((c) => `<tr>${c.map((x) => `<td>${escape(x)}</td>`).join('')}</tr>`).join('');
  const w = wording(r);
  const byMc = Object.entries(r.readiness.byMc).map(([mc, t]) => [mc, t.volumes, t.recoverable, t.lost]);
  const sources = [...Object.entries(r.readiness.bySource.snapshot).map(([c, n]) => [`${w.snapshot} ${c}`, n]), ...Object.entries(r.readiness.bySource.backup).map(([c, n]) => [`${w.live} ${c}`, n])];
  const p = r.procedure;
  const f = r.family;
  const notApplicable = r.notApplicable ?? [];
  const subject = p
    ? `<h2>DR test procedure</h2>
<table><tbody>${rows([
        ['Procedure', `${p.title} (${p.source})`],
        ['Status', p.status],
        ['DR cluster', p.drCluster],
        ['DR host', p.drHost],
        ['Production clusters', p.production.join(', ')],
        ['DR site clusters', p.drSite.join(', ')],
        ['Test started by', p.startStep],
        ['Test ended', p.end ?? 'not yet'],
      ])}</tbody></table>`
    : f
      ? `<h2>DR family</h2>
<table><tbody>${rows([
          ['Clusters', f.clusters.join(', ')],
          ['FlashCopy', f.flash],
          ['Write protect', f.writeProtect],
          ['Live copy', f.liveCopy],
          ['Metadata snapshots', f.metadataSnapshots],
        ])}</tbody></table>`
      : '';
  const mountNote = p ? '<p>Without FlashCopy the DR host reads production volumes as they are when it mounts them, not as they were at the test start (Redbook §11.9.1).</p>' : '';
  const notApplicableHtml =
    notApplicable.length > 0
      ? `<h2>Sections that do not apply to this test</h2>
<ul>${notApplicable.map((n) => `<li><strong>${escape(n.section)}</strong>: ${escape(n.why)}</li>`).join('')}</ul>`
      : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(r.title)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;color:#111}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:4px 8px;text-align:left}th{background:#eee}.lost{color:#a00}</style></head>
<body>
<h1>${escape(r.title)}</h1>
<p>Generated ${escape(r.generated)} (simulated time). ${w.point}: <strong>${escape(w.pointValue)}</strong>${escape(w.pointNote)}</p>
${subject}
<h2>${escape(w.readinessTitle)}</h2>
<p>${escape(w.readinessText)}</p>
<table><thead><tr><th>Served by</th><th>Volumes</th></tr></thead><tbody>${rows(sources)}</tbody></table>
<h2>${escape(w.lostTitle)}</h2>
<table><thead><tr><th>Management Class</th><th>Volumes</th><th>Recoverable</th><th>Lost</th></tr></thead><tbody>${rows(byMc)}</tbody></table>
${r.readiness.lostVolumes.length > 0 ? `<p>Lost volumes (first ${r.readiness.lostVolumes.length}): ${escape(r.readiness.lostVolumes.join(', '))}</p>` : ''}
<h2>DR host mounts</h2>
${mountNote}
<table><thead><tr><th>Time</th><th>Command</th><th>Outcome</th><th>Source</th><th>Reason</th></tr></thead><tbody>${rows(r.mounts.map((m) => [m.time, m.command, m.ok ? 'ok' : 'failed', [m.source, m.sourceCluster].filter(Boolean).join(' on '), m.reason ?? '']))}</tbody></table>
${notApplicableHtml}
</body></html>
`;
}

/** The same report as a PDF (pdf-lib: pure JavaScript, so it works in web mode and the desktop app). */
export async function reportPdf(r: DrTestReport): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.setTitle(r.title);
  doc.setCreator('TimeZero');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page = doc.addPage([595, 842]);
  let y = 800;
  const write = (text: string, size = 10, useBold = false) => {
    // Helvetica's WinAnsi encoding has these few beyond ASCII; anything else would not draw.
    for (const chunk of wrap(text.replace(/[^\x20-\x7E§—“”’]/g, '-'), size === 10 ? 95 : 70)) {
      if (y < 50) {
        page = doc.addPage([595, 842]);
        y = 800;
      }
      page.drawText(chunk, { x: 40, y, size, font: useBold ? bold : font });
      y -= size + 4;
    }
  };
  const w = wording(r);
  const p = r.procedure;
  write(r.title, 16, true);
  write(`Generated ${r.generated}. ${w.point}: ${w.pointValue}.${w.pointNote}`);
  y -= 6;
  if (p) {
    write('DR test procedure', 12, true);
    write(
      `${p.title} (${p.source}); status ${p.status}; DR cluster ${p.drCluster}; DR host ${p.drHost}; production ${p.production.join(', ')}; DR site ${p.drSite.join(', ')}; started by ${p.startStep}; ended ${p.end ?? 'not yet'}.`,
    );
  } else if (r.family) {
    const f = r.family;
    write('DR family', 12, true);
    write(`Clusters ${f.clusters.join(', ')}; FlashCopy ${f.flash}; write protect ${f.writeProtect}; live copy ${f.liveCopy}; metadata snapshots ${f.metadataSnapshots}.`);
  }
  y -= 6;
  write(w.readinessTitle, 12, true);
  write(w.readinessText);
  for (const [c, n] of Object.entries(r.readiness.bySource.snapshot)) write(`  ${w.snapshot} ${c}: ${n}`);
  for (const [c, n] of Object.entries(r.readiness.bySource.backup)) write(`  ${w.live} ${c}: ${n}`);
  y -= 6;
  write(w.lostTitle, 12, true);
  for (const [mc, t] of Object.entries(r.readiness.byMc)) write(`  ${mc}: ${t.volumes} volumes, ${t.recoverable} recoverable, ${t.lost} lost`);
  if (r.readiness.lostVolumes.length > 0) write(`  Lost volumes (first ${r.readiness.lostVolumes.length}): ${r.readiness.lostVolumes.join(', ')}`);
  y -= 6;
  write('DR host mounts', 12, true);
  if (p) write('Without FlashCopy the DR host reads production volumes as they are when it mounts them, not as they were at the test start (Redbook §11.9.1).');
  for (const m of r.mounts) write(`${m.time}  ${m.command}  ${m.ok ? 'ok' : 'FAILED'}  ${[m.source, m.sourceCluster].filter(Boolean).join(' on ')}  ${m.reason ?? ''}`);
  const notApplicable = r.notApplicable ?? [];
  if (notApplicable.length > 0) {
    y -= 6;
    write('Sections that do not apply to this test', 12, true);
    for (const n of notApplicable) write(`${n.section}: ${n.why}`);
  }
  return doc.save();
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out.length ? out : [''];
}
