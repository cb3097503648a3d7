// The wizard's parameters as a form: text per field, turned into the contract's wizardParams and
// checked by the same zod schema the host uses, plus what only the grid can tell (do these clusters
// and hosts exist). Problems come back by field, so each shows beside its input.

import { wizardParams, type Request } from '../../../contract/api';

export type Params = NonNullable<Request<'wizard.start'>['params']>;
export type FieldKey =
  | 'production'
  | 'drCluster'
  | 'productionHost'
  | 'drHost'
  | 'drScratch.0'
  | 'drScratch.1'
  | 'drError'
  | 'drPrivate'
  | 'drRange'
  | 'drMc'
  | 'family'
  | 'familyClusters'
  | 'testWrites'
  | 'testReads'
  | 'rpoMinutes'
  | 'rtoMinutes'
  | 'criticalMcs'
  | 'returnToScratch'
  | 'tester'
  | 'reviewer';

export interface FieldSpec {
  key: FieldKey;
  label: string;
  hint?: string;
  list?: 'clusters' | 'hosts';
  /** only the FlashCopy DR-family test has a family */
  flashOnly?: boolean;
}

export const FLASH_WIZARD = 'flash-dr-family';

export const FIELDS: FieldSpec[] = [
  { key: 'production', label: 'Production clusters', hint: 'comma-separated, e.g. CL0,CL1', list: 'clusters' },
  { key: 'drCluster', label: 'DR cluster under test', list: 'clusters' },
  { key: 'productionHost', label: 'Production host', list: 'hosts' },
  { key: 'drHost', label: 'DR host', list: 'hosts' },
  { key: 'drScratch.0', label: 'DR scratch category (MEDIA1)', hint: '4 hex digits' },
  { key: 'drScratch.1', label: 'DR scratch category (MEDIA2)', hint: '4 hex digits' },
  { key: 'drError', label: 'DR error category', hint: '4 hex digits' },
  { key: 'drPrivate', label: 'DR private category', hint: '4 hex digits' },
  { key: 'drRange', label: 'DR VOLSER range', hint: 'e.g. TST000-TST999 (Redbook §11.9.3)' },
  { key: 'drMc', label: 'DR Management Class', hint: 'No Copy toward production (Redbook §11.9.6)' },
  { key: 'family', label: 'DR family', flashOnly: true },
  { key: 'familyClusters', label: 'Family clusters', hint: 'comma-separated, up to 7', list: 'clusters', flashOnly: true },
  { key: 'testWrites', label: 'Volumes the test job writes', hint: '0–100000' },
  { key: 'testReads', label: 'Volumes the test job reads', hint: 'optional VOLSER range' },
  { key: 'rpoMinutes', label: 'RPO target (minutes)', hint: 'optional; judged in the report' },
  { key: 'rtoMinutes', label: 'RTO target (minutes)', hint: 'optional; to each critical class’s first DR mount' },
  { key: 'criticalMcs', label: 'Critical Management Classes', hint: 'optional, comma-separated; default: production’s' },
  { key: 'returnToScratch', label: 'Production return-to-scratch during the test', hint: 'suspended or running (Redbook §11.9.7)' },
  { key: 'tester', label: 'Tester', hint: 'optional; printed in the sign-off block' },
  { key: 'reviewer', label: 'Reviewer', hint: 'optional' },
];

export type Form = Record<FieldKey, string>;

export function fieldsFor(wizardId: string): FieldSpec[] {
  return FIELDS.filter((f) => !f.flashOnly || wizardId === FLASH_WIZARD);
}

export function formFrom(defaults: Params): Form {
  return {
    production: (defaults.production ?? []).join(','),
    drCluster: defaults.drCluster ?? '',
    productionHost: defaults.productionHost ?? '',
    drHost: defaults.drHost ?? '',
    'drScratch.0': defaults.drScratch?.[0] ?? '',
    'drScratch.1': defaults.drScratch?.[1] ?? '',
    drError: defaults.drError ?? '',
    drPrivate: defaults.drPrivate ?? '',
    drRange: defaults.drRange ?? '',
    drMc: defaults.drMc ?? '',
    family: defaults.family ?? '',
    familyClusters: (defaults.familyClusters ?? []).join(','),
    testWrites: defaults.testWrites === undefined ? '' : String(defaults.testWrites),
    testReads: defaults.testReads ?? '',
    rpoMinutes: defaults.rpoMinutes === undefined ? '' : String(defaults.rpoMinutes),
    rtoMinutes: defaults.rtoMinutes === undefined ? '' : String(defaults.rtoMinutes),
    criticalMcs: (defaults.criticalMcs ?? []).join(','),
    returnToScratch: defaults.returnToScratch ?? 'suspended',
    tester: defaults.tester ?? '',
    reviewer: defaults.reviewer ?? '',
  };
}

