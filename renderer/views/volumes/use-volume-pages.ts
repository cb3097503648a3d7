// Pages of volumes.page fetched on demand for the rows in view. A changed query starts over; a changed
// grid (revision) refetches the pages in view and keeps showing the old rows until they arrive.
// A page arriving redraws only the table (subscribe), and only when it holds rows in view: the view
// around it (filters, headline, detail) renders again only when the total or a failure changes.

import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { VolumeQuery, VolumeRow, VolumeSort } from '../../../contract/api';
import { describeError } from './words';
import { client } from '../../api/client';
import { PAGE, pageInView, pagesToDrop, pagesWanted } from './page-window';

export { PAGE } from './page-window';

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
  const visible = useRef<[number, number]>([0, 0]);
  const known = useRef<{ total: number | null; failed: boolean }>({ total: null, failed: false });
  const listeners = useRef(new Set<() => void>());

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
          const [first, last] = visible.current;
          for (const p of pagesToDrop(pages.current.keys(), first, last)) pages.current.delete(p);
          if (res.total !== known.current.total) setTotal((known.current.total = res.total));
          if (known.current.failed) setFailure(null);
          known.current.failed = false;
          if (pageInView(page, first, last)) listeners.current.forEach((l) => l());
        })
        .catch((e) => {
          // Shown in the table's place with a Retry, never as a list stuck "Loading…".
          if (gen !== generation.current) return;
          known.current.failed = true;
          setFailure(describeError(e));
        })
        .finally(() => {
          if (inFlight.current.get(page) === gen) inFlight.current.delete(page);
        });
    },
    // queryKey is query and sort as one string: a new object of the same filter must not refetch
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [queryKey],
  );

  /** Ask for the pages covering rows [first, last], and those ahead of a steady scroll. */
  const ensure = useCallback(
    (first: number, last: number) => {
      const [previousFirst] = visible.current;
      visible.current = [first, last];
      for (const p of pagesWanted(first, last, previousFirst, known.current.total ?? last + 1)) fetchPage(p);
    },
    [fetchPage],
  );

  // A new query: forget everything and load the first page (which also gives the total).
  useEffect(() => {
    generation.current++;
    pages.current.clear();
    inFlight.current.clear();
    known.current = { total: null, failed: false };
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
    const [first, last] = visible.current;
    // No look-ahead: previousFirst = first.
    visible.current = [first, first];
    ensure(first, last);
  }, [revision, ensure]);

  const row = useCallback((index: number): VolumeRow | null => pages.current.get(Math.floor(index / PAGE))?.rows[index % PAGE] ?? null, []);

  /** Call `redraw` when a page with rows in view arrives; returns the unsubscribe. */
  const subscribe = useCallback((redraw: () => void) => {
    listeners.current.add(redraw);
    return () => void listeners.current.delete(redraw);
  }, []);

  return { total, row, ensure, subscribe, failure, retry };
}
