// Copy Export, physical library and Copy Export Recovery runbook lines (spec §8; Redbook §11.5–§11.7):
// every form parses into the arguments the engine runs on, and every mistake is named with line:col
// before anything runs (spec §2) — syntax by tape-parsers.ts, references by tape-validate.ts.

import { describe, expect, it } from 'vitest';
import { Session } from '../session.js';
import type { Command } from './commands.js';
import { isLineError, parseLine } from './parser.js';

/** A cluster (or stand-alone library) reference as parsed, before the validator resolves it. */
const cl = (ref: string, col: number) => ({ ref, col, index: -1 });
const nm = (name: string, col: number) => ({ name, col });

function parse(text: string): Command {
  const parsed = parseLine(text, 1);
  if (parsed === null || isLineError(parsed)) throw new Error(`'${text}' did not parse: ${JSON.stringify(parsed)}`);
  return parsed;
}

/** `line:col: message` of a line that must not parse (parsed as line 4). */
function syntaxError(text: string): string {
  const parsed = parseLine(text, 4);
  if (parsed === null || !isLineError(parsed)) throw new Error(`'${text}' was accepted: ${JSON.stringify(parsed)}`);
  return `${parsed.line}:${parsed.col}: ${parsed.message}`;
}

type Form = [text: string, name: string, args: Record<string, unknown>];

function accepts(forms: Form[]): void {
  for (const [text, name, args] of forms) {
    it(text, () => {
      const command = parse(text);
      expect(command.name).toBe(name);
      expect(command.args).toEqual(args);
    });
  }
}

function rejects(cases: [text: string, error: string][]): void {
  for (const [text, error] of cases) it(text, () => expect(syntaxError(text)).toBe(error));
}

