// Issue 11 item 6: a grid file can only ever become the runbook lines its fields stand for. Every
// string field is checked against a pattern; a line break or other control character cannot reach
// a generated runbook even past the field checks; LOAD nesting is bounded with the chain named.
import { describe, expect, it } from 'vitest';
import { Session } from '../session.js';
import { gridFileToRunbook } from './grid-file.js';
import { joinGeneratedLines } from '../runbook/generated-lines.js';
import { MAX_EXPANSION_DEPTH, validateText, scopeOf } from '../runbook/validate.js';
import { field } from './json-fields.js';

const full = () => ({
  format: 'timezero-grid',
  version: 1,
  grid: 'GRID01',
  sites: ['PROD', 'DR'],
  clusters: [
    { name: 'CL0', site: 'PROD', model: 'DISK', cache: '600TB', code: '8.5' },
    { name: 'CL1', site: 'DR', model: 'TAPE', drives: 8, ioStation: true },
  ],
  links: [{ a: 'CL0', b: 'CL1', count: 2, gbps: 10 }],
  hosts: [{ name: 'PRODHOST', site: 'PROD', role: 'PRODUCTION', devices: ['CL0', 'CL1'], offline: ['CL1'] }],
  managementClasses: [{ name: 'MCPROD', copy: 'RD', preference: 'PG1' }],
  categories: [{ category: '0002', type: 'SCRATCH', expireHold: '2d' }],
  aotm: [{ cluster: 'CL1', mode: 'WRITE', grace: '20m' }],
  volumes: [
    { range: 'A00000-A00009', on: 'CL0', kind: 'preload', mc: 'MCPROD', size: '800MB', category: '0002' },
    { range: 'S00000-S00009', on: 'CL0', kind: 'insert' },
  ],
});

/** every string field of a grid file (README "Grid files"), as a path into full() */
const STRING_FIELDS: (string | number)[][] = [
  ['grid'],
  ['sites', 0],
  ['clusters', 0, 'name'],
  ['clusters', 0, 'site'],
  ['clusters', 0, 'model'],
  ['clusters', 0, 'cache'],
  ['clusters', 0, 'code'],
  ['links', 0, 'a'],
  ['links', 0, 'b'],
  ['hosts', 0, 'name'],
  ['hosts', 0, 'site'],
  ['hosts', 0, 'role'],
  ['hosts', 0, 'devices', 0],
  ['hosts', 0, 'offline', 0],
  ['managementClasses', 0, 'name'],
  ['managementClasses', 0, 'copy'],
  ['managementClasses', 0, 'preference'],
  ['categories', 0, 'category'],
  ['categories', 0, 'type'],
  ['categories', 0, 'expireHold'],
  ['aotm', 0, 'cluster'],
  ['aotm', 0, 'mode'],
  ['aotm', 0, 'grace'],
  ['volumes', 0, 'range'],
  ['volumes', 0, 'on'],
  ['volumes', 0, 'kind'],
  ['volumes', 0, 'mc'],
  ['volumes', 0, 'size'],
  ['volumes', 0, 'category'],
];

function withField(path: (string | number)[], value: string): unknown {
  const file = full();
  let at: unknown = file;
  for (const key of path.slice(0, -1)) at = field(at, String(key));
  if (typeof at !== 'object' || at === null) throw new Error(`the example has no ${pathText(path)}`);
  Reflect.set(at, String(path.at(-1)), value);
  return file;
}

const pathText = (path: (string | number)[]) => path.reduce<string>((out, k) => (typeof k === 'number' ? `${out}[${k}]` : out ? `${out}.${k}` : k), '');

function sessionWith(files: Record<string, string>) {
  return new Session({
    readText: (p) => {
      const text = files[p];
      if (text === undefined) throw new Error('ENOENT');
      return text;
    },
  });
}

