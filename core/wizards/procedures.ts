// The four DR-test procedures of Redbook §11.10 and a FlashCopy DR-family test (seed 000), as wizards.

import type { GridState } from '../world/state.js';
import { hex4 } from '../model/grid.js';
import { checkCategoriesUnused, checkDrMc, checkExcluded, checkNoWriteTakeover, checkScratchRisk, clusterIndex } from './checks.js';
import { dasdImageStep, dasdReleaseStep, timeZeroBookmarkLines } from './dasd-image.js';
import { checkDrHostDevices, checkFlashCapable, checkProductionOffProtected, checkReturnToScratch } from './preflight.js';
import type { Finding, Wizard, WizardParams, WizardStep } from './types.js';

function defaults(state: GridState): WizardParams {
  const prodHost = state.hosts.find((h) => h.role === 'PRODUCTION');
  const drHost = state.hosts.find((h) => h.role === 'DR');
  const drClusterIndex = drHost ? Number(Object.keys(drHost.devices)[0] ?? state.clusters.length - 1) : state.clusters.length - 1;
  const drCluster = state.clusters[drClusterIndex]?.name ?? 'CL1';
  const production = state.clusters.filter((c) => c.index !== drClusterIndex && prodHost?.devices[c.index]).map((c) => c.name);
  return {
    production: production.length > 0 ? production : state.clusters.filter((c) => c.name !== drCluster).map((c) => c.name),
    drCluster,
    productionHost: prodHost?.name ?? 'PRODHOST',
    drHost: drHost?.name ?? 'DRHOST',
    drScratch: ['0031', '0032'],
    drError: '003E',
    drPrivate: '003F',
    drRange: 'TST000-TST999',
    drMc: 'MCDRTEST',
    family: 'DRFAM',
    familyClusters: [drCluster],
    testWrites: 10,
    testReads: undefined,
  };
}

/** Copy modes for the DR Management Class: a copy on the DR cluster only (No Copy elsewhere). */
function drModes(p: WizardParams, state: GridState): string {
  const dr = clusterIndex(state, p.drCluster);
  return state.clusters.map((c) => (c.index === dr ? 'R' : 'N')).join('');
}

// How long each step's real counterpart takes is an estimate of operator and host work (the Redbook
// gives no figures): console and MI actions minutes, an IPL of the DR system two hours.
const manual = (id: string, phase: WizardStep['phase'], title: string, why: string, takes = '10m'): WizardStep => ({ id, phase, title, why, kind: 'manual', lines: () => [], takes: () => takes });
const minutes = (m: number) => () => `${m}m`;

/** Volumes in a VOLSER range such as A00000-A00099 (same prefix, numeric tail). */
function rangeCount(range: string | undefined): number {
  const m = /^([A-Z0-9]*?)(\d+)-\1?(\d+)$/.exec(range ?? '');
  return m ? Math.max(0, Number(m[3]) - Number(m[2]) + 1) : 0;
}

/** Before anything is changed: the §11.10 procedures' refusals (preflight.ts). */
const procedurePreflight =
  (ignoresFastReady: boolean) =>
  (p: WizardParams, s: GridState): Finding[] => [...checkDrHostDevices(p, s, false, false), ...checkReturnToScratch(p, s, ignoresFastReady)];

const defineDrConstructs = (phaseNote: string): WizardStep[] => [
  {
    id: 'dr-categories',
    phase: 'before',
    title: 'Define the DR scratch, error and private categories',
    why: `${phaseNote}: the DR host writes only volumes in its own categories (Redbook §11.9.3, §11.10.1 step 4).`,
    kind: 'grid',
    lines: (p) => [`CATEGORY ${p.drScratch[0]} SCRATCH`, `CATEGORY ${p.drScratch[1]} SCRATCH`, `CATEGORY ${p.drError} PRIVATE`, `CATEGORY ${p.drPrivate} PRIVATE`],
    check: checkCategoriesUnused,
    takes: minutes(5),
  },
  {
    id: 'dr-mc',
    phase: 'before',
    title: 'Define the DR Management Class with No Copy toward production',
    why: 'Test data must not be copied to the production clusters, wasting space and bandwidth (Redbook §11.9.6, §11.10.2 step 6).',
    kind: 'grid',
    lines: (p, s) => [`MC ${p.drMc} COPY ${drModes(p, s)}`],
    takes: minutes(5),
    check: (p, s) => {
      const existing = s.mcs.find((m) => m.name === p.drMc);
      if (!existing || existing.modes.join('') === drModes(p, s)) return [];
      return [
        {
          level: 'error',
          message: `Management Class ${p.drMc} already exists with copy modes ${existing.modes.join('')}: the wizard will not redefine a class production may use; choose another name`,
        },
      ];
    },
  },
];

