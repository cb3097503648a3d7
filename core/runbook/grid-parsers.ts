// How the grid's runbook lines read (spec §1–6, §10): one function per command, each reading the
// arguments after the command's leading words. The command tables (core/commands/) name them.

import { CATEGORY_INSERT } from '../model/grid.js';
import type { CommandArgs, CommandName, ExpectOp } from './commands.js';
import type { Cursor } from './cursor.js';
import { isFormat } from '../world/tape/media.js';
import type { ParseContext } from '../commands/spec.js';

export type ArgParsers<K extends CommandName> = { [P in K]: (c: Cursor, p: ParseContext) => CommandArgs[P] };
/** A domain module's parsers: which commands it reads is declared once, by the command tables. */
export type SomeArgParsers = Partial<ArgParsers<CommandName>>;

const FAILURE_TARGETS = ['CLUSTER', 'LINK', 'HOSTLINK', 'SITE', 'TSSC'] as const;
type FailureTarget = (typeof FAILURE_TARGETS)[number];
const isFailureTarget = (w: string): w is FailureTarget => (FAILURE_TARGETS as readonly string[]).includes(w);

function failure(c: Cursor): CommandArgs['FAIL'] {
  const word = c.kw(...FAILURE_TARGETS);
  const what: FailureTarget = isFailureTarget(word) ? word : 'CLUSTER';
  const args: CommandArgs['FAIL'] = { what, cluster: null, peer: null, host: null, site: null, one: false };
  if (what === 'CLUSTER' || what === 'TSSC') args.cluster = c.cluster();
  else if (what === 'LINK') {
    args.cluster = c.cluster();
    args.peer = c.cluster();
    args.one = c.optKw('ONE', 'ALL') === 'ONE';
  } else if (what === 'HOSTLINK') {
    args.host = c.name('host');
    args.cluster = c.cluster();
  } else args.site = c.name('site');
  return args;
}

/** One of `words`, typed as the union it is (Cursor.kw returns the matched word). */
function choice<const W extends string>(c: Cursor, ...words: W[]): W {
  const word = c.kw(...words);
  const found = words.find((w) => w === word);
  if (found === undefined) return c.fail(`expected ${words.join(' or ')}`);
  return found;
}

function optChoice<const W extends string>(c: Cursor, ...words: W[]): W | null {
  const word = c.optKw(...words);
  return words.find((w) => w === word) ?? null;
}

export { choice, optChoice };

