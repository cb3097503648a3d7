// Keeps the full-size grid's figures (issue 16) honest at small scale: the 8-cluster grid on 4 sites
// preloads through the real Session path, its week makes every copy its MCs ask for (spec §5: every
// Deferred copy completes once the grid is idle), a failed site's copies wait for its repair and are
// then made, and the heavy figures carry a baseline measured in the same run and their ratio to it.

import { describe, expect, it } from 'vitest';
import { checkpoint8, failover8, memory, preload8, week8 } from './grid8-figures.js';
import { dayCopies8, dayJobs8, GRID8, preloadLines8 } from './scenarios8.js';

describe('the 8-cluster grid at small scale', () => {
  it('is 8 clusters on 4 sites with MCs copying to 3, 5 and 7 other clusters', () => {
    const lines = GRID8.split('\n');
    expect(lines.filter((l) => l.startsWith('SITE '))).toHaveLength(4);
    expect(lines.filter((l) => l.startsWith('CLUSTER '))).toHaveLength(8);
    // spec §3: one letter per cluster; R on the writing cluster, D for each cluster a copy goes to
    const copiesOf = (mc: string) => [...lines.find((l) => l.startsWith(`MC ${mc} `))!.split(' ')[3]!].filter((m) => m === 'D').length;
    expect([copiesOf('C3'), copiesOf('C5'), copiesOf('C7')]).toEqual([3, 5, 7]);
    expect(dayCopies8(300)).toBe(100 * 3 + 100 * 5 + 100 * 7);
    expect(dayJobs8(300)).toHaveLength(3);
    expect(preloadLines8(250_000, 50_000).at(-1)).toMatch(/CATEGORY 0002$/);
  });

  it('preloads, checkpoints and restores; each heavy figure has a baseline and its ratio', () => {
    const { figures, session, baseRss, peakRss } = preload8(30_000, 20_000);
    expect(session.engine.state.volumes.count).toBe(30_000);
    expect(session.engine.state.clusters).toHaveLength(8);
    const preload = figures.preload4M8!;
    expect(preload.baseline).toBeGreaterThan(0);
    expect(preload.ratio).toBeCloseTo(preload.value! / preload.baseline!, 0);
    expect(preload.ratioTarget).toBe('<= 3');
    const cp = checkpoint8(session);
    expect(cp.figures.checkpoint4M8).toMatchObject({ unit: 's', ratioTarget: '<= 1.5' });
    expect(cp.figures.coldStart4M8).toMatchObject({ unit: 's', ratioTarget: '<= 2', detail: { volumes: 30_000 } });
    expect(cp.figures.checkpoint4M8!.baseline).toBeGreaterThan(0);
    const mem = memory(session, baseRss, Math.max(peakRss, cp.peakRss));
    // 8 clusters: a 4-byte copy level each, and 20 bytes of stacked-volume placement on each tape
    // cluster holding copies (CL1, CL3 under C3; CL5 too under C5 — this small grid has no C7 range)
    expect(mem.bytesPerVolumePerCluster!.value).toBeGreaterThanOrEqual(4 + (20 * 3) / 8);
    expect(mem.ceiling8GB!.value).toBeGreaterThan(mem.ceiling2GB!.value!);
  }, 60_000);

  it('a week makes every copy, and a failed site gets its copies after the repair', () => {
    const { session } = preload8(20_000, 15_000);
    const week = week8(session, 600, 2);
    expect(week.week8!.detail).toMatchObject({ writes: 1_200, failedWrites: 0, idle: true });
    expect(week.week8Copies!.value).toBe(2 * dayCopies8(600));
    expect(week.week8CopyRate!.value).toBeGreaterThan(0);
    const failover = failover8(session, 600).failover8!;
    // 300 writes under C5 before site B fails, 300 under C7 while it is down: CL2 and CL3's copies
    // of the second half wait for the repair, then every copy is made.
    expect(failover.detail).toMatchObject({ writes: 600, failedWrites: 0, expectedCopies: 300 * 5 + 300 * 7, copies: 300 * 5 + 300 * 7, leftInQueues: 0, idle: true });
    expect(failover.detail!.copiesQueuedAtRepair).toBeGreaterThanOrEqual(300 * 2);
  }, 60_000);
});
