// Checked lookups of the grid's few (clusters, hosts, Management Classes, links) by index or name.
// An index that names nothing is a bug in the caller, not a user error: it throws an Error that says
// what was missing instead of letting `undefined` travel on. Structural parameters, so any holder of
// the grid's lists (the live state, a checkpoint, a restored database) can use them.

import { linkKey, type Cluster, type GridLink, type Host, type ManagementClass, type Site } from './grid.js';

export function clusterAt(grid: { readonly clusters: readonly Cluster[] }, index: number): Cluster {
  const cluster = grid.clusters[index];
  if (cluster === undefined) throw new Error(`no cluster #${index} in the grid (${grid.clusters.length} clusters)`);
  return cluster;
}

export function hostNamed(grid: { readonly hosts: readonly Host[] }, name: string): Host {
  const host = grid.hosts.find((h) => h.name === name);
  if (host === undefined) throw new Error(`no host ${name} in the grid`);
  return host;
}

export function siteNamed(grid: { readonly sites: readonly Site[] }, id: string): Site {
  const site = grid.sites.find((s) => s.id === id);
  if (site === undefined) throw new Error(`no site ${id} in the grid`);
  return site;
}

export function mcAt(grid: { readonly mcs: readonly ManagementClass[] }, index: number): ManagementClass {
  const mc = grid.mcs[index];
  if (mc === undefined) throw new Error(`no Management Class #${index} in the grid (${grid.mcs.length} defined)`);
  return mc;
}

export function linkBetween(grid: { readonly links: Readonly<Record<string, GridLink>> }, a: number, b: number): GridLink {
  const link = grid.links[linkKey(a, b)];
  if (link === undefined) throw new Error(`no grid link between clusters #${a} and #${b}`);
  return link;
}
