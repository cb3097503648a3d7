// A one-line notice that production load is running, for the views where its effect shows (Topology,
// Copy Queues): what load, since when, and a link to the Workload view to change or stop it.

import { describeWorkload } from './describe';
import { useWorkload } from './use-workload';
import { count, showTime } from '../../lib/format';

export function WorkloadBadge() {
  const { data } = useWorkload();
  if (!data?.workload) return null;
  return (
    <p className="workload-badge small" data-testid="workload-badge">
      <strong>Production load active:</strong> {describeWorkload(data.workload)} — since {showTime(data.startedAt)}, {count(data.totals.writes)} written, {count(data.totals.reads)} read. The time
      bar's Advance runs it. <a href="#/workload">Workload</a>
    </p>
  );
}
