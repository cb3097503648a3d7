// The evidence report as one self-contained HTML page (print-friendly): the same sections, in the
// same order, as the PDF (services/evidence-pdf.ts), both read from the one model.

import { formatBytes, formatCount } from './evidence-common.js';
import type { EvidenceReport, EvidenceStep } from './evidence-model.js';
import { displayTime, formatSeconds } from './evidence-format.js';
import { sectionsOf } from './evidence-sections.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const esc = (text: unknown) => String(text ?? '').replace(/[&<>"]/g, (c) => ENTITIES[c] ?? c);

function table(head: string[], rows: unknown[][], cls = ''): string {
  if (rows.length === 0) return '<p class="none">None.</p>';
  return `<table class="${cls}"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => (typeof c === 'object' && c !== null && 'html' in c ? `<td>${String(c.html)}</td>` : `<td>${esc(c)}</td>`)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

const raw = (html: string) => ({ html });

function stepCell(s: EvidenceStep): { html: string } {
  const lines = s.lines.map((l) => `<li class="${l.ok ? 'ok' : 'bad'}"><code>${esc(l.text)}</code>${l.ok ? '' : ` — ${esc(l.error)}`}</li>`).join('');
  const checks = s.checks
    .filter((c) => !(s.outcome === 'skipped' && c.message === s.reason))
    .map((c) => `<li class="check ${c.level}">${esc(c.level === 'pass' ? 'check passed' : c.level)}: ${esc(c.message)}</li>`)
    .join('');
  return raw(`${lines ? `<ul class="lines">${lines}</ul>` : ''}${checks ? `<ul class="checks">${checks}</ul>` : ''}${s.reason ? `<p class="reason">${esc(s.reason)}</p>` : ''}`);
}

export function evidenceHtml(r: EvidenceReport): string {
  const s = sectionsOf(r);
  const verdictClass = r.verdict.result === 'PASS' ? 'pass' : r.verdict.result === 'FAIL' ? 'fail' : 'exceptions';
  const parts: string[] = [];
  parts.push(`<header><p class="kicker">TimeZero · DR test evidence</p><h1>${esc(r.title)}</h1><p class="verdict ${verdictClass}">Verdict: <strong>${esc(r.verdict.result)}</strong></p></header>`);
  parts.push(`<section><h2>1. Cover</h2>${table(['Item', 'Value'], s.cover)}</section>`);
  parts.push(`<section><h2>2. Scope and objectives</h2><ul>${r.scope.objectives.map((o) => `<li>${esc(o)}</li>`).join('')}</ul>${table(['Objective', 'Target'], s.targets)}</section>`);
  parts.push(
    `<section><h2>3. Verdict: ${esc(r.verdict.result)}</h2>${table(
      ['Rule', 'Held', 'If broken', 'Detail'],
      r.verdict.rules.map((x) => [x.rule, x.held ? 'yes' : 'NO', x.breaks === 'FAIL' ? 'FAIL' : 'exception', x.detail]),
      'rules',
    )}</section>`,
  );
  parts.push(
    `<section><h2>4. Timeline</h2>${table(
      ['#', 'Step', 'Start (simulated, UTC)', 'End', 'Took', 'Outcome', 'Lines issued, checks made'],
      r.steps.map((x) => [x.n, `${x.title} (${x.phase})`, displayTime(x.start), displayTime(x.end), x.simulatedSeconds === null ? '—' : formatSeconds(x.simulatedSeconds), x.outcome, stepCell(x)]),
      'timeline',
    )}</section>`,
  );
  parts.push(`<section><h2>5. Skipped and failed steps</h2>${table(['#', 'Step', 'Outcome', 'Reason'], s.exceptions)}</section>`);
  if (r.rpo) {
    parts.push(
      `<section><h2>6. RPO achieved</h2><p>${esc(s.rpoSummary)}</p>${r.rpo.note ? `<p>${esc(r.rpo.note)}</p>` : ''}${table(
        ['Management Class', 'Category', 'Volumes lost', 'Data lost'],
        r.rpo.lost.map((l) => [l.mc, l.category, formatCount(l.volumes), formatBytes(l.bytes)]),
        'num',
      )}${r.rpo.lostExamples.length > 0 ? `<p class="small">Lost volumes (first ${r.rpo.lostExamples.length}): ${esc(r.rpo.lostExamples.join(', '))}</p>` : ''}</section>`,
    );
  } else parts.push(`<section><h2>6. RPO achieved</h2><p>${esc(s.rpoSummary)}</p></section>`);
  parts.push(
    `<section><h2>7. RTO achieved</h2><p>${esc(s.rtoSummary)}</p>${r.rto ? table(['Management Class', 'First DR mount', 'Time from declaration', 'Within target'], s.rto, 'num') : ''}</section>`,
  );
  if (r.drMounts) {
    parts.push(
      `<section><h2>8. DR mounts</h2><p>${esc(s.mountSummary)}</p>${table(
        ['Time', 'Command', 'Mounts', 'Succeeded', 'Failed', 'Source', 'Reason'],
        r.drMounts.rows.map((m) => [displayTime(m.time), m.command, formatCount(m.mounts), formatCount(m.succeeded), formatCount(m.failed), m.source ?? '', m.reason ?? '']),
      )}</section>`,
    );
  }
  parts.push(
    `<section><h2>9. Findings and hazards</h2>${table(
      ['Hazard', 'Severity', 'Detail'],
      r.findings.map((f) => [f.hazard, f.severity, f.detail]),
    )}</section>`,
  );
  parts.push(
    `<section><h2>10. Clean-up</h2><p>${r.cleanup.done ? 'Clean-up confirmed: every item below holds on the grid.' : 'Clean-up NOT confirmed: see the items not done.'}</p>${table(
      ['Item', 'Done'],
      r.cleanup.items.map((i) => [i.item, i.done ? 'yes' : 'NO']),
    )}</section>`,
  );
  parts.push(
    `<section class="signoff"><h2>11. Sign-off</h2><table><tbody>${[
      ['Tester', r.signOff.tester],
      ['Reviewer', r.signOff.reviewer],
      ['Date', r.signOff.date],
    ]
      .map(([k, v]) => `<tr><th>${k}</th><td>${esc(v)}</td><td class="sign">Signature</td></tr>`)
      .join('')}</tbody></table></section>`,
  );
  parts.push(
    `<section><h2>Appendix: journal excerpt</h2><p>Journal entries ${r.journal.fromSeq}–${r.journal.toSeq}${r.journal.omitted > 0 ? ` (${formatCount(r.journal.omitted)} in the middle not printed)` : ''}. SHA-256 of these entries as the database holds them: <code class="digest">${esc(r.journal.digest)}</code>. Report digest: <code class="digest">${esc(r.digest)}</code>. Verify with <code>timezero verify-report &lt;report.json&gt; --db &lt;database&gt;</code>.</p>${table(
      ['Seq', 'Time (simulated)', 'Command', 'OK'],
      r.journal.entries.map((e) => [e.seq, displayTime(e.time), e.text, e.ok ? 'ok' : 'failed']),
      'journal',
    )}</section>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(r.title)}</title>
