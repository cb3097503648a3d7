// The text of the report's sections that HTML and PDF print alike, so the two never say different things.

import { formatBytes, formatCount } from './evidence-common.js';
import { displayTime, formatSeconds } from './evidence-format.js';
import type { EvidenceReport } from './evidence-model.js';

export function sectionsOf(r: EvidenceReport) {
  const c = r.cover;
  const cover: string[][] = [
    ['Grid', c.grid ?? '(unnamed)'],
    ['Subject', c.subject],
    ['Procedure', c.procedure],
    ['Source', c.source],
    ['Hosts', c.hosts.join(', ') || '—'],
    ['Clusters', c.clusters.join(', ') || '—'],
    ['Test window (simulated, UTC)', `${c.simulatedStart ? displayTime(c.simulatedStart) : 'not started'} to ${c.simulatedEnd ? displayTime(c.simulatedEnd) : 'not ended'}`],
    ['Test window (wall clock)', `${c.wallStart ?? '—'} to ${c.wallEnd ?? 'not ended'}`],
    ['Tool version', `TimeZero ${c.toolVersion}`],
    ['Seed', formatCount(c.seed)],
    ['Report', `${r.id}, generated ${c.generatedAt}`],
  ];
  const targets: string[][] = [
    ['RPO target', r.scope.rpoTargetMinutes === null ? 'none entered (anything lost is an exception)' : `${formatCount(r.scope.rpoTargetMinutes)} min`],
    ['RTO target', r.scope.rtoTargetMinutes === null ? 'none entered (each critical class must be mounted)' : `${formatCount(r.scope.rtoTargetMinutes)} min`],
    ['Critical Management Classes', r.scope.criticalMcs.join(', ') || '—'],
  ];
  const exceptions = r.steps.filter((s) => s.outcome === 'skipped' || s.outcome === 'failed' || s.outcome === 'not run').map((s) => [String(s.n), s.title, s.outcome, s.reason ?? '']);
  const p = r.rpo;
  const rpoSummary = !p
    ? 'Not measured: the test never reached its point in time.'
    : `${p.pointLabel}: ${displayTime(p.point)} UTC. ${formatCount(p.volumes)} volumes existed then: ${formatCount(p.recoverable)} recoverable at the DR site, ${formatCount(p.lostVolumes)} lost (${formatBytes(p.lostBytes)}).` +
      (p.achievedMinutes === null
        ? ''
        : p.lostVolumes === 0
          ? ' RPO achieved: nothing lost.'
          : ` RPO achieved: the oldest data that had not reached the DR site was written ${formatCount(p.achievedMinutes)} min before.`) +
      (p.targetMinutes === null ? '' : ` Target ${formatCount(p.targetMinutes)} min: ${p.met ? 'met' : 'NOT met'}.`);
  const t = r.rto;
  const rtoSummary = !t
    ? 'Not measured.'
    : `Declared ${t.declaredAt ? `${displayTime(t.declaredAt)} UTC` : '(never)'}; RTO is the simulated time from then to the first successful DR mount of each critical Management Class.${t.targetMinutes === null ? '' : ` Target ${formatCount(t.targetMinutes)} min.`}${t.note ? ` ${t.note}` : ''}`;
  const rto = (t?.perMc ?? []).map((m) => [
    m.mc,
    m.firstMountAt ? displayTime(m.firstMountAt) : 'no DR mount',
    m.seconds === null ? '—' : formatSeconds(m.seconds),
    m.met === null ? (m.seconds === null ? 'not demonstrated' : 'no target') : m.met ? 'yes' : 'NO',
  ]);
  const d = r.drMounts;
  const mountSummary = !d ? '' : `${formatCount(d.volumeMounts)} DR volume mounts in ${formatCount(d.rows.length)} lines: ${formatCount(d.succeeded)} succeeded, ${formatCount(d.failed)} failed.`;
  return { cover, targets, exceptions, rpoSummary, rtoSummary, rto, mountSummary };
}
