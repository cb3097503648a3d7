// A labelled usage bar (journal segments, dirty grains, bytes sent): the numbers are in the text, the
// bar repeats them for the eye; role="meter" names value and range for assistive technology.

export function Meter({ label, value, max, detail, warnAt, testId }: { label: string; value: number; max: number; detail: string; warnAt?: number; testId?: string }) {
  const share = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  const warn = warnAt !== undefined && value >= warnAt;
  return (
    <div className={`hd-meter${warn ? ' is-warn' : ''}`} data-testid={testId}>
      <div className="hd-meter-head">
        <span>{label}</span>
        <span className="hd-meter-value mono">{detail}</span>
      </div>
      <div className="hd-meter-track" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value} aria-valuetext={detail}>
        <div className="hd-meter-fill" style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </div>
    </div>
  );
}
