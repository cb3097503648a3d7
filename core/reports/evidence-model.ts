// The DR test evidence report: one model for a DR-test wizard run (FlashCopy family test, seed 000, or
// a Redbook §11.10 procedure), a Copy Export Recovery (Redbook §11.7, real or offline rehearsal) and a
// runbook run. HTML and PDF are both rendered from this model; it is stored with the grid's database
// and carries two SHA-256 digests: of the journal excerpt it was built from (recomputed from the
// database by `timezero verify-report`) and of the report itself (so an edited report is detected).
// contract/report-api.ts holds the same shape as a zod schema.

export type EvidenceKind = 'flash-dr-test' | 'procedure-dr-test' | 'copy-export-recovery' | 'runbook';
export type Verdict = 'PASS' | 'PASS WITH EXCEPTIONS' | 'FAIL';

export interface EvidenceCover {
  grid: string | null;
  /** what was tested: "DR family DRFAM", "stand-alone library SA1", "runbook drill.runbook" */
  subject: string;
  procedure: string;
  /** the documents the procedure follows, by title */
  source: string;
  hosts: string[];
  clusters: string[];
  /** the test window in simulated time (the grid's clock) and in wall-clock time */
  simulatedStart: string | null;
  simulatedEnd: string | null;
  wallStart: string | null;
  wallEnd: string | null;
  toolVersion: string;
  seed: number;
  generatedAt: string;
}

export interface EvidenceScope {
  objectives: string[];
  rpoTargetMinutes: number | null;
  rtoTargetMinutes: number | null;
  criticalMcs: string[];
}

export interface EvidenceCheck {
  level: 'pass' | 'info' | 'warning' | 'error';
  message: string;
}

export interface EvidenceStep {
  n: number;
  id: string;
  title: string;
  phase: string;
  kind: string;
  outcome: 'done' | 'confirmed' | 'skipped' | 'failed' | 'not run';
  start: string | null;
  end: string | null;
  simulatedSeconds: number | null;
  lines: { text: string; ok: boolean; error: string | null }[];
  checks: EvidenceCheck[];
  /** why a step was skipped, failed or not run */
  reason: string | null;
}

export interface VerdictRule {
  rule: string;
  held: boolean;
  /** what breaking it means: the test failed, or passed with an exception */
  breaks: 'FAIL' | 'EXCEPTION';
  detail: string;
}

export interface LostTally {
  mc: string;
  category: string;
  volumes: number;
  bytes: number;
}

export interface EvidenceRpo {
  /** the point the test represents: time-zero, the test start, or the export's database time */
  pointLabel: string;
  point: string | null;
  volumes: number;
  recoverable: number;
  lostVolumes: number;
  lostBytes: number;
  lost: LostTally[];
  lostExamples: string[];
  /** how long before the point the oldest data that did not reach the DR site was written; 0 when nothing was lost */
  achievedMinutes: number | null;
  targetMinutes: number | null;
  met: boolean | null;
  note: string | null;
}

export interface EvidenceRto {
  declaredAt: string | null;
  perMc: { mc: string; firstMountAt: string | null; seconds: number | null; met: boolean | null }[];
  targetMinutes: number | null;
  note: string | null;
}

export interface DrMountRow {
  time: string;
  command: string;
  ok: boolean;
  /** volume mounts the line made (a JOB line mounts many) */
  mounts: number;
  succeeded: number;
  failed: number;
  source: string | null;
  reason: string | null;
}

export interface EvidenceFinding {
  hazard: string;
  severity: 'info' | 'warning' | 'error';
  detail: string;
}

export interface JournalExcerptEntry {
  seq: number;
  time: string;
  text: string;
  ok: boolean;
}

export interface EvidenceReport {
  format: 'timezero-dr-evidence';
  version: 1;
  id: string;
  kind: EvidenceKind;
  title: string;
  cover: EvidenceCover;
  scope: EvidenceScope;
  steps: EvidenceStep[];
  verdict: { result: Verdict; rules: VerdictRule[] };
  rpo: EvidenceRpo | null;
  rto: EvidenceRto | null;
  drMounts: { volumeMounts: number; succeeded: number; failed: number; rows: DrMountRow[] } | null;
  findings: EvidenceFinding[];
  cleanup: { done: boolean; items: { item: string; done: boolean }[] };
  signOff: { tester: string; reviewer: string; date: string };
  journal: { fromSeq: number; toSeq: number; entries: JournalExcerptEntry[]; omitted: number; algorithm: 'sha256'; digest: string };
  /** sha256 of the report's canonical JSON without this field */
  digest: string;
}
