// The hazards a DR test can meet (Redbook §11.9.5-§11.9.7, §11.10.3; seed 000), as findings of its
// report: production returning volumes to scratch during the test (with or without an expire hold to
// keep them readable), copies that reached the DR clusters only after time-zero (the time-zero image
// does not use them), and write ownership takeover of production, attempted or set.

import type { GridState } from '../world/state.js';
import { hex4 } from '../model/grid.js';
import { isoTime } from '../sim/time.js';
import type { WizardRun } from '../wizards/runner.js';
import type { Wizard } from '../wizards/types.js';
import type { JournalRow } from './evidence-digest.js';
import type { PointFacts } from './evidence-facts.js';
import type { EvidenceFinding } from './evidence-model.js';
import { formatCount } from './evidence-common.js';
import { clusterAt } from '../model/grid-lookup.js';

const EXAMPLES = 10;

export function hazardsOf(state: GridState, run: WizardRun, wizard: Wizard, rows: readonly JournalRow[], facts: PointFacts | null, start: number | null): EvidenceFinding[] {
  const p = run.params;
  const out: EvidenceFinding[] = [];
  const drCats = new Set([...p.drScratch, p.drError, p.drPrivate].map((h) => parseInt(h, 16)));
  // Return-to-scratch during the test: volumes that existed at the point and became scratch after it.
  if (start !== null && facts) {
    const cols = state.volumes.cols;
    const n = Math.min(facts.volumesAtPoint, state.volumes.count);
    const byCat = new Map<number, { n: number; examples: string[] }>();
    for (let v = 0; v < n; v++) {
      const cat = cols.category[v]!;
      if (cols.categoryChangedAt[v]! <= start || drCats.has(cat) || !state.categories[cat]?.scratch) continue;
      const t = byCat.get(cat) ?? { n: 0, examples: [] };
      t.n++;
      if (t.examples.length < EXAMPLES) t.examples.push(state.volumes.volser(v));
      byCat.set(cat, t);
    }
    for (const [cat, t] of byCat) {
      const hold = state.categories[cat]?.expireHoldMs ?? 0;
      out.push({
        hazard: 'Return to scratch during the test',
        severity: hold > 0 ? 'info' : 'warning',
        detail:
          `${formatCount(t.n)} volume(s) that existed at ${facts.pointLabel.toLowerCase()} were returned to scratch category ${hex4(cat)} during the test (${t.examples.join(', ')}${t.n > t.examples.length ? ', …' : ''}). ` +
          (hold > 0
            ? `Its expire hold of ${Math.round(hold / 3_600_000)} h keeps them from reuse while the test reads them (Redbook §11.9.7).`
            : 'The category has no expire hold: they can be reused or mounted empty while the test needs them (Redbook §11.9.7).'),
      });
    }
  }
  // Copies that arrived after time-zero (seed 000: the image uses only what was consistent at time-zero).
  if (facts?.copiesAfterPoint) {
    out.push({
      hazard: 'Copies that arrived after time-zero',
      severity: 'info',
      detail: `${formatCount(facts.copiesAfterPoint)} volume(s) got their copy on a family cluster only after time-zero (${facts.copiesAfterExamples.slice(0, EXAMPLES).join(', ')}): the DR host mounts them as they were at time-zero, from another source or not at all.`,
    });
  }
  // Write ownership takeover of production: set in the window, or standing now (Redbook §11.10.3 step 10).
  const takeovers = rows.filter((r) => /^TAKEOVER\s+\S+\s+FOR\s+\S+\s+WRITE\b/i.test(r.text));
  const dr = state.clusters.findIndex((c) => c.name === p.drCluster);
  const standing = dr < 0 ? [] : p.production.filter((n) => clusterAt(state, dr).takeover[state.clusters.findIndex((c) => c.name === n)] === 'write');
  if (takeovers.length > 0 || standing.length > 0) {
    out.push({
      hazard: 'Write ownership takeover',
      severity: 'error',
      detail:
        [
          ...takeovers.map((r) => `${isoTime(r.startedAt)} “${r.text}” ${r.ok ? 'was set' : 'was attempted and refused'}`),
          ...(standing.length > 0 ? [`${p.drCluster} holds write takeover for ${standing.join(', ')}`] : []),
        ].join('; ') + ': the DR site could modify production volumes; a test uses read-only takeover (Redbook §11.10.3).',
    });
  }
  // Expire hold on production's scratch categories (Redbook §11.9.7; the three-cluster procedure sets one).
  const scratchCats = Object.values(state.categories).filter((c) => c.scratch && !drCats.has(c.hex));
  for (const c of scratchCats) {
    out.push({
      hazard: 'Expire hold',
      severity: 'info',
      detail:
        c.expireHoldMs > 0
          ? `scratch category ${hex4(c.hex)} holds returned volumes for ${Math.round(c.expireHoldMs / 3_600_000)} h before reuse.`
          : `scratch category ${hex4(c.hex)} has no expire hold.`,
    });
  }
  void wizard;
  return out;
}
