// Volumes slice: the search and filters of the Volumes view and the volume open in its detail panel,
// kept while the operator visits other views.

import type { StateCreator } from 'zustand';
import type { Store } from './store';

export interface VolumeFilters {
  search: string;
  category: string;
  mc: string;
  owner: string;
  consistency: 'all' | 'consistent-everywhere' | 'copies-pending';
}

export const NO_FILTERS: VolumeFilters = { search: '', category: '', mc: '', owner: '', consistency: 'all' };

export interface VolumesSlice {
  volumeFilters: VolumeFilters;
  selectedVolser: string | null;
  setVolumeFilters(patch: Partial<VolumeFilters> | null): void;
  selectVolume(volser: string | null): void;
}

export const createVolumesSlice: StateCreator<Store, [], [], VolumesSlice> = (set) => ({
  volumeFilters: NO_FILTERS,
  selectedVolser: null,
  setVolumeFilters: (patch) => set((s) => ({ volumeFilters: patch === null ? NO_FILTERS : { ...s.volumeFilters, ...patch } })),
  selectVolume: (selectedVolser) => set({ selectedVolser }),
});
