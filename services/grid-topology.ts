// What the console's Topology diagram needs beyond spec §10's SHOW GRID: sites (failed or not), hosts
// with their devices per cluster and channel paths, and every grid link with its working count. Added
// to the grid.show answer only (the runbook transcript of SHOW GRID stays as the spec fixes it), for the
// present and for any past moment, so the timeline shows failed hosts, host links and links too.

import type { GridState } from '../core/world/state.js';

export function gridTopology(state: GridState) {
  const name = (x: number) => state.clusters[x]?.name ?? String(x);
  return {
    sites: state.sites.map((s) => ({ id: s.id, failed: s.failed })),
    hosts: state.hosts.map((h) => ({
      name: h.name,
      site: h.site,
      role: h.role,
      failed: h.failed,
      devices: Object.fromEntries(Object.entries(h.devices).map(([x, d]) => [name(Number(x)), { online: d.online, paths: d.paths, failedPaths: d.failedPaths }])),
    })),
    links: Object.values(state.links).map((l) => ({ a: name(l.a), b: name(l.b), count: l.count, failed: l.failed, gbps: l.gbps })),
  };
}
