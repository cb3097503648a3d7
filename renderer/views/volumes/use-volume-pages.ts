// Pages of volumes.page fetched on demand for the rows in view. A changed query starts over; a changed
// grid (revision) refetches the pages in view and keeps showing the old rows until they arrive.

import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { VolumeQuery, VolumeRow, VolumeSort } from '../../../contract/api';
import { describeError } from './words';
import { client } from '../../api/client';

export const PAGE = 200;

interface Page {
  generation: number;
  rows: VolumeRow[];
}

export function useVolumePages(query: VolumeQuery | null, revision: number, sort: VolumeSort) {
  const [total, setTotal] = useState<number | null>(null);
  /** why the list could not be fetched, in words; null while it can */
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, retry] = useReducer((x: number) => x + 1, 0);
  const pages = useRef(new Map<number, Page>());
  const inFlight = useRef(new Map<number, number>());
  const generation = useRef(0);
  const queryKey = JSON.stringify([query, sort, attempt]);
  const [, redraw] = useReducer((x: number) => x + 1, 0);
  const visible = useRef<[number, number]>([0, 0]);

  const fetchPage = useCallback(
    (page: number) => {
      if (query === null) return;
      const gen = generation.current;
      if (pages.current.get(page)?.generation === gen || inFlight.current.get(page) === gen) return;
      inFlight.current.set(page, gen);
      client()
        .call('volumes.page', { offset: page * PAGE, limit: PAGE, query, sort })
        .then((res) => {
          if (gen !== generation.current) return;
          pages.current.set(page, { generation: gen, rows: res.rows });
          setTotal(res.total);
          setFailure(null);
          redraw();
        })
        .catch((e) => {
          // Shown in the table's place with a Retry, never as a list stuck "Loading…".
          if (gen === generation.current) setFailure(describeError(e));
        })
        .finally(() => {
          if (inFlight.current.get(page) === gen) inFlight.current.delete(page);
        });
    },
    // queryKey is query and sort as one string: a new object of the same filter must not refetch
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [queryKey],
  );

  /** Ask for the pages covering rows [first, last]. */
  const ensure = useCallback(
    (first: number, last: number) => {
      visible.current = [first, last];
      const from = Math.floor(Math.max(0, first) / PAGE);
      const to = Math.floor(Math.max(0, last) / PAGE);
      for (let p = from; p <= to; p++) fetchPage(p);
    },
    [fetchPage],
  );

  // A new query: forget everything and load the first page (which also gives the total).
  useEffect(() => {
    generation.current++;
    pages.current.clear();
    inFlight.current.clear();
    setTotal(null);
    setFailure(null);
    visible.current = [0, 0];
    fetchPage(0);
  }, [fetchPage]);

  // The grid changed: refetch what is in view; stale rows stay until replaced.
  const firstRevision = useRef(revision);
  useEffect(() => {
    if (revision === firstRevision.current) return;
    generation.current++;
    inFlight.current.clear();
    ensure(...visible.current);
  }, [revision, ensure]);

  const row = useCallback((index: number): VolumeRow | null => pages.current.get(Math.floor(index / PAGE))?.rows[index % PAGE] ?? null, []);

  return { total, row, ensure, failure, retry };
}