export const GRID_PARSERS = {
  SEED: (c) => ({ seed: c.int('seed', 0, 2 ** 31 - 1) }),
  CLOCK: (c) => ({ time: c.iso() }),
  GRID: (c) => ({ name: c.name('composite library name').name }),
  SAMPLE: (c) => {
    const token = c.next('a sample name');
    return { sample: { name: token.text.toLowerCase(), col: token.col } };
  },
  LOAD: (c) => {
    const token = c.next('a grid file path');
    return { file: token.text, col: token.col };
  },
  SITE: (c) => ({ site: c.name('site').name }),
  CLUSTER: (c) => {
    const cluster = c.name('cluster name');
    c.kw('SITE');
    const site = c.name('site');
    c.kw('MODEL');
    const model = choice(c, 'DISK', 'TAPE');
    const args: CommandArgs['CLUSTER'] = { cluster, site, model, cache: null, drives: null, ioStation: false, code: null };
    for (let opt; (opt = c.optKw('CACHE', 'DRIVES', 'IOSTATION', 'CODE'));) {
      if (opt === 'CACHE') args.cache = c.cacheSize();
      else if (opt === 'DRIVES') args.drives = c.int('drive count', 0, 256);
      else if (opt === 'IOSTATION') args.ioStation = true;
      else args.code = c.next('a code level').text;
    }
    return args;
  },
  LINK: (c) => {
    const args: CommandArgs['LINK'] = { a: c.cluster(), b: c.cluster(), count: null, gbps: null };
    for (let opt; (opt = c.optKw('COUNT', 'GBPS'));) {
      if (opt === 'COUNT') args.count = c.int('link count', 1, 16);
      else args.gbps = c.number('GBPS', 0.001);
    }
    return args;
  },
  HOST: (c) => {
    const host = c.name('host');
    c.kw('SITE');
    const site = c.name('site');
    c.kw('ROLE');
    const role = choice(c, 'PRODUCTION', 'DR');
    c.kw('DEVICES');
    const devices = c.clusterList();
    const paths = c.optKw('PATHS') ? c.int('path count', 1, 8) : 2;
    return { host, site, role, devices, paths };
  },
  DEVSUP: (c) => {
    const host = c.name('host');
    const args: CommandArgs['DEVSUP'] = { host, scratch: null, private: null, error: null };
    for (let opt; (opt = c.optKw('SCRATCH', 'PRIVATE', 'ERROR'));) {
      if (opt === 'SCRATCH') args.scratch = c.hex();
      else if (opt === 'PRIVATE') args.private = c.hex();
      else args.error = c.hex();
    }
    if (args.scratch === null && args.private === null && args.error === null) c.fail('expected SCRATCH, PRIVATE or ERROR');
    return args;
  },
  VARY: (c) => ({ host: c.name('host'), cluster: c.cluster(), online: c.kw('ONLINE', 'OFFLINE') === 'ONLINE' }),
  MC: (c) => {
    const mc = c.name('Management Class');
    c.kw('COPY');
    const token = c.next('copy modes (R, D, N, S per cluster)');
    if (!/^[RDNS]{1,8}$/i.test(token.text)) c.fail(`bad copy modes '${token.text}': one of R D N S per cluster`, token);
    const modes = token.upper;
    const sync = [...modes].filter((m) => m === 'S').length;
    if (sync !== 0 && sync !== 2) c.fail(`copy modes '${modes}' have ${sync} S: Synchronous needs exactly two`, token);
    const args: CommandArgs['MC'] = { mc, modes, modesCol: token.col, secondaryPool: null, preference: 'PG1' };
    for (let opt; (opt = optChoice(c, 'SECONDARY', 'PG0', 'PG1'));) {
      if (opt === 'SECONDARY') args.secondaryPool = c.int('pool', 1, 32);
      else args.preference = opt;
    }
    return args;
  },
  CATEGORY: (c) => {
    const category = c.hex();
    const scratch = c.kw('SCRATCH', 'PRIVATE') === 'SCRATCH';
    const expireHold = c.optKw('EXPIREHOLD') ? c.duration() : 0;
    if (category === CATEGORY_INSERT) c.fail('category FF00 is the insert category and cannot be redefined', c.tokens[1]);
    return { category, scratch, expireHold };
  },
  INSERT: (c) => {
    const range = c.range();
    c.kw('ON');
    const cluster = c.cluster();
    const category = c.optKw('CATEGORY') ? c.hex() : null;
    return { range, cluster, category };
  },
  PRELOAD: (c) => {
    const range = c.range();
    c.kw('ON');
    const cluster = c.cluster();
    c.kw('MC');
    const mc = c.name('Management Class');
    c.kw('SIZE');
    const size = c.volumeSize();
    const category = c.optKw('CATEGORY') ? c.hex() : null;
    return { range, cluster, mc, size, category };
  },
  MOUNT: (c) => {
    const volser = c.optKw('SCRATCH') ? null : c.volser();
    c.kw('ON');
    const cluster = c.cluster();
    c.kw('HOST');
    const host = c.name('host');
    const args: CommandArgs['MOUNT'] = { volser, cluster, host, mc: null, category: null };
    for (let opt; (opt = c.optKw('MC', 'CATEGORY'));) {
      if (opt === 'MC') args.mc = c.name('Management Class');
      else args.category = c.hex();
    }
    return args;
  },
  // HOST (optional) picks the DR host's time-zero mount when production has the same volume mounted.
  WRITE: (c) => ({ volser: c.volser(), size: c.volumeSize(), host: c.optKw('HOST') ? c.name('host') : null }),
  READ: (c) => ({ volser: c.volser(), host: c.optKw('HOST') ? c.name('host') : null }),
  DEMOUNT: (c) => ({ volser: c.volser(), host: c.optKw('HOST') ? c.name('host') : null }),
  // JOB <host> WRITE|READ: the head's router has read WRITE or READ ahead (core/commands/heads.ts)
  JOB_WRITE: (c) => {
    const host = c.name('host');
    c.kw('WRITE');
    const count = c.int('job count', 1, 10_000_000);
    c.kw('SCRATCH');
    c.kw('ON');
    const cluster = c.cluster();
    const args: CommandArgs['JOB_WRITE'] = { host, count, cluster, mc: null, size: null, category: null, over: null };
    for (let opt; (opt = c.optKw('MC', 'SIZE', 'CATEGORY', 'OVER'));) {
      if (opt === 'MC') args.mc = c.name('Management Class');
      else if (opt === 'SIZE') args.size = c.volumeSize();
      else if (opt === 'CATEGORY') args.category = c.hex();
      else args.over = c.duration();
    }
    return args;
  },
  JOB_READ: (c) => {
    const host = c.name('host');
    c.kw('READ');
    const range = c.range();
    c.kw('ON');
    return { host, range, cluster: c.cluster() };
  },
  RETURN: (c) => {
    const range = c.range();
    c.kw('TO');
    c.kw('SCRATCH');
    // Spec §12: HOST acts through that host's devices (a write-protected cluster refuses).
    const args: CommandArgs['RETURN'] = { range, category: null, host: null };
    for (let opt; (opt = c.optKw('CATEGORY', 'HOST'));) {
      if (opt === 'CATEGORY') args.category = c.hex();
      else args.host = c.name('host');
    }
    return args;
  },
  CHANGE: (c) => {
    const volser = c.volser();
    const what = c.kw('CATEGORY', 'MC');
    const category = what === 'CATEGORY' ? c.hex() : null;
    const mc = what === 'MC' ? c.name('Management Class') : null;
    return { volser, category, mc, host: c.optKw('HOST') ? c.name('host') : null };
  },
  IMPORT_INVENTORY: (c) => {
    c.kw('INVENTORY');
    const token = c.next('an inventory name');
    return { file: token.text, col: token.col, data: null };
  },
  FAIL: failure,
  REPAIR: failure,
  SERVICE: (c) => ({ cluster: c.cluster(), phase: choice(c, 'PREP', 'ON', 'OFF') }),
  TAKEOVER: (c) => {
    const survivor = c.cluster();
    c.kw('FOR');
    const failed = c.cluster();
    return { survivor, failed, mode: choice(c, 'READ', 'WRITE', 'NONE') };
  },
  AOTM: (c) => {
    const cluster = c.cluster();
    const on = c.kw('ON', 'OFF') === 'ON';
    const args: CommandArgs['AOTM'] = { cluster, on, mode: null, grace: null };
    for (let opt; (opt = c.optKw('MODE', 'GRACE'));) {
      if (opt === 'MODE') args.mode = choice(c, 'READ', 'WRITE');
      else args.grace = c.duration();
    }
    return args;
  },
  ADVANCE: (c) => {
    if (c.optKw('UNTIL')) {
      c.kw('IDLE');
      return { duration: null };
    }
    return { duration: c.duration() };
  },
  WRITEPROTECT: (c) => {
    const cluster = c.cluster();
    const on = c.kw('ON', 'OFF') === 'ON';
    return { cluster, on, ignoreFastReady: c.optKw('IGNOREFASTREADY') !== null };
  },
  EXCLUDE: (c) => {
    const cluster = c.cluster();
    c.kw('CATEGORY');
    const token = c.peek();
    const categories = c.hexList();
    if (categories.length > 16) c.fail(`${categories.length} categories: at most 16 can be excluded from write protect`, token);
    return { cluster, categories };
  },
  DRIVES: (c) => {
    const cluster = c.cluster();
    c.kw('AVAILABLE');
    const available = c.int('drive count', 0, 256);
    if (!c.optKw('TYPE')) return { cluster, available, type: null };
    const token = c.next('a drive format (J1A, E05, E06, E07, E08)');
    const type = token.upper;
    if (!isFormat(type)) return c.fail(`bad drive format '${token.text}': one of J1A, E05, E06, E07, E08`, token);
    return { cluster, available, type };
  },
  // LI REQ,<library>,DRSETUP,<family>,… (spec §7): the router has checked the request keyword
  DRSETUP: (c) => {
    const library = c.name('library name');
    c.next('a library request keyword');
    const family = c.name('DR family');
    const action = choice(c, 'ADD', 'REMOVE', 'WP', 'FLASH', 'LIVECOPY');
    if (action === 'ADD' || action === 'REMOVE') return { library, family, action, cluster: c.cluster(), value: null };
    const value = action === 'LIVECOPY' ? c.kw('FAMILY', 'NONE') : c.kw('ENABLE', 'DISABLE');
    return { library, family, action, cluster: null, value };
  },
  SHOW_GRID: (c) => ({ at: c.optKw('AT') ? c.iso() : null }),
  SHOW_CLUSTER: (c) => ({ cluster: c.cluster() }),
  SHOW_VOLUME: (c) => {
    const volser = c.volser();
    if (c.optKw('ON')) return { volser, at: null, on: c.name('stand-alone library') };
    return { volser, at: c.optKw('AT') ? c.iso() : null, on: null };
  },
  SHOW_QUEUE: (c) => ({ cluster: c.cluster() }),
  SHOW_RESULT: () => ({}),
  SHOW_DRFAMILY: (c) => ({ family: c.name('DR family') }),
  SHOW_READINESS: (c) => {
    const family = c.name('DR family');
    return { family, cluster: c.optKw('ON') ? c.cluster() : null };
  },
  // LIBRARY EXPORT,<volser> | LIBRARY EXPORT,<volser>,CANCEL (Redbook §11.6.3 Example 11-5, §11.6.4)
  LIBRARY_EXPORT: (c) => ({ volser: c.volser(), cancel: c.optKw('CANCEL') !== null }),
  EXPECT: (c, p) => {
    const pathToken = c.next('a result path (ok, error.code, result.…)');
    if (!/^[A-Za-z_][\w]*(\.[\w'-]+)*$/.test(pathToken.text)) c.fail(`bad result path '${pathToken.text}'`, pathToken);
    const opToken = c.next('an operator (= != < <= > >= contains) or absent');
    const opText = opToken.text.toLowerCase();
    // Spec §10/§12: `EXPECT <path> absent` asserts that the path does not exist in the result.
    if (opText === 'absent') {
      const extra = c.peek();
      if (extra) c.fail(`nothing may follow 'absent'`, extra);
      return { path: pathToken.text, op: 'absent', value: null, valueText: '' };
    }
    const op = EXPECT_OPS.find((o) => o === opText);
    if (op === undefined) return c.fail(`bad operator '${opToken.text}': use = != < <= > >= contains, or absent`, opToken);
    const valueToken = c.next('a value (JSON literal or bare word)');
    const valueText = p.raw
      .slice(valueToken.col - 1)
      .replace(/#.*$/, '')
      .trim();
    c.i = c.tokens.length;
    let value: unknown;
    try {
      value = JSON.parse(valueText);
    } catch {
      if (/^[[{"]/.test(valueText)) c.fail(`bad JSON value '${valueText}'`, valueToken);
      value = valueText;
    }
    return { path: pathToken.text, op, value, valueText };
  },
  EXPECT_MESSAGE: (c) => {
    const absent = c.optKw('NO') !== null;
    c.kw('MESSAGE');
    return { id: c.name('message id').name, absent };
  },
} satisfies SomeArgParsers;

const EXPECT_OPS: readonly ExpectOp[] = ['=', '!=', '<', '<=', '>', '>=', 'contains'];
