// Runbook line → typed command, or a positioned error (spec §1–6, §10).

import { CATEGORY_INSERT } from '../model/grid.js';
import type { Command, CommandArgs, CommandName, ExpectOp } from './commands.js';
import { Cursor, ParseError, type ClusterRef, type Named } from './cursor.js';
import { tokenize } from './lexer.js';
import { isFormat, type Format } from '../world/tape/media.js';
import { parseLibraryRequest, parseLoadExportSet, parseTapeShow, TAPE_PARSERS, TAPE_SHOW_WORDS } from './tape-parsers.js';
import { DASD_PARSERS, DASD_SHOW_WORDS, parseDasdShow } from './dasd-parsers.js';

export interface LineError {
  line: number;
  col: number;
  message: string;
}

type Parsed = { [K in CommandName]: { name: K; args: CommandArgs[K] } }[CommandName];
type Parser = (c: Cursor, raw: string) => Parsed;

const FAILURE_TARGETS = ['CLUSTER', 'LINK', 'HOSTLINK', 'SITE', 'TSSC'] as const;

function failure(c: Cursor): CommandArgs['FAIL'] {
  const what = c.kw(...FAILURE_TARGETS) as CommandArgs['FAIL']['what'];
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

const PARSERS: Record<string, Parser> = {
  SEED: (c) => ({ name: 'SEED', args: { seed: c.int('seed', 0, 2 ** 31 - 1) } }),
  CLOCK: (c) => ({ name: 'CLOCK', args: { time: c.iso() } }),
  GRID: (c) => ({ name: 'GRID', args: { name: c.name('composite library name').name } }),
  SAMPLE: (c) => ({ name: 'SAMPLE', args: { sample: { name: c.next('a sample name').text.toLowerCase(), col: c.tokens[1]!.col } } }),
  LOAD: (c) => {
    const exportSet = parseLoadExportSet(c);
    if (exportSet) return exportSet;
    const token = c.next('a grid file path');
    return { name: 'LOAD', args: { file: token.text, col: token.col } };
  },
  SITE: (c) => ({ name: 'SITE', args: { site: c.name('site').name } }),
  CLUSTER: (c) => {
    const cluster = c.name('cluster name');
    c.kw('SITE');
    const site = c.name('site');
    c.kw('MODEL');
    const model = c.kw('DISK', 'TAPE') as 'DISK' | 'TAPE';
    const args: CommandArgs['CLUSTER'] = { cluster, site, model, cache: null, drives: null, ioStation: false, code: null };
    for (let opt; (opt = c.optKw('CACHE', 'DRIVES', 'IOSTATION', 'CODE')); ) {
      if (opt === 'CACHE') args.cache = c.cacheSize();
      else if (opt === 'DRIVES') args.drives = c.int('drive count', 0, 256);
      else if (opt === 'IOSTATION') args.ioStation = true;
      else args.code = c.next('a code level').text;
    }
    return { name: 'CLUSTER', args };
  },
  LINK: (c) => {
    const args: CommandArgs['LINK'] = { a: c.cluster(), b: c.cluster(), count: null, gbps: null };
    for (let opt; (opt = c.optKw('COUNT', 'GBPS')); ) {
      if (opt === 'COUNT') args.count = c.int('link count', 1, 16);
      else args.gbps = c.number('GBPS', 0.001);
    }
    return { name: 'LINK', args };
  },
  HOST: (c) => {
    const host = c.name('host');
    c.kw('SITE');
    const site = c.name('site');
    c.kw('ROLE');
    const role = c.kw('PRODUCTION', 'DR') as 'PRODUCTION' | 'DR';
    c.kw('DEVICES');
    const devices = c.clusterList();
    const paths = c.optKw('PATHS') ? c.int('path count', 1, 8) : 2;
    return { name: 'HOST', args: { host, site, role, devices, paths } };
  },
  DEVSUP: (c) => {
    const host = c.name('host');
    const args: CommandArgs['DEVSUP'] = { host, scratch: null, private: null, error: null };
    for (let opt; (opt = c.optKw('SCRATCH', 'PRIVATE', 'ERROR')); ) {
      if (opt === 'SCRATCH') args.scratch = c.hex();
      else if (opt === 'PRIVATE') args.private = c.hex();
      else args.error = c.hex();
    }
    if (args.scratch === null && args.private === null && args.error === null) c.fail('expected SCRATCH, PRIVATE or ERROR');
    return { name: 'DEVSUP', args };
  },
  VARY: (c) => ({ name: 'VARY', args: { host: c.name('host'), cluster: c.cluster(), online: c.kw('ONLINE', 'OFFLINE') === 'ONLINE' } }),
  MC: (c) => {
    const mc = c.name('Management Class');
    c.kw('COPY');
    const token = c.next('copy modes (R, D, N, S per cluster)');
    if (!/^[RDNS]{1,8}$/i.test(token.text)) c.fail(`bad copy modes '${token.text}': one of R D N S per cluster`, token);
    const modes = token.upper;
    const sync = [...modes].filter((m) => m === 'S').length;
    if (sync !== 0 && sync !== 2) c.fail(`copy modes '${modes}' have ${sync} S: Synchronous needs exactly two`, token);
    const args: CommandArgs['MC'] = { mc, modes, modesCol: token.col, secondaryPool: null, preference: 'PG1' };
    for (let opt; (opt = c.optKw('SECONDARY', 'PG0', 'PG1')); ) {
      if (opt === 'SECONDARY') args.secondaryPool = c.int('pool', 1, 32);
      else args.preference = opt as 'PG0' | 'PG1';
    }
    return { name: 'MC', args };
  },
  CATEGORY: (c) => {
    const category = c.hex();
    const scratch = c.kw('SCRATCH', 'PRIVATE') === 'SCRATCH';
    const expireHold = c.optKw('EXPIREHOLD') ? c.duration() : 0;
    if (category === CATEGORY_INSERT) c.fail('category FF00 is the insert category and cannot be redefined', c.tokens[1]);
    return { name: 'CATEGORY', args: { category, scratch, expireHold } };
  },
  INSERT: (c) => {
    const range = c.range();
    c.kw('ON');
    const cluster = c.cluster();
    const category = c.optKw('CATEGORY') ? c.hex() : null;
    return { name: 'INSERT', args: { range, cluster, category } };
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
    return { name: 'PRELOAD', args: { range, cluster, mc, size, category } };
  },
  MOUNT: (c) => {
    const volser = c.optKw('SCRATCH') ? null : c.volser();
    c.kw('ON');
    const cluster = c.cluster();
    c.kw('HOST');
    const host = c.name('host');
    const args: CommandArgs['MOUNT'] = { volser, cluster, host, mc: null, category: null };
    for (let opt; (opt = c.optKw('MC', 'CATEGORY')); ) {
      if (opt === 'MC') args.mc = c.name('Management Class');
      else args.category = c.hex();
    }
    return { name: 'MOUNT', args };
  },
  // HOST (optional) picks the DR host's time-zero mount when production has the same volume mounted.
  WRITE: (c) => ({ name: 'WRITE', args: { volser: c.volser(), size: c.volumeSize(), host: c.optKw('HOST') ? c.name('host') : null } }),
  READ: (c) => ({ name: 'READ', args: { volser: c.volser(), host: c.optKw('HOST') ? c.name('host') : null } }),
  DEMOUNT: (c) => ({ name: 'DEMOUNT', args: { volser: c.volser(), host: c.optKw('HOST') ? c.name('host') : null } }),
  JOB: (c) => {
    const host = c.name('host');
    if (c.kw('WRITE', 'READ') === 'READ') {
      const range = c.range();
      c.kw('ON');
      return { name: 'JOB_READ', args: { host, range, cluster: c.cluster() } };
    }
    const count = c.int('job count', 1, 10_000_000);
    c.kw('SCRATCH');
    c.kw('ON');
    const cluster = c.cluster();
    const args: CommandArgs['JOB_WRITE'] = { host, count, cluster, mc: null, size: null, category: null, over: null };
    for (let opt; (opt = c.optKw('MC', 'SIZE', 'CATEGORY', 'OVER')); ) {
      if (opt === 'MC') args.mc = c.name('Management Class');
      else if (opt === 'SIZE') args.size = c.volumeSize();
      else if (opt === 'CATEGORY') args.category = c.hex();
      else args.over = c.duration();
    }
    return { name: 'JOB_WRITE', args };
  },
  RETURN: (c) => {
    const range = c.range();
    c.kw('TO');
    c.kw('SCRATCH');
    // Spec §12: HOST acts through that host's devices (a write-protected cluster refuses).
    const args: CommandArgs['RETURN'] = { range, category: null, host: null };
    for (let opt; (opt = c.optKw('CATEGORY', 'HOST')); ) {
      if (opt === 'CATEGORY') args.category = c.hex();
      else args.host = c.name('host');
    }
    return { name: 'RETURN', args };
  },
  CHANGE: (c) => {
    const volser = c.volser();
    const what = c.kw('CATEGORY', 'MC');
    const category = what === 'CATEGORY' ? c.hex() : null;
    const mc = what === 'MC' ? c.name('Management Class') : null;
    return { name: 'CHANGE', args: { volser, category, mc, host: c.optKw('HOST') ? c.name('host') : null } };
  },
  IMPORT: (c) => {
    c.kw('INVENTORY');
    const token = c.next('an inventory name');
    return { name: 'IMPORT_INVENTORY', args: { file: token.text, col: token.col, data: null } };
  },
  FAIL: (c) => ({ name: 'FAIL', args: failure(c) }),
  REPAIR: (c) => ({ name: 'REPAIR', args: failure(c) }),
  SERVICE: (c) => ({ name: 'SERVICE', args: { cluster: c.cluster(), phase: c.kw('PREP', 'ON', 'OFF') as 'PREP' | 'ON' | 'OFF' } }),
  TAKEOVER: (c) => {
    const survivor = c.cluster();
    c.kw('FOR');
    const failed = c.cluster();
    return { name: 'TAKEOVER', args: { survivor, failed, mode: c.kw('READ', 'WRITE', 'NONE') as 'READ' | 'WRITE' | 'NONE' } };
  },
  AOTM: (c) => {
    const cluster = c.cluster();
    const on = c.kw('ON', 'OFF') === 'ON';
    const args: CommandArgs['AOTM'] = { cluster, on, mode: null, grace: null };
    for (let opt; (opt = c.optKw('MODE', 'GRACE')); ) {
      if (opt === 'MODE') args.mode = c.kw('READ', 'WRITE') as 'READ' | 'WRITE';
      else args.grace = c.duration();
    }
    return { name: 'AOTM', args };
  },
  ADVANCE: (c) => {
    if (c.optKw('UNTIL')) {
      c.kw('IDLE');
      return { name: 'ADVANCE', args: { duration: null } };
    }
    return { name: 'ADVANCE', args: { duration: c.duration() } };
  },
  WRITEPROTECT: (c) => {
    const cluster = c.cluster();
    const on = c.kw('ON', 'OFF') === 'ON';
    return { name: 'WRITEPROTECT', args: { cluster, on, ignoreFastReady: c.optKw('IGNOREFASTREADY') !== null } };
  },
  EXCLUDE: (c) => {
    const cluster = c.cluster();
    c.kw('CATEGORY');
    const token = c.peek();
    const categories = c.hexList();
    if (categories.length > 16) c.fail(`${categories.length} categories: at most 16 can be excluded from write protect`, token);
    return { name: 'EXCLUDE', args: { cluster, categories } };
  },
  DRIVES: (c) => {
    const cluster = c.cluster();
    c.kw('AVAILABLE');
    const available = c.int('drive count', 0, 256);
    if (!c.optKw('TYPE')) return { name: 'DRIVES', args: { cluster, available, type: null } };
    const token = c.next('a drive format (J1A, E05, E06, E07, E08)');
    if (!isFormat(token.upper)) c.fail(`bad drive format '${token.text}': one of J1A, E05, E06, E07, E08`, token);
    return { name: 'DRIVES', args: { cluster, available, type: token.upper as Format } };
  },
  SHOW: (c): Parsed => {
    const what = c.kw('GRID', 'CLUSTER', 'VOLUME', 'QUEUE', 'RESULT', 'DRFAMILY', 'READINESS', ...TAPE_SHOW_WORDS, ...DASD_SHOW_WORDS);
    if ((TAPE_SHOW_WORDS as readonly string[]).includes(what)) return parseTapeShow(what, c);
    if ((DASD_SHOW_WORDS as readonly string[]).includes(what)) return parseDasdShow(what, c);
    if (what === 'DRFAMILY') return { name: 'SHOW_DRFAMILY', args: { family: c.name('DR family') } };
    if (what === 'READINESS') {
      const family = c.name('DR family');
      return { name: 'SHOW_READINESS', args: { family, cluster: c.optKw('ON') ? c.cluster() : null } };
    }
    if (what === 'GRID') return { name: 'SHOW_GRID', args: { at: c.optKw('AT') ? c.iso() : null } };
    if (what === 'CLUSTER') return { name: 'SHOW_CLUSTER', args: { cluster: c.cluster() } };
    if (what === 'QUEUE') return { name: 'SHOW_QUEUE', args: { cluster: c.cluster() } };
    if (what === "RESULT") return { name: "SHOW_RESULT", args: {} as Record<string, never> };
    const volser = c.volser();
    if (c.optKw('ON')) return { name: 'SHOW_VOLUME', args: { volser, at: null, on: c.name('stand-alone library') } };
    return { name: 'SHOW_VOLUME', args: { volser, at: c.optKw('AT') ? c.iso() : null, on: null } };
  },
  // LI REQ,<library>,<request>,… (spec §7): the z/OS LIBRARY REQUEST command.
  LIBRARY_REQUEST: (c) => {
    const library = c.name('library name');
    const request = c.next('a library request keyword');
    if (request.upper !== 'DRSETUP') return parseLibraryRequest(library, request, c);
    const family = c.name('DR family');
    const action = c.kw('ADD', 'REMOVE', 'WP', 'FLASH', 'LIVECOPY') as CommandArgs['DRSETUP']['action'];
    if (action === 'ADD' || action === 'REMOVE') return { name: 'DRSETUP', args: { library, family, action, cluster: c.cluster(), value: null } };
    const value = action === 'LIVECOPY' ? c.kw('FAMILY', 'NONE') : c.kw('ENABLE', 'DISABLE');
    return { name: 'DRSETUP', args: { library, family, action, cluster: null, value } };
  },
  // LIBRARY EXPORT,<volser> | LIBRARY EXPORT,<volser>,CANCEL (Redbook §11.6.3 Example 11-5, §11.6.4)
  LIBRARY_EXPORT: (c) => ({ name: 'LIBRARY_EXPORT', args: { volser: c.volser(), cancel: c.optKw('CANCEL') !== null } }),
  EXPECT: (c, raw) => {
    if (c.optKw('NO')) {
      c.kw('MESSAGE');
      return { name: 'EXPECT_MESSAGE', args: { id: c.name('message id').name, absent: true } };
    }
    if (c.optKw('MESSAGE')) return { name: 'EXPECT_MESSAGE', args: { id: c.name('message id').name, absent: false } };
    const pathToken = c.next('a result path (ok, error.code, result.…)');
    if (!/^[A-Za-z_][\w]*(\.[\w'-]+)*$/.test(pathToken.text)) c.fail(`bad result path '${pathToken.text}'`, pathToken);
    const opToken = c.next('an operator (= != < <= > >= contains) or absent');
    const op = opToken.text.toLowerCase() as ExpectOp;
    // Spec §10/§12: `EXPECT <path> absent` asserts that the path does not exist in the result.
    if (op === 'absent') {
      if (c.i < c.tokens.length) c.fail(`nothing may follow 'absent'`, c.tokens[c.i]!);
      return { name: 'EXPECT', args: { path: pathToken.text, op, value: null, valueText: '' } };
    }
    if (!['=', '!=', '<', '<=', '>', '>=', 'contains'].includes(op)) c.fail(`bad operator '${opToken.text}': use = != < <= > >= contains, or absent`, opToken);
    const valueToken = c.next('a value (JSON literal or bare word)');
    const valueText = raw.slice(valueToken.col - 1).replace(/#.*$/, '').trim();
    c.i = c.tokens.length;
    let value: unknown;
    try {
      value = JSON.parse(valueText);
    } catch {
      if (/^[\[{"]/.test(valueText)) c.fail(`bad JSON value '${valueText}'`, valueToken);
      value = valueText;
    }
    return { name: 'EXPECT', args: { path: pathToken.text, op, value, valueText } };
  },
  ...TAPE_PARSERS,
  ...DASD_PARSERS,
};

/** Parses one line; null for blank and comment lines. */
export function parseLine(raw: string, line: number): Command | LineError | null {
  const tokens = tokenize(raw);
  if (tokens.length === 0) return null;
  const head = tokens[0]!;
  let key = head.upper;
  let skip = 1;
  if (key === 'LIBRARY' || key === 'LI') {
    const sub = tokens[1];
    if (!sub) return { line, col: head.col + head.text.length, message: 'expected REQ or EXPORT after LIBRARY' };
    if (sub.upper === 'REQ' || sub.upper === 'REQUEST') {
      key = 'LIBRARY_REQUEST';
      skip = 2;
    } else if (sub.upper === 'EXPORT') {
      key = 'LIBRARY_EXPORT';
      skip = 2;
    } else return { line, col: sub.col, message: `host console command '${head.text} ${sub.text}' is not available in this build` };
  }
  const parser = PARSERS[key];
  if (!parser) return { line, col: head.col, message: `unknown command '${head.text}'` };
  const cursor = new Cursor(tokens, raw.length);
  cursor.i = skip;
  try {
    const parsed = parser(cursor, raw);
    cursor.end();
    return { ...parsed, line, col: head.col, text: raw.replace(/#.*$/, '').trim() } as Command;
  } catch (error) {
    if (error instanceof ParseError) return { line, col: error.col, message: error.message };
    throw error;
  }
}

export function isLineError(x: unknown): x is LineError {
  return typeof x === 'object' && x !== null && 'message' in x && !('name' in x);
}

export type { ClusterRef, Named };
