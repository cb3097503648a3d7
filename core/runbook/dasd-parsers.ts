// Runbook lines of the Host DASD commands (spec §9): one function per command, each reading the
// arguments after the command's leading words (core/commands/ names them). TimeZero additions beyond the
// spec's forms: GBPS <x> (the link between the sites, default 1), EVERY <duration> (snapshot mode's
// interval), JOURNAL <size> on DISTRIBUTE, SITE <site> on DASDWRITE/DASDLOAD/CHECKSUM (a distributed
// volume's site), SHOW DASD <dasd>.

import { DASD_TYPES } from '../dasd/volumes.js';
import { parseIsoTime } from '../sim/time.js';
import type { CommandArgs } from './commands.js';
import type { Cursor, Named } from './cursor.js';
import type { PointRef } from './dasd-commands.js';
import { choice, type SomeArgParsers } from './grid-parsers.js';

function dasd(c: Cursor, what = 'a DASD volume name'): Named {
  return c.name(what);
}

function names(c: Cursor, what: string): Named[] {
  const token = c.next(what);
  const out: Named[] = [];
  let offset = 0;
  for (const part of token.text.split(',')) {
    if (!/^[A-Za-z0-9_.$@#-]{1,32}$/.test(part)) c.fail(`bad name '${part}' in ${what}`, token);
    out.push({ name: part.toUpperCase(), col: token.col + offset });
    offset += part.length + 1;
  }
  return out;
}

/** <iso-time>|<bookmark> */
function point(c: Cursor): PointRef {
  const token = c.next('an ISO time or a bookmark name');
  if (/^\d{4}-/.test(token.text)) {
    const at = parseIsoTime(token.text);
    if (at === null) c.fail(`bad time '${token.text}': use 2026-01-01T00:00:00Z`, token);
    return { at, bookmark: null, col: token.col };
  }
  if (!/^[A-Za-z0-9_.$@#-]{1,32}$/.test(token.text)) c.fail(`bad bookmark name '${token.text}'`, token);
  return { at: null, bookmark: token.upper, col: token.col };
}

/** A byte offset: plain bytes (0, 8192) or a size (1MB). */
function byteOffset(c: Cursor): number {
  const token = c.peek();
  if (token && /^\d+$/.test(token.text)) {
    c.i++;
    return Number(token.text);
  }
  return c.size();
}

function site(c: Cursor): Named | null {
  return c.optKw('SITE') ? c.name('site') : null;
}

export const DASD_PARSERS = {
  // DASD <name> SITE <site> SIZE <size> [TYPE <type>] [TECH FLASHCOPY|SNAPSHOT|COPY]
  DASD: (c) => {
    const name = dasd(c);
    c.kw('SITE');
    const s = c.name('site');
    c.kw('SIZE');
    const size = c.size();
    const args: CommandArgs['DASD'] = { name, site: s, size, type: null, tech: null };
    for (let opt; (opt = c.optKw('TYPE', 'TECH'));) {
      if (opt === 'TYPE') {
        const token = c.next(`a device type (${DASD_TYPES.join(', ')})`);
        if (!DASD_TYPES.includes(token.upper)) c.fail(`bad device type '${token.text}': one of ${DASD_TYPES.join(', ')}`, token);
        args.type = token.upper;
      } else args.tech = choice(c, 'FLASHCOPY', 'SNAPSHOT', 'COPY');
    }
    return args;
  },
  // DASDWRITE <dasd> <offset> <size> [PATTERN <token>] [SITE <site>]
  DASDWRITE: (c) => {
    const d = dasd(c);
    const offset = byteOffset(c);
    const size = c.size();
    const args: CommandArgs['DASDWRITE'] = { dasd: d, offset, size, pattern: null, site: null };
    for (let opt; (opt = c.optKw('PATTERN', 'SITE'));) {
      if (opt === 'PATTERN') args.pattern = c.next('a pattern token').text;
      else args.site = c.name('site');
    }
    return args;
  },
  // DASDLOAD <dasd> RATE <MB/s> IOSIZE <size> FOR <duration> [SITE <site>]
  DASDLOAD: (c) => {
    const d = dasd(c);
    c.kw('RATE');
    const rate = c.number('rate in MB/s', 0.001);
    c.kw('IOSIZE');
    const ioSize = c.size();
    c.kw('FOR');
    const duration = c.duration();
    return { dasd: d, rate, ioSize, duration, site: site(c) };
  },
  // CHECKSUM <dasd> [IMAGE] [SITE <site>]
  CHECKSUM: (c) => {
    const d = dasd(c);
    const image = c.optKw('IMAGE') !== null;
    return { dasd: d, image, site: site(c) };
  },
  // REPLICATE <dasd> TO <dasd> SYNC|ASYNC|SNAPSHOT [JOURNAL <size>] [GBPS <x>] [EVERY <duration>]
  REPLICATE: (c) => {
    const source = dasd(c);
    c.kw('TO');
    const target = dasd(c);
    const mode = choice(c, 'SYNC', 'ASYNC', 'SNAPSHOT');
    const args: CommandArgs['REPLICATE'] = { source, target, mode, journal: null, gbps: null, every: null };
    for (let opt; (opt = c.optKw('JOURNAL', 'GBPS', 'EVERY'));) {
      if (opt === 'JOURNAL') args.journal = c.size();
      else if (opt === 'GBPS') args.gbps = c.number('GBPS', 0.001);
      else {
        const token = c.peek();
        args.every = c.duration();
        if (mode !== 'SNAPSHOT') c.fail('EVERY sets the interval of SNAPSHOT mode only', token);
      }
    }
    return args;
  },
  BOOKMARK: (c) => ({ dasd: dasd(c), name: c.name('bookmark name') }),
  // IMAGE ACCESS <replica> AT <iso-time>|<bookmark> VIRTUAL|LOGGED | IMAGE ROLL <replica> | IMAGE DISABLE <replica>
  IMAGE_ACCESS: (c) => {
    const replica = dasd(c, 'a replica');
    c.kw('AT');
    const p = point(c);
    return { replica, point: p, mode: choice(c, 'VIRTUAL', 'LOGGED') };
  },
  IMAGE_ROLL: (c) => ({ replica: dasd(c, 'a replica') }),
  IMAGE_DISABLE: (c) => ({ replica: dasd(c, 'a replica') }),
  FAILOVER: (c) => ({ replica: dasd(c, 'a replica') }),
  // DISTRIBUTE <dasd> SITES <s1>,<s2> CHANGESET <duration> [GBPS <x>] [JOURNAL <size>]
  DISTRIBUTE: (c) => {
    const d = dasd(c);
    c.kw('SITES');
    const token = c.peek();
    const sites = names(c, 'two sites (s1,s2)');
    if (sites.length !== 2) c.fail(`an active/active volume spans exactly two sites, not ${sites.length}`, token);
    c.kw('CHANGESET');
    const changeSet = c.duration();
    if (changeSet <= 0) c.fail('the change set interval must be longer than 0', c.tokens[c.i - 1]);
    const args: CommandArgs['DISTRIBUTE'] = { dasd: d, sites, changeSet, gbps: null, journal: null };
    for (let opt; (opt = c.optKw('GBPS', 'JOURNAL'));) {
      if (opt === 'GBPS') args.gbps = c.number('GBPS', 0.001);
      else args.journal = c.size();
    }
    return args;
  },
  FRACTURE: (c) => ({ dasd: dasd(c) }),
  // ROLL <dasd> SITE <site> TO <iso-time>|<bookmark>
  ROLL: (c) => {
    const d = dasd(c);
    c.kw('SITE');
    const s = c.name('site');
    c.kw('TO');
    return { dasd: d, site: s, point: point(c) };
  },
  UNFRACTURE: (c) => {
    const d = dasd(c);
    c.kw('KEEP');
    return { dasd: d, keep: choice(c, 'PIT', 'CURRENT') };
  },
  // SOURCEPOOL <name> VOLUMES <dasd>[,...] | SOURCEPOOL <name> ADD|REMOVE <dasd>
  SOURCEPOOL: (c) => {
    const pool = c.name('source pool name');
    const action = choice(c, 'VOLUMES', 'ADD', 'REMOVE');
    if (action === 'VOLUMES') return { pool, action: 'DEFINE', volumes: names(c, 'DASD volumes (A,B,…)') };
    return { pool, action, volumes: [dasd(c)] };
  },
  // TARGETPOOL <name> FOR <sourcepool> VOLUMES <dasd>[,...]
  TARGETPOOL: (c) => {
    const pool = c.name('target pool name');
    c.kw('FOR');
    const source = c.name('source pool name');
    c.kw('VOLUMES');
    return { pool, source, volumes: names(c, 'DASD volumes (a,b,…)') };
  },
  PREPAIR: (c) => ({ pool: c.name('source pool name') }),
  BACKUP: (c) => ({ pool: c.name('source pool name') }),
  // REMOTECOPY <dasd> TO <dasd> ESTABLISH OFFLINE [GRAIN <size>] [GBPS <x>]
  REMOTECOPY: (c) => {
    const primary = dasd(c);
    c.kw('TO');
    const secondary = dasd(c);
    c.kw('ESTABLISH');
    c.kw('OFFLINE');
    const args: CommandArgs['REMOTECOPY'] = { primary, secondary, grain: null, gbps: null };
    for (let opt; (opt = c.optKw('GRAIN', 'GBPS'));) {
      if (opt === 'GRAIN') {
        const token = c.peek();
        args.grain = c.size();
        if (args.grain % 4096 !== 0) c.fail(`grain ${token!.text} is not a whole number of 4 KB blocks`, token);
      } else args.gbps = c.number('GBPS', 0.001);
    }
    return args;
  },
  // FLASHCOPY <dasd> TO MEDIA <name>
  FLASHCOPY: (c) => {
    const d = dasd(c);
    c.kw('TO');
    c.kw('MEDIA');
    return { dasd: d, media: c.name('media name') };
  },
  SHIP: (c) => {
    const media = c.name('media name');
    c.kw('TO');
    return { media, site: c.name('site') };
  },
  UPLOAD: (c) => {
    const media = c.name('media name');
    c.kw('TO');
    return { media, dasd: dasd(c) };
  },
  SYNC: (c) => ({ dasd: dasd(c) }),
  // SHOW JOURNAL <replica> | SHOW REMOTECOPY <dasd> | SHOW VERSIONS <sourcepool> | SHOW DASD <dasd>
  SHOW_JOURNAL: (c) => ({ replica: dasd(c, 'a replica') }),
  SHOW_REMOTECOPY: (c) => ({ dasd: dasd(c) }),
  SHOW_VERSIONS: (c) => ({ pool: c.name('source pool name') }),
  SHOW_DASD: (c) => ({ dasd: dasd(c) }),
} satisfies SomeArgParsers;