describe('grid file fields cannot add runbook lines (issue 11 item 6)', () => {
  it('the complete README example converts to exactly its own lines', () => {
    const text = gridFileToRunbook(JSON.stringify(full()));
    expect(typeof text).toBe('string');
    expect(typeof text === 'string' ? text.split('\n') : text).toHaveLength(13);
    expect(sessionWith({ 'g.json': JSON.stringify(full()) }).validate('LOAD g.json').errors).toEqual([]);
  });

  it('clusters[].code "1\\nFAIL SITE PROD" is refused at its field, and nothing runs', () => {
    const file = withField(['clusters', 0, 'code'], '1\nFAIL SITE PROD');
    const session = sessionWith({ 'g.json': JSON.stringify(file) });
    const { errors, commands } = session.validate('LOAD g.json');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 1, col: 6 });
    expect(errors[0]?.message).toMatch(/^g\.json: clusters\[0\]\.code: a code level/);
    expect(commands).toEqual([]);
  });

  it('clusters[].code "1\\nLOAD self.json" is refused at its field: no recursion, no RangeError', () => {
    const file = withField(['clusters', 0, 'code'], '1\nLOAD self.json');
    const session = sessionWith({ 'self.json': JSON.stringify(file) });
    const errors = session.validate('LOAD self.json').errors;
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/^self\.json: clusters\[0\]\.code: /)]);
  });

  const hostile = ['X\nFAIL SITE PROD', 'X\rFAIL SITE PROD', 'X\u2028FAIL', 'X\u001b]0;owned\u0007', 'X Y', 'X\tY', 'X#comment', '', 'X'.repeat(40)];
  for (const path of STRING_FIELDS) {
    it(`${pathText(path)}: line breaks, control characters, spaces, '#' and overlong values are refused at that field`, () => {
      for (const value of hostile) {
        const out = gridFileToRunbook(JSON.stringify(withField(path, value)));
        expect(typeof out, `${pathText(path)} = ${JSON.stringify(value)}`).toBe('object');
        expect(out).toMatchObject({ path: pathText(path) });
      }
    });
  }

  it('the guard where generated lines are joined refuses a control character even past the field checks', () => {
    expect(joinGeneratedLines(['GRID G', 'SITE A'])).toBe('GRID G\nSITE A');
    for (const bad of ['CLUSTER C SITE A MODEL DISK CODE 1\nFAIL SITE A', 'X\r', 'X\u0000', 'X\u0085', 'X\u2029', 'X\tY']) {
      const out = joinGeneratedLines(['GRID G', bad]);
      expect(out, JSON.stringify(bad)).toMatchObject({ index: 1, message: expect.stringMatching(/^generated line 2 holds control character \\(x|u)[0-9a-f]+ at column \d+/) });
    }
  });
});

describe('LOAD nesting is bounded (issue 11 item 6)', () => {
  const good = JSON.stringify({ format: 'timezero-grid', version: 1, grid: 'G', sites: ['A'], clusters: [{ name: 'CL0', site: 'A', model: 'DISK' }] });

  it(`text expanded from ${MAX_EXPANSION_DEPTH} nested files cannot LOAD another: the error names the chain`, () => {
    const session = sessionWith({ 'g.json': good });
    const chain = Array.from({ length: MAX_EXPANSION_DEPTH }, (_, i) => `level${i + 1}.json`);
    const { errors } = validateText('SITE X\nLOAD g.json', scopeOf(session.engine.state), session.files, chain);
    expect(errors).toEqual([{ line: 2, col: 6, message: `LOAD nested more than ${MAX_EXPANSION_DEPTH} deep (${[...chain, 'g.json'].join(' → ')}): refused` }]);
    // one level less is fine
    expect(validateText('LOAD g.json', scopeOf(session.engine.state), session.files, chain.slice(1)).errors).toEqual([]);
  });

  it('a file that LOADs itself is refused before it is read again, naming the way round', () => {
    let reads = 0;
    const session = new Session({
      readText: () => {
        reads++;
        return good;
      },
    });
    const { errors } = validateText('LOAD self.json', scopeOf(session.engine.state), session.files, ['top.json', 'self.json']);
    expect(errors[0]?.message).toBe('LOAD self.json loads itself again (top.json → self.json → self.json): refused');
    expect(reads).toBe(0);
  });

  it('an error deep inside nested expansions carries file:line:col of every level', () => {
    const session = sessionWith({ 'g.json': good });
    const errors = session.validate('GRID X\nSITE S\n  LOAD g.json\nFAIL CLUSTER CL7').errors;
    expect(errors).toEqual([{ line: 4, col: 14, message: "unknown cluster 'CL7' (clusters: CL0)" }]);
    const nested = session.validate('SAMPLE two-cluster-dr\nLOAD g.json').errors;
    expect(nested).toEqual([]);
  });
});
