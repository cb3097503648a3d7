// Policies over the contract (contract/policies-api.ts): the Management Classes, physical pools,
// categories and host DEVSUP categories the grid holds, with how many volumes use each MC and category
// (one pass over the columnar store). Read-only: changes are runbook lines through console.execute.

import type { GridState } from '../core/world/state.js';
import { hex4 } from '../core/model/grid.js';
import { capacityOf, FORMATS, MEDIA } from '../core/world/tape/media.js';
import type { Session } from '../core/session.js';
import type { Response } from '../contract/api.js';

type Policies = Response<'policies.show'>;

export function showPolicies(state: GridState): Policies {
  const cols = state.volumes.cols;
  const perMc = new Float64Array(256);
  const perCategory = new Map<number, number>();
  for (let v = 0; v < state.volumes.count; v++) {
    perMc[cols.mc[v]!]!++;
    const c = cols.category[v]!;
    perCategory.set(c, (perCategory.get(c) ?? 0) + 1);
  }
  const mcs = state.mcs.map((m, i) => ({ name: m.name, modes: [...m.modes], secondaryPool: m.secondaryPool, preference: m.preference, volumes: perMc[i]! }));
  const pools: Policies['pools'] = [];
  state.clusters.forEach((c, x) => {
    const lib = state.tape.libraries[x];
    if (!lib) return;
    for (const p of lib.pools) {
      pools.push({
        cluster: c.name,
        pool: p.number,
        media: p.media,
        format: p.format,
        copyExport: p.copyExport,
        reclaimPool: p.reclaimPool,
        reclaimThreshold: p.reclaimThreshold,
        scratch: p.scratch,
        encryptKey: p.encryptKey,
        secondaryOf: state.mcs.filter((m) => m.secondaryPool === p.number).map((m) => m.name),
      });
    }
  });
  const categories = Object.values(state.categories)
    .sort((a, b) => a.hex - b.hex)
    .map((c) => ({ category: hex4(c.hex), scratch: c.scratch, expireHoldSeconds: Math.round(c.expireHoldMs / 1000), volumes: perCategory.get(c.hex) ?? 0 }));
  return {
    clusters: state.clusters.map((c) => ({ name: c.name, model: c.model })),
    managementClasses: mcs,
    pools,
    categories,
    hosts: state.hosts.map((h) => ({ name: h.name, site: h.site, role: h.role, scratch: hex4(h.devsup.scratch), private: hex4(h.devsup.private), error: hex4(h.devsup.error) })),
    media: [...MEDIA],
    formats: FORMATS.map((f) => ({ format: f, media: MEDIA.filter((m) => capacityOf(f, m) !== null) })),
  };
}

export function policyHandlers(session: Session) {
  return {
    'policies.show': (): Policies => showPolicies(session.engine.state),
  };
}
