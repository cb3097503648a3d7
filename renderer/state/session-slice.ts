// Session slice: what the engine host said about itself, the simulated present, the connection, and a
// revision counter that views depend on to refetch after the grid changed.

import type { StateCreator } from 'zustand';
import type { Response } from '../../contract/api';
import type { ConnectionState } from '../api/client';
import type { Store } from './store';

export type SessionInfo = Response<'session.info'>;

export interface SessionSlice {
  info: SessionInfo | null;
  /** the simulated present, ISO */
  now: string | null;
  journalLength: number;
  /** bumped whenever the grid may have changed */
  revision: number;
  connection: { state: ConnectionState; detail: string | null };
  setInfo(info: SessionInfo): void;
  changed(now: string, journalLength: number): void;
  setConnection(state: ConnectionState, detail?: string): void;
}

export const createSessionSlice: StateCreator<Store, [], [], SessionSlice> = (set) => ({
  info: null,
  now: null,
  journalLength: 0,
  revision: 0,
  connection: { state: 'connecting', detail: null },
  setInfo: (info) => set({ info, now: info.time, journalLength: info.journalLength }),
  changed: (now, journalLength) => set((s) => ({ now, journalLength, revision: s.revision + 1 })),
  setConnection: (state, detail) => set({ connection: { state, detail: detail ?? null } }),
});
