// A cluster's premigration queue, made on first use.

import type { GridState } from '../world/state.js';
import type { Premigration } from '../world/premigration.js';
import { NumberFifo } from '../model/number-fifo.js';

export function premigrationOf(state: GridState, cluster: number): Premigration {
  while (state.premigration.length <= cluster) {
    state.premigration.push({ volume: new NumberFifo(), level: new NumberFifo(), active: 0, removable: new NumberFifo() });
  }
  return state.premigration[cluster]!;
}
