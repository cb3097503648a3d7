// Reads policies.show and reads it again whenever the engine changes (the store's revision), so the
// Policies view shows what the Console, a runbook or a grid file defined, not only its own edits.

import type { PoliciesDto } from '../../../contract/policies-api';
import { useChannel } from '../../api/use-channel';

export function usePolicies(): PoliciesDto | null {
  return useChannel('policies.show', {}).data;
}

/** Issues one runbook line; true when the engine accepted it. */
export type IssueLine = (line: string) => Promise<boolean>;
