// Sizes and times read the way a storage admin reads them (issue 14: "Active MB 1,066,192,896" should
// read in TB/PB; every time ISO UTC).

import { describe, expect, it } from 'vitest';
import { bytes, megabytes, showTime, utcTime } from './format';

describe('megabytes', () => {
  it('reads a petabyte-scale count of MB in PB', () => {
    expect(megabytes(1_066_192_896)).toBe('1.07 PB');
  });
  it('uses the largest decimal unit that stays at or above 1, three significant figures', () => {
    expect(megabytes(0)).toBe('0 MB');
    expect(megabytes(800)).toBe('800 MB');
    expect(megabytes(15_000)).toBe('15.0 GB');
    expect(megabytes(2_000_000)).toBe('2.00 TB');
    expect(megabytes(640_000_000)).toBe('640 TB');
  });
});

describe('times', () => {
  it('shows simulated times as ISO UTC, dropping zero milliseconds only', () => {
    expect(showTime('2026-01-01T06:19:48.000Z')).toBe('2026-01-01 06:19:48Z');
    expect(showTime('2026-01-01T06:19:48.277Z')).toBe('2026-01-01 06:19:48.277Z');
  });
  it('shows a wall-clock instant (a backup) as ISO UTC to the second, whatever the local zone', () => {
    expect(utcTime('2026-12-06T20:18:29.512Z')).toBe('2026-12-06 20:18:29Z');
    expect(utcTime(Date.UTC(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02 03:04:05Z');
  });
  it('keeps binary sizes for bytes', () => {
    expect(bytes(1536)).toBe('1.5 KiB');
  });
});
