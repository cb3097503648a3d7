// The README's Performance table comes from the bench's JSON (issue 16 item 5): the machine and date,
// each figure with what it measures, its value, its ratio to the same-run baseline, and a verdict the
// ratio decides where there is one.

import { describe, expect, it } from 'vitest';
import { BEGIN, END, performanceTable, replaceTable } from './readme-table.js';
import { formatTable, verdict } from './table.js';
import type { Figures } from './figures.js';

const figures: Figures = {
  preload4M8: { value: 2.4, unit: 's', target: '<= 3 s', baseline: 0.6, ratio: 4, ratioTarget: '<= 3' },
  checkpoint4M8: { value: 6.2, unit: 's', target: '<= 5 s', baseline: 5, ratio: 1.24, ratioTarget: '<= 1.5' },
  bytesPerVolume: { value: 150.2, unit: 'B', target: null, baseline: null, ratio: null },
};
const machine = { cpus: 2, model: 'AMD EPYC', memGB: 23.5, node: 'v20.20.2', loadavg: 3.1 };

describe('verdicts and the README table', () => {
  it('lets the ratio decide: a figure over its ratio target misses even within its absolute target', () => {
    expect(verdict(figures.preload4M8!)).toBe('MISSED');
    // a busy machine stretched the wall time past 5 s, but the same bytes took 5 s too: at the limit
    expect(verdict(figures.checkpoint4M8!)).toBe('ok (absolute target missed)');
    expect(verdict(figures.bytesPerVolume!)).toBe('');
    expect(formatTable(figures, machine)).toMatch(/preload4M8\s+2\.4 s\s+<= 3 s\s+4× of 0\.6 s\s+<= 3\s+MISSED/);
  });

  it('rewrites only the part between the markers, with machine, date and one row per figure', () => {
    const readme = `# T\n\n## Performance\n\nintro\n\n${BEGIN}\nold table\n${END}\n\n## Reliability\n`;
    const table = performanceTable(figures, machine, '2026-12-06');
    const out = replaceTable(readme, table);
    expect(out).toContain('intro');
    expect(out).toContain('## Reliability');
    expect(out).not.toContain('old table');
    expect(out).toContain('Taken on 2026-12-06 on 2 × AMD EPYC, 23.5 GB, Node 20.20.2, load average 3.1.');
    expect(out).toContain('| `preload4M8` | `PRELOAD` of 4,000,000 volumes on 8 clusters; baseline: the same columns filled by a plain loop | 2.4 s | 4× (of 0.6 s) | ≤ 3 s; ratio ≤ 3 | MISSED |');
    expect(out).toContain('| `bytesPerVolume` |');
    expect(() => replaceTable('# no markers', table)).toThrow(/no <!-- performance-table/);
  });

  it('states memory per volume, per cluster, and the largest grid in 2 GB and 8 GB (item 4)', () => {
    const memory: Figures = {
      bytesPerVolume: { value: 220.5, unit: 'B', target: null, detail: { fixedBytes: 77 } },
      bytesPerVolumePerCluster: { value: 17.9, unit: 'B', target: null },
      peakBytesPerVolume: { value: 371.5, unit: 'B', target: null },
      ceiling2GB: { value: 5_273_595, unit: 'volumes', target: '>= 4000000 volumes' },
      ceiling8GB: { value: 22_614_697, unit: 'volumes', target: null },
    };
    const table = performanceTable(memory, machine, '2026-12-06');
    expect(table).toContain('77 bytes per volume plus 17.9 bytes per volume for each cluster');
    expect(table).toContain('about 5.2 million volumes in 2 GB and 22.6 million in 8 GB');
  });
});
