// The journal's recent entries (journal.list), refetched when its length changes: the timeline's range
// and tick marks come from here.

import { useEffect, useState } from 'react';
import type { Response } from '../../contract/api';
import { client } from '../api/client';
import { reportError } from '../state/actions';
import { useStore } from '../state/store';

export type JournalEntry = Response<'journal.list'>[number];

const WINDOW = 500;

export function useJournal(): { first: JournalEntry | null; recent: JournalEntry[] } {
  const length = useStore((s) => s.journalLength);
  const connected = useStore((s) => s.connection.state === 'open');
  const [first, setFirst] = useState<JournalEntry | null>(null);
  const [recent, setRecent] = useState<JournalEntry[]>([]);
  useEffect(() => {
    if (!connected || length === 0) {
      setFirst(null);
      setRecent([]);
      return;
    }
    let live = true;
    const c = client();
    Promise.all([c.call('journal.list', { from: 0, limit: 1 }), c.call('journal.list', { from: Math.max(0, length - WINDOW), limit: WINDOW })])
      .then(([head, tail]) => {
        if (!live) return;
        setFirst(head[0] ?? null);
        setRecent(tail);
      })
      .catch((e) => live && reportError(e, 'journal.list'));
    return () => {
      live = false;
    };
  }, [length, connected]);
  return { first, recent };
}
