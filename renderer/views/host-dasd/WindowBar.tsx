// The reachable time window of a replica's journal (seed 001): any point in time between the earliest
// and the latest can be accessed. Drawn over a track from the oldest bookmark (or the window's start)
// to the present, so when a full journal releases history the window's start visibly moves right,
// past the bookmarks it no longer reaches.

import { ms, showTime } from '../../lib/format';
import type { Replication } from './use-dasd';

export function WindowBar({ r, now }: { r: Replication; now: string }) {
  const earliest = ms(r.earliestPointInTime);
  const latest = ms(r.latestPointInTime);
  const end = Math.max(ms(now), latest);
  const start = Math.min(earliest, ...r.bookmarks.map((b) => ms(b.time)));
  const span = Math.max(1, end - start);
  const at = (t: number) => `${(((t - start) / span) * 100).toFixed(2)}%`;
  const released = r.bookmarks.filter((b) => !b.reachable && ms(b.time) < earliest).length;
  const label = `Reachable window from ${showTime(r.earliestPointInTime)} to ${showTime(r.latestPointInTime)}; ${r.bookmarks.length} bookmark(s), ${released} released from the journal`;
  return (
    <div className="hd-window">
      <div className="hd-window-track" role="img" aria-label={label} data-testid="window-bar">
        <div className="hd-window-range" style={{ left: at(earliest), width: `${(((latest - earliest) / span) * 100).toFixed(2)}%` }} />
        {r.bookmarks.map((b) => (
          <div
            key={b.name}
            className={`hd-window-mark${b.reachable ? '' : ' is-released'}`}
            style={{ left: at(ms(b.time)) }}
            title={`${b.name} ${showTime(b.time)}${b.reachable ? '' : ' (released)'}`}
          />
        ))}
        {r.imageAccess ? (
          <div
            className="hd-window-access"
            style={{
              left: at(ms(r.imageAccess.pointInTime.startsWith('20') ? r.imageAccess.pointInTime : (r.bookmarks.find((b) => b.name === r.imageAccess!.pointInTime)?.time ?? r.earliestPointInTime))),
            }}
            title="accessed image"
          />
        ) : null}
      </div>
      <div className="hd-window-axis small muted mono" aria-hidden="true">
        <span>{showTime(new Date(start).toISOString())}</span>
        <span>now {showTime(now)}</span>
      </div>
    </div>
  );
}
