// Guided DR-test procedures (Redbook §11.10, seed 000): a wizard is a list of steps, each saying what
// and why, checking the grid before it acts, and issuing runbook lines (shown to the operator).

import type { GridState } from '../world/state.js';

export interface WizardParams {
  /** production cluster(s), by name */
  production: string[];
  /** the DR cluster under test */
  drCluster: string;
  productionHost: string;
  drHost: string;
  /** DR categories: two scratch (MEDIA1, MEDIA2), error and private (Redbook §11.10.1 step 4-5) */
  drScratch: [string, string];
  drError: string;
  drPrivate: string;
  /** the VOLSER range the DR host writes (Redbook §11.9.3: e.g. TST000-TST999) */
  drRange: string;
  /** Management Class the DR host writes with: No Copy toward production (Redbook §11.9.6) */
  drMc: string;
  /** FlashCopy test: the DR family and its members */
  family?: string;
  familyClusters?: string[];
  /** test jobs the wizard runs during the test */
  testWrites?: number;
  testReads?: string | undefined;
  /** the test's objectives, entered in the wizard and judged in its report */
  rpoMinutes?: number;
  rtoMinutes?: number;
  /** Management Classes whose first DR mount measures the RTO; default: every production class */
  criticalMcs?: string[];
  tester?: string;
  reviewer?: string;
  /** whether production's return-to-scratch runs during the test window (Redbook §11.9.7); default suspended */
  returnToScratch?: 'suspended' | 'running';
}

export type Phase = 'before' | 'during' | 'after';

export interface Finding {
  /** error stops the step, warning needs acknowledging, info only reports (e.g. a step skipped and why) */
  level: 'error' | 'warning' | 'info';
  message: string;
}

export interface WizardStep {
  id: string;
  phase: Phase;
  title: string;
  /** why this step, with the Redbook or seed paragraph it comes from */
  why: string;
  /** grid steps issue runbook lines; manual steps are the operator's own (host, TMS) and are confirmed */
  kind: 'grid' | 'manual';
  lines(p: WizardParams, state: GridState): string[];
  /** problems that must stop the step (error) or that the operator should weigh (warning) */
  check?(p: WizardParams, state: GridState): Finding[];
  /**
   * The step that starts the test: its time is the point the test represents (Redbook §11.9.1, "at the
   * beginning of the test ... a snapshot of the production systems"), which the DR test report of a
   * procedure without a DR family puts in place of time-zero.
   */
  startsTest?: boolean;
  /**
   * How long the real counterpart of the step takes (operator work, an IPL, a batch of mounts): the
   * wizard advances simulated time by it after the step's lines, so the test does not happen at one
   * instant and its report shows the timeline. Recalls and copies add their own time in the engine.
   */
  takes?(p: WizardParams): string | null;
}

export interface Wizard {
  id: string;
  title: string;
  source: string;
  summary: string;
  defaults(state: GridState): WizardParams;
  steps: WizardStep[];
  /** the test runs on a DR family's FlashCopy time-zero (seed 000); the §11.10 procedures use none */
  usesFamily?: boolean;
}
