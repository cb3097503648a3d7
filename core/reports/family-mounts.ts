// The DR Families card's "DR mounts": the volume mounts DR-role hosts made during the family's last
// test (from its last FLASH ENABLE to the FLASH DISABLE that ended it, or now), counted by the same
// function as the report's DR mounts (dr-mount-rows.ts), so the card and the report agree.

import type { GridState } from '../world/state.js';
import { drHostsOf, drMountRows, tallyMounts } from './dr-mount-rows.js';
import type { JournalSource } from './evidence-digest.js';

/** How far back the card looks: a console journal holds far more, but a test's lines are recent. */
const LOOKBACK = 20_000;

export function familyDrMounts(state: GridState, journal: JournalSource, family: string) {
  const last = journal.lastSeq();
  const rows = journal.rows(Math.max(1, last - LOOKBACK + 1), last);
  const flash = (verb: string) => new RegExp(`DRSETUP\\s*,\\s*${family.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*,\\s*FLASH\\s*,\\s*${verb}\\b`, 'i');
  let start: number | null = null;
  let end = Infinity;
  for (const row of rows) {
    if (!row.ok) continue;
    if (flash('ENABLE').test(row.text)) {
      start = row.startedAt;
      end = Infinity;
    } else if (start !== null && flash('DISABLE').test(row.text)) end = row.startedAt;
  }
  if (start === null) return { since: null, until: null, volumeMounts: 0, succeeded: 0, failed: 0, lines: 0 };
  const t = tallyMounts(drMountRows(rows, drHostsOf(state), start, end));
  return {
    since: new Date(start).toISOString(),
    until: Number.isFinite(end) ? new Date(end).toISOString() : null,
    volumeMounts: t.volumeMounts,
    succeeded: t.succeeded,
    failed: t.failed,
    lines: t.rows.length,
  };
}
