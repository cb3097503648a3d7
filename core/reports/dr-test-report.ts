// The DR test report (seed 000; Redbook §11.9): time-zero, the family, every DR-host mount with the
// copy that served it or why none did, readiness totals, and what was lost at time-zero per
// Management Class. Built from the session's journal; rendered to HTML and to PDF.

import type { Session } from '../session.js';
import { family } from '../rules/dr-family.js';
import { readiness } from '../rules/readiness.js';
import { describeFamily } from '../engine/show-family.js';
import { isoTime } from '../sim/time.js';

export interface DrMountLine {
  time: string;
  command: string;
  ok: boolean;
  source: string | null;
  sourceCluster: string | null;
  reason: string | null;
}

export interface DrTestReport {
  title: string;
  generated: string;
  family: ReturnType<typeof describeFamily>;
  readiness: ReturnType<typeof readiness>;
  mounts: DrMountLine[];
}

export function buildDrTestReport(session: Session, familyName: string, drHost: string): DrTestReport {
  const state = session.engine.state;
  const f = family(state, familyName);
  const since = f.timeZero ?? 0;
  const mounts: DrMountLine[] = [];
  const hostWord = new RegExp(`\\bHOST\\s+${drHost}\\b`, 'i');
  for (const entry of session.journal) {
    if (entry.startedAt < since || !/^(MOUNT|JOB)\b/i.test(entry.text)) continue;
    if (!hostWord.test(entry.text) && !new RegExp(`^JOB\\s+${drHost}\\b`, 'i').test(entry.text)) continue;
    const result = entry.outcome.result as Record<string, unknown> | null;
    mounts.push({
      time: isoTime(entry.startedAt),
      command: entry.text,
      ok: entry.outcome.ok,
      source: (result?.source as string) ?? (result && 'succeeded' in result ? `${result.succeeded} of ${result.requested} jobs succeeded` : null),
      sourceCluster: (result?.sourceCluster as string) ?? null,
      reason: entry.outcome.error ? `${entry.outcome.error.code}: ${entry.outcome.error.message}` : result && 'failures' in result && Object.keys(result.failures as object).length > 0 ? JSON.stringify(result.failures) : null,
    });
  }
  return { title: `DR test report — family ${familyName}`, generated: isoTime(state.now), family: describeFamily(state, f), readiness: readiness(state, f), mounts };
}

const escape = (text: unknown) => String(text ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function reportHtml(r: DrTestReport): string {
  const rows = (cells: unknown[][]) => cells.map((c) => `<tr>${c.map((x) => `<td>${escape(x)}</td>`).join('')}</tr>`).join('');
  const byMc = Object.entries(r.readiness.byMc).map(([mc, t]) => [mc, t.volumes, t.recoverable, t.lost]);
  const sources = [...Object.entries(r.readiness.bySource.snapshot).map(([c, n]) => [`snapshot on ${c}`, n]), ...Object.entries(r.readiness.bySource.backup).map(([c, n]) => [`live copy on ${c}`, n])];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(r.title)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;color:#111}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:4px 8px;text-align:left}th{background:#eee}.lost{color:#a00}</style></head>
<body>
<h1>${escape(r.title)}</h1>
<p>Generated ${escape(r.generated)} (simulated time). Time-zero: <strong>${escape(r.family.timeZero ?? 'not established')}</strong>.</p>
<h2>DR family</h2>
<table><tbody>${rows([['Clusters', r.family.clusters.join(', ')], ['FlashCopy', r.family.flash], ['Write protect', r.family.writeProtect], ['Live copy', r.family.liveCopy], ['Metadata snapshots', r.family.metadataSnapshots]])}</tbody></table>
<h2>Readiness at time-zero</h2>
<p>${r.readiness.volumes} volumes: ${r.readiness.recoverable} recoverable, <span class="lost">${r.readiness.lost} lost</span> (mounts through ${escape(r.readiness.mountCluster)}).</p>
<table><thead><tr><th>Served by</th><th>Volumes</th></tr></thead><tbody>${rows(sources)}</tbody></table>
<h2>What was lost at time-zero, per Management Class</h2>
<table><thead><tr><th>Management Class</th><th>Volumes</th><th>Recoverable</th><th>Lost</th></tr></thead><tbody>${rows(byMc)}</tbody></table>
${r.readiness.lostVolumes.length > 0 ? `<p>Lost volumes (first ${r.readiness.lostVolumes.length}): ${escape(r.readiness.lostVolumes.join(', '))}</p>` : ''}
<h2>DR host mounts</h2>
<table><thead><tr><th>Time</th><th>Command</th><th>Outcome</th><th>Source</th><th>Reason</th></tr></thead><tbody>${rows(r.mounts.map((m) => [m.time, m.command, m.ok ? 'ok' : 'failed', [m.source, m.sourceCluster].filter(Boolean).join(' on '), m.reason ?? '']))}</tbody></table>
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
    for (const chunk of wrap(text.replace(/[^\x20-\x7E]/g, '-'), size === 10 ? 95 : 70)) {
      if (y < 50) {
        page = doc.addPage([595, 842]);
        y = 800;
      }
      page.drawText(chunk, { x: 40, y, size, font: useBold ? bold : font });
      y -= size + 4;
    }
  };
  write(r.title, 16, true);
  write(`Generated ${r.generated}. Time-zero: ${r.family.timeZero ?? 'not established'}.`);
  y -= 6;
  write('DR family', 12, true);
  write(`Clusters ${r.family.clusters.join(', ')}; FlashCopy ${r.family.flash}; write protect ${r.family.writeProtect}; live copy ${r.family.liveCopy}; metadata snapshots ${r.family.metadataSnapshots}.`);
  y -= 6;
  write('Readiness at time-zero', 12, true);
  write(`${r.readiness.volumes} volumes: ${r.readiness.recoverable} recoverable, ${r.readiness.lost} lost.`);
  for (const [c, n] of Object.entries(r.readiness.bySource.snapshot)) write(`  snapshot on ${c}: ${n}`);
  for (const [c, n] of Object.entries(r.readiness.bySource.backup)) write(`  live copy on ${c}: ${n}`);
  y -= 6;
  write('Lost at time-zero per Management Class', 12, true);
  for (const [mc, t] of Object.entries(r.readiness.byMc)) write(`  ${mc}: ${t.volumes} volumes, ${t.recoverable} recoverable, ${t.lost} lost`);
  y -= 6;
  write('DR host mounts', 12, true);
  for (const m of r.mounts) write(`${m.time}  ${m.command}  ${m.ok ? 'ok' : 'FAILED'}  ${[m.source, m.sourceCluster].filter(Boolean).join(' on ')}  ${m.reason ?? ''}`);
  return doc.save();
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out.length ? out : [''];
}