const list = (text: string) =>
  text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((s) => s.toUpperCase());

export function paramsFrom(form: Form, wizardId: string): Record<string, unknown> {
  const p: Record<string, unknown> = {
    production: list(form.production),
    drCluster: form.drCluster.trim().toUpperCase(),
    productionHost: form.productionHost.trim().toUpperCase(),
    drHost: form.drHost.trim().toUpperCase(),
    drScratch: [form['drScratch.0'].trim().toUpperCase(), form['drScratch.1'].trim().toUpperCase()],
    drError: form.drError.trim().toUpperCase(),
    drPrivate: form.drPrivate.trim().toUpperCase(),
    drRange: form.drRange.trim().toUpperCase(),
    drMc: form.drMc.trim().toUpperCase(),
    testWrites: form.testWrites.trim() === '' ? undefined : Number(form.testWrites.trim()),
    testReads: form.testReads.trim() === '' ? undefined : form.testReads.trim().toUpperCase(),
    rpoMinutes: (form.rpoMinutes ?? '').trim() === '' ? undefined : Number(form.rpoMinutes.trim()),
    rtoMinutes: (form.rtoMinutes ?? '').trim() === '' ? undefined : Number(form.rtoMinutes.trim()),
    criticalMcs: (form.criticalMcs ?? '').trim() === '' ? undefined : list(form.criticalMcs),
    returnToScratch: (form.returnToScratch ?? '').trim() === '' ? undefined : form.returnToScratch.trim().toLowerCase(),
    tester: (form.tester ?? '').trim() === '' ? undefined : form.tester.trim(),
    reviewer: (form.reviewer ?? '').trim() === '' ? undefined : form.reviewer.trim(),
  };
  if (wizardId === FLASH_WIZARD) {
    p.family = form.family.trim().toUpperCase();
    p.familyClusters = list(form.familyClusters);
  }
  return p;
}

export type Problems = Partial<Record<FieldKey, string>>;

/** The form's problems by field (none: the params the host will accept). */
export function validate(form: Form, wizardId: string, grid: { clusters: string[]; hosts: string[] }): { params: Params | null; problems: Problems } {
  const raw = paramsFrom(form, wizardId);
  const problems: Problems = {};
  const parsed = wizardParams.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.slice(0, issue.path[0] === 'drScratch' ? 2 : 1).join('.') as FieldKey;
      problems[key] ??= key === 'testWrites' && Number.isNaN(raw.testWrites) ? 'a whole number' : issue.message;
    }
  }
  const known = (names: string[], key: FieldKey, what: string, among: string[]) => {
    const unknown = names.filter((n) => !among.includes(n));
    if (unknown.length > 0 && !problems[key]) problems[key] = `no ${what} ${unknown.join(', ')} in this grid (${among.join(', ') || 'none'})`;
  };
  if (grid.clusters.length > 0) {
    known(raw.production as string[], 'production', 'cluster', grid.clusters);
    known([raw.drCluster as string], 'drCluster', 'cluster', grid.clusters);
    if (wizardId === FLASH_WIZARD) known(raw.familyClusters as string[], 'familyClusters', 'cluster', grid.clusters);
    if ((raw.production as string[]).includes(raw.drCluster as string) && !problems.drCluster) problems.drCluster = 'the DR cluster cannot also be a production cluster';
  }
  if (grid.hosts.length > 0) {
    known([raw.productionHost as string], 'productionHost', 'host', grid.hosts);
    known([raw.drHost as string], 'drHost', 'host', grid.hosts);
  }
  return Object.keys(problems).length > 0 || !parsed.success ? { params: null, problems } : { params: parsed.data, problems };
}
