// The time bar: the simulated present, Advance buttons (ADVANCE 10m/1h/1d, ADVANCE UNTIL IDLE), and the
// timeline — pick a past moment to see the grid as it was (SHOW GRID at that time).

import { useEffect, useId, useState } from 'react';
import { advance, viewAt } from '../state/actions';
import { useStore } from '../state/store';
import { iso, ms, showTime } from '../lib/format';
import { useJournal } from './use-journal';
import { ADVANCE_BY_ID } from '../state/desktop-events';

const STEPS = ['10m', '1h', '1d'] as const;
const ISO_INPUT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?$/;

export function TimeBar() {
  const now = useStore((s) => s.now);
  const hasGrid = useStore((s) => s.info?.grid != null);
  const busy = useStore((s) => s.pending > 0);
  const past = useStore((s) => s.past);
  const canAct = hasGrid && !past;
  const advanceId = useId();
  return (
    <div className="timebar" role="group" aria-label="Simulated time">
      <div className="clock">
        <span className="clock-label">Simulated time (UTC)</span>
        <output className="clock-value" aria-label="Simulated time now" data-testid="simulated-time">
          {showTime(now)}
        </output>
      </div>
      {/* One compact row at 1280 px: the group says "Advance" once; each button's name still does. */}
      <div className="advance" role="group" aria-labelledby={advanceId}>
        <span className="advance-label" id={advanceId}>
          Advance
        </span>
        {STEPS.map((d) => (
          <button key={d} type="button" aria-label={`Advance ${d}`} disabled={!canAct || busy} onClick={() => void advance(d)}>
            {d}
          </button>
        ))}
        <AdvanceBy disabled={!canAct || busy} />
        <button type="button" aria-label="Run until idle" title="ADVANCE UNTIL IDLE: until no copy, export or recovery is pending" disabled={!canAct || busy} onClick={() => void advance(null)}>
          until idle
        </button>
      </div>
      <Timeline now={now} />
    </div>
  );
}

const DURATION = /^\d+(ms|s|m|h|d)$/i;

/** ADVANCE by any duration the runbook language accepts (30s, 10m, 2h, 1d). */
function AdvanceBy({ disabled }: { disabled: boolean }) {
  const [value, setValue] = useState('');
  const valid = DURATION.test(value.trim());
  return (
    <form
      className="advance-by"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) void advance(value.trim().toLowerCase());
      }}
    >
      <input
        id={ADVANCE_BY_ID}
        className="mono"
        size={4}
        placeholder="30m"
        aria-label="Advance by duration"
        aria-invalid={value !== '' && !valid}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" aria-label="Advance by the duration typed" disabled={disabled || !valid}>
        Go
      </button>
    </form>
  );
}

function Timeline({ now }: { now: string | null }) {
  const past = useStore((s) => s.past);
  const { first, recent } = useJournal();
  const listId = useId();
  const end = now ? ms(now) : 0;
  const start = first ? Math.min(ms(first.time), end) : end;
  const [text, setText] = useState('');
  const [slider, setSlider] = useState<number | null>(null);

  // The text box follows the moment being viewed, else the present.
  useEffect(() => setText(past?.at ?? now ?? ''), [past?.at, now]);

  // Dragging the slider settles before the grid is rebuilt at that moment.
  useEffect(() => {
    if (slider === null) return;
    const timer = setTimeout(() => {
      setSlider(null);
      void viewAt(slider >= end ? null : iso(slider));
    }, 300);
    return () => clearTimeout(timer);
  }, [slider, end]);

  const valid = ISO_INPUT.test(text.trim());
  const apply = () => {
    const value = text.trim().replace(' ', 'T');
    const at = value.endsWith('Z') ? value : `${value}Z`;
    void viewAt(ms(at) >= end ? null : at);
  };
  const sliderValue = slider ?? (past ? ms(past.at) : end);
  return (
    <form
      className="timeline"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) apply();
      }}
    >
      <label className="sr-only" htmlFor={`${listId}-range`}>
        Timeline
      </label>
      <input
        id={`${listId}-range`}
        type="range"
        min={start}
        max={end}
        step={60_000}
        value={sliderValue}
        disabled={!now || end <= start}
        list={listId}
        aria-valuetext={showTime(iso(sliderValue))}
        onChange={(e) => setSlider(Number(e.target.value))}
      />
      <datalist id={listId}>
        {recent.map((j) => (
          <option key={j.seq} value={ms(j.endTime)} label={j.text.split('\n')[0]} />
        ))}
      </datalist>
      <label htmlFor={`${listId}-at`}>View grid at</label>
      <input
        id={`${listId}-at`}
        className="mono"
        type="text"
        inputMode="numeric"
        size={21}
        placeholder="2026-01-01T00:00:00Z"
        aria-invalid={text !== '' && !valid}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" disabled={!valid || !now}>
        View
      </button>
    </form>
  );
}

export function PastBanner() {
  const past = useStore((s) => s.past);
  if (!past) return null;
  return (
    <div className="past-banner" role="status" data-testid="past-banner">
      <strong>Viewing the past:</strong> the grid as it was at <time dateTime={past.at}>{showTime(past.at)}</time>
      {past.loading ? ' (rebuilding…)' : ''}. Topology actions and the time controls wait until you return; the Console still works on the present grid.
      <button type="button" onClick={() => void viewAt(null)}>
        Back to present
      </button>
    </div>
  );
}
