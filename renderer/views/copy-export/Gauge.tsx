// A labelled gauge (role meter): a value against its maximum with a threshold that turns it to a
// warning (past `high`, e.g. near the copy-exported limit) or to a shortage (below `low`, e.g. scratch).

import { useId } from 'react';
import { count } from '../../lib/format';

interface Props {
  label: string;
  value: number;
  max: number;
  /** at or past this the gauge warns */
  high?: number;
  /** below this the gauge warns */
  low?: number;
  detail?: string;
  testId?: string;
}

export function Gauge({ label, value, max, high, low, detail, testId }: Props) {
  const id = useId();
  const share = max > 0 ? Math.min(1, value / max) : 0;
  const warn = (high !== undefined && value >= high) || (low !== undefined && value < low);
  const text = `${count(value)} of ${count(max)}`;
  return (
    <div className={`gauge${warn ? ' is-warn' : ''}`} data-testid={testId}>
      <div className="gauge-head">
        <span id={`${id}-label`}>{label}</span>
        <span className="gauge-value mono">{text}</span>
      </div>
      <div className="gauge-track" role="meter" aria-labelledby={`${id}-label`} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value} aria-valuetext={`${text}${detail ? `; ${detail}` : ''}`}>
        <div className="gauge-fill" style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </div>
      {detail ? <div className="gauge-detail small muted">{detail}</div> : null}
    </div>
  );
}
