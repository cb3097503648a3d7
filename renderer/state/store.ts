// The one store: typed slices combined (zustand docs, "slices pattern"). Components subscribe with
// selectors; module-level actions (actions.ts) write to it from client calls and pushed events.

import { create } from 'zustand';
import { createActivitySlice, type ActivitySlice } from './activity-slice';
import { createConsoleSlice, type ConsoleSlice } from './console-slice';
import { createGridSlice, type GridSlice } from './grid-slice';
import { createRunbookSlice, type RunbookSlice } from './runbook-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createVolumesSlice, type VolumesSlice } from './volumes-slice';

export type Store = SessionSlice & GridSlice & ConsoleSlice & ActivitySlice & RunbookSlice & VolumesSlice;

export const useStore = create<Store>()((...a) => ({
  ...createSessionSlice(...a),
  ...createGridSlice(...a),
  ...createConsoleSlice(...a),
  ...createActivitySlice(...a),
  ...createRunbookSlice(...a),
  ...createVolumesSlice(...a),
}));
