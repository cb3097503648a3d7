// Reads dasd.overview and reads it again whenever the engine changes (the store's revision), so the
// Host DASD view follows what the Console, a runbook, a wizard or the time bar did.

import type { DasdOverviewDto } from '../../../contract/dasd-api';
import { useChannel } from '../../api/use-channel';

export function useDasdOverview(): DasdOverviewDto | null {
  return useChannel('dasd.overview', {}).data;
}

export type Replication = DasdOverviewDto['replications'][number];
export type Distributed = DasdOverviewDto['distributed'][number];
export type Versions = DasdOverviewDto['versions'][number];
export type RemoteCopy = DasdOverviewDto['remoteCopies'][number];
/** Issues one runbook line through the Console path; resolves to the result of its last record, or null when refused. */
export type Issue = (line: string) => Promise<unknown>;
