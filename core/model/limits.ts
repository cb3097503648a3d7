// The modelled hardware's limits that runbook validation checks sizes and counts against (spec §12:
// "a logical volume at most 25,000 MB; a cache at most 10 PB; ranges at most 4,000,000 volumes"), so
// an absurd figure is a `file:line:col` error before anything runs, never a 999999999999999% cache.

/** The largest logical volume (25,000 MB, binary units as every size: spec §1). */
export const MAX_VOLUME_BYTES = 25_000 * 2 ** 20;
export const MAX_VOLUME_TEXT = '25,000 MB';
/** The largest disk cache of one cluster (10 PB). */
export const MAX_CACHE_BYTES = 10 * 2 ** 50;
export const MAX_CACHE_TEXT = '10 PB';
/** The most volumes one range may name. */
export const MAX_RANGE_VOLUMES = 4_000_000;
