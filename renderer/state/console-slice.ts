// Console slice: the Host Console transcript — each issued line, each result record with the messages
// raised while it ran, and messages the engine pushed on its own — plus the command history.
// A message arrives twice (inside its record and as an engine.messages event); it is shown once.

import type { StateCreator } from 'zustand';
import type { LineErrorDto, RunRecordDto } from '../../contract/api';
import type { Store } from './store';

export type ConsoleMessage = RunRecordDto['messages'][number];

export type ConsoleEntry =
  | { key: number; kind: 'input'; line: string; origin: string }
  | { key: number; kind: 'record'; record: RunRecordDto }
  | { key: number; kind: 'errors'; errors: LineErrorDto[] }
  | { key: number; kind: 'message'; message: ConsoleMessage };

export interface ConsoleSlice {
  entries: ConsoleEntry[];
  history: string[];
  /** message keys seen in records but not yet as events (so the event is dropped when it comes) */
  unmatchedRecordMessages: Record<string, number>;
  addInput(line: string, origin: string): void;
  addRecords(records: RunRecordDto[]): void;
  addLineErrors(errors: LineErrorDto[]): void;
  addEventMessages(messages: ConsoleMessage[]): void;
  remember(line: string): void;
  clearConsole(): void;
}

const MAX_ENTRIES = 5000;
const MAX_HISTORY = 200;
let nextKey = 1;

export const messageKey = (m: ConsoleMessage) => `${m.time}|${m.id}|${m.text}`;

function trim(entries: ConsoleEntry[]): ConsoleEntry[] {
  return entries.length > MAX_ENTRIES ? entries.slice(entries.length - MAX_ENTRIES) : entries;
}

export const createConsoleSlice: StateCreator<Store, [], [], ConsoleSlice> = (set) => ({
  entries: [],
  history: [],
  unmatchedRecordMessages: {},
  addInput: (line, origin) => set((s) => ({ entries: trim([...s.entries, { key: nextKey++, kind: 'input', line, origin }]) })),
  addRecords: (records) =>
    set((s) => {
      const entries = [...s.entries];
      const unmatched = { ...s.unmatchedRecordMessages };
      for (const record of records) {
        for (const m of record.messages) {
          // The event may have come first: take its stand-alone entry back.
          const key = messageKey(m);
          const at = findLastMessage(entries, key);
          if (at >= 0) entries.splice(at, 1);
          else unmatched[key] = (unmatched[key] ?? 0) + 1;
        }
        entries.push({ key: nextKey++, kind: 'record', record });
      }
      return { entries: trim(entries), unmatchedRecordMessages: unmatched };
    }),
  addLineErrors: (errors) => set((s) => ({ entries: trim([...s.entries, { key: nextKey++, kind: 'errors', errors }]) })),
  addEventMessages: (messages) =>
    set((s) => {
      const entries = [...s.entries];
      const unmatched = { ...s.unmatchedRecordMessages };
      for (const message of messages) {
        const key = messageKey(message);
        if (unmatched[key]) {
          unmatched[key]--;
          if (unmatched[key] === 0) delete unmatched[key];
          continue;
        }
        entries.push({ key: nextKey++, kind: 'message', message });
      }
      return { entries: trim(entries), unmatchedRecordMessages: unmatched };
    }),
  remember: (line) =>
    set((s) => {
      if (!line.trim() || s.history[s.history.length - 1] === line) return s;
      return { history: [...s.history, line].slice(-MAX_HISTORY) };
    }),
  clearConsole: () => set({ entries: [], unmatchedRecordMessages: {} }),
});

function findLastMessage(entries: ConsoleEntry[], key: string): number {
  for (let i = entries.length - 1; i >= Math.max(0, entries.length - 500); i--) {
    const e = entries[i]!;
    if (e.kind === 'message' && messageKey(e.message) === key) return i;
  }
  return -1;
}
