// Grid slice: the present grid (SHOW GRID), each cluster's detail (SHOW CLUSTER, for links), and the
// past moment being viewed, if any. Actions are disabled while a past moment is shown.

import type { StateCreator } from 'zustand';
import type { ClusterDetail, GridView } from '../../contract/show-api';
import type { Store } from './store';

export interface PastView {
  at: string;
  grid: GridView | null;
  loading: boolean;
}

export interface GridSlice {
  grid: GridView | null;
  clusterDetails: Record<string, ClusterDetail>;
  past: PastView | null;
  setGrid(grid: GridView | null, details: Record<string, ClusterDetail>): void;
  setPast(past: PastView | null): void;
}

export const createGridSlice: StateCreator<Store, [], [], GridSlice> = (set) => ({
  grid: null,
  clusterDetails: {},
  past: null,
  setGrid: (grid, clusterDetails) => set({ grid, clusterDetails }),
  setPast: (past) => set({ past }),
});
