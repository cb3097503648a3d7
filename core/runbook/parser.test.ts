// Spec §1–6, §10: every command parses; every syntax error names its line and column.
import { describe, expect, it } from 'vitest';
import { isLineError, parseLine } from './parser.js';

const VALID = [
  'SEED 42',
  'CLOCK 2026-03-01T12:00:00Z',
  'GRID GRID01',
  'SAMPLE two-cluster-dr',
  'LOAD grids/prod.json',
  'SITE PROD',
  'CLUSTER CL0 SITE PROD MODEL DISK CACHE 100TB',
  'CLUSTER CL2 SITE DR MODEL TAPE DRIVES 12 IOSTATION CODE 8.50',
  'LINK CL0 CL1 COUNT 4 GBPS 1',
  'HOST PRODHOST SITE PROD ROLE PRODUCTION DEVICES CL0,CL1',
  'HOST DRHOST SITE DR ROLE DR DEVICES 2 PATHS 4',
  'VARY PRODHOST CL1 OFFLINE',
  'MC MCPROD COPY RRD SECONDARY 2',
  'MC MCSYNC COPY SSD PG0',
  'CATEGORY 0012 SCRATCH EXPIREHOLD 2d',
  'CATEGORY 000F PRIVATE',
  'INSERT S00000-S00099 ON CL0 CATEGORY 0012',
  'PRELOAD A00000-A99999 ON CL0 MC MCPROD SIZE 800MB',
  'MOUNT SCRATCH ON CL0 HOST PRODHOST MC MCPROD CATEGORY 0002',
  'MOUNT A00001 ON 1 HOST PRODHOST',
  'WRITE A00001 4GB',
  'READ A00001',
  'DEMOUNT A00001',
  'JOB PRODHOST WRITE 100 SCRATCH ON CL0 MC MCPROD SIZE 1GB CATEGORY 0002 OVER 1h',
  'JOB PRODHOST READ A00000-A00009 ON CL1',
  'RETURN A00000-A00009 TO SCRATCH CATEGORY 0002',
  'CHANGE A00001 CATEGORY 000F',
  'CHANGE A00001 MC MCPROD',
  'FAIL CLUSTER CL0',
  'FAIL LINK CL0 CL1 ONE',
  'FAIL LINK CL0 CL1 ALL',
  'FAIL HOSTLINK PRODHOST CL0',
  'FAIL SITE PROD',
  'FAIL TSSC CL1',
  'REPAIR LINK CL0 CL1',
  'SERVICE CL1 PREP',
  'TAKEOVER CL1 FOR CL0 WRITE',
  'AOTM CL1 ON MODE READ GRACE 25m',
  'ADVANCE 90m',
  'ADVANCE UNTIL IDLE',
  'WRITEPROTECT CL2 ON IGNOREFASTREADY',
  'EXCLUDE CL2 CATEGORY 0012,0013',
  'DRIVES CL2 AVAILABLE 3',
  'SHOW GRID',
  'SHOW GRID AT 2026-01-01T00:10:00Z',
  'SHOW CLUSTER CL0',
  'SHOW VOLUME A00001 AT 2026-01-01T00:10:00Z',
  'SHOW QUEUE CL2',
  'SHOW RESULT',
  'EXPECT result.copies.CL2.consistent = true',
  'EXPECT error.code = NO_SCRATCH',
  'EXPECT result.states contains "Grid Links Degraded"',
  'EXPECT result.count >= 3',
  'EXPECT MESSAGE CBR3786E',
  'EXPECT NO MESSAGE CALLHOME',
  'mount scratch on cl0 host prodhost   # keywords are case-insensitive',
  'DEVSUP DRHOST SCRATCH 0031 PRIVATE 003F ERROR 003E',
  'READ A00001 HOST DRHOST',
  'WRITE A00001 1GB HOST PRODHOST',
  'DEMOUNT A00001 HOST DRHOST',
  'LI REQ,GRID01,DRSETUP,DRFAM,ADD,CL2',
  'LIBRARY REQUEST,GRID01,DRSETUP,DRFAM,REMOVE,2',
  'LI REQ,GRID01,DRSETUP,DRFAM,WP,ENABLE',
  'LI REQ,GRID01,DRSETUP,DRFAM,FLASH,DISABLE',
  'LI REQ,GRID01,DRSETUP,DRFAM,LIVECOPY,FAMILY',
  'SHOW DRFAMILY DRFAM',
  'SHOW READINESS DRFAM ON CL2',
];

