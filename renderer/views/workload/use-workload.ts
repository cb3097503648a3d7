// Reads workload.state and reads it again whenever the engine changes, so the Workload view and the
// load badges in Topology and Copy Queues follow runs started from the time bar as well.

import type { WorkloadStateDto } from '../../../contract/workload-api';
import { useChannel } from '../../api/use-channel';

export function useWorkload(): { data: WorkloadStateDto | null; set: (s: WorkloadStateDto) => void } {
  return useChannel('workload.state', {});
}
