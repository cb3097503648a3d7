// Reference checks for the Host DASD lines (spec §9): DASD volumes, sites, source and target pools and
// portable media are followed through the declarations the file itself makes, so a misspelt name is a
// file:line:col error before anything runs. These lines need only SITE lines, no GRID.

import type { GridState } from '../world/state.js';
import type { LineError, Named } from './cursor.js';
import type { CheckContext, SomeChecks } from '../commands/spec.js';
import type { DasdScope } from './scope.js';

export function emptyDasdScope(): DasdScope {
  return { volumes: new Map(), sourcePools: new Set(), targetPools: new Set(), media: new Set() };
}

export function dasdScopeOf(state: GridState): DasdScope {
  const d = state.dasd;
  return {
    volumes: new Map(d.volumes.map((v) => [v.name, v.site])),
    sourcePools: new Set(d.sourcePools.map((p) => p.name)),
    targetPools: new Set(d.targetPools.map((p) => p.name)),
    media: new Set(d.media.map((m) => m.name)),
  };
}

function vol(v: CheckContext, ...list: (Named | null)[]): LineError | null {
  const volumes = v.scope.dasd.volumes;
  for (const n of list) {
    if (n && !volumes.has(n.name))
      return v.at(n.col, `unknown DASD '${n.name}'${volumes.size ? ` (DASD volumes: ${[...volumes.keys()].join(', ')})` : ': define it with DASD <name> SITE <site> SIZE <size>'}`);
  }
  return null;
}
const site = (v: CheckContext, n: Named | null) => v.named(v.scope.sites, 'site', n);
const pool = (v: CheckContext, n: Named) => (v.scope.dasd.sourcePools.has(n.name) ? null : v.at(n.col, `unknown source pool '${n.name}'`));
const media = (v: CheckContext, n: Named) => (v.scope.dasd.media.has(n.name) ? null : v.at(n.col, `unknown media '${n.name}': FLASHCOPY <dasd> TO MEDIA ${n.name} makes it`));

/** REPLICATE and REMOTECOPY: two known volumes, not the same one. */
function pair(v: CheckContext, a: Named, b: Named, what: string): LineError | null {
  const e = vol(v, a, b);
  if (e) return e;
  if (a.name === b.name) return v.at(b.col, `${a.name} cannot be its own ${what}`);
  return null;
}

export const DASD_CHECKS = {
  DASD: (cmd, v) => {
    const a = cmd.args;
    const volumes = v.scope.dasd.volumes;
    if (volumes.has(a.name.name)) return v.at(a.name.col, `DASD ${a.name.name} is already defined`);
    const e = site(v, a.site);
    if (e) return e;
    if (a.size > 2 ** 40) return v.at(a.name.col, `DASD ${a.name.name} is larger than 1 TB`);
    volumes.set(a.name.name, a.site.name);
    return null;
  },
  DASDWRITE: (cmd, v) => vol(v, cmd.args.dasd) ?? site(v, cmd.args.site),
  DASDLOAD: (cmd, v) => vol(v, cmd.args.dasd) ?? site(v, cmd.args.site),
  CHECKSUM: (cmd, v) => vol(v, cmd.args.dasd) ?? site(v, cmd.args.site),
  REPLICATE: (cmd, v) => pair(v, cmd.args.source, cmd.args.target, 'replica'),
  REMOTECOPY: (cmd, v) => pair(v, cmd.args.primary, cmd.args.secondary, 'secondary'),
  BOOKMARK: (cmd, v) => vol(v, cmd.args.dasd),
  FRACTURE: (cmd, v) => vol(v, cmd.args.dasd),
  UNFRACTURE: (cmd, v) => vol(v, cmd.args.dasd),
  SYNC: (cmd, v) => vol(v, cmd.args.dasd),
  SHOW_REMOTECOPY: (cmd, v) => vol(v, cmd.args.dasd),
  SHOW_DASD: (cmd, v) => vol(v, cmd.args.dasd),
  IMAGE_ACCESS: (cmd, v) => vol(v, cmd.args.replica),
  IMAGE_ROLL: (cmd, v) => vol(v, cmd.args.replica),
  IMAGE_DISABLE: (cmd, v) => vol(v, cmd.args.replica),
  FAILOVER: (cmd, v) => vol(v, cmd.args.replica),
  SHOW_JOURNAL: (cmd, v) => vol(v, cmd.args.replica),
  DISTRIBUTE: (cmd, v) => {
    const e = vol(v, cmd.args.dasd);
    if (e) return e;
    for (const s of cmd.args.sites) {
      const x = site(v, s);
      if (x) return x;
    }
    const [first, second] = cmd.args.sites;
    if (first && second && first.name === second.name) return v.at(second.col, 'an active/active volume spans two different sites');
    return null;
  },
  ROLL: (cmd, v) => vol(v, cmd.args.dasd) ?? site(v, cmd.args.site),
  SOURCEPOOL: (cmd, v) => {
    const a = cmd.args;
    const pools = v.scope.dasd.sourcePools;
    if (a.action === 'DEFINE') {
      if (pools.has(a.pool.name)) return v.at(a.pool.col, `source pool ${a.pool.name} is already defined`);
      const e = vol(v, ...a.volumes);
      if (e) return e;
      pools.add(a.pool.name);
      return null;
    }
    return pool(v, a.pool) ?? vol(v, ...a.volumes);
  },
  TARGETPOOL: (cmd, v) => {
    const a = cmd.args;
    const pools = v.scope.dasd.targetPools;
    if (pools.has(a.pool.name)) return v.at(a.pool.col, `target pool ${a.pool.name} is already defined`);
    const e = pool(v, a.source) ?? vol(v, ...a.volumes);
    if (e) return e;
    pools.add(a.pool.name);
    return null;
  },
  PREPAIR: (cmd, v) => pool(v, cmd.args.pool),
  BACKUP: (cmd, v) => pool(v, cmd.args.pool),
  SHOW_VERSIONS: (cmd, v) => pool(v, cmd.args.pool),
  FLASHCOPY: (cmd, v) => {
    const e = vol(v, cmd.args.dasd);
    if (e) return e;
    v.scope.dasd.media.add(cmd.args.media.name);
    return null;
  },
  SHIP: (cmd, v) => media(v, cmd.args.media) ?? site(v, cmd.args.site),
  UPLOAD: (cmd, v) => media(v, cmd.args.media) ?? vol(v, cmd.args.dasd),
} satisfies SomeChecks;
