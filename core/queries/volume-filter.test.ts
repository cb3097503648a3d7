// volumes.page filtering on the encoded volser column (core/model/volser.ts, base-37 codes): prefix
// and range searches agree with the plain string definition (spec §1: a range has one prefix and a
// numeric tail counting up), and paging a million-volume grid stays well under 20 ms a page.

import { beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../session.js';
import type { GridState } from '../world/state.js';
import { encodeVolser, parseVolserRange } from '../model/volser.js';
import { filterVolumes } from './volume-filter.js';
import { VolumePager } from './volume-pager.js';

function gridWith(volsers: string[]): GridState {
  const session = new Session(null, 1);
  const setup = session.validate(['GRID G', 'SITE P', 'CLUSTER C0 SITE P MODEL DISK', 'CLUSTER C1 SITE P MODEL DISK', 'MC M COPY RR'].join('\n'));
  for (const command of setup.commands) session.run(command);
  const state = session.engine.state;
  const store = state.volumes;
  store.reserve(volsers.length);
  for (const volser of volsers) {
    const v = store.add(encodeVolser(volser));
    store.cols.owner[v] = v % 2;
    store.cols.category[v] = v % 3 === 0 ? 0x0002 : 0x000f;
    store.cols.mc[v] = 0;
  }
  return state;
}

/** What the filters mean, in strings. */
function naive(volsers: string[], search: string): number[] {
  const text = search.toUpperCase();
  if (!text.includes('-')) return volsers.flatMap((s, i) => (s.startsWith(text) ? [i] : []));
  const range = parseVolserRange(text);
  if (typeof range === 'string') throw new Error(range);
  return volsers.flatMap((s, i) => {
    if (s.length !== range.prefix.length + range.width || !s.startsWith(range.prefix)) return [];
    const tail = s.slice(range.prefix.length);
    if (!/^\d+$/.test(tail) && range.width > 0) return [];
    const n = range.width === 0 ? 0 : Number(tail);
    return n >= range.first && n <= range.last ? [i] : [];
  });
}

describe('volser search on encoded codes', () => {
  // Awkward neighbours: letters after digits in the tail, shorter and longer volsers, all-numeric.
  const volsers = [
    ...Array.from({ length: 200 }, (_, i) => `A${String(i).padStart(5, '0')}`),
    'A0001A',
    'A0001Z',
    'A0000Z',
    'A00',
    'A0',
    'A',
    'AB',
    'AB0001',
    'B00001',
    'A9',
    'A99999',
    'Z99999',
    ...Array.from({ length: 50 }, (_, i) => String(i * 7).padStart(6, '0')),
    '0',
    '00',
    '12',
    '123',
    'X1Y2Z3',
  ];
  let state: GridState;
  beforeAll(() => {
    state = gridWith(volsers);
  });

  it.each(['A', 'A0', 'A0001', 'A0001A', 'AB', '0', '00', '12', 'X1Y', 'Q', 'a00'])('prefix %s matches what startsWith says', (search) => {
    expect(Array.from(filterVolumes(state, { search })!)).toEqual(naive(volsers, search));
  });

  it.each(['A00010-A00019', 'A00000-A00199', 'A00195-A00250', 'A0-A9', '000000-000070', '000007-000007', 'A9-A9', 'AB0000-AB0009'])('range %s matches its members only', (search) => {
    expect(Array.from(filterVolumes(state, { search })!)).toEqual(naive(volsers, search));
  });
});

describe('paging a million volumes', () => {
  const COUNT = 1_000_000;
  let state: GridState;
  beforeAll(() => {
    const letters = 'ABCDEFGHIJ';
    state = gridWith(Array.from({ length: COUNT }, (_, i) => `${letters[Math.floor(i / 100_000)]}${String(i % 100_000).padStart(5, '0')}`));
  });

  it('pages every filter in well under 20 ms once its list is cached', () => {
    const pager = new VolumePager();
    for (const query of [{}, { search: 'C' }, { search: 'E10000-E59999' }, { owner: 'C1', category: '000F' }, { consistency: 'consistent-everywhere' as const }]) {
      const first = pager.page(state, 1, query, 0, 500);
      expect(first.total).toBeGreaterThan(0);
      const started = performance.now();
      const pages = 200;
      for (let p = 0; p < pages; p++) pager.page(state, 1, query, ((p * 997) % Math.max(1, Math.floor(first.total / 500))) * 500, 500);
      const perPage = (performance.now() - started) / pages;
      expect(perPage, JSON.stringify(query)).toBeLessThan(20);
    }
  });

  it('counts what each filter keeps', () => {
    expect(filterVolumes(state, { search: 'C' })!.length).toBe(100_000);
    expect(filterVolumes(state, { search: 'E10000-E59999' })!.length).toBe(50_000);
    expect(filterVolumes(state, { owner: 'C1' })!.length).toBe(500_000);
    expect(filterVolumes(state, {})).toBeNull();
  });

  it('a new journal length invalidates the cached list', () => {
    const pager = new VolumePager();
    expect(pager.page(state, 1, { search: 'J99999' }, 0, 10).total).toBe(1);
    state.volumes.cols.code[state.volumes.count - 1] = encodeVolser('K00000');
    expect(pager.page(state, 1, { search: 'J99999' }, 0, 10).total).toBe(1); // cached
    expect(pager.page(state, 2, { search: 'J99999' }, 0, 10).total).toBe(0); // recomputed
    state.volumes.cols.code[state.volumes.count - 1] = encodeVolser('J99999');
  });
});
