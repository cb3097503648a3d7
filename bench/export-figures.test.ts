// Keeps the export1M figure honest at small scale: it runs the real Session path and only reports a
// time when the export completed cleanly (CBR3855I) with every volume of the pool exported (§11.6.5).

import { describe, expect, it } from 'vitest';
import { exportPool } from './export-figures.js';

describe('export1M at small scale', () => {
  it('exports a pool of 5,000 volumes in one LIBRARY EXPORT and reports the wall time (Redbook §11.6.5)', () => {
    const f = exportPool(5_000).export1M!;
    expect(typeof f.value).toBe('number');
    expect(f.unit).toBe('s');
    expect(f.target).toBe('<= 5 s');
    expect(f.detail).toMatchObject({ volumes: 5_000, requested: 5_000, exported: 5_000, stackedVolumes: 2, mbExported: 5_000 * 1024 });
  });
});
