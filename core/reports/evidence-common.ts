// Small pieces every evidence report shares: its id, the blank sign-off block, and source references
// with the documents named by their titles (a report is read by auditors, not by this repository).

import { randomUUID } from 'node:crypto';
import type { EvidenceKind, EvidenceReport } from './evidence-model.js';

const TITLES: [RegExp, string][] = [
  [/\bseed 000\b/gi, '“Flash copy for disaster recovery (DR) testing” (US 9,262,290 B2)'],
  [/\bseed 001\b/gi, '“Continuous data replication”'],
  [/\bseed 002\b/gi, '“Managing multiple copy versions”'],
  [/\bseed 003\b/gi, '“Fast and economical establishment of remote copy”'],
  [/\bseed 004\b/gi, 'IBM TS7700 Redbook, chapter 11 “Disaster recovery”'],
  [/\bRedbook §/g, 'IBM TS7700 Redbook §'],
];

export function documentTitles(text: string): string {
  return TITLES.reduce((out, [pattern, title]) => out.replace(pattern, title), text);
}

export function reportId(kind: EvidenceKind, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${kind}-${stamp}-${randomUUID().slice(0, 8)}`;
}

export function emptySignOff(tester?: string, reviewer?: string): EvidenceReport['signOff'] {
  return { tester: tester ?? '', reviewer: reviewer ?? '', date: '' };
}

/** 1,032,000 — thousands separators, as an auditor reads numbers. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** Decimal units as the Redbook quotes capacities: 1,032.0 GB, 4.20 TB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1e6) return `${formatCount(Math.round(bytes / 1e3))} KB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;
  if (bytes < 1e12) return `${(bytes / 1e9).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} GB`;
  return `${(bytes / 1e12).toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 })} TB`;
}