const devsupStep = (phase: WizardStep['phase'], source: string): WizardStep => ({
  id: 'devsup',
  phase,
  title: 'Point the DR host’s DEVSUPxx at the DR categories',
  why: `MEDIA1 = the DR scratch category, PRIVATE and ERROR = the DR ones, so the DR host's volumes stay in excluded categories (${source}).`,
  kind: 'grid',
  lines: (p) => [`DEVSUP ${p.drHost} SCRATCH ${p.drScratch[0]} PRIVATE ${p.drPrivate} ERROR ${p.drError}`],
  takes: minutes(10),
});

const insertDrRange: WizardStep = {
  id: 'insert-range',
  phase: 'before',
  title: 'Insert the DR VOLSER range on the DR cluster',
  why: 'Volumes inserted on the DR cluster are owned by it, so the test can write them without ownership takeover (Redbook §11.9.3, §11.10.1 step 10).',
  kind: 'grid',
  lines: (p) => [`INSERT ${p.drRange} ON ${p.drCluster} CATEGORY ${p.drScratch[0]}`],
  takes: minutes(5),
};

const runTestJobs: WizardStep = {
  id: 'test-jobs',
  phase: 'during',
  title: 'Run the DR test jobs',
  why: 'Read production volumes as they are at the DR site, then write new data to DR volumes (Redbook §11.9.3).',
  kind: 'grid',
  // A test job mounts, writes 800 MB and demounts in about 90 s; a read job's mount and read about 60 s
  // after any recall, which the engine times itself (Redbook §11.1). The reads come first: reaching the
  // production data is the recovery the test proves (its RTO), and the length of the test's own write
  // load must not count against it.
  lines: (p) => [
    ...(p.testReads ? [`JOB ${p.drHost} READ ${p.testReads} ON ${p.drCluster}`] : []),
    `JOB ${p.drHost} WRITE ${p.testWrites ?? 10} SCRATCH ON ${p.drCluster} MC ${p.drMc} CATEGORY ${p.drScratch[0]}${(p.testWrites ?? 10) > 0 ? ` OVER ${(p.testWrites ?? 10) * 90}s` : ''}`,
  ],
  check: (p, s) => [...checkDrMc(p, s), ...checkNoWriteTakeover(p, s), ...checkDrHostDevices(p, s, false, true)],
  takes: (p) => (rangeCount(p.testReads) > 0 ? `${rangeCount(p.testReads) * 60}s` : null),
};

const cleanUp = (extra: (p: WizardParams, s: GridState) => string[]): WizardStep => ({
  id: 'clean-up',
  phase: 'after',
  title: 'Return the test volumes to scratch and restore the grid',
  why: 'After the test the DR range is returned to scratch (or ejected) so it is ready for the next test; the DR settings are undone (Redbook §11.10.2 "Tasks after the DR test").',
  kind: 'grid',
  lines: (p, s) => [`RETURN ${p.drRange} TO SCRATCH CATEGORY ${p.drScratch[0]}`, ...extra(p, s), `VARY ${p.drHost} ${p.drCluster} OFFLINE`],
  takes: minutes(15),
});

