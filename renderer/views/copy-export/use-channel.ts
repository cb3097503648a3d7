// Fetches one read channel and fetches it again whenever the engine changes (the store's revision),
// so the Copy Export and Recovery views follow what the Console, a runbook or the time bar did.

import { useCallback, useEffect, useRef, useState } from 'react';
import { reportError } from '../../state/actions';
import { useStore } from '../../state/store';

export function useChannel<T>(load: (() => Promise<T>) | null, context: string, key = ''): { data: T | null; reload: () => void } {
  const revision = useStore((s) => s.revision);
  const [data, setData] = useState<T | null>(null);
  const [nudge, setNudge] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const enabled = load !== null;
  useEffect(() => {
    const run = loadRef.current;
    if (!run) {
      setData(null);
      return;
    }
    let live = true;
    run()
      .then((value) => live && setData(value))
      .catch((e) => live && reportError(e, context));
    return () => {
      live = false;
    };
  }, [revision, nudge, enabled, key, context]);
  const reload = useCallback(() => setNudge((n) => n + 1), []);
  return { data, reload };
}
