// Activity slice: errors for the alert region, the long operation in progress (engine.progress), and
// the runbook line the last UI action issued.

import type { StateCreator } from 'zustand';
import type { Store } from './store';

export interface AppError {
  id: number;
  code: string;
  message: string;
  time: number;
}

export interface Progress {
  label: string;
  done: number;
  total: number;
  /** work.cancel can stop it safely (between whole commands) */
  cancellable?: boolean | undefined;
  /** what done and total count when not items (MB) */
  unit?: string | undefined;
  /** why it has no Cancel, shown beside the bar */
  notCancellable?: string | undefined;
}

export interface Issued {
  command: string;
  ok: boolean;
  detail: string | null;
  origin: string;
}

export interface ActivitySlice {
  errors: AppError[];
  progress: Progress | null;
  /** requests in flight */
  pending: number;
  lastIssued: Issued | null;
  pushError(code: string, message: string): void;
  dismissError(id: number): void;
  /** clears alerts of one code (a lost connection, once it is back) */
  dismissCode(code: string): void;
  setProgress(progress: Progress | null): void;
  addPending(delta: number): void;
  setIssued(issued: Issued): void;
}

let nextErrorId = 1;
const MAX_ERRORS = 20;

export const createActivitySlice: StateCreator<Store, [], [], ActivitySlice> = (set) => ({
  errors: [],
  progress: null,
  pending: 0,
  lastIssued: null,
  pushError: (code, message) =>
    set((s) => {
      // The same failure repeating (a poll against a lost host) is one alert, not a flood.
      if (s.errors.some((e) => e.code === code && e.message === message)) return s;
      return { errors: [...s.errors, { id: nextErrorId++, code, message, time: Date.now() }].slice(-MAX_ERRORS) };
    }),
  dismissError: (id) => set((s) => ({ errors: s.errors.filter((e) => e.id !== id) })),
  dismissCode: (code) => set((s) => ({ errors: s.errors.filter((e) => e.code !== code) })),
  setProgress: (progress) => set({ progress }),
  addPending: (delta) => set((s) => ({ pending: Math.max(0, s.pending + delta) })),
  setIssued: (lastIssued) => set({ lastIssued }),
});
