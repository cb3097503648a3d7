// Reads policies.show and reads it again whenever the engine changes (the store's revision), so the
// Policies view shows what the Console, a runbook or a grid file defined, not only its own edits.

import { useEffect, useState } from 'react';
import type { PoliciesDto } from '../../../contract/policies-api';
import { client } from '../../api/client';
import { reportError } from '../../state/actions';
import { useStore } from '../../state/store';

export function usePolicies(): PoliciesDto | null {
  const revision = useStore((s) => s.revision);
  const [data, setData] = useState<PoliciesDto | null>(null);
  useEffect(() => {
    let live = true;
    client()
      .call('policies.show', {})
      .then((value) => live && setData(value))
      .catch((e) => live && reportError(e, 'policies.show'));
    return () => {
      live = false;
    };
  }, [revision]);
  return data;
}

/** Issues one runbook line; true when the engine accepted it. */
export type IssueLine = (line: string) => Promise<boolean>;