const swp: Wizard = {
  id: 'swp-two-cluster',
  title: 'Two-cluster grid using Selective Write Protect',
  source: 'Redbook §11.10.1',
  summary: 'Write-protect the DR cluster except the DR categories; the DR host reads production volumes and writes its own.',
  defaults,
  steps: [
    {
      id: 'vary-offline',
      phase: 'before',
      title: 'Vary the DR cluster’s virtual drives offline',
      why: 'Offline to the production and DR hosts while the DR cluster is prepared; production keeps its own cluster (Redbook §11.10.1 step 1).',
      kind: 'grid',
      lines: (p, s) => s.hosts.filter((h) => h.devices[clusterIndex(s, p.drCluster)]?.online).map((h) => `VARY ${h.name} ${p.drCluster} OFFLINE`),
      check: (p, s) => {
        const host = s.hosts.find((h) => h.name === p.productionHost);
        const ok = host && p.production.some((n) => host.devices[clusterIndex(s, n)]?.online);
        // The wizard write-protects with IGNOREFASTREADY itself (next step): return-to-scratch cannot hurt.
        const preflight = procedurePreflight(true)(p, s);
        return ok ? preflight : [{ level: 'error', message: `${p.productionHost} has no production cluster online: production would stop` }, ...preflight];
      },
      takes: minutes(1),
    },
    {
      id: 'write-protect',
      phase: 'before',
      title: 'Enable Write Protect Mode, ignoring Fast Ready characteristics',
      why: 'Production volumes cannot be modified from the DR cluster; production-scratched volumes still mount as private, read-only (Redbook §11.10.1 steps 2-3, §11.4.1).',
      kind: 'grid',
      lines: (p) => [`WRITEPROTECT ${p.drCluster} ON IGNOREFASTREADY`],
      takes: minutes(2),
    },
    ...defineDrConstructs('Pick categories no host uses'),
    {
      id: 'exclude',
      phase: 'before',
      title: 'Exclude the DR categories from write protect',
      why: 'Only volumes in excluded categories can be written by the DR host (Redbook §11.10.1 step 5; at most 16).',
      kind: 'grid',
      lines: (p) => [`EXCLUDE ${p.drCluster} CATEGORY ${[...p.drScratch, p.drError, p.drPrivate].join(',')}`],
      takes: minutes(2),
    },
    manual('restore-dr', 'before', 'Restore the DR system on the DR host', 'Redbook §11.10.1 step 7.', '2h'),
    devsupStep('before', 'Redbook §11.10.1 step 8'),
    manual('tms-range', 'before', 'Define the DR VOLSER range to the tape management system', 'Redbook §11.10.1 step 9.'),
    insertDrRange,
    {
      id: 'vary-online',
      phase: 'before',
      title: 'Vary the DR cluster’s drives online to the DR host and start testing',
      why: 'Redbook §11.10.1 step 11.',
      kind: 'grid',
      startsTest: true,
      lines: (p) => [`VARY ${p.drHost} ${p.drCluster} ONLINE`],
      check: (p, s) => [...checkExcluded(p, s), ...checkDrMc(p, s), ...checkScratchRisk(p, s)],
      takes: minutes(1),
    },
    dasdImageStep('during', 'test-start', 'Redbook §11.10.1 step 11'),
    runTestJobs,
    dasdReleaseStep(),
    cleanUp((p) => [`WRITEPROTECT ${p.drCluster} OFF`]),
  ],
};

const linksUp = (id: string, title: string, source: string, threeCluster: boolean): Wizard => ({
  id,
  title,
  source,
  summary: 'Links stay up, production runs in parallel; protection comes from categories, the DR Management Class and the tape management system.',
  defaults,
  steps: [
    { ...manual('plan', 'before', 'Plan scratch categories, the DR VOLSER range and virtual addresses', `${source} "Tasks before the DR test" steps 1-4.`, '30m'), check: procedurePreflight(false) },
    manual('reject-anyuse', 'before', 'Production TMS: REJECT ANYUSE for the DR range', `Production must not use or accept the DR range (${source} step 3).`),
    {
      id: 'extra-scratch',
      phase: 'before',
      title: 'Insert additional production scratch volumes',
      why: `Production cartridges can return to scratch during the test without being rewritten (${source} step 5).`,
      kind: 'grid',
      lines: (p, s) => {
        const free = findFreePrefix(s, 'X');
        return p.production.slice(0, 1).map((owner) => `INSERT ${free}0000-${free}0999 ON ${owner}`);
      },
      check: checkScratchRisk,
      takes: minutes(5),
    },
    ...defineDrConstructs('Pick categories no host uses'),
    ...(threeCluster
      ? [
          {
            id: 'no-fast-ready',
            phase: 'before' as const,
            title: 'Give the production scratch category an expire hold for the test',
            why: 'Remove the Fast Ready effect of the production scratch category at the DR site for the duration of the test, so scratched production volumes are not presented empty (Redbook §11.10.4 step 7).',
            kind: 'grid' as const,
            lines: () => ['CATEGORY 0002 SCRATCH EXPIREHOLD 7d'],
            takes: minutes(2),
          },
        ]
      : []),
    // "Tasks during the DR test" begin "after starting the DR system": the test's point in time (§11.9.1).
    { ...devsupStep('during', `${source} "Tasks during the DR test" steps 1-2 (DEVSUPxx, DEVSERV QLIB,CATS)`), startsTest: true },
    manual('reject-output', 'during', 'DR TMS: REJECT OUTPUT for production volumes', `Only read activity against production cartridges (${source} step 3).`),
    manual('sms', 'during', 'DR host: SMS Management Class NOCOPY and ACS routine', `All DR writes go to the No Copy Management Class (${source} steps 5-7).`, '20m'),
    { ...insertDrRange, phase: 'during' },
    {
      id: 'vary-online',
      phase: 'during',
      title: 'Vary the DR cluster’s drives online to the DR host',
      why: 'The DR host works only through the DR cluster.',
      kind: 'grid',
      lines: (p) => [`VARY ${p.drHost} ${p.drCluster} ONLINE`],
      check: (p, s) => [...checkDrMc(p, s), ...checkNoWriteTakeover(p, s), ...checkScratchRisk(p, s)],
      takes: minutes(1),
    },
    manual('hsm', 'during', 'DFSMShsm: DELVOL MARKFULL for ML2 and HOLD RECYCLE', `${source} step 9.`),
    manual('no-hskp', 'during', 'Make sure housekeeping and short-on-scratch do not run at the DR site', `${source} step 10.`),
    dasdImageStep('during', 'test-start', `${source} "Tasks during the DR test"`),
    runTestJobs,
    dasdReleaseStep(),
    cleanUp(() => []),
  ],
});

