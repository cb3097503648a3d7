// Reference checks for the Host DASD lines (spec §9): DASD volumes, sites, source and target pools and
// portable media are followed through the declarations the file itself makes, so a misspelt name is a
// file:line:col error before anything runs. These lines need only SITE lines, no GRID.

import type { GridState } from '../world/state.js';
import type { Command } from './commands.js';
import type { Named } from './cursor.js';
import type { LineError } from './parser.js';
import type { CheckTools, DasdScope, Scope } from './scope.js';

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

/** The check for a DASD command, or undefined when the command is not one of these. */
export function checkDasd(cmd: Command, scope: Scope, t: CheckTools): LineError | null | undefined {
  const ds = scope.dasd;
  const vol = (...list: (Named | null)[]): LineError | null => {
    for (const n of list) {
      if (n && !ds.volumes.has(n.name)) return t.at(n.col, `unknown DASD '${n.name}'${ds.volumes.size ? ` (DASD volumes: ${[...ds.volumes.keys()].join(', ')})` : ': define it with DASD <name> SITE <site> SIZE <size>'}`);
    }
    return null;
  };
  const site = (n: Named | null) => t.named(scope.sites, 'site', n);
  const pool = (n: Named) => (ds.sourcePools.has(n.name) ? null : t.at(n.col, `unknown source pool '${n.name}'`));
  const media = (n: Named) => (ds.media.has(n.name) ? null : t.at(n.col, `unknown media '${n.name}': FLASHCOPY <dasd> TO MEDIA ${n.name} makes it`));
  switch (cmd.name) {
    case 'DASD': {
      const a = cmd.args;
      if (ds.volumes.has(a.name.name)) return t.at(a.name.col, `DASD ${a.name.name} is already defined`);
      const e = site(a.site);
      if (e) return e;
      if (a.size > 2 ** 40) return t.at(a.name.col, `DASD ${a.name.name} is larger than 1 TB`);
      ds.volumes.set(a.name.name, a.site.name);
      return null;
    }
    case 'DASDWRITE':
    case 'DASDLOAD':
    case 'CHECKSUM':
      return vol(cmd.args.dasd) ?? site(cmd.args.site);
    case 'REPLICATE':
    case 'REMOTECOPY': {
      const [a, b] = cmd.name === 'REPLICATE' ? [cmd.args.source, cmd.args.target] : [cmd.args.primary, cmd.args.secondary];
      const e = vol(a, b);
      if (e) return e;
      if (a.name === b.name) return t.at(b.col, `${a.name} cannot be its own ${cmd.name === 'REPLICATE' ? 'replica' : 'secondary'}`);
      return null;
    }
    case 'BOOKMARK':
    case 'FRACTURE':
    case 'UNFRACTURE':
    case 'SYNC':
    case 'SHOW_REMOTECOPY':
    case 'SHOW_DASD':
      return vol(cmd.args.dasd);
    case 'IMAGE_ACCESS':
    case 'IMAGE_ROLL':
    case 'IMAGE_DISABLE':
    case 'FAILOVER':
    case 'SHOW_JOURNAL':
      return vol(cmd.args.replica);
    case 'DISTRIBUTE': {
      const e = vol(cmd.args.dasd);
      if (e) return e;
      for (const s of cmd.args.sites) {
        const x = site(s);
        if (x) return x;
      }
      if (cmd.args.sites[0]!.name === cmd.args.sites[1]!.name) return t.at(cmd.args.sites[1]!.col, 'an active/active volume spans two different sites');
      return null;
    }
    case 'ROLL':
      return vol(cmd.args.dasd) ?? site(cmd.args.site);
    case 'SOURCEPOOL': {
      const a = cmd.args;
      if (a.action === 'DEFINE') {
        if (ds.sourcePools.has(a.pool.name)) return t.at(a.pool.col, `source pool ${a.pool.name} is already defined`);
        const e = vol(...a.volumes);
        if (e) return e;
        ds.sourcePools.add(a.pool.name);
        return null;
      }
      return pool(a.pool) ?? vol(...a.volumes);
    }
    case 'TARGETPOOL': {
      const a = cmd.args;
      if (ds.targetPools.has(a.pool.name)) return t.at(a.pool.col, `target pool ${a.pool.name} is already defined`);
      const e = pool(a.source) ?? vol(...a.volumes);
      if (e) return e;
      ds.targetPools.add(a.pool.name);
      return null;
    }
    case 'PREPAIR':
    case 'BACKUP':
    case 'SHOW_VERSIONS':
      return pool(cmd.args.pool);
    case 'FLASHCOPY': {
      const e = vol(cmd.args.dasd);
      if (e) return e;
      ds.media.add(cmd.args.media.name);
      return null;
    }
    case 'SHIP':
      return media(cmd.args.media) ?? site(cmd.args.site);
    case 'UPLOAD':
      return media(cmd.args.media) ?? vol(cmd.args.dasd);
    default:
      return undefined;
  }
}
