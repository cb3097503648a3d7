// The alert region: every error the client or an action reported, until dismissed. The live region is
// always in the page so additions are announced.

import { useEffect, useRef, useState } from 'react';
import { client } from '../api/client';
import { count, duration } from '../lib/format';
import { reportError } from '../state/actions';
import type { Progress } from '../state/activity-slice';
import { useStore } from '../state/store';

export function Alerts() {
  const errors = useStore((s) => s.errors);
  const dismiss = useStore((s) => s.dismissError);
  return (
    <section aria-label="Errors" className="alerts">
      <div role="alert" className="alert-list">
        {errors.map((e) => (
          <div key={e.id} className="alert" data-code={e.code}>
            <span className="alert-code mono">{e.code}</span>
            <span className="alert-text">{e.message}</span>
            <button type="button" aria-label={`Dismiss error ${e.code}`} onClick={() => dismiss(e.id)}>
              Dismiss
            </button>
          </div>
        ))}
      </div>
    </section>
  );
}

/** A long operation's progress (engine.progress) with an estimate and, where safe, Cancel; or a busy note while a call is out. */
export function ProgressIndicator() {
  const progress = useStore((s) => s.progress);
  const pending = useStore((s) => s.pending);
  const left = useEstimate(progress);
  const [cancelling, setCancelling] = useState(false);
  useEffect(() => {
    if (!progress) setCancelling(false);
  }, [progress]);
  return (
    <div className="progress" role="status" aria-label="Progress">
      {progress ? (
        <>
          <span>{progress.label}</span>
          <progress max={progress.total || 1} value={progress.done} aria-label={progress.label} />
          <span className="mono">{progress.total > 0 ? `${Math.floor((progress.done / progress.total) * 100)}%` : ''}</span>
          {progress.total > 1 ? (
            <span className="muted small" data-testid="progress-count">
              {count(progress.done)} of {count(progress.total)}
              {progress.unit ? ` ${progress.unit}` : ''}
              {left !== null ? ` · about ${duration(Math.max(1000, left))} left` : ''}
            </span>
          ) : left !== null ? (
            <span className="muted small">about {duration(Math.max(1000, left))} left</span>
          ) : null}
          {progress.cancellable ? (
            <button
              type="button"
              disabled={cancelling}
              title="Stops the work: a command still working is undone, every command that ran stays whole, in the grid and the journal"
              onClick={() => {
                setCancelling(true);
                client()
                  .call('work.cancel', {})
                  .catch((e) => reportError(e, 'Cancel'));
              }}
            >
              {cancelling ? 'Cancelling…' : 'Cancel'}
            </button>
          ) : progress.notCancellable ? (
            <span className="small progress-why" data-testid="progress-not-cancellable">
              {progress.notCancellable}
            </span>
          ) : null}
        </>
      ) : pending > 0 ? (
        <span className="muted">Working…</span>
      ) : null}
    </div>
  );
}

/**
 * The engine host is gone (web mode: its WebSocket closed). The transport keeps reconnecting; until it
 * is back every control is disabled, and this says so instead of letting clicks fail one by one.
 * Nothing shows while the page first connects.
 */
export function ServerGoneBanner() {
  const connection = useStore((s) => s.connection);
  const everConnected = useStore((s) => s.info !== null);
  if (connection.state === 'open' || (connection.state === 'connecting' && !everConnected)) return null;
  return (
    <div className="server-gone" role="alert" data-testid="server-gone">
      <strong>The engine host is not answering.</strong> {connection.detail ?? 'The connection to the engine host closed.'} Until it is back the console is read-only: its controls are disabled and
      what you see may be out of date.
    </div>
  );
}

export function StatusBar() {
  const connection = useStore((s) => s.connection);
  const issued = useStore((s) => s.lastIssued);
  const info = useStore((s) => s.info);
  return (
    <footer className="statusbar">
      <span className={`conn conn-${connection.state}`}>
        {connection.state === 'open' ? 'Connected' : connection.state === 'connecting' ? 'Connecting…' : 'Disconnected'}
        {connection.detail ? ` — ${connection.detail}` : ''}
      </span>
      {info ? (
        <span className="muted">
          seed {info.seed} · journal {info.journalLength}
          {info.persistent ? ' · saved' : ' · in memory'}
        </span>
      ) : null}
      <span className="issued" data-testid="last-issued">
        {issued ? (
          <>
            Issued from {issued.origin}: <code>{issued.command}</code> <span className={issued.ok ? 'ok' : 'bad'}>{issued.ok ? 'ok' : `failed${issued.detail ? ` — ${issued.detail}` : ''}`}</span>
          </>
        ) : null}
      </span>
    </footer>
  );
}

/** Time left from the rate so far: the first report of a label starts its clock. */
function useEstimate(progress: Progress | null): number | null {
  const started = useRef<{ label: string; at: number; done: number } | null>(null);
  if (!progress) {
    started.current = null;
    return null;
  }
  if (!started.current || started.current.label !== progress.label || progress.done < started.current.done) {
    started.current = { label: progress.label, at: Date.now(), done: progress.done };
    return null;
  }
  const elapsed = Date.now() - started.current.at;
  const moved = progress.done - started.current.done;
  if (moved <= 0 || elapsed < 300) return null;
  return ((progress.total - progress.done) / moved) * elapsed;
}