const linksBroken: Wizard = {
  id: 'two-cluster-links-broken',
  title: 'Two-cluster grid not using Selective Write Protect, links broken',
  source: 'Redbook §11.10.3',
  summary: 'Break the grid links after inserting the DR range; the DR cluster reads production volumes under read-only ownership takeover.',
  defaults,
  steps: [
    // With the links broken production's return-to-scratch cannot reach the DR cluster (Redbook §11.9.2).
    {
      ...manual('plan', 'before', 'Plan scratch categories, the DR VOLSER range and virtual addresses', 'Redbook §11.10.3 "Tasks before the DR test" steps 1-3.', '30m'),
      check: procedurePreflight(true),
    },
    ...defineDrConstructs('Pick categories no host uses'),
    devsupStep('during', 'Redbook §11.10.3 "Tasks during the DR test" steps 1-2'),
    manual('dr-system', 'during', 'DR host: REJECT OUTPUT for production volumes, SMS NOCOPY and ACS routine', 'Redbook §11.10.3 "Tasks during the DR test" steps 3-6.', '30m'),
    { ...insertDrRange, phase: 'during', why: 'Insert before breaking the links: insertion fails once they are broken (Redbook §11.10.3 steps 7-8).' },
    {
      id: 'break-links',
      phase: 'during',
      title: 'Break the grid links between the clusters',
      why: 'Only data already copied to the DR cluster is seen; production scratch processing cannot reach it (Redbook §11.9.2, §11.10.3 step 8). Data written at production meanwhile waits for copy.',
      kind: 'grid',
      // With the links broken the DR cluster's tape stops changing: the test's point in time (Redbook §11.9.2).
      startsTest: true,
      lines: (p) => p.production.map((c) => `FAIL LINK ${c} ${p.drCluster}`),
    },
    // The DR cluster's tape stops changing when the links break: the DR host's DASD is rolled to that moment.
    dasdImageStep('during', 'test-start', 'Redbook §11.10.3 step 8'),
    {
      id: 'read-takeover',
      phase: 'during',
      title: 'Set read-only ownership takeover on the DR cluster',
      why: 'The DR cluster only needs to read production cartridges; write takeover would let it modify them (Redbook §11.10.3 step 10).',
      kind: 'grid',
      lines: (p) => p.production.map((c) => `TAKEOVER ${p.drCluster} FOR ${c} READ`),
      check: checkNoWriteTakeover,
      takes: minutes(2),
    },
    {
      id: 'vary-online',
      phase: 'during',
      title: 'Vary the DR cluster’s drives online to the DR host',
      why: 'Do not use logical drives at the DR site from production (Redbook §11.10.3).',
      kind: 'grid',
      lines: (p) => [`VARY ${p.drHost} ${p.drCluster} ONLINE`],
      check: (p, s) => [...checkDrMc(p, s), ...checkNoWriteTakeover(p, s)],
      takes: minutes(1),
    },
    runTestJobs,
    dasdReleaseStep(),
    cleanUp((p) => [...p.production.map((c) => `TAKEOVER ${p.drCluster} FOR ${c} NONE`), ...p.production.map((c) => `REPAIR LINK ${c} ${p.drCluster}`)]),
    {
      id: 'drain',
      phase: 'after',
      title: 'Let the copies of the links-broken window drain',
      why: 'When the links are restored the first task is to copy what was written meanwhile (Redbook §11.10.3).',
      kind: 'grid',
      lines: () => ['ADVANCE UNTIL IDLE'],
    },
  ],
};

