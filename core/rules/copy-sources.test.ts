// Copy sources over 3- to 8-cluster grids (runbook spec §12: "the target cluster pulls a queued copy
// from any cluster that holds a consistent copy and is reachable over working links … A copy that was
// blocked starts as soon as any source becomes reachable (another cluster finishing its copy counts)").
// Over many generated grids with failed links: every cluster connected to the writer through some chain
// of working links ends with a consistent copy, without any repair; the others stay queued.

import { describe, expect, it } from 'vitest';
import { Rig } from '../runbook/testing.js';
import { Rng } from '../sim/rng.js';

function connectedTo(start: number, n: number, down: Set<string>): Set<number> {
  const seen = new Set([start]);
  const todo = [start];
  for (let a = todo.pop(); a !== undefined; a = todo.pop()) {
    for (let b = 0; b < n; b++) {
      if (seen.has(b) || down.has(`${Math.min(a, b)}-${Math.max(a, b)}`)) continue;
      seen.add(b);
      todo.push(b);
    }
  }
  return seen;
}

describe('copies flow through any consistent, reachable peer (spec §12; Redbook §11.1)', () => {
  const rng = new Rng(12);
  for (let trial = 0; trial < 36; trial++) {
    const n = 3 + (trial % 6); // 3 … 8 clusters
    const down = new Set<string>();
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (rng.next() < 0.55) down.add(`${a}-${b}`);
    const reached = connectedTo(0, n, down);
    it(`${n} clusters, links down: ${[...down].join(' ') || 'none'}`, () => {
      const lines = ['GRID G', 'SITE A'];
      for (let c = 0; c < n; c++) lines.push(`CLUSTER C${c} SITE A MODEL DISK`);
      lines.push('HOST H SITE A ROLE PRODUCTION DEVICES C0', `MC M COPY R${'D'.repeat(n - 1)}`, 'INSERT S00000-S00099 ON C0');
      for (const pair of down) {
        const [a, b] = pair.split('-');
        lines.push(`FAIL LINK C${a} C${b}`);
      }
      lines.push('JOB H WRITE 30 SCRATCH ON C0 MC M SIZE 2GB', 'ADVANCE 30d');
      const rig = new Rig(lines.join('\n'));
      for (const volser of ['S00000', 'S00029']) {
        const volume = rig.ok(`SHOW VOLUME ${volser}`);
        for (let c = 1; c < n; c++) expect([`C${c}`, volume.copies[`C${c}`].consistent]).toEqual([`C${c}`, reached.has(c)]);
      }
      for (let c = 1; c < n; c++) expect([`C${c}`, rig.ok(`SHOW QUEUE C${c}`).count]).toEqual([`C${c}`, reached.has(c) ? 0 : 30]);
    });
  }
});
