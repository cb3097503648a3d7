import type { IssuedHere } from './use-issue';
import { Record } from './Record';

/** The line a view just issued and what the engine answered. */
export function IssuedPanel({ last }: { last: IssuedHere | null }) {
  if (!last) return null;
  return (
    <section className="issued-panel" aria-label="Issued command" aria-live="polite">
      <div>
        Issued <code data-testid="issued-line">{last.line}</code>
        {!last.done ? (
          <span className="muted"> — running…</span>
        ) : last.out === null ? (
          <span className="bad"> — failed (see the alert)</span>
        ) : last.out.cancelled ? (
          <span className="muted"> — Cancelled: nothing was run.</span>
        ) : null}
      </div>
      {last.out?.errors.map((e, i) => (
        <div key={i} className="record-error">
          {e.line}:{e.col}: {e.message}
        </div>
      ))}
      {last.out?.records.map((r, i) => (
        <Record key={i} record={r} showLine={false} />
      ))}
    </section>
  );
}