const flash: Wizard = {
  id: 'flash-dr-family',
  title: 'FlashCopy for DR testing on a DR family',
  source: 'Flash copy for disaster recovery (DR) testing, claims 1-20; Redbook §11.4.1',
  summary: 'One shared time-zero for the DR family; the DR host sees every volume as it was then while production and replication go on.',
  defaults,
  usesFamily: true,
  steps: [
    {
      id: 'family',
      phase: 'before',
      title: 'Define the DR family',
      why: 'The DR family tells which clusters share the time-zero (claim 1, claim 4).',
      kind: 'grid',
      lines: (p, s) =>
        (p.familyClusters ?? [p.drCluster])
          .filter((c) => !s.families.find((f) => f.name === p.family)?.clusters.includes(clusterIndex(s, c)))
          .map((c) => `LI REQ,${s.name},DRSETUP,${p.family},ADD,${c}`),
      // Before anything changes: a test that cannot protect anything, reach anything or that would stop production is refused.
      check: (p, s) => [...checkFlashCapable(p, s), ...checkDrHostDevices(p, s, true, false), ...checkProductionOffProtected(p, s, true), ...checkReturnToScratch(p, s, false)],
      takes: minutes(2),
    },
    ...defineDrConstructs('The DR host writes in its own categories'),
    {
      id: 'exclude',
      phase: 'before',
      title: 'Exclude the DR categories from write protect on the family',
      why: 'Volumes in excluded categories stay writable and visible live to the DR host (spec §7).',
      kind: 'grid',
      lines: (p) => (p.familyClusters ?? [p.drCluster]).map((c) => `EXCLUDE ${c} CATEGORY ${[...p.drScratch, p.drError, p.drPrivate].join(',')}`),
      takes: minutes(2),
    },
    {
      id: 'wp-livecopy',
      phase: 'before',
      title: 'Enable family write protect and live-copy access',
      why: 'Write protect keeps production volumes read-only to the DR host; LIVECOPY FAMILY lets a live copy consistent at time-zero serve when no snapshot does (claim 1).',
      kind: 'grid',
      lines: (p, s) => [`LI REQ,${s.name},DRSETUP,${p.family},WP,ENABLE`, `LI REQ,${s.name},DRSETUP,${p.family},LIVECOPY,FAMILY`],
      takes: minutes(2),
    },
    // Without it the DR host's scratch mounts turn private in a protected category and its writes are refused.
    devsupStep('before', 'Redbook §11.10.1 step 8'),
    { ...insertDrRange, phase: 'before' },
    {
      id: 'time-zero',
      phase: 'during',
      title: 'Establish time-zero (FLASH ENABLE)',
      why: 'One point-in-time for the whole family, without stopping replication (claim 1, claim 5).',
      kind: 'grid',
      startsTest: true,
      // With DASD replication to the DR site, a bookmark on each source names the same instant in its journal.
      lines: (p, s) => [`LI REQ,${s.name},DRSETUP,${p.family},FLASH,ENABLE`, `SHOW READINESS ${p.family} ON ${p.drCluster}`, ...timeZeroBookmarkLines(p, s)],
      check: (p, s) => [...checkFlashCapable(p, s), ...checkProductionOffProtected(p, s, true), ...checkExcluded(p, s), ...checkDrMc(p, s), ...checkNoWriteTakeover(p, s)],
    },
    {
      id: 'vary-online',
      phase: 'during',
      title: 'Vary the DR cluster’s drives online to the DR host',
      why: 'The DR host mounts time-zero images through the family clusters.',
      kind: 'grid',
      lines: (p) => [`VARY ${p.drHost} ${p.drCluster} ONLINE`],
      takes: minutes(1),
    },
    dasdImageStep('during', 'time-zero', 'Flash copy for disaster recovery (DR) testing, claim 1'),
    runTestJobs,
    {
      id: 'flash-off',
      phase: 'after',
      title: 'End the test: disable FlashCopy and write protect',
      why: 'Disabling the flash releases the time-zero snapshot.',
      kind: 'grid',
      lines: (p, s) => [`SHOW DRFAMILY ${p.family}`, `LI REQ,${s.name},DRSETUP,${p.family},FLASH,DISABLE`, `LI REQ,${s.name},DRSETUP,${p.family},WP,DISABLE`],
      takes: minutes(1),
    },
    dasdReleaseStep(),
    cleanUp(() => []),
  ],
};

function findFreePrefix(state: GridState, start: string): string {
  const letters = 'XYZWVUQ';
  for (const l of start + letters) if (state.volumes.find(`${l}0000`) < 0) return l;
  return 'Q';
}

export const WIZARDS: Wizard[] = [
  swp,
  linksUp('two-cluster-links-up', 'Two-cluster grid not using Selective Write Protect, links up', 'Redbook §11.10.2', false),
  linksBroken,
  linksUp('three-cluster-links-up', 'Three-cluster grid not using Selective Write Protect', 'Redbook §11.10.4', true),
  flash,
];

export { hex4 };
