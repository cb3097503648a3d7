// Refusals before a DR test starts (issue 13 item 4): tests that would be unsafe or would prove
// nothing. Each says what is wrong and how to fix it. They are checks of the wizard's first step and
// of the step that starts the test, so nothing is changed on a grid that cannot take the test.

import type { GridState } from '../world/state.js';
import { hex4 } from '../model/grid.js';
import { clusterIndex } from './checks.js';
import type { Finding, WizardParams } from './types.js';
import { clusterAt } from '../model/grid-lookup.js';

/** The clusters a FlashCopy test's family will hold: its members now and those the wizard adds. */
export function familyMembers(p: WizardParams, s: GridState): number[] {
  const now = s.families.find((f) => f.name === p.family)?.clusters ?? [];
  const added = (p.familyClusters ?? [p.drCluster]).map((n) => clusterIndex(s, n)).filter((c) => c >= 0);
  return [...new Set([...now, ...added])];
}

/**
 * Seed 000: time-zero snapshots are kept in a disk cache (claims 1, 8-10); a family of tape-attached
 * clusters only has no member that can hold one, so FLASH ENABLE would prove nothing.
 */
export function checkFlashCapable(p: WizardParams, s: GridState): Finding[] {
  const members = familyMembers(p, s);
  const unknown = (p.familyClusters ?? []).filter((n) => clusterIndex(s, n) < 0);
  if (unknown.length > 0)
    return [{ level: 'error', message: `family cluster(s) ${unknown.join(', ')} are not in the grid: choose the family's clusters from ${s.clusters.map((c) => c.name).join(', ')}` }];
  if (members.some((c) => clusterAt(s, c).model === 'DISK')) return [];
  const disk = s.clusters.filter((c) => c.model === 'DISK' && !p.production.includes(c.name)).map((c) => c.name);
  return [
    {
      level: 'error',
      message: `DR family ${p.family} has no flash-capable member: ${members.map((c) => clusterAt(s, c).name).join(', ') || 'no cluster'} ${members.length === 1 ? 'is' : 'are'} tape-attached without a disk cache to hold time-zero snapshots, so FlashCopy would protect nothing. Add a disk-cache cluster to the family${disk.length > 0 ? ` (${disk.join(', ')})` : ''} in “Family clusters”.`,
    },
  ];
}

/** The clusters the DR host must reach for the test: the family's (FlashCopy) or the DR cluster. */
function testClusters(p: WizardParams, s: GridState, flash: boolean): number[] {
  return flash ? familyMembers(p, s) : [clusterIndex(s, p.drCluster)].filter((c) => c >= 0);
}

/** The DR host must have virtual devices on a test cluster: defined before the test, online during it. */
export function checkDrHostDevices(p: WizardParams, s: GridState, flash: boolean, mustBeOnline: boolean): Finding[] {
  const host = s.hosts.find((h) => h.name === p.drHost);
  if (!host)
    return [
      {
        level: 'error',
        message: `DR host ${p.drHost} is not defined: choose one of ${s.hosts.map((h) => h.name).join(', ') || '(no hosts)'} or define it (HOST ${p.drHost} SITE <site> ROLE DR DEVICES <clusters>)`,
      },
    ];
  const clusters = testClusters(p, s, flash);
  const names = clusters.map((c) => clusterAt(s, c).name).join(', ');
  const defined = clusters.filter((c) => host.devices[c]);
  if (defined.length === 0)
    return [
      {
        level: 'error',
        message: `DR host ${p.drHost} has no devices on ${names}: it could not mount anything in the test. Define its devices there (HOST ${p.drHost} … DEVICES ${names}) or pick the DR cluster it is attached to.`,
      },
    ];
  if (!mustBeOnline) return [];
  const online = defined.filter((c) => {
    const devices = host.devices[c];
    return devices !== undefined && devices.online && devices.paths > devices.failedPaths;
  });
  return online.length > 0
    ? []
    : [
        {
          level: 'error',
          message: `DR host ${p.drHost} has no online devices in ${flash ? `DR family ${p.family}` : p.drCluster} (${names}): every DR mount would fail. Vary them online (VARY ${p.drHost} ${defined.map((c) => clusterAt(s, c).name)[0]} ONLINE) or repair the host's paths.`,
        },
      ];
}

/**
 * Production must not write to a cluster the test write-protects (Redbook §11.4.1: protected volumes
 * cannot be modified there): its jobs would fail. The FlashCopy test protects every family member.
 */
export function checkProductionOffProtected(p: WizardParams, s: GridState, flash: boolean): Finding[] {
  const protectedClusters = new Set(flash ? familyMembers(p, s) : []);
  for (const c of s.clusters) if (c.writeProtect) protectedClusters.add(c.index);
  const out: Finding[] = [];
  for (const h of s.hosts.filter((x) => x.role === 'PRODUCTION')) {
    const online = [...protectedClusters].filter((c) => h.devices[c]?.online);
    if (online.length > 0)
      out.push({
        level: 'error',
        message: `production host ${h.name} has its devices on ${online.map((c) => clusterAt(s, c).name).join(', ')} online, which the test write-protects: production jobs writing there would fail. Vary them offline first (VARY ${h.name} ${online.map((c) => clusterAt(s, c).name)[0]} OFFLINE) or leave ${online.length === 1 ? 'that cluster' : 'those clusters'} out of the test.`,
      });
  }
  for (const m of s.mounts.values()) {
    const host = s.hosts.find((h) => h.name === m.host);
    if (host?.role === 'PRODUCTION' && protectedClusters.has(m.cluster) && !m.readOnly) {
      out.push({
        level: 'error',
        message: `production host ${host.name} has ${s.volumes.volser(m.volume)} mounted for writing on ${clusterAt(s, m.cluster).name}, which the test write-protects: let the job finish (DEMOUNT ${s.volumes.volser(m.volume)}) before the test starts.`,
      });
    }
  }
  return out;
}

/**
 * Redbook §11.9.7: while production returns volumes to scratch during the test, a volume the test
 * reads can be reused by production or presented empty, unless an expire hold keeps it or the DR
 * cluster is write-protected with Fast Ready ignored. `ignoresFastReady`: the wizard itself sets that.
 */
export function checkReturnToScratch(p: WizardParams, s: GridState, ignoresFastReady: boolean): Finding[] {
  if ((p.returnToScratch ?? 'suspended') !== 'running') return [];
  const dr = s.clusters[clusterIndex(s, p.drCluster)];
  if (ignoresFastReady || (dr?.writeProtect && dr.ignoreFastReady)) return [];
  const drCats = new Set([...p.drScratch, p.drError, p.drPrivate].map((h) => parseInt(h, 16)));
  const open = Object.values(s.categories).filter((c) => c.scratch && !drCats.has(c.hex) && c.expireHoldMs === 0);
  if (open.length === 0) return [];
  const cats = open.map((c) => hex4(c.hex)).join(', ');
  return [
    {
      level: 'error',
      message: `production's return-to-scratch runs during the test window, and scratch categor${open.length === 1 ? 'y' : 'ies'} ${cats} ha${open.length === 1 ? 's' : 've'} no expire hold: a volume the test reads could be reused by production or mounted empty (Redbook §11.9.7). Set an expire hold (CATEGORY ${open.map((c) => hex4(c.hex))[0]} SCRATCH EXPIREHOLD 7d) or suspend return-to-scratch for the window.`,
    },
  ];
}
