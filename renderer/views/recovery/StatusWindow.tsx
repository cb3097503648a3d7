// The Copy Export Recovery Status window (Redbook §11.7.2 steps 4 and 10): "the total number of steps
// required, the current step, when the operation was initiated, the run duration, and the overall
// status", and the task list with each task's progress ("XX of YY complete").

import { useId } from 'react';
import { count, duration, showTime } from '../../lib/format';
import { advance } from '../../state/actions';
import type { RecoveryView } from '../../../contract/export-api';

function itemsOf(task: string): { done: number; total: number } | null {
  const m = /(\d+) of (\d+) complete/.exec(task);
  return m ? { done: Number(m[1]), total: Number(m[2]) } : null;
}

export function StatusWindow({ library, recovery, busy }: { library: string; recovery: RecoveryView; busy: boolean }) {
  const id = useId();
  if (!recovery.operation) return null;
  const done = recovery.steps.filter((s) => s.status === 'done').length;
  const running = recovery.status === 'in progress';
  return (
    <section className="panel rc-status" aria-labelledby={`${id}-title`} data-testid="recovery-status">
      <div className="panel-head">
        <h2 id={`${id}-title`}>Copy Export Recovery Status: {library}</h2>
        <span className={`badge ${recovery.status === 'completed' ? 'badge-ok' : recovery.status === 'failed' ? 'badge-bad' : ''}`} data-testid="recovery-overall">
          {recovery.overallStatus ?? recovery.status}
        </span>
      </div>
      <dl className="facts inline">
        <dt>Operation</dt>
        <dd>{recovery.operation === 'ERASE' ? 'Erase all existing volumes' : `Recovery from ${recovery.fromPvol ?? '—'}`}</dd>
        <dt>Step</dt>
        <dd data-testid="recovery-step">
          {recovery.currentStep} of {recovery.totalSteps}
        </dd>
        <dt>Initiated</dt>
        <dd>{showTime(recovery.initiated)}</dd>
        <dt>Run duration</dt>
        <dd>{duration((recovery.runDurationSeconds ?? 0) * 1000)}</dd>
      </dl>
      <div className="rc-overall">
        <span id={`${id}-overall`} className="small muted">
          Overall progress
        </span>
        <div
          className="gauge-track"
          role="progressbar"
          aria-labelledby={`${id}-overall`}
          aria-valuemin={0}
          aria-valuemax={recovery.totalSteps}
          aria-valuenow={done}
          aria-valuetext={`${done} of ${recovery.totalSteps} steps done`}
        >
          <div className="gauge-fill" style={{ width: `${recovery.totalSteps ? (done / recovery.totalSteps) * 100 : 0}%` }} />
        </div>
      </div>
      <ol className="rc-tasks" aria-label="Task detail">
        {recovery.steps.map((s) => {
          const items = itemsOf(s.task);
          return (
            <li key={s.step} className={`rc-task rc-task-${s.status}`} data-status={s.status}>
              <span className="rc-task-mark" aria-hidden="true">
                {s.status === 'done' ? '✓' : s.status === 'running' ? '▶' : '·'}
              </span>
              <span className="rc-task-text">{s.task}</span>
              <span className="sr-only">({s.status})</span>
              {items && s.status === 'running' ? (
                <span className="rc-items" role="progressbar" aria-label={`Step ${s.step} progress`} aria-valuemin={0} aria-valuemax={items.total} aria-valuenow={items.done}>
                  <span className="gauge-fill" style={{ width: `${items.total ? (items.done / items.total) * 100 : 100}%` }} />
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      {running ? (
        <div className="button-row">
          <span className="small muted">The library works in simulated time:</span>
          <button type="button" disabled={busy} onClick={() => void advance('1m')}>
            Advance 1m
          </button>
          <button type="button" disabled={busy} onClick={() => void advance(null)}>
            Run to the end
          </button>
        </div>
      ) : (
        <p className="small muted">{recovery.operation === 'ERASE' ? 'Copy Export Recovery database cleanup is complete.' : `All ${count(recovery.steps.length)} steps done.`}</p>
      )}
    </section>
  );
}
