// Keeps the Host DASD bench figures working: journalAppend and imageAccess1M at small scale, through
// the real Session path, each a number with its unit and target.

import { describe, expect, it } from 'vitest';
import { imageAccess, journalAppend } from './dasd-figures.js';

describe('Host DASD figures at small scale', () => {
  it('appends 20,000 journal transactions and accesses the image 20,000 transactions back', () => {
    const { figures, session } = journalAppend(20_000);
    expect(figures.journalAppend).toMatchObject({ unit: 'tx/s', target: '>= 1000000 tx/s' });
    expect(figures.journalAppend!.detail).toMatchObject({ transactions: 20_000, released: 0 });
    expect(figures.journalAppend!.value).toBeGreaterThan(0);
    const access = imageAccess(session);
    expect(access.imageAccess1M).toMatchObject({ unit: 'ms', target: '<= 500 ms', detail: { transactionsBack: 20_000 } });
    expect(typeof access.imageAccess1M!.value).toBe('number');
    // issue 16 item 2: both against the machine's own limit, measured in the same run
    expect(figures.journalAppend).toMatchObject({ ratioTarget: '<= 2' });
    expect(figures.journalAppend!.baseline).toBeGreaterThan(0);
    expect(access.imageAccess1M!.baseline).toBeGreaterThanOrEqual(0);
  });
});