describe('spec §8 forms parse into their arguments', () => {
  describe('POOL: media, recording format, Copy Export pool, reclaim pool, scratch, encryption (Redbook §11.5.1, §11.6.1)', () => {
    const none = { media: null, format: null, copyExport: false, reclaimPool: null, scratch: null, encrypt: null };
    accepts([
      ['POOL CL0 8', 'POOL', { cluster: cl('CL0', 6), pool: 8, ...none }],
      // pool 0 is the common scratch pool (Redbook §11.6.2 Example 11-3); keywords are case-insensitive (spec §1)
      ['pool 0 0 media jc', 'POOL', { cluster: cl('0', 6), pool: 0, ...none, media: 'JC' }],
      // §11.5.1: "the designated reclaim pool must be the same value as the secondary volume pool"; key label upper-cased
      [
        'POOL CL0 8 MEDIA JJ FORMAT E05 COPYEXPORT RECLAIM 8 SCRATCH 20 ENCRYPT KeyProd',
        'POOL',
        { cluster: cl('CL0', 6), pool: 8, media: 'JJ', format: 'E05', copyExport: true, reclaimPool: 8, scratch: 20, encrypt: 'KEYPROD' },
      ],
      ['POOL DRLIB 32 FORMAT E08 SCRATCH 0', 'POOL', { cluster: cl('DRLIB', 6), pool: 32, ...none, format: 'E08', scratch: 0 }],
    ]);
  });

  describe('PVOL: a stacked volume made unavailable, read-only or available again (TimeZero extension)', () => {
    accepts([
      ['PVOL SA0002 READONLY', 'PVOL', { pvol: nm('SA0002', 6), state: 'READONLY' }],
      ['PVOL SA0004 UNAVAILABLE', 'PVOL', { pvol: nm('SA0004', 6), state: 'UNAVAILABLE' }],
      ['pvol sa0002 available', 'PVOL', { pvol: nm('SA0002', 6), state: 'AVAILABLE' }],
    ]);
  });

  describe('EXPORTLIST: the export list volume (Redbook §11.6.3 Example 11-4)', () => {
    accepts([
      // Example 11-4 "OPTIONS1,COPY,EJECT": ejecting is what a list without HOLD asks for
      ['EXPORTLIST EXP000 ON CL0 POOL 8', 'EXPORTLIST', { volser: nm('EXP000', 12), cluster: cl('CL0', 22), pool: 8, eject: true, lmtdbpvl: false, mc: null }],
      // §11.5: "placed into the export-hold category"; §11.5.2 LMTDBPVL; §11.5.2 a Management Class of its own
      ['EXPORTLIST EXP000 ON 1 POOL 9 HOLD LMTDBPVL MC MCLIST', 'EXPORTLIST', { volser: nm('EXP000', 12), cluster: cl('1', 22), pool: 9, eject: false, lmtdbpvl: true, mc: nm('MCLIST', 48) }],
      ['EXPORTLIST EXP000 ON CL0 POOL 8 EJECT EJECT', 'EXPORTLIST', { volser: nm('EXP000', 12), cluster: cl('CL0', 22), pool: 8, eject: true, lmtdbpvl: false, mc: null }],
    ]);
  });

  describe('LIBRARY EXPORT and its CANCEL (Redbook §11.6.3 Example 11-5, §11.6.4)', () => {
    accepts([
      ['LIBRARY EXPORT,EXP000', 'LIBRARY_EXPORT', { volser: nm('EXP000', 16), cancel: false }],
      ['LIBRARY EXPORT,EXP000,CANCEL', 'LIBRARY_EXPORT', { volser: nm('EXP000', 16), cancel: true }],
      ['LI EXPORT,exp000', 'LIBRARY_EXPORT', { volser: nm('EXP000', 11), cancel: false }],
    ]);
  });

  describe('LI REQ to a distributed library: COPYEXP, PDRIVE, POOLCNT (Redbook §11.5.2, §11.6.2 Examples 11-2 and 11-3)', () => {
    accepts([
      // §11.5.2: "LIBRARY REQUEST,libname,COPYEXP,volser,DELETE"
      ['LIBRARY REQUEST,CL0,COPYEXP,SA0001,DELETE', 'COPYEXP', { library: nm('CL0', 17), pvol: nm('SA0001', 29), action: 'DELETE' }],
      ['LI REQ,CL0,COPYEXP,SA0001,RECLAIM', 'COPYEXP', { library: nm('CL0', 8), pvol: nm('SA0001', 20), action: 'RECLAIM' }],
      ['LI REQ,BARR03A,PDRIVE', 'PDRIVE', { library: nm('BARR03A', 8) }],
      ['LI REQ,BARR68A,POOLCNT', 'POOLCNT', { library: nm('BARR68A', 8) }],
    ]);
  });

  describe('SETTING, DRIVES, IOSTATION, EJECT, RECLAIM, RESTART: the exporting library (Redbook §11.5.1, §11.5.3)', () => {
    accepts([
      // §11.5.1: "The default limit is 2,000 ... can be adjusted to a maximum of 10,000 volumes"
      ['SETTING CL0 COPYEXPORTLIMIT 2000', 'SETTING', { cluster: cl('CL0', 9), setting: 'COPYEXPORTLIMIT', value: 2000 }],
      ['SETTING CL0 COPYEXPORTLIMIT 10000', 'SETTING', { cluster: cl('CL0', 9), setting: 'COPYEXPORTLIMIT', value: 10000 }],
      // §11.5.1: "A minimum of four physical tape drives must be available"
      ['DRIVES CL0 AVAILABLE 3', 'DRIVES', { cluster: cl('CL0', 8), available: 3, type: null }],
      ['DRIVES DRLIB AVAILABLE 4 TYPE E06', 'DRIVES', { cluster: cl('DRLIB', 8), available: 4, type: 'E06' }],
      // §11.5.1: "Empty the I/O station before executing Copy Export and prevent it from going to the full state"
      ['IOSTATION CL0 EMPTY', 'IOSTATION', { cluster: cl('CL0', 11), full: false }],
      ['IOSTATION CL0 FULL', 'IOSTATION', { cluster: cl('CL0', 11), full: true }],
      // §11.5: "you will need to manually request that the export-hold volumes be ejected"
      ['EJECT CL0 EXPORTHOLD', 'EJECT', { cluster: cl('CL0', 7) }],
      ['RECLAIM CL0 POOL 8', 'RECLAIM', { cluster: cl('CL0', 9), pool: 8, threshold: null }],
      ['RECLAIM CL0 POOL 8 THRESHOLD 35', 'RECLAIM', { cluster: cl('CL0', 9), pool: 8, threshold: 35 }],
      ['RESTART CL0', 'RESTART', { cluster: cl('CL0', 9) }],
    ]);
  });

  describe('SHOW EXPORTSTATUS, POOL, PVOL, RECOVERY and SHOW VOLUME … ON a stand-alone library', () => {
    accepts([
      ['SHOW EXPORTSTATUS EXP000', 'SHOW_EXPORTSTATUS', { volser: nm('EXP000', 19), volume: null, limit: null }],
      ['SHOW EXPORTSTATUS EXP000 VOLUME A00003 LIMIT 10', 'SHOW_EXPORTSTATUS', { volser: nm('EXP000', 19), volume: nm('A00003', 33), limit: 10 }],
      ['SHOW POOL CL0 0', 'SHOW_POOL', { cluster: cl('CL0', 11), pool: 0 }],
      ['SHOW PVOL SA0008', 'SHOW_PVOL', { pvol: nm('SA0008', 11), on: null }],
      ['SHOW PVOL SA0008 ON DRLIB', 'SHOW_PVOL', { pvol: nm('SA0008', 11), on: nm('DRLIB', 21) }],
      ['SHOW RECOVERY DRLIB', 'SHOW_RECOVERY', { target: nm('DRLIB', 15) }],
      ['SHOW VOLUME A00001 ON DRLIB', 'SHOW_VOLUME', { volser: nm('A00001', 13), at: null, on: nm('DRLIB', 23) }],
    ]);
  });

  describe('STANDALONE: the recovery TS7700 (Redbook §11.7.1)', () => {
    accepts([
      ['STANDALONE DRLIB MODEL TAPE DRIVES 4', 'STANDALONE', { name: nm('DRLIB', 12), drives: 4, formats: null, code: null, keys: [], slots: null, partition: [] }],
      // §11.7.1: drives that read the source's format, its code level or later, the encryption keys, slots
      // for every exported volume, and another partition's VOLSERs that must not overlap
      [
        'STANDALONE DRLIB MODEL TAPE DRIVES 4 FORMATS E06,E07 CODE 8.50 KEYS KEYPROD,keydr SLOTS 5000 PARTITION A00005,B00000-B00099',
        'STANDALONE',
        { name: nm('DRLIB', 12), drives: 4, formats: ['E06', 'E07'], code: '8.50', keys: ['KEYPROD', 'KEYDR'], slots: 5000, partition: ['A00005', 'B00000-B00099'] },
      ],
    ]);
  });

  describe('TRANSPORT, SAVE/LOAD EXPORTSET, ERASE, RECOVER: the set offsite and back (Redbook §11.5.2, §11.7.2)', () => {
    accepts([
      ['TRANSPORT EXPORTED FROM CL0 TO DRLIB', 'TRANSPORT', { cluster: cl('CL0', 25), range: null, target: cl('DRLIB', 32) }],
      // §11.5.2: "return the empty physical volumes to the library I/O station" of the source
      ['TRANSPORT SA0001-SA0009 TO CL0', 'TRANSPORT', { cluster: null, range: { prefix: 'SA', first: 1, last: 9, width: 4, col: 11 }, target: cl('CL0', 28) }],
      ['TRANSPORT SA0008 TO DRLIB', 'TRANSPORT', { cluster: null, range: { prefix: 'SA', first: 8, last: 8, width: 4, col: 11 }, target: cl('DRLIB', 21) }],
      // file paths keep their case
      ['SAVE EXPORTSET FROM CL0 sets/Offsite.tzset', 'SAVE_EXPORTSET', { cluster: cl('CL0', 21), file: 'sets/Offsite.tzset', col: 25 }],
      ['LOAD EXPORTSET sets/Offsite.tzset INTO DRLIB', 'LOAD_EXPORTSET', { file: 'sets/Offsite.tzset', col: 16, target: nm('DRLIB', 40) }],
      // a grid file that happens to be called EXPORTSET still loads as one (spec §3 LOAD)
      ['LOAD EXPORTSET', 'LOAD', { file: 'EXPORTSET', col: 6 }],
      // §11.5.1: "an option is provided to erase any previous data on the TS7700"
      ['ERASE DRLIB', 'ERASE', { target: nm('DRLIB', 7) }],
      // spec §8: default TESTMODE ON — §11.7.2 step 7 "keep the Disaster Recovery Test Mode check box selected"
      ['RECOVER DRLIB FROM SA0008', 'RECOVER', { target: nm('DRLIB', 9), from: nm('SA0008', 20), testMode: true }],
      // §11.7.2 step 7: "one of the copy-exported volumes from the last set exported"
      ['RECOVER DRLIB FROM LATEST TESTMODE OFF', 'RECOVER', { target: nm('DRLIB', 9), from: null, testMode: false }],
      ['RECOVER DRLIB FROM latest TESTMODE ON', 'RECOVER', { target: nm('DRLIB', 9), from: null, testMode: true }],
    ]);
  });
});

