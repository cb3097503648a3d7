// The source documents the product implements, by the titles readers know them by. Code and tests
// cite them by number; the UI never shows our file numbers (issue 14).

export const SOURCE_TITLES = {
  flashCopyDr: 'Flash copy for disaster recovery (DR) testing',
  continuousReplication: 'Continuous data replication',
  copyVersions: 'Managing multiple copy versions',
  remoteCopySeeding: 'Fast and economical establishment of remote copy',
  redbookDr: 'IBM TS7700 Redbook, chapter 11 "Disaster recovery"',
} as const;

/** `Flash copy for disaster recovery (DR) testing, claims 1 and 4` */
export function cite(source: keyof typeof SOURCE_TITLES, where?: string): string {
  return where ? `${SOURCE_TITLES[source]}, ${where}` : SOURCE_TITLES[source];
}
