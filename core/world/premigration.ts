// A cluster's premigration queue as the grid state holds it.

import type { NumberFifo } from '../model/number-fifo.js';

export interface Premigration {
  volume: NumberFifo;
  level: NumberFifo;
  active: number;
  /**
   * Pre-migrated copies in the order they reached tape: a tape-attached cluster's cache removal takes
   * them oldest first (≈ least recently used) without scanning every volume. Stale entries are skipped.
   */
  removable: NumberFifo;
}