describe('spec §2: every syntax error of a spec §8 line names its column', () => {
  describe('LIBRARY and LI REQ host console commands', () => {
    rejects([
      ['LIBRARY', '4:8: expected REQ or EXPORT after LIBRARY'],
      ['LIBRARY EJECT,SA0001', "4:9: host console command 'LIBRARY EJECT' is not available in this build"],
      ['LI REQ', '4:7: expected library name'],
      ['LI REQ,C/L,PDRIVE', "4:8: bad library name 'C/L'"],
      ['LI REQ,CL0', '4:11: expected a library request keyword'],
      ['LI REQ,CL0,STATUS', "4:12: library request 'STATUS' is not available in this build (DRSETUP, COPYEXP, PDRIVE, POOLCNT)"],
      ['LI REQ,CL0,COPYEXP', '4:19: expected a VOLSER'],
      ['LI REQ,CL0,COPYEXP,SA00001,DELETE', "4:20: bad VOLSER 'SA00001': 1-6 characters A-Z 0-9"],
      ['LI REQ,CL0,COPYEXP,SA0001', '4:26: expected DELETE or RECLAIM'],
      ['LI REQ,CL0,COPYEXP,SA0001,KEEP', "4:27: expected DELETE or RECLAIM, found 'KEEP'"],
      ['LI REQ,CL0,PDRIVE,ALL', "4:19: unexpected 'ALL'"],
      ['LIBRARY EXPORT', '4:15: expected a VOLSER'],
      ['LIBRARY EXPORT,EXP0000', "4:16: bad VOLSER 'EXP0000': 1-6 characters A-Z 0-9"],
      ['LIBRARY EXPORT,EXP000,STOP', "4:23: unexpected 'STOP'"],
    ]);
  });

  describe('POOL', () => {
    rejects([
      ['POOL', '4:5: expected a cluster (name or index)'],
      ['POOL CL0', '4:9: expected pool number'],
      ['POOL CL0 eight', "4:10: bad pool number 'eight': a whole number"],
      ['POOL CL0 33', '4:10: pool number 33 out of range 0-32'],
      ['POOL CL0 8 MEDIA', '4:17: expected a media type (JA, JB, JC, JD, JJ, JK, JL)'],
      ['POOL CL0 8 MEDIA 3592', "4:18: bad media '3592': one of JA, JB, JC, JD, JJ, JK, JL"],
      ['POOL CL0 8 FORMAT', '4:18: expected a recording format (J1A, E05, E06, E07, E08)'],
      ['POOL CL0 8 FORMAT TS1160', "4:19: bad format 'TS1160': one of J1A, E05, E06, E07, E08"],
      ['POOL CL0 8 RECLAIM 33', '4:20: reclaim pool 33 out of range 0-32'],
      ['POOL CL0 8 SCRATCH lots', "4:20: bad scratch stacked volume count 'lots': a whole number"],
      ['POOL CL0 8 ENCRYPT', '4:19: expected key label'],
      ['POOL CL0 8 ENCRYPT KEY/PROD', "4:20: bad key label 'KEY/PROD'"],
      ['POOL CL0 8 COMPRESS', "4:12: unexpected 'COMPRESS'"],
    ]);
  });

  describe('EXPORTLIST', () => {
    rejects([
      ['EXPORTLIST', '4:11: expected a VOLSER'],
      ['EXPORTLIST EXP_00 ON CL0 POOL 8', "4:12: bad VOLSER 'EXP_00': 1-6 characters A-Z 0-9"],
      ['EXPORTLIST EXP000 CL0 POOL 8', "4:19: expected ON, found 'CL0'"],
      ['EXPORTLIST EXP000 ON', '4:21: expected a cluster (name or index)'],
      ['EXPORTLIST EXP000 ON CL0 8', "4:26: expected POOL, found '8'"],
      // §11.5.1: the exported pool is a secondary pool defined for Copy Export, never pool 0 (common scratch)
      ['EXPORTLIST EXP000 ON CL0 POOL 0', '4:31: pool number 0 out of range 1-32'],
      ['EXPORTLIST EXP000 ON CL0 POOL 8 MC', '4:35: expected Management Class'],
      // §11.5: the set is "ejected immediately or placed into the export-hold category", not both
      ['EXPORTLIST EXP000 ON CL0 POOL 8 HOLD EJECT', '4:38: EJECT contradicts HOLD: the exported set is either ejected or held'],
      ['EXPORTLIST EXP000 ON CL0 POOL 8 EJECT NOW', "4:39: unexpected 'NOW'"],
    ]);
  });

  describe('SETTING, IOSTATION, EJECT, RECLAIM, PVOL, DRIVES … TYPE, RESTART', () => {
    rejects([
      ['SETTING CL0', '4:12: expected COPYEXPORTLIMIT'],
      ['SETTING CL0 LIMIT 10', "4:13: expected COPYEXPORTLIMIT, found 'LIMIT'"],
      ['SETTING CL0 COPYEXPORTLIMIT', '4:28: expected copy-exported volume limit'],
      ['SETTING CL0 COPYEXPORTLIMIT 0', '4:29: copy-exported volume limit 0 out of range 1-10000'],
      // §11.5.1: "a maximum of 10,000 volumes"
      ['SETTING CL0 COPYEXPORTLIMIT 10001', '4:29: copy-exported volume limit 10001 out of range 1-10000'],
      ['IOSTATION CL0', '4:14: expected EMPTY or FULL'],
      ['IOSTATION CL0 OPEN', "4:15: expected EMPTY or FULL, found 'OPEN'"],
      ['EJECT CL0', '4:10: expected EXPORTHOLD'],
      ['EJECT CL0 SA0001', "4:11: expected EXPORTHOLD, found 'SA0001'"],
      ['RECLAIM CL0 8', "4:13: expected POOL, found '8'"],
      ['RECLAIM CL0 POOL 33', '4:18: pool number 33 out of range 1-32'],
      ['RECLAIM CL0 POOL 8 THRESHOLD', '4:29: expected threshold percent'],
      ['RECLAIM CL0 POOL 8 THRESHOLD 101', '4:30: threshold percent 101 out of range 0-100'],
      ['PVOL SA-001 READONLY', "4:6: bad VOLSER 'SA-001': 1-6 characters A-Z 0-9"],
      ['PVOL SA0001', '4:12: expected UNAVAILABLE or READONLY or AVAILABLE'],
      ['PVOL SA0001 LOST', "4:13: expected UNAVAILABLE or READONLY or AVAILABLE, found 'LOST'"],
      ['DRIVES CL0 3', "4:12: expected AVAILABLE, found '3'"],
      ['DRIVES CL0 AVAILABLE 257', '4:22: drive count 257 out of range 0-256'],
      ['DRIVES CL0 AVAILABLE 3 TYPE', '4:28: expected a drive format (J1A, E05, E06, E07, E08)'],
      ['DRIVES CL0 AVAILABLE 3 TYPE LTO9', "4:29: bad drive format 'LTO9': one of J1A, E05, E06, E07, E08"],
      ['RESTART', '4:8: expected a cluster (name or index)'],
      ['RESTART CL0 NOW', "4:13: unexpected 'NOW'"],
    ]);
  });

  describe('STANDALONE', () => {
    rejects([
      ['STANDALONE', '4:11: expected stand-alone library name'],
      ['STANDALONE DR/LIB MODEL TAPE DRIVES 4', "4:12: bad stand-alone library name 'DR/LIB'"],
      // spec §8: "named like a cluster" — so a number would be read as a cluster index
      ['STANDALONE 7 MODEL TAPE DRIVES 4', "4:12: library name '7' would read as a cluster index"],
      ['STANDALONE DRLIB TAPE DRIVES 4', "4:18: expected MODEL, found 'TAPE'"],
      // §11.7.1: the recovery TS7700 reads physical volumes: it is tape-attached
      ['STANDALONE DRLIB MODEL DISK DRIVES 4', "4:24: expected TAPE, found 'DISK'"],
      ['STANDALONE DRLIB MODEL TAPE 4', "4:29: expected DRIVES, found '4'"],
      ['STANDALONE DRLIB MODEL TAPE DRIVES', '4:35: expected drive count'],
      ['STANDALONE DRLIB MODEL TAPE DRIVES 257', '4:36: drive count 257 out of range 0-256'],
      ['STANDALONE DRLIB MODEL TAPE DRIVES 4 FORMATS', '4:45: expected drive formats'],
      ['STANDALONE DRLIB MODEL TAPE DRIVES 4 FORMATS E06,,E07', '4:46: empty item in drive formats'],
      ['STANDALONE DRLIB MODEL TAPE DRIVES 4 FORMATS E06,3592', "4:50: bad format '3592': one of J1A, E05, E06, E07, E08"],
      // §11.7.1: "same or later code level as the source": a level that cannot be compared is refused
      ['STANDALONE DRLIB MODEL TAPE DRIVES 4 CODE', '4:42: expected a code level (8.50)'],
      ['STANDALONE DRLIB MODEL TAPE DRIVES 4 CODE R8', "4:43: bad code level 'R8': digits and dots (8.50)"],
      ['STANDALONE DRLIB MODEL TAPE DRIVES 4 KEYS', '4:42: expected key labels'],
      ['STANDALONE DRLIB MODEL TAPE DRIVES 4 KEYS KEYPROD,', '4:43: empty item in key labels'],
      // the same key labels POOL … ENCRYPT accepts, or no pool's key could ever match
      ['STANDALONE DRLIB MODEL TAPE DRIVES 4 KEYS KEYPROD,KEY*1', "4:51: bad key label 'KEY*1'"],
      ['STANDALONE DRLIB MODEL TAPE DRIVES 4 SLOTS 0', '4:44: slot count 0 out of range 1-1000000'],
      ['STANDALONE DRLIB MODEL TAPE DRIVES 4 PARTITION', '4:47: expected VOLSER ranges'],
      ['STANDALONE DRLIB MODEL TAPE DRIVES 4 PARTITION A00000-A00009,B00009-B00000', "4:62: range 'B00009-B00000' counts down"],
      ['STANDALONE DRLIB MODEL TAPE DRIVES 4 PARTITION A0000-A00009', "4:48: range ends 'A0000' and 'A00009' differ in length"],
      ['STANDALONE DRLIB MODEL TAPE DRIVES 4 PARTITION A00000-B00009', "4:48: range ends 'A00000' and 'B00009' must share a prefix"],
      ['STANDALONE DRLIB MODEL TAPE DRIVES 4 ENCRYPT', "4:38: unexpected 'ENCRYPT'"],
    ]);
  });

  describe('TRANSPORT, SAVE EXPORTSET, LOAD EXPORTSET, ERASE, RECOVER', () => {
    rejects([
      ['TRANSPORT', '4:10: expected a VOLSER range'],
      ['TRANSPORT EXPORTED', '4:19: expected FROM'],
      ['TRANSPORT EXPORTED FROM', '4:24: expected a cluster (name or index)'],
      ['TRANSPORT EXPORTED FROM CL0 DRLIB', "4:29: expected TO, found 'DRLIB'"],
      ['TRANSPORT EXPORTED FROM CL0 TO', '4:31: expected a stand-alone library'],
      ['TRANSPORT SA0009-SA0001 TO DRLIB', "4:11: range 'SA0009-SA0001' counts down"],
      ['TRANSPORT SA0001-SA0009 DRLIB', "4:25: expected TO, found 'DRLIB'"],
      ['TRANSPORT SA0001-SA0009 TO', '4:27: expected a stand-alone library or a cluster'],
      ['SAVE', '4:5: expected EXPORTSET'],
      ['SAVE GRID FROM CL0 x.tzset', "4:6: expected EXPORTSET, found 'GRID'"],
      ['SAVE EXPORTSET CL0 x.tzset', "4:16: expected FROM, found 'CL0'"],
      ['SAVE EXPORTSET FROM', '4:20: expected a cluster (name or index)'],
      ['SAVE EXPORTSET FROM CL0', '4:24: expected a file path'],
      ['SAVE EXPORTSET FROM CL0 a.tzset b.tzset', "4:33: unexpected 'b.tzset'"],
      ['LOAD EXPORTSET set.tzset', '4:25: expected INTO'],
      ['LOAD EXPORTSET set.tzset ONTO DRLIB', "4:26: expected INTO, found 'ONTO'"],
      ['LOAD EXPORTSET set.tzset INTO', '4:30: expected stand-alone library'],
      ['LOAD EXPORTSET set.tzset INTO DR/LIB', "4:31: bad stand-alone library 'DR/LIB'"],
      ['LOAD EXPORTSET set.tzset INTO DRLIB NOW', "4:37: unexpected 'NOW'"],
      ['ERASE', '4:6: expected stand-alone library'],
      ['ERASE DR:LIB', "4:7: bad stand-alone library 'DR:LIB'"],
      ['ERASE DRLIB ALL', "4:13: unexpected 'ALL'"],
      ['RECOVER', '4:8: expected stand-alone library'],
      ['RECOVER DRLIB', '4:14: expected FROM'],
      ['RECOVER DRLIB SA0008', "4:15: expected FROM, found 'SA0008'"],
      ['RECOVER DRLIB FROM', '4:19: expected a stacked volume VOLSER or LATEST'],
      ['RECOVER DRLIB FROM SA-008', "4:20: bad VOLSER 'SA-008': 1-6 characters A-Z 0-9"],
      ['RECOVER DRLIB FROM SA0008 TESTMODE', '4:35: expected ON or OFF'],
      ['RECOVER DRLIB FROM SA0008 TESTMODE YES', "4:36: expected ON or OFF, found 'YES'"],
      ['RECOVER DRLIB FROM SA0008 TEST', "4:27: unexpected 'TEST'"],
    ]);
  });

  describe('SHOW EXPORTSTATUS, POOL, PVOL, RECOVERY, VOLUME … ON', () => {
    rejects([
      ['SHOW EXPORTSTATUS', '4:18: expected a VOLSER'],
      ['SHOW EXPORTSTATUS EXP000 VOLUME', '4:32: expected a VOLSER'],
      ['SHOW EXPORTSTATUS EXP000 LIMIT -1', "4:32: bad record limit '-1': a whole number"],
      ['SHOW EXPORTSTATUS EXP000 LIMIT 10000001', '4:32: record limit 10000001 out of range 0-10000000'],
      ['SHOW POOL', '4:10: expected a cluster (name or index)'],
      ['SHOW POOL CL0', '4:14: expected pool number'],
      ['SHOW POOL CL0 33', '4:15: pool number 33 out of range 0-32'],
      ['SHOW PVOL', '4:10: expected a VOLSER'],
      ['SHOW PVOL SA0008 ON', '4:20: expected stand-alone library'],
      ['SHOW PVOL SA0008 AT 2026-01-01T00:00:00Z', "4:18: unexpected 'AT'"],
      ['SHOW RECOVERY', '4:14: expected stand-alone library'],
      ['SHOW RECOVERY DRLIB NOW', "4:21: unexpected 'NOW'"],
      ['SHOW VOLUME A00001 ON', '4:22: expected stand-alone library'],
    ]);
  });
});