describe('runbook parser: every command of the spec parses', () => {
  for (const text of VALID) {
    it(text, () => {
      const parsed = parseLine(text, 1);
      expect(parsed).not.toBeNull();
      expect(isLineError(parsed), JSON.stringify(parsed)).toBe(false);
    });
  }

  it('blank lines and comments yield nothing (spec §1)', () => {
    expect(parseLine('', 1)).toBeNull();
    expect(parseLine('   # only a comment', 1)).toBeNull();
  });

  it('names are upper-cased and ranges count up inclusively (spec §1)', () => {
    const parsed = parseLine('insert s00000-s00099 on cl0', 3);
    expect(parsed).toMatchObject({ name: 'INSERT', line: 3, args: { range: { prefix: 'S', first: 0, last: 99, width: 5 }, cluster: { ref: 'CL0' } } });
  });

  it('EXPECT takes JSON literals and bare words (spec §10)', () => {
    expect(parseLine('EXPECT result.count = 3', 1)).toMatchObject({ args: { value: 3 } });
    expect(parseLine('EXPECT ok = true', 1)).toMatchObject({ args: { value: true } });
    expect(parseLine('EXPECT error.code = NO_SCRATCH', 1)).toMatchObject({ args: { value: 'NO_SCRATCH' } });
    expect(parseLine('EXPECT result.states = ["Grid Links Degraded"]', 1)).toMatchObject({ args: { value: ['Grid Links Degraded'] } });
  });
});

const ERRORS: [string, number, RegExp][] = [
  ['FLY CL0', 1, /unknown command 'FLY'/],
  ['CLUSTER CL0 SITE PROD MODEL FLASH', 29, /expected DISK or TAPE, found 'FLASH'/],
  ['CLUSTER CL0 SITE PROD', 22, /expected MODEL/],
  ['INSERT A0000001 ON CL0', 8, /bad VOLSER 'A0000001'/],
  ['INSERT A00010-A00001 ON CL0', 8, /counts down/],
  ['INSERT A00000-B00009 ON CL0', 8, /share a prefix/],
  ['INSERT A0000-A00009 ON CL0', 8, /differ in length/],
  ['PRELOAD A00000-A00009 ON CL0 MC M SIZE 12XB', 40, /bad size '12XB'/],
  ['ADVANCE 10 minutes', 9, /bad duration '10'/],
  ['ADVANCE 99999999D', 9, /longer than 100 years/],
  ['CATEGORY 12 SCRATCH', 10, /bad category '12': 4 hex digits/],
  ['CATEGORY FF00 SCRATCH', 10, /insert category/],
  ['MC M COPY RXD', 11, /bad copy modes 'RXD'/],
  ['MC M COPY SDD', 11, /exactly two/],
  ['MOUNT SCRATCH ON CL0', 21, /expected HOST/],
  ['SHOW GRID AT yesterday', 14, /bad time 'yesterday'/],
  ['EXPECT result.count ~ 3', 21, /bad operator '~'/],
  ['EXPECT result.x = {"a":', 19, /bad JSON value/],
  ['FAIL CLUSTER CL0 NOW', 18, /unexpected 'NOW'/],
  ['EXCLUDE CL0 CATEGORY 0001,0002,0003,0004,0005,0006,0007,0008,0009,000A,000B,000C,000D,0010,0011,0012,0013', 22, /at most 16/],
  ['JOB PRODHOST WRITE many SCRATCH ON CL0', 20, /bad job count 'many'/],
  ['TAKEOVER CL1 CL0 WRITE', 14, /expected FOR/],
  ['SEED -1', 6, /bad seed/],
  ['LI REQ,GRID01,DRSETUP,DRFAM,FLASH,ON', 35, /expected ENABLE or DISABLE, found 'ON'/],
  ['LI REQ,GRID01,DRSETUP,DRFAM,JUMP,CL2', 29, /expected ADD or REMOVE or WP or FLASH or LIVECOPY/],
  ['DEVSUP DRHOST', 14, /expected SCRATCH, PRIVATE or ERROR/],
];

describe('runbook parser: errors say what and where (spec §2)', () => {
  for (const [text, col, message] of ERRORS) {
    it(text, () => {
      const parsed = parseLine(text, 7);
      expect(isLineError(parsed)).toBe(true);
      expect(parsed).toMatchObject({ line: 7, col });
      expect((parsed as { message: string }).message).toMatch(message);
    });
  }
});

describe('IMPORT INVENTORY (issue 14 item 4)', () => {
  it('names an inventory kept with the grid; its rows are read at validation', () => {
    expect(parseLine('IMPORT INVENTORY inventory-0a1b2c3d.csv', 3)).toMatchObject({ name: 'IMPORT_INVENTORY', args: { file: 'inventory-0a1b2c3d.csv', col: 18, data: null } });
    expect(parseLine('IMPORT volumes.csv', 3)).toMatchObject({ line: 3, col: 8, message: expect.stringMatching(/expected INVENTORY/) });
  });
});
