// Runbook lines of Copy Export and Copy Export Recovery (spec §8; Redbook §11.5–§11.7): one function
// per command, each reading the arguments after the command's leading words (core/commands/ names them).

import { FORMATS, MEDIA, isFormat, isMedia, type Format, type Media } from '../world/tape/media.js';
import { parseVolserRange } from '../model/volser.js';
import type { CommandArgs } from './commands.js';
import type { ClusterRef, Cursor, Named } from './cursor.js';
import type { Token } from './lexer.js';
import { choice, type SomeArgParsers } from './grid-parsers.js';

function media(c: Cursor): Media {
  const token = c.next(`a media type (${MEDIA.join(', ')})`);
  if (!isMedia(token.upper)) c.fail(`bad media '${token.text}': one of ${MEDIA.join(', ')}`, token);
  return token.upper;
}

function format(c: Cursor, token: Token = c.next(`a recording format (${FORMATS.join(', ')})`)): Format {
  if (!isFormat(token.upper)) c.fail(`bad format '${token.text}': one of ${FORMATS.join(', ')}`, token);
  return token.upper;
}

function list(c: Cursor, what: string): Token[] {
  const token = c.next(what);
  let offset = 0;
  return token.text.split(',').map((part) => {
    if (part.length === 0) c.fail(`empty item in ${what}`, token);
    const t = { text: part, upper: part.toUpperCase(), col: token.col + offset };
    offset += part.length + 1;
    return t;
  });
}

