// The lines the Policies view issues: each parses as the runbook command it stands for (spec §3, §12)
// and a form with a problem names its field instead of issuing a line the parser would refuse.

import { describe, expect, it } from 'vitest';
import { parseLine, isLineError } from '../../../core/runbook/parser';
import { categoryLine, devsupLine, durationText, mcLine, poolLine } from './lines';

function parses(built: ReturnType<typeof mcLine>) {
  if (!('line' in built)) throw new Error(`${built.field}: ${built.problem}`);
  const parsed = parseLine(built.line, 1);
  if (parsed === null || isLineError(parsed)) throw new Error(`${built.line}: ${JSON.stringify(parsed)}`);
  return parsed;
}

describe('Policies view lines', () => {
  it('MC: copy modes per cluster, secondary pool and preference group become one MC line', () => {
    const cmd = parses(mcLine({ name: 'mcexp', modes: ['R', 'R', 'D'], secondaryPool: '8', preference: 'PG0' }));
    expect(cmd).toMatchObject({ name: 'MC', text: 'MC MCEXP COPY RRD SECONDARY 8 PG0', args: { modes: 'RRD', secondaryPool: 8, preference: 'PG0' } });
    expect(mcLine({ name: 'A', modes: ['D', 'N'], secondaryPool: '', preference: 'PG1' })).toEqual({ line: 'MC A COPY DN PG1' });
  });

  it('MC: Synchronous needs exactly two S clusters (spec §3); bad pool and name are named by field', () => {
    expect(mcLine({ name: 'X', modes: ['S', 'D', 'D'], secondaryPool: '', preference: 'PG1' })).toMatchObject({ field: 'Copy modes' });
    expect(parses(mcLine({ name: 'X', modes: ['S', 'S', 'D'], secondaryPool: '', preference: 'PG1' }))).toMatchObject({ args: { modes: 'SSD' } });
    expect(mcLine({ name: 'X', modes: ['D'], secondaryPool: '40', preference: 'PG1' })).toMatchObject({ field: 'Secondary pool' });
    expect(mcLine({ name: 'bad name', modes: ['D'], secondaryPool: '', preference: 'PG1' })).toMatchObject({ field: 'Name' });
  });

  it('POOL: media, format, Copy Export and reclaim pool; a Copy Export pool reclaims into itself (Redbook §11.5.1)', () => {
    const cmd = parses(poolLine({ cluster: 'CL2', pool: '8', media: 'JC', format: 'E07', copyExport: true, reclaimPool: '8' }));
    expect(cmd).toMatchObject({ name: 'POOL', text: 'POOL CL2 8 MEDIA JC FORMAT E07 COPYEXPORT RECLAIM 8', args: { pool: 8, copyExport: true, reclaimPool: 8 } });
    expect(poolLine({ cluster: 'CL2', pool: '8', media: '', format: '', copyExport: true, reclaimPool: '9' })).toMatchObject({ field: 'Reclaim pool' });
    expect(poolLine({ cluster: 'CL2', pool: '0', media: '', format: '', copyExport: true, reclaimPool: '' })).toMatchObject({ field: 'Copy Export' });
    expect(poolLine({ cluster: '', pool: '1', media: '', format: '', copyExport: false, reclaimPool: '' })).toMatchObject({ field: 'Cluster' });
  });

  it('CATEGORY: scratch with Expire Hold, private without; FF00 is the insert category (spec §1)', () => {
    expect(parses(categoryLine({ category: '00a2', scratch: true, expireHold: '2d' }))).toMatchObject({
      text: 'CATEGORY 00A2 SCRATCH EXPIREHOLD 2d',
      args: { category: 0xa2, scratch: true, expireHold: 2 * 86_400_000 },
    });
    expect(parses(categoryLine({ category: '0010', scratch: false, expireHold: '' }))).toMatchObject({ text: 'CATEGORY 0010 PRIVATE', args: { scratch: false } });
    expect(categoryLine({ category: 'FF00', scratch: true, expireHold: '' })).toMatchObject({ field: 'Category' });
    expect(categoryLine({ category: '0002', scratch: true, expireHold: 'soon' })).toMatchObject({ field: 'Expire Hold' });
  });

  it('DEVSUP: the three host categories (spec §12)', () => {
    expect(parses(devsupLine({ host: 'DRHOST', scratch: '0012', private: '001f', error: '001E' }))).toMatchObject({
      text: 'DEVSUP DRHOST SCRATCH 0012 PRIVATE 001F ERROR 001E',
      args: { scratch: 0x12, private: 0x1f, error: 0x1e },
    });
    expect(devsupLine({ host: 'H', scratch: '12', private: '000F', error: '000E' })).toMatchObject({ field: 'Scratch' });
  });

  it('durations read back in the largest exact unit', () => {
    expect([durationText(0), durationText(172_800), durationText(5_400), durationText(90)]).toEqual(['', '2d', '90m', '90s']);
  });
});