// A tape-attached cluster with an I/O station, a disk-only one, and a stand-alone recovery library.
const BASE = [
  'GRID GRID01',
  'SITE PROD',
  'CLUSTER CL0 SITE PROD MODEL TAPE DRIVES 6 IOSTATION',
  'CLUSTER CL1 SITE PROD MODEL DISK',
  'MC MCLIST COPY RN',
  'STANDALONE DRLIB MODEL TAPE DRIVES 4 FORMATS E06',
].join('\n');

/** Errors of `lines` validated after BASE, numbered from the first of `lines` (line 7 of the file). */
function referenceErrors(lines: string, base = BASE): string[] {
  return new Session(null, 1).validate(`${base}\n${lines}`).errors.map((e) => `${e.line}:${e.col}: ${e.message}`);
}

describe('spec §8 references: stand-alone libraries beside the grid (tape-validate.ts)', () => {
  it('a whole Copy Export and recovery script validates, names resolved to clusters or the stand-alone library', () => {
    const script = [
      'POOL CL0 8 MEDIA JJ FORMAT E06 COPYEXPORT SCRATCH 20',
      'SETTING 0 COPYEXPORTLIMIT 2000',
      'EXPORTLIST EXP000 ON CL0 POOL 8 HOLD LMTDBPVL MC MCLIST',
      'LIBRARY EXPORT,EXP000',
      'LI REQ,CL0,PDRIVE',
      'LI REQ,CL0,POOLCNT',
      'EJECT CL0 EXPORTHOLD',
      'IOSTATION CL0 EMPTY',
      'SHOW EXPORTSTATUS EXP000',
      'SAVE EXPORTSET FROM CL0 offsite.tzset',
      'TRANSPORT EXPORTED FROM CL0 TO DRLIB',
      'ERASE DRLIB',
      'RECOVER DRLIB FROM LATEST',
      'SHOW RECOVERY DRLIB',
      // spec §8: a stand-alone library accepts INSERT, PRELOAD, POOL, DRIVES, RECLAIM, SHOW …
      'INSERT Z00000-Z00009 ON DRLIB',
      'PRELOAD Y00000-Y00009 ON DRLIB MC MCANY SIZE 1GB',
      'POOL DRLIB 1 FORMAT E06',
      'DRIVES DRLIB AVAILABLE 2 TYPE E06',
      'RECLAIM DRLIB POOL 1',
      'SHOW POOL DRLIB 1',
      'SHOW CLUSTER DRLIB',
      'SHOW PVOL SA0001 ON DRLIB',
      'SHOW VOLUME A00001 ON DRLIB',
      'LI REQ,DRLIB,PDRIVE',
      'TRANSPORT SA0001-SA0004 TO 0',
      'LI REQ,CL0,COPYEXP,SA0001,DELETE',
      'RESTART CL0',
    ];
    const validated = new Session(null, 1).validate(`${BASE}\n${script.join('\n')}`);
    expect(validated.errors).toEqual([]);
    const byLine = (n: number) => validated.commands.find((c) => c.line === 6 + n)!;
    // clusters resolve by name and by index (spec §1); a stand-alone library is marked, index -1
    expect(byLine(1).args).toMatchObject({ cluster: { ref: 'CL0', index: 0 } });
    expect(byLine(2).args).toMatchObject({ cluster: { ref: '0', index: 0 } });
    expect(byLine(11).args).toMatchObject({ cluster: { ref: 'CL0', index: 0 }, target: { ref: 'DRLIB', index: -1, standalone: 'DRLIB' } });
    for (const n of [15, 16, 17, 18, 19, 20, 21]) expect(byLine(n).args, script[n - 1]).toMatchObject({ cluster: { ref: 'DRLIB', index: -1, standalone: 'DRLIB' } });
    expect(byLine(25).args).toMatchObject({ target: { ref: '0', index: 0 } });
    expect(byLine(25).args).not.toHaveProperty('target.standalone');
  });

  const CASES: [line: string, error: string][] = [
    // clusters of the grid only: Copy Export runs on one TS7700 of the grid (Redbook §11.5.2)
    ['EXPORTLIST EXP000 ON CL2 POOL 8', "7:22: unknown cluster 'CL2' (clusters: CL0, CL1)"],
    ['EXPORTLIST EXP000 ON DRLIB POOL 8', '7:22: DRLIB is a stand-alone library, not a cluster of the grid'],
    ['EXPORTLIST EXP000 ON CL0 POOL 8 MC MCNONE', "7:36: unknown Management Class 'MCNONE'"],
    ['SETTING CL5 COPYEXPORTLIMIT 3000', "7:9: unknown cluster 'CL5' (clusters: CL0, CL1)"],
    ['SETTING DRLIB COPYEXPORTLIMIT 3000', '7:9: DRLIB is a stand-alone library, not a cluster of the grid'],
    ['RESTART 2', "7:9: unknown cluster '2' (clusters: CL0, CL1)"],
    ['RESTART DRLIB', '7:9: DRLIB is a stand-alone library, not a cluster of the grid'],
    ['IOSTATION CLX EMPTY', "7:11: unknown cluster 'CLX' (clusters: CL0, CL1)"],
    ['IOSTATION DRLIB EMPTY', '7:11: DRLIB is a stand-alone library, not a cluster of the grid'],
    ['EJECT CLX EXPORTHOLD', "7:7: unknown cluster 'CLX' (clusters: CL0, CL1)"],
    ['SAVE EXPORTSET FROM CL8 x.tzset', "7:21: unknown cluster 'CL8' (clusters: CL0, CL1)"],
    ['SAVE EXPORTSET FROM DRLIB x.tzset', '7:21: DRLIB is a stand-alone library, not a cluster of the grid'],
    ['TRANSPORT EXPORTED FROM CL7 TO DRLIB', "7:25: unknown cluster 'CL7' (clusters: CL0, CL1)"],
    ['TRANSPORT EXPORTED FROM DRLIB TO DRLIB', '7:25: DRLIB is a stand-alone library, not a cluster of the grid'],
    // a cluster or a stand-alone library (spec §8): an unknown name is listed against both
    ['POOL CL9 8', "7:6: unknown library 'CL9' (clusters and stand-alone libraries: CL0, CL1, DRLIB)"],
    ['RECLAIM NOLIB POOL 8', "7:9: unknown library 'NOLIB' (clusters and stand-alone libraries: CL0, CL1, DRLIB)"],
    ['SHOW POOL 7 1', "7:11: unknown library '7' (clusters and stand-alone libraries: CL0, CL1, DRLIB)"],
    ['TRANSPORT SA0001-SA0003 TO NOWHERE', "7:28: unknown library 'NOWHERE' (clusters and stand-alone libraries: CL0, CL1, DRLIB)"],
    // a distributed library: a cluster or a stand-alone library (Redbook §11.6.2 "against a distributed library")
    ['LI REQ,NOLIB,PDRIVE', "7:8: unknown library 'NOLIB' (distributed libraries: CL0, CL1, DRLIB)"],
    ['LI REQ,NOLIB,POOLCNT', "7:8: unknown library 'NOLIB' (distributed libraries: CL0, CL1, DRLIB)"],
    ['LI REQ,NOLIB,COPYEXP,SA0001,DELETE', "7:8: unknown library 'NOLIB' (distributed libraries: CL0, CL1, DRLIB)"],
    // stand-alone libraries only: recovery is "always to a stand-alone TS7700" (Redbook §11.5.2)
    ['TRANSPORT EXPORTED FROM CL0 TO CL1', "7:32: unknown stand-alone library 'CL1' (stand-alone libraries: DRLIB)"],
    ['LOAD EXPORTSET x.tzset INTO CL0', "7:29: unknown stand-alone library 'CL0' (stand-alone libraries: DRLIB)"],
    ['ERASE CL0', "7:7: unknown stand-alone library 'CL0' (stand-alone libraries: DRLIB)"],
    ['RECOVER NOLIB FROM LATEST', "7:9: unknown stand-alone library 'NOLIB' (stand-alone libraries: DRLIB)"],
    ['SHOW RECOVERY NOLIB', "7:15: unknown stand-alone library 'NOLIB' (stand-alone libraries: DRLIB)"],
    ['SHOW PVOL SA0001 ON CL0', "7:21: unknown stand-alone library 'CL0' (stand-alone libraries: DRLIB)"],
    ['SHOW VOLUME A00001 ON CL0', "7:23: unknown stand-alone library 'CL0'"],
    // §11.7.1: "The recovery TS7700 Virtualization Engine cannot be part of a grid configuration"
    ['STANDALONE DRLIB MODEL TAPE DRIVES 4', '7:12: stand-alone library DRLIB is already defined'],
    ['STANDALONE CL0 MODEL TAPE DRIVES 4', '7:12: CL0 is a cluster of the grid: a stand-alone library is not part of it'],
    ['STANDALONE GRID01 MODEL TAPE DRIVES 4', '7:12: GRID01 is the composite library of the grid: a stand-alone library needs a name of its own'],
    ['CLUSTER DRLIB SITE PROD MODEL TAPE', '7:9: DRLIB is a stand-alone library'],
  ];
  for (const [line, error] of CASES) it(line, () => expect(referenceErrors(line)).toEqual([error]));

  it('with no stand-alone library or no cluster yet, the message says what to define', () => {
    expect(referenceErrors('ERASE DRLIB', 'GRID G')).toEqual(["2:7: unknown stand-alone library 'DRLIB': define it with STANDALONE"]);
    expect(referenceErrors('LI REQ,CL0,PDRIVE', 'GRID G')).toEqual(["2:8: unknown library 'CL0' (distributed libraries: none)"]);
    expect(referenceErrors('POOL CL0 8', 'GRID G')).toEqual(["2:6: unknown cluster 'CL0': no cluster is defined yet"]);
    expect(referenceErrors('TRANSPORT SA0001 TO CL0', 'GRID G')).toEqual(["2:21: unknown cluster 'CL0': no cluster is defined yet"]);
  });

  it('GRID starts a new scope: stand-alone libraries defined before it are gone (spec §3)', () => {
    expect(referenceErrors('GRID NEW\nRECOVER DRLIB FROM LATEST')).toEqual(["8:9: unknown stand-alone library 'DRLIB': define it with STANDALONE"]);
  });

  it('the whole file is checked before anything runs: every bad line is reported at once (spec §2)', () => {
    const session = new Session(null, 1);
    const validated = session.validate(`${BASE}\nEXPORTLIST EXP000 ON DRLIB POOL 8\nPOOL CL0 33\nRECOVER CL0 FROM LATEST\nLIBRARY EXPORT,EXP000`);
    expect(validated.errors.map((e) => `${e.line}:${e.col}: ${e.message}`)).toEqual([
      '7:22: DRLIB is a stand-alone library, not a cluster of the grid',
      '8:10: pool number 33 out of range 0-32',
      "9:9: unknown stand-alone library 'CL0' (stand-alone libraries: DRLIB)",
    ]);
    expect(session.engine.state.clusters).toHaveLength(0);
  });
});
