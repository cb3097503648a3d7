// Issue a runbook line from a view and keep what came back, so the view can show the line it issued.

import { useCallback, useState } from 'react';
import { execute, type Executed } from '../state/actions';

export interface IssuedHere {
  line: string;
  out: Executed | null;
  done: boolean;
}

export function useIssue(origin: string) {
  const [last, setLast] = useState<IssuedHere | null>(null);
  const issue = useCallback(
    async (line: string) => {
      setLast({ line, out: null, done: false });
      const out = await execute(line, origin);
      setLast({ line, out, done: true });
      // Cancelled at the question: to the view it did not succeed (nothing ran).
      return out?.cancelled ? null : out;
    },
    [origin],
  );
  return { issue, last };
}