// The names POOL … ENCRYPT accepts (Cursor.name): a KEYS label no pool can carry would never match.
function keyLabel(c: Cursor, t: Token): string {
  if (!/^[A-Za-z0-9_.$@#-]{1,32}$/.test(t.text)) c.fail(`bad key label '${t.text}'`, t);
  return t.upper;
}

// Redbook §11.7.1 "same or later code level as the source": only a dotted number can be compared.
function codeLevel(c: Cursor): string {
  const token = c.next('a code level (8.50)');
  if (!/^\d+(\.\d+)*$/.test(token.text)) c.fail(`bad code level '${token.text}': digits and dots (8.50)`, token);
  return token.text;
}

// Where TRANSPORT takes volumes: named for what it is, not "a cluster", when it is missing.
function destination(c: Cursor, what: string): ClusterRef {
  const token = c.next(what);
  return { ref: token.upper, col: token.col, index: -1 };
}

function pvolName(c: Cursor): Named {
  return c.volser();
}

export const TAPE_PARSERS = {
  // POOL <cl> <n> [MEDIA …] [FORMAT …] [COPYEXPORT] [RECLAIM <n>] [SCRATCH <count>] [ENCRYPT <keylabel>]
  POOL: (c) => {
    const cluster = c.cluster();
    const pool = c.int('pool number', 0, 32);
    const args: CommandArgs['POOL'] = { cluster, pool, media: null, format: null, copyExport: false, reclaimPool: null, scratch: null, encrypt: null };
    for (let opt; (opt = c.optKw('MEDIA', 'FORMAT', 'COPYEXPORT', 'RECLAIM', 'SCRATCH', 'ENCRYPT'));) {
      if (opt === 'MEDIA') args.media = media(c);
      else if (opt === 'FORMAT') args.format = format(c);
      else if (opt === 'COPYEXPORT') args.copyExport = true;
      else if (opt === 'RECLAIM') args.reclaimPool = c.int('reclaim pool', 0, 32);
      else if (opt === 'SCRATCH') args.scratch = c.int('scratch stacked volume count', 0, 1_000_000);
      else args.encrypt = c.name('key label').name;
    }
    return args;
  },
  // EXPORTLIST <volser> ON <cl> POOL <n> [EJECT|HOLD] [LMTDBPVL] [MC <mc>]
  EXPORTLIST: (c) => {
    const volser = c.volser();
    c.kw('ON');
    const cluster = c.cluster();
    c.kw('POOL');
    const pool = c.int('pool number', 1, 32);
    const args: CommandArgs['EXPORTLIST'] = { volser, cluster, pool, eject: true, lmtdbpvl: false, mc: null };
    let disposition: string | null = null;
    for (let opt; (opt = c.optKw('EJECT', 'HOLD', 'LMTDBPVL', 'MC'));) {
      if (opt === 'EJECT' || opt === 'HOLD') {
        // Redbook §11.5: the set is "ejected immediately or placed into the export-hold category", not both
        if (disposition && disposition !== opt) c.fail(`${opt} contradicts ${disposition}: the exported set is either ejected or held`, c.tokens[c.i - 1]);
        disposition = opt;
        args.eject = opt === 'EJECT';
      } else if (opt === 'LMTDBPVL') args.lmtdbpvl = true;
      else args.mc = c.name('Management Class');
    }
    return args;
  },
  // SETTING <cl> COPYEXPORTLIMIT <n>: Redbook §11.5.1 "default limit is 2,000 ... maximum of 10,000"
  SETTING: (c) => {
    const cluster = c.cluster();
    c.kw('COPYEXPORTLIMIT');
    return { cluster, setting: 'COPYEXPORTLIMIT', value: c.int('copy-exported volume limit', 1, 10_000) };
  },
  IOSTATION: (c) => ({ cluster: c.cluster(), full: c.kw('EMPTY', 'FULL') === 'FULL' }),
  EJECT: (c) => {
    const cluster = c.cluster();
    c.kw('EXPORTHOLD');
    return { cluster };
  },
  RECLAIM: (c) => {
    const cluster = c.cluster();
    c.kw('POOL');
    const pool = c.int('pool number', 1, 32);
    const threshold = c.optKw('THRESHOLD') ? c.int('threshold percent', 0, 100) : null;
    return { cluster, pool, threshold };
  },
  // PVOL <pvol> UNAVAILABLE|READONLY|AVAILABLE: a stacked volume's access state (TimeZero extension)
  PVOL: (c) => ({ pvol: pvolName(c), state: choice(c, 'UNAVAILABLE', 'READONLY', 'AVAILABLE') }),
  // STANDALONE <name> MODEL TAPE DRIVES <n> [FORMATS f,…] [CODE <level>] [KEYS k,…] [SLOTS <n>] [PARTITION range,…]
  STANDALONE: (c) => {
    const name = c.name('stand-alone library name');
    if (/^\d+$/.test(name.name)) c.fail(`library name '${name.name}' would read as a cluster index`, c.tokens[1]);
    c.kw('MODEL');
    c.kw('TAPE');
    c.kw('DRIVES');
    const drives = c.int('drive count', 0, 256);
    const args: CommandArgs['STANDALONE'] = { name, drives, formats: null, code: null, keys: [], slots: null, partition: [] };
    for (let opt; (opt = c.optKw('FORMATS', 'CODE', 'KEYS', 'SLOTS', 'PARTITION'));) {
      if (opt === 'FORMATS') args.formats = list(c, 'drive formats').map((t) => format(c, t));
      else if (opt === 'CODE') args.code = codeLevel(c);
      else if (opt === 'KEYS') args.keys = list(c, 'key labels').map((t) => keyLabel(c, t));
      else if (opt === 'SLOTS') args.slots = c.int('slot count', 1, 1_000_000);
      else {
        args.partition = list(c, 'VOLSER ranges').map((t) => {
          const range = parseVolserRange(t.upper);
          if (typeof range === 'string') c.fail(range, t);
          return t.upper;
        });
      }
    }
    return args;
  },
  // TRANSPORT EXPORTED FROM <cl> TO <standalone> | TRANSPORT <pvol-range> TO <standalone>|<cl>
  TRANSPORT: (c) => {
    if (c.optKw('EXPORTED')) {
      c.kw('FROM');
      const cluster = c.cluster();
      c.kw('TO');
      return { cluster, range: null, target: destination(c, 'a stand-alone library') };
    }
    const range = c.range();
    c.kw('TO');
    return { cluster: null, range, target: destination(c, 'a stand-alone library or a cluster') };
  },
  // SAVE EXPORTSET FROM <cl> <file>
  SAVE_EXPORTSET: (c) => {
    c.kw('EXPORTSET');
    c.kw('FROM');
    const cluster = c.cluster();
    const token = c.next('a file path');
    return { cluster, file: token.text, col: token.col };
  },
  // RESTART <cl>: the TS7700 back from an error or power off (Redbook Table 11-1 E0022/E0023; TimeZero extension)
  RESTART: (c) => ({ cluster: c.cluster() }),
  ERASE: (c) => ({ target: c.name('stand-alone library') }),
  // RECOVER <standalone> FROM <pvol>|LATEST [TESTMODE ON|OFF] — default TESTMODE ON (spec §8)
  RECOVER: (c) => {
    const target = c.name('stand-alone library');
    c.kw('FROM');
    if (c.done) c.fail('expected a stacked volume VOLSER or LATEST');
    const from = c.optKw('LATEST') ? null : pvolName(c);
    const testMode = c.optKw('TESTMODE') ? c.kw('ON', 'OFF') === 'ON' : true;
    return { target, from, testMode };
  },
  // LOAD EXPORTSET <file> INTO <standalone>: the LOAD router has told it from a grid-file LOAD
  LOAD_EXPORTSET: (c) => {
    c.kw('EXPORTSET');
    const token = c.next('a file path');
    c.kw('INTO');
    return { file: token.text, col: token.col, target: c.name('stand-alone library') };
  },
  // SHOW EXPORTSTATUS <volser> [VOLUME <volser>] [LIMIT <n>]
  SHOW_EXPORTSTATUS: (c) => {
    const volser = c.volser();
    const args: CommandArgs['SHOW_EXPORTSTATUS'] = { volser, volume: null, limit: null };
    for (let opt; (opt = c.optKw('VOLUME', 'LIMIT'));) {
      if (opt === 'VOLUME') args.volume = c.volser();
      else args.limit = c.int('record limit', 0, 10_000_000);
    }
    return args;
  },
  SHOW_POOL: (c) => ({ cluster: c.cluster(), pool: c.int('pool number', 0, 32) }),
  SHOW_PVOL: (c) => {
    const pvol = pvolName(c);
    return { pvol, on: c.optKw('ON') ? c.name('stand-alone library') : null };
  },
  SHOW_RECOVERY: (c) => ({ target: c.name('stand-alone library') }),
  // LI REQ,<library>,COPYEXP,<pvol>,DELETE|RECLAIM | LI REQ,<library>,PDRIVE | LI REQ,<library>,POOLCNT:
  // the router has checked the request keyword
  COPYEXP: (c) => {
    const library = libraryRequest(c);
    const pvol = pvolName(c);
    return { library, pvol, action: choice(c, 'DELETE', 'RECLAIM') };
  },
  PDRIVE: (c) => ({ library: libraryRequest(c) }),
  POOLCNT: (c) => ({ library: libraryRequest(c) }),
} satisfies SomeArgParsers;

/** LI REQ,<library>,<request>: the library, with the request keyword stepped over. */
function libraryRequest(c: Cursor): Named {
  const library = c.name('library name');
  c.next('a library request keyword');
  return library;
}

/** LOAD EXPORTSET <file> INTO <standalone>, told from a LOAD of a grid file named EXPORTSET. */
export function isLoadExportSet(c: Cursor): boolean {
  // `LOAD EXPORTSET` alone may load a grid file of that name; anything longer is this form, so a
  // missing or misspelt INTO is named where it is rather than as an unexpected file path.
  return c.peek()?.upper === 'EXPORTSET' && c.tokens.length > 2;
}
