// Reads dasd.overview and reads it again whenever the engine changes (the store's revision), so the
// Host DASD view follows what the Console, a runbook, a wizard or the time bar did.

import { useEffect, useState } from 'react';
import type { DasdOverviewDto } from '../../../contract/dasd-api';
import { client } from '../../api/client';
import { reportError } from '../../state/actions';
import { useStore } from '../../state/store';

export function useDasdOverview(): DasdOverviewDto | null {
  const revision = useStore((s) => s.revision);
  const [data, setData] = useState<DasdOverviewDto | null>(null);
  useEffect(() => {
    let live = true;
    client()
      .call('dasd.overview', {})
      .then((value) => live && setData(value))
      .catch((e) => live && reportError(e, 'dasd.overview'));
    return () => {
      live = false;
    };
  }, [revision]);
  return data;
}

export type Replication = DasdOverviewDto['replications'][number];
export type Distributed = DasdOverviewDto['distributed'][number];
export type Versions = DasdOverviewDto['versions'][number];
export type RemoteCopy = DasdOverviewDto['remoteCopies'][number];
/** Issues one runbook line through the Console path; resolves to the result of its last record, or null when refused. */
export type Issue = (line: string) => Promise<unknown>;
