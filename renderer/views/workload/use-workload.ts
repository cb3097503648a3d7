// Reads workload.state and reads it again whenever the engine changes, so the Workload view and the
// load badges in Topology and Copy Queues follow runs started from the time bar as well.

import { useCallback, useEffect, useState } from 'react';
import type { WorkloadStateDto } from '../../../contract/workload-api';
import { client } from '../../api/client';
import { reportError } from '../../state/actions';
import { useStore } from '../../state/store';

export function useWorkload(): { data: WorkloadStateDto | null; set: (s: WorkloadStateDto) => void } {
  const revision = useStore((s) => s.revision);
  const [data, setData] = useState<WorkloadStateDto | null>(null);
  useEffect(() => {
    let live = true;
    client()
      .call('workload.state', {})
      .then((value) => live && setData(value))
      .catch((e) => live && reportError(e, 'workload.state'));
    return () => {
      live = false;
    };
  }, [revision]);
  const set = useCallback((s: WorkloadStateDto) => setData(s), []);
  return { data, set };
}
