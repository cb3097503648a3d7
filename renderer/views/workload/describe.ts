// A workload in one sentence, for the badges and the view's status.

import type { WorkloadSpecDto } from '../../../contract/workload-api';
import { count } from '../../lib/format';

export function describeWorkload(w: WorkloadSpecDto): string {
  const parts: string[] = [];
  if (w.writesPerHour > 0) parts.push(`${count(w.writesPerHour)} scratch writes/h on ${w.cluster}${w.mc ? ` (MC ${w.mc})` : ''}, ${w.sizes.map((s) => `${s.size} ${s.percent}%`).join(', ')}`);
  if (w.readsPerHour > 0 && w.readRange) parts.push(`${count(w.readsPerHour)} specific reads/h of ${w.readRange} on ${w.readCluster}`);
  return `${parts.join('; ')} from ${w.host}`;
}
