// Selective Write Protect (Redbook §11.4.1): a write-protected cluster refuses changes to volumes
// outside its excluded categories (up to 16); the insert category is always excluded.

import type { GridState } from '../world/state.js';
import { CATEGORY_INSERT } from '../model/grid.js';
import { clusterAt } from '../model/grid-lookup.js';

export function isWriteProtected(state: GridState, cluster: number, category: number): boolean {
  const c = clusterAt(state, cluster);
  if (!c.writeProtect) return false;
  return category !== CATEGORY_INSERT && !c.excludedCategories.includes(category);
}
