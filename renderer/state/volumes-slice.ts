// Volumes slice: the search and filters of the Volumes view and the volume open in its detail panel,
// kept while the operator visits other views.

import type { StateCreator } from 'zustand';
import type { VolumeSort } from '../../contract/api';
import type { Store } from './store';

export interface VolumeFilters {
  search: string;
  category: string;
  mc: string;
  owner: string;
  consistency: 'all' | 'consistent-everywhere' | 'copies-pending';
}

export const NO_FILTERS: VolumeFilters = { search: '', category: '', mc: '', owner: '', consistency: 'all' };

export const VOLSER_ORDER: VolumeSort = { by: 'volser', dir: 'asc' };

export interface VolumesSlice {
  volumeFilters: VolumeFilters;
  volumeSort: VolumeSort;
  setVolumeSort(sort: VolumeSort): void;
  selectedVolser: string | null;
  setVolumeFilters(patch: Partial<VolumeFilters> | null): void;
  selectVolume(volser: string | null): void;
}

export const createVolumesSlice: StateCreator<Store, [], [], VolumesSlice> = (set) => ({
  volumeFilters: NO_FILTERS,
  volumeSort: VOLSER_ORDER,
  setVolumeSort: (volumeSort) => set({ volumeSort }),
  selectedVolser: null,
  setVolumeFilters: (patch) => set((s) => ({ volumeFilters: patch === null ? NO_FILTERS : { ...s.volumeFilters, ...patch } })),
  selectVolume: (selectedVolser) => set({ selectedVolser }),
});
