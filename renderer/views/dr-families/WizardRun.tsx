// A DR test in progress: every step before, during and after the test with where the run stands; the
// next step's what and why, the checks the grid passed or failed before it acts, and the runbook lines
// it will issue; Perform / Confirm, Pause, Resume, Abandon; what each done step issued and got back.
// The run lives on the engine host, so a reload (or a restart with --db) finds it as it was left.

import { useId, useState } from 'react';
import type { WizardStateDto } from '../../../contract/api';
import { showTime } from '../../lib/format';
import { ReportButtons } from './ReportButtons';
import { ReportActions } from '../reports/ReportActions';
import { FLASH_WIZARD } from './wizard-form';
import { abandonWizard, pauseWizard, resumeWizard, stepWizard, useWizard, type WizardInfo } from './wizard-store';

type Run = NonNullable<WizardStateDto['run']>;
type Next = NonNullable<WizardStateDto['next']>;

const PHASE_LABEL: Record<string, string> = { before: 'Before the test', during: 'During the test', after: 'After the test' };

export function WizardRun({ state, wizard, families, disabled }: { state: WizardStateDto; wizard: WizardInfo | undefined; families: string[]; disabled: boolean }) {
  const run = state.run!;
  const busy = useWizard((s) => s.busy);
  const [confirmAbandon, setConfirmAbandon] = useState(false);
  const titleId = useId();
  // Every test has a report: the FlashCopy test's is of its DR family's time-zero; a §11.10 procedure's
  // (no family) is of its start (core/reports/procedure-report.ts).
  const flash = run.wizardId === FLASH_WIZARD;
  const family = flash && run.params.family && families.includes(run.params.family) ? run.params.family : null;
  // A run whose grid was replaced or whose family was deleted cannot go on: it says so, never "Finished".
  const gone = run.gone ?? null;
  const statusText = gone ? 'Cannot go on' : run.status === 'finished' ? 'Finished' : run.status === 'paused' ? 'Paused' : 'In progress';

  return (
    <section className="panel wizard-run" aria-labelledby={titleId} data-status={run.status}>
      <div className="panel-head">
        <h2 id={titleId}>{run.title}</h2>
        <span className={`badge ${gone ? 'badge-bad' : run.status === 'finished' ? 'badge-ok' : run.status === 'paused' ? 'badge-warn' : ''}`} data-testid="wizard-status">
          {statusText}
        </span>
        <span className="muted" data-testid="wizard-progress">
          {run.status === 'finished' ? `All ${run.total} steps done` : `Step ${run.next + 1} of ${run.total}`}
        </span>
      </div>
      <Steps run={run} wizard={wizard} />
      {state.last?.refused ? <Refused state={state} wizard={wizard} /> : null}
      {run.failed ? <Failed failed={run.failed} wizard={wizard} /> : null}
      {state.next ? <NextStep next={state.next} run={run} disabled={disabled || busy} /> : null}
      {gone ? (
        <p className="error" role="alert" data-testid="wizard-gone">
          {gone}
        </p>
      ) : run.status === 'finished' ? (
        <p className="ok" role="status">
          The test is over and cleaned up: every step before, during and after it is done.
        </p>
      ) : null}
      {run.reportId ? (
        <div className="evidence-saved" data-testid="evidence-saved">
          <p>
            Its evidence report is kept with the grid: <a href="#/reports">{run.reportId}</a> (Reports).
          </p>
          <ReportActions id={run.reportId} title={`DR test evidence ${run.reportId}`} />
        </div>
      ) : null}
      {!flash || family ? (
        <ReportButtons family={family} subject={run.title} drHost={run.params.drHost} label={run.status === 'finished' ? 'Save the DR test report' : 'DR test report so far'} />
      ) : null}
      <div className="button-row wizard-controls">
        {run.status === 'active' ? (
          <button type="button" disabled={busy} onClick={() => void pauseWizard()}>
            Pause
          </button>
        ) : null}
        {run.status === 'paused' ? (
          <button type="button" disabled={busy || disabled} onClick={() => void resumeWizard()}>
            Resume
          </button>
        ) : null}
        {confirmAbandon ? (
          <span role="group" aria-label="Confirm abandoning the test" className="confirm">
            {run.status === 'finished' ? 'Close this finished test?' : 'Abandon the test? The grid stays as the done steps left it.'}
            <button type="button" className="danger" disabled={busy} onClick={() => void abandonWizard().then(() => setConfirmAbandon(false))}>
              {run.status === 'finished' ? 'Close it' : 'Abandon it'}
            </button>
            <button type="button" onClick={() => setConfirmAbandon(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button type="button" className={run.status === 'finished' ? undefined : 'danger'} disabled={busy} onClick={() => setConfirmAbandon(true)}>
            {run.status === 'finished' ? 'Close the test' : 'Abandon…'}
          </button>
        )}
      </div>
      <Done run={run} wizard={wizard} />
    </section>
  );
}

function Steps({ run, wizard }: { run: Run; wizard: WizardInfo | undefined }) {
  if (!wizard) return null;
  const phases = ['before', 'during', 'after'];
  return (
    <div className="wizard-steps">
      {phases.map((phase) => (
        <section key={phase} aria-label={PHASE_LABEL[phase]}>
          <h3>{PHASE_LABEL[phase]}</h3>
          <ol className="step-list">
            {wizard.steps.map((s, i) =>
              s.phase !== phase ? null : (
                <li
                  key={s.id}
                  className={i < run.next ? 'is-done' : i === run.next && run.status !== 'finished' ? 'is-next' : 'is-pending'}
                  aria-current={i === run.next && run.status !== 'finished' ? 'step' : undefined}
                >
                  <span className="step-mark" aria-hidden="true">
                    {i < run.next ? '✓' : i === run.next && run.status !== 'finished' ? '▶' : '·'}
                  </span>
                  <span>
                    {i + 1}. {s.title}
                    {s.kind === 'manual' ? <span className="muted small"> (manual)</span> : null}
                  </span>
                  <span className="sr-only">{i < run.next ? ' — done' : i === run.next && run.status !== 'finished' ? ' — next' : ''}</span>
                </li>
              ),
            )}
          </ol>
        </section>
      ))}
    </div>
  );
}

function NextStep({ next, run, disabled }: { next: Next; run: Run; disabled: boolean }) {
  const [acknowledged, setAcknowledged] = useState(false);
  const headingId = useId();
  const errors = next.findings.filter((f) => f.level === 'error');
  const warnings = next.findings.filter((f) => f.level === 'warning');
  const canAct = run.status === 'active' && !disabled && errors.length === 0 && (warnings.length === 0 || acknowledged);
  return (
    <section className="next-step" aria-labelledby={headingId} data-step={next.id}>
      <h3 id={headingId}>
        Next: {next.title}
        <span className="muted small">
          {' '}
          — {PHASE_LABEL[next.phase] ?? next.phase}, {next.kind === 'manual' ? 'a manual step' : 'issues runbook lines'}
        </span>
      </h3>
      <dl className="facts">
        <dt>What</dt>
        <dd>{next.title}</dd>
        <dt>Why</dt>
        <dd data-testid="step-why">{next.why}</dd>
      </dl>
      <h4>Checks before acting</h4>
      {next.findings.length === 0 ? (
        <p className="ok" data-testid="step-checks">
          The grid passed this step’s checks.
        </p>
      ) : (
        <ul className="findings" aria-label="Findings" data-testid="step-checks">
          {next.findings.map((f, i) => (
            <li key={i} className={`finding finding-${f.level}`}>
              <span className={`badge ${f.level === 'error' ? 'badge-bad' : f.level === 'info' ? '' : 'badge-warn'}`}>{f.level === 'error' ? 'Error' : f.level === 'info' ? 'Note' : 'Warning'}</span>{' '}
              {f.message}
            </li>
          ))}
        </ul>
      )}
      {errors.length > 0 ? <p className="bad">The wizard will not act while an error stands: correct the grid (the Console takes any runbook line) and the checks run again.</p> : null}
      {warnings.length > 0 && errors.length === 0 ? (
        <label className="acknowledge">
          <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} /> I have weighed {warnings.length === 1 ? 'this warning' : 'these warnings'}; go ahead
        </label>
      ) : null}
      <h4>{next.kind === 'manual' ? 'Done outside the grid' : 'Runbook lines this step issues'}</h4>
      {next.kind === 'manual' || next.lines.length === 0 ? (
        <p className="muted">
          {next.kind === 'manual' ? 'A task on the hosts or the tape management system: do it, then confirm it here.' : 'Nothing to issue on this grid: the step is already in effect.'}
        </p>
      ) : (
        <pre className="step-lines" aria-label="Runbook lines" data-testid="step-lines">
          {next.lines.join('\n')}
        </pre>
      )}
      {next.ran && next.ran.length > 0 ? (
        <p className="small muted" data-testid="step-ran">
          Already issued by the failed attempt, not issued again: <code>{next.ran.join(' · ')}</code>
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="primary" disabled={!canAct} onClick={() => void stepWizard(warnings.length > 0 && acknowledged).then(() => setAcknowledged(false))}>
          {next.kind === 'manual' ? 'Confirm done' : 'Perform step'}
        </button>
        {run.status === 'paused' ? <span className="muted">Paused: resume to go on.</span> : null}
      </div>
    </section>
  );
}

function Refused({ state, wizard }: { state: WizardStateDto; wizard: WizardInfo | undefined }) {
  const title = wizard?.steps.find((s) => s.id === state.last!.stepId)?.title ?? state.last!.stepId;
  return (
    <p className="bad" role="alert" data-testid="step-refused">
      The wizard refused “{title}”: the grid did not pass its checks (see below), or a line it would issue did not validate. The step is still to do.
    </p>
  );
}

/** A step a refused line stopped part-way: never shown as done, never silently half-applied. */
function Failed({ failed, wizard }: { failed: NonNullable<Run['failed']>; wizard: WizardInfo | undefined }) {
  const title = wizard?.steps.find((s) => s.id === failed.stepId)?.title ?? failed.stepId;
  const refused = failed.records.filter((r) => !r.ok).at(-1);
  return (
    <div className="bad" role="alert" data-testid="step-failed">
      <p>
        “{title}” failed part-way: {failed.ran ?? 0} of {failed.lines.length} lines ran, then the engine refused <code>{refused?.line}</code>: {refused?.error}. Correct the grid and perform the step
        again: it goes on from the refused line.
      </p>
    </div>
  );
}

function Done({ run, wizard }: { run: Run; wizard: WizardInfo | undefined }) {
  if (run.done.length === 0) return null;
  return (
    <details className="done-steps" open={run.status === 'finished'}>
      <summary>Done steps ({run.done.length}) and what they issued</summary>
      <ol className="plain">
        {run.done.map((d, i) => (
          <li key={i} className="done-step">
            <div>
              <strong>{wizard?.steps.find((s) => s.id === d.stepId)?.title ?? d.stepId}</strong> <span className="muted small">at {showTime(d.at)}</span>
              {d.confirmed ? <span className="muted small"> — confirmed by the operator</span> : null}
            </div>
            {d.records.length > 0 ? (
              <ul className="plain records">
                {d.records.map((r, j) => (
                  <li key={j} className={r.ok ? 'ok' : 'bad'}>
                    <code>{r.line}</code> {r.ok ? `— ok${summary(r.result)}` : `— refused: ${r.error}`}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** The few facts a result says that matter to the test (jobs written, volumes inserted). */
function summary(result: unknown): string {
  if (!result || typeof result !== 'object') return '';
  const r = result as Record<string, unknown>;
  if (typeof r.requested === 'number' && typeof r.succeeded === 'number') {
    const failures =
      r.failures && typeof r.failures === 'object' && Object.keys(r.failures).length > 0
        ? ` (${Object.entries(r.failures as Record<string, number>)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')})`
        : '';
    return `: ${r.succeeded} of ${r.requested} succeeded${failures}`;
  }
  if (typeof r.inserted === 'number') return `: ${r.inserted} inserted`;
  if (typeof r.returned === 'number') return `: ${r.returned}${typeof r.requested === 'number' ? ` of ${r.requested}` : ''} returned to scratch`;
  return '';
}
