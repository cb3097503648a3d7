// Validations the wizards run before acting (Redbook §11.9, §11.10).

import type { GridState } from '../world/state.js';
import { CATEGORY_INSERT, hex4 } from '../model/grid.js';
import type { Finding, WizardParams } from './types.js';

export function clusterIndex(state: GridState, name: string): number {
  return state.clusters.findIndex((c) => c.name === name);
}

export function drCategories(p: WizardParams): number[] {
  return [...p.drScratch, p.drError, p.drPrivate].map((h) => parseInt(h, 16));
}

/** The DR categories must be excluded from write protect (Redbook §11.10.1 step 5). */
export function checkExcluded(p: WizardParams, state: GridState): Finding[] {
  const c = state.clusters[clusterIndex(state, p.drCluster)];
  if (!c) return [{ level: 'error', message: `no cluster ${p.drCluster}` }];
  const missing = drCategories(p).filter((cat) => cat !== CATEGORY_INSERT && !c.excludedCategories.includes(cat));
  return missing.length === 0
    ? []
    : [{ level: 'error', message: `categories ${missing.map(hex4).join(', ')} are not excluded from write protect on ${c.name}: the DR host could not write its own volumes` }];
}

/** The DR Management Class must make No Copy toward every production cluster (Redbook §11.9.6, §11.10.1 step 6). */
export function checkDrMc(p: WizardParams, state: GridState): Finding[] {
  const mc = state.mcs.find((m) => m.name === p.drMc);
  if (!mc) return [{ level: 'error', message: `Management Class ${p.drMc} is not defined` }];
  const copying = p.production.filter((name) => {
    const i = clusterIndex(state, name);
    return i >= 0 && mc.modes[i] !== 'N';
  });
  return copying.length === 0 ? [] : [{ level: 'error', message: `Management Class ${p.drMc} copies to production cluster(s) ${copying.join(', ')}: test data would be replicated to production` }];
}

/** The test must never run with write ownership takeover of a production cluster (Redbook §11.10.3 step 10). */
export function checkNoWriteTakeover(p: WizardParams, state: GridState): Finding[] {
  const dr = state.clusters[clusterIndex(state, p.drCluster)];
  if (!dr) return [];
  const taken = p.production.filter((name) => dr.takeover[clusterIndex(state, name)] === 'write');
  return taken.length === 0 ? [] : [{ level: 'error', message: `${dr.name} holds write ownership takeover for ${taken.join(', ')}: the test could modify production volumes; use read-only takeover` }];
}

/**
 * Return-to-scratch and short-on-scratch processing at production can reuse volumes the test reads
 * (Redbook §11.9.7): warn when production scratch categories are Fast Ready on the DR cluster with
 * neither IGNOREFASTREADY nor an expire hold to protect them, and when production scratch is short.
 */
export function checkScratchRisk(p: WizardParams, state: GridState): Finding[] {
  const findings: Finding[] = [];
  const dr = state.clusters[clusterIndex(state, p.drCluster)];
  const drCats = new Set(drCategories(p));
  for (const cat of Object.values(state.categories)) {
    if (!cat.scratch || drCats.has(cat.hex)) continue;
    const protectedByWp = dr?.writeProtect && dr.ignoreFastReady && !dr.excludedCategories.includes(cat.hex);
    if (!protectedByWp && cat.expireHoldMs === 0) {
      findings.push({
        level: 'warning',
        message: `production scratch category ${hex4(cat.hex)} has no expire hold and is Fast Ready on ${p.drCluster}: volumes production returns to scratch during the test can be reused or presented empty; suspend return-to-scratch or set EXPIREHOLD`,
      });
    }
  }
  const cols = state.volumes.cols;
  let scratch = 0;
  const productionIdx = new Set(p.production.map((n) => clusterIndex(state, n)));
  cols.category.subarray(0, state.volumes.count).forEach((category, v) => {
    // -1: no cluster, so not production's
    if (productionIdx.has(cols.owner[v] ?? -1) && state.categories[category]?.scratch && !drCats.has(category)) scratch++;
  });
  if (scratch < 100)
    findings.push({ level: 'warning', message: `production owns only ${scratch} scratch volumes: a short-on-scratch procedure during the test could return volumes the test needs (Redbook §11.9.5)` });
  return findings;
}

/** DR categories must not already be in use (Redbook §11.10.1 step 4). */
export function checkCategoriesUnused(p: WizardParams, state: GridState): Finding[] {
  const cats = new Set(drCategories(p));
  const cols = state.volumes.cols;
  let used = 0;
  const [first = ''] = p.drRange.split('-');
  const range = first.replace(/\d+$/, '');
  cols.category.subarray(0, state.volumes.count).forEach((category, v) => {
    if (cats.has(category) && !state.volumes.volser(v).startsWith(range)) used++;
  });
  return used === 0 ? [] : [{ level: 'warning', message: `${used} volume(s) outside ${p.drRange} already use the DR categories: another host may be using them` }];
}
