// A channel's answer that follows the engine: asked on mount and again whenever the engine changes (the
// store's revision), so a view shows what the Console, a runbook, a wizard or the time bar did, not only
// its own edits. An answer that arrives after the view moved on (unmounted, or asked again) is dropped.

import { useEffect, useRef, useState } from 'react';
import type { Channel, Request, Response } from '../../contract/api';
import { reportError } from '../state/actions';
import { useStore } from '../state/store';
import { client } from './client';

/**
 * `again`: one more thing whose change asks again (e.g. a count of the view's own edits). `set` puts an
 * answer the view got some other way (a start or stop that replies with the new state).
 */
export function useChannel<C extends Channel>(channel: C, request: Request<C>, again: unknown = null): { data: Response<C> | null; set: (value: Response<C>) => void } {
  const revision = useStore((s) => s.revision);
  const [data, setData] = useState<Response<C> | null>(null);
  // The request by value: a literal written in the caller is a new object every render.
  const key = JSON.stringify(request);
  const latest = useRef(request);
  latest.current = request;
  useEffect(() => {
    let live = true;
    client()
      .call(channel, latest.current)
      .then((value) => live && setData(value))
      .catch((e) => live && reportError(e, channel));
    return () => {
      live = false;
    };
  }, [channel, key, again, revision]);
  return { data, set: setData };
}
