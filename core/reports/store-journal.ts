// The journal of a SQLite store as a report's JournalSource: verify-report reads it from the database.

import type { GridStore } from '../store/port.js';
import type { JournalSource } from './evidence-digest.js';

export function storeJournal(store: Pick<GridStore, 'lastSeq' | 'entries'>): JournalSource {
  return {
    lastSeq: () => store.lastSeq(),
    rows: (from, to) => (to < from ? [] : store.entries(from, to - from + 1).filter((e) => e.seq <= to)),
  };
}