<style>
body{font:13px/1.45 system-ui,"Segoe UI",Roboto,sans-serif;margin:2em auto;max-width:1100px;color:#111;padding:0 1em}
h1{font-size:22px;margin:.2em 0}h2{font-size:16px;border-bottom:1px solid #bbb;padding-bottom:2px;margin-top:1.6em}
.kicker{color:#555;margin:0;text-transform:uppercase;letter-spacing:.06em;font-size:11px}
.verdict{display:inline-block;padding:4px 10px;border-radius:4px;font-size:15px}
.verdict.pass{background:#e3f4e1;color:#185c12}.verdict.fail{background:#fbe2e2;color:#8a1010}.verdict.exceptions{background:#fdf1d8;color:#6b4a00}
table{border-collapse:collapse;margin:.6em 0;width:100%}td,th{border:1px solid #aaa;padding:3px 6px;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{background:#eee}table.num td{font-variant-numeric:tabular-nums}
ul.lines,ul.checks{margin:0;padding-left:1.1em}li.bad{color:#8a1010}li.check.warning{color:#6b4a00}li.check.error{color:#8a1010}li.check.pass{color:#185c12}
.reason{margin:.2em 0;font-style:italic}.small{font-size:11px}.digest{word-break:break-all}
.signoff td.sign{width:40%;height:2.4em;color:#999;font-size:11px;vertical-align:bottom}
@media print{body{margin:0;max-width:none}section{break-inside:auto}tr{break-inside:avoid}}
</style></head>
<body>
${parts.join('\n')}
<footer class="small"><p>Report ${esc(r.id)} · generated ${esc(r.cover.generatedAt)} by TimeZero ${esc(r.cover.toolVersion)}</p></footer>
</body></html>
`;
}
