// Copy Export Recovery (Redbook §11.7): ERASE empties a stand-alone library (§11.7.2 steps 2–4);
// RECOVER restores the database from a copy-exported stacked volume and the logical volumes whose
// copies are on the loaded cartridges (§11.7.2 steps 6–10), in DR test mode or for real (step 7).
// Both run as the Redbook's task list, step by step in simulated time; SHOW RECOVERY reports them as
// the MI's Copy Export Recovery Status window does, with the post-recovery checklist of §11.7.2–11.7.3.

import type { GridState } from '../../world/state.js';
import { refuse } from '../../world/refusal.js';
import { decodeVolser } from '../../model/volser.js';
import type { FiredEvent } from '../../world/events.js';
import { isoTime } from '../../sim/time.js';
import { DRIVE_MOUNT_MS } from '../cache.js';
import { canRead, FORMAT_BYTES_PER_MS } from '../../world/tape/media.js';
import { COMMON_SCRATCH_POOL, NO_PVOL, returnToScratch, scratchAvailable, type StackedVolume, pvolAt } from '../../world/tape/library.js';
import { dbBackupBytes } from '../copy-export/db-backup.js';
import { type DbBackup } from '../../world/tape/db-backup.js';
import { emptyVolumes, growVolumes, inPartition, isEmpty, refuseIfBusy } from './standalone.js';
import { type RecoveryJob, type RecoveryStep, type StandaloneLibrary } from '../../world/tape/standalone.js';
import { databaseAt } from '../physical/tape-state.js';

const STEP_MS = 30_000;
const LOST_SAMPLE_LIMIT = 100;

function compareCode(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function startJob(state: GridState, sa: StandaloneLibrary, kind: RecoveryJob['kind'], steps: RecoveryStep[], extra: Partial<RecoveryJob>): RecoveryJob {
  const job: RecoveryJob = {
    kind,
    status: 'in progress',
    steps,
    current: 0,
    initiated: state.now,
    stepStartedAt: state.now,
    ended: null,
    generation: (sa.job?.generation ?? 0) + 1,
    fromPvol: null,
    testMode: true,
    database: null,
    errors: [],
    ...extra,
  };
  sa.job = job;
  const [first] = steps;
  if (!first) throw new Error(`${sa.name}: a ${kind} job of no steps`);
  state.events.push(state.now + first.ms, { kind: 'sa-step', args: [sa.index, job.generation] });
  return job;
}

/** ERASE <standalone>: "Erase all existing volumes before the recovery" (§11.7.2 step 3–4). */
export function erase(state: GridState, sa: StandaloneLibrary) {
  refuseIfBusy(sa);
  const n = sa.volumes.count;
  const steps: RecoveryStep[] = [
    { text: 'Taking the TS7700 offline.', ms: STEP_MS, items: 0 },
    { text: 'The existing data in the TS7700 database is being removed.', ms: STEP_MS + Math.ceil(n * 0.01), items: n },
    { text: 'The existing data in the TS7700 cache is being removed.', ms: STEP_MS + Math.ceil(n * 0.01), items: n },
    { text: 'Cleanup (removal) of existing data.', ms: STEP_MS, items: 0 },
    { text: 'Requesting the TS7700 go online.', ms: STEP_MS, items: 0 },
    { text: 'Copy Export Recovery database cleanup is complete.', ms: 0, items: 0 },
  ];
  for (const step of steps) step.ms = Math.ceil(step.ms / 1000) * 1000;
  startJob(state, sa, 'ERASE', steps, {});
  return { library: sa.name, operation: 'ERASE', volumes: n, totalSteps: steps.length, status: 'in progress' };
}

/** The volume a RECOVER names, or the latest database backup among the loaded cartridges (LATEST). */
function recoveryVolume(state: GridState, sa: StandaloneLibrary, from: string | null): { pvol: StackedVolume; db: DbBackup } {
  const loaded = sa.physical.pvols.filter((p) => p.location === 'library' && p.state === 'copy-exported');
  if (loaded.length === 0) refuse('NO_EXPORTED_VOLUMES', `no copy-exported stacked volume is loaded in ${sa.name}`);
  if (from === null) {
    const withDb = loaded.flatMap((pvol) => (pvol.dbBackup === null ? [] : [{ pvol, db: databaseAt(state, pvol.dbBackup) }]));
    const [latest] = withDb.sort((a, b) => b.db.time - a.db.time || (a.pvol.volser < b.pvol.volser ? -1 : 1));
    if (!latest) refuse('NO_DB_BACKUP', `no loaded stacked volume in ${sa.name} holds a database backup`);
    return latest;
  }
  const pvol = loaded.find((p) => p.volser === from);
  if (!pvol) refuse('NOT_IN_LIBRARY', `${from} is not a copy-exported stacked volume loaded in ${sa.name}`);
  // Redbook §11.7.2 step 7 note: with LMTDBPVL only some exported volumes hold the backup.
  if (pvol.dbBackup === null) refuse('NO_DB_BACKUP', 'The database backup could not be found on the specified recovery volume');
  return { pvol, db: databaseAt(state, pvol.dbBackup) };
}

/** RECOVER <standalone> FROM <pvol>|LATEST [TESTMODE ON|OFF]: the prerequisites of §11.7.1, then the steps of §11.7.2. */
export function recover(state: GridState, sa: StandaloneLibrary, from: string | null, testMode: boolean) {
  refuseIfBusy(sa);
  // §11.7.2 step 2: "If the TS7740 determines that data or database entries exist in the cache, Copy
  // Export Recovery cannot be performed until the TS7740 is empty."
  if (!isEmpty(sa)) refuse('NOT_EMPTY', `${sa.name} contains data: erase it first (ERASE ${sa.name})`);
  const { pvol, db } = recoveryVolume(state, sa, from);
  // §11.7.1: "The code levels on the recovery TS7700 must be at the same or later code level as the source".
  if (compareCode(sa.code, db.sourceCode) < 0) refuse('CODE_LEVEL', `${sa.name} runs code ${sa.code}, older than the source ${db.sourceLibrary}'s ${db.sourceCode}`);
  if (sa.drivesAvailable < 1) refuse('NO_DRIVES', `${sa.name} has no physical drive available`);
  const set = sa.physical.pvols.filter((p) => p.location === 'library' && p.state === 'copy-exported' && p.source === db.sourceTag);
  // §11.7.1: drives able to read the source's format, and the encryption keys of encrypted volumes.
  const unreadable = set.filter((p) => !canRead(sa.formats, p.format)).map((p) => `${p.volser} (${p.format})`);
  if (unreadable.length > 0) refuse('DRIVE_FORMAT', `${sa.name}'s drives (${sa.formats.join(', ')}) cannot read ${unreadable.slice(0, 5).join(', ')}${unreadable.length > 5 ? ' …' : ''}`);
  const keyless = set.filter((p) => p.encryptKey !== null && !sa.keys.includes(p.encryptKey)).map((p) => `${p.volser} (key ${p.encryptKey})`);
  if (keyless.length > 0) refuse('ENCRYPTION_KEY', `${sa.name}'s key manager has no key for ${keyless.slice(0, 5).join(', ')}${keyless.length > 5 ? ' …' : ''}`);
  const n = db.volser.length;
  const inv = db.inventory;
  const dbMs = Math.ceil(dbBackupBytes(db) / FORMAT_BYTES_PER_MS[pvol.format]);
  const steps: RecoveryStep[] = [
    { text: 'The TS7700 is taken offline.', ms: STEP_MS, items: 0 },
    { text: `The requested recovery tape ${pvol.volser} is being mounted on device 000.`, ms: DRIVE_MOUNT_MS, items: 0 },
    { text: `The database backup is being retrieved from the specified recovery tape ${pvol.volser}.`, ms: dbMs, items: 0 },
    { text: 'The requested recovery tape is being demounted following the retrieval of the database backup.', ms: DRIVE_MOUNT_MS, items: 0 },
    { text: 'The database backup retrieved from tape is being restored on the TS7700.', ms: 2 * STEP_MS + Math.ceil(inv * 0.02), items: 0 },
    { text: 'The restored database is being updated for this hardware.', ms: STEP_MS, items: 0 },
    { text: 'The restored database volumes are being filtered to contain the set of logical volumes that were Copy Exported.', ms: 10_000 + Math.ceil(inv * 0.005), items: 0 },
    { text: 'Token ownership is being set to this cluster from the previous cluster.', ms: 10_000 + Math.ceil(n * 0.01), items: 0 },
    { text: 'The restored database is being reconciled with the contents of cache, XX of YY complete.', ms: 10_000 + Math.ceil(n * 0.02), items: n },
    { text: 'Logical volumes are being restored on the Library Manager, XX of YY complete.', ms: 10_000 + Math.ceil(n * 0.05), items: n },
    // The rest in the order and words of the Redbook's task list: its "is complete" and "from physical
    // volume" are two lines, and the list ends with "The process is in progress."
    { text: 'Copy Export Recovery is complete.', ms: 1000, items: 0 },
    { text: `Copy Export Recovery from physical volume ${pvol.volser}.`, ms: 1000, items: 0 },
    { text: 'The request is made for the TS7700 to go online.', ms: STEP_MS, items: 0 },
    { text: 'The recovered data is loaded into the active database.', ms: 10_000, items: 0 },
    { text: 'The process is in progress.', ms: 0, items: 0 },
  ];
  for (const step of steps) step.ms = Math.ceil(step.ms / 1000) * 1000;
  startJob(state, sa, 'RECOVER', steps, { fromPvol: pvol.volser, testMode, database: db.id });
  return {
    library: sa.name,
    operation: 'RECOVER',
    fromPvol: pvol.volser,
    testMode,
    database: { source: db.sourceLibrary, grid: db.sourceGrid, time: isoTime(db.time), exportListVolume: db.exportListVolser, volumes: n },
    loaded: set.length,
    totalSteps: steps.length,
    status: 'in progress',
  };
}

export function onSaStep(state: GridState, event: FiredEvent<'sa-step'>): void {
  const [index, generation] = event.args;
  const sa = state.tape.standalones[index];
  const job = sa?.job;
  if (!sa || !job || job.generation !== generation || job.status !== 'in progress') return;
  job.current++;
  job.stepStartedAt = state.now;
  const step = job.steps[job.current];
  if (step && job.current < job.steps.length - 1) {
    state.events.push(state.now + step.ms, { kind: 'sa-step', args: [index, generation] });
    return;
  }
  if (job.kind === 'ERASE') applyErase(sa);
  else applyRecovery(state, sa, job);
  job.status = 'completed';
  job.ended = state.now;
}

function applyErase(sa: StandaloneLibrary): void {
  sa.volumes = emptyVolumes();
  sa.mcs = [];
  sa.testMode = null;
  sa.recovery = null;
  const lib = sa.physical;
  // The library's own cartridges lose their data; copy-exported cartridges loaded from a source stay.
  for (const p of lib.pvols) if (p.source === null && p.state !== 'empty') returnToScratch(lib, p);
  for (const pool of lib.pools) {
    pool.filling = NO_PVOL;
    pool.exportFilling = NO_PVOL;
  }
  lib.reclaim = null;
  lib.erasing = [];
  lib.waiting = { volume: [], level: [] };
}

function applyRecovery(state: GridState, sa: StandaloneLibrary, job: RecoveryJob): void {
  const { database, fromPvol } = job;
  if (database === null || fromPvol === null) throw new Error(`${sa.name}: a recovery job without its database backup or stacked volume`);
  const db = databaseAt(state, database);
  const lib = sa.physical;
  // §11.7.1: scratch cartridges added before the recovery have "their inventory records ... erased".
  let scratchErased = 0;
  for (const pool of lib.pools) {
    scratchErased += pool.scratch;
    pool.scratch = 0;
  }
  scratchErased += lib.pvols.filter((p) => p.state === 'empty').length;
  lib.pvols = lib.pvols.filter((p) => p.state !== 'empty');
  lib.pvols.forEach((p, i) => (p.id = i));
  // §11.7.2 step 12: the constructs of the source come back with the database.
  sa.mcs = db.mcs.map((m) => ({ ...m, modes: [...m.modes] }));
  for (const def of db.pools) {
    let pool = lib.pools.find((p) => p.number === def.number);
    if (!pool) {
      pool = { ...def, scratch: 0, filling: NO_PVOL, exportFilling: NO_PVOL };
      lib.pools.push(pool);
    } else Object.assign(pool, def, { scratch: 0, filling: NO_PVOL, exportFilling: NO_PVOL });
  }
  lib.pools.sort((a, b) => a.number - b.number);
  // Cartridges of this source the database knows, by VOLSER.
  const byVolser = new Map<string, StackedVolume>();
  const ignored: { pvol: string; reason: string }[] = [];
  const known = new Set(db.pvols.map((p) => p.volser));
  for (const p of lib.pvols) {
    if (p.location !== 'library' || p.state !== 'copy-exported') continue;
    if (p.source !== db.sourceTag) ignored.push({ pvol: p.volser, reason: `from ${p.source}: copy-exported volumes of one source library only (§11.5.1)` });
    else if (!known.has(p.volser)) ignored.push({ pvol: p.volser, reason: `not in the database backup of ${isoTime(db.time)}: exported later than it` });
    else if (inPartition(sa, p.volser)) ignored.push({ pvol: p.volser, reason: 'VOLSER conflict with another partition' });
    else byVolser.set(p.volser, p);
  }
  const pvolFor = db.pvols.map((d) => byVolser.get(d.volser) ?? null);
  const pvolCodes = new Set(lib.pvols.map((p) => p.volser));
  const n = db.volser.length;
  const vols = growVolumes(sa, n);
  const lostSamples: { volser: string; reason: string }[] = [];
  const conflictVolsers: string[] = [];
  const missing = new Set<string>();
  let incomplete = 0;
  let missingCount = 0;
  let conflicts = 0;
  const used = new Set<number>();
  const cartridgeOf = (k: number): string => {
    const d = db.pvols[k];
    if (!d) throw new Error(`the database backup of ${isoTime(db.time)} names no stacked volume #${k}`);
    return d.volser;
  };
  for (let i = 0; i < n; i++) {
    const volser = decodeVolser(db.volser[i]!);
    const at = db.pvol[i]!;
    const p = pvolFor[at] ?? null;
    // §11.7.1: "If any conflicts are encountered during the recovery process, the VOLSERS that
    // conflict cannot be recovered".
    if (inPartition(sa, volser) || pvolCodes.has(volser)) {
      conflicts++;
      if (conflictVolsers.length < LOST_SAMPLE_LIMIT) conflictVolsers.push(volser);
      continue;
    }
    if (!p) {
      missingCount++;
      missing.add(cartridgeOf(at));
      if (lostSamples.length < LOST_SAMPLE_LIMIT) lostSamples.push({ volser, reason: `stacked volume ${cartridgeOf(at)} not loaded` });
      continue;
    }
    // §11.5.2: "one or more logical volumes will become inaccessible because they were modified on a
    // TS7700 other than the one that performed the Copy Export operation, and the copy did not complete".
    if (db.tapeLevel[i] !== db.level[i]) {
      incomplete++;
      if (lostSamples.length < LOST_SAMPLE_LIMIT) lostSamples.push({ volser, reason: `modified elsewhere (level ${db.level[i]}), exported copy is level ${db.tapeLevel[i]}` });
      continue;
    }
    const k = vols.count++;
    vols.volser[k] = db.volser[i]!;
    vols.level[k] = db.level[i]!;
    vols.sizeBytes[k] = db.sizeBytes[i]!;
    vols.category[k] = db.category[i]!;
    vols.mc[k] = db.mc[i]!;
    vols.pvol[k] = p.id;
    used.add(p.id);
  }
  // DR test mode keeps the cartridges Copy Exported so they cannot be reused (§11.7.2 step 7); a real
  // recovery takes them over as full volumes of their pools.
  for (const p of byVolser.values()) {
    p.lockedBy = -1;
    if (!job.testMode) {
      p.state = p.activeCount > 0 ? 'full' : 'empty';
      if (p.state === 'empty') p.pool = COMMON_SCRATCH_POOL;
    }
  }
  sa.testMode = job.testMode;
  sa.recovery = {
    fromPvol,
    database: db.id,
    sourceLibrary: db.sourceLibrary,
    sourceGrid: db.sourceGrid,
    databaseTime: db.time,
    testMode: job.testMode,
    inventory: db.inventory,
    inDatabase: n,
    recovered: vols.count,
    lostIncompleteCopy: incomplete,
    lostMissingStackedVolume: missingCount,
    conflicts,
    lostSamples,
    conflictVolsers,
    missingStackedVolumes: [...missing].sort(),
    ignoredStackedVolumes: ignored,
    scratchErased,
    encrypted: [...byVolser.values()].some((p) => p.encryptKey !== null),
    pools: [...new Set([...used].map((id) => pvolAt(lib, id).pool))].sort((a, b) => a - b),
  };
}

function checklist(sa: StandaloneLibrary) {
  const r = sa.recovery;
  if (!r) return [];
  const items: { step: string; source: string; status: 'todo' | 'done' | 'warning' | 'info' }[] = [];
  const lib = sa.physical;
  for (const pool of r.pools) {
    const scratch = scratchAvailable(lib, pool);
    items.push({
      step: `Add scratch physical volumes to pool ${pool}: two are needed per active pool, it can use ${scratch} (copy-exported volumes now empty do not count)`,
      source: '§11.7.1, §11.7.2 step 11',
      status: scratch >= 2 ? 'done' : 'todo',
    });
  }
  if (r.scratchErased > 0) items.push({ step: `${r.scratchErased} scratch cartridge record(s) added before the recovery were erased by it: add them again`, source: '§11.7.1', status: 'warning' });
  items.push({ step: 'Define the VOLSER range(s) of the physical volumes this library owns', source: '§11.7.2 steps 5a, 11', status: 'todo' });
  if (r.encrypted) items.push({ step: 'Encryption: keep the key manager with the replicated keys; define key labels for pools that will write', source: '§11.7.2 step 5b', status: 'todo' });
  if (r.testMode) {
    items.push({ step: 'DR test mode: no reclamation, stacked volumes keep the Copy Exported status, construct re-check on unload bypassed', source: '§11.7.2 steps 5c, 7', status: 'info' });
  } else {
    items.push({ step: 'Real recovery: verify or define the reclamation policies', source: '§11.7.2 step 5c', status: 'todo' });
    items.push({ step: "Verify the restored storage management constructs and their actions (they are the source library's)", source: '§11.7.2 step 12', status: 'todo' });
  }
  if (r.lostIncompleteCopy > 0) {
    items.push({ step: `${r.lostIncompleteCopy} logical volume(s) inaccessible: modified on another cluster, copy not complete before the export`, source: '§11.5.2', status: 'warning' });
  }
  if (r.lostMissingStackedVolume > 0) {
    items.push({
      step: `${r.lostMissingStackedVolume} logical volume(s) on ${r.missingStackedVolumes.length} stacked volume(s) not loaded: load every exported stacked volume of the source`,
      source: '§11.7.2 step 6',
      status: 'warning',
    });
  }
  if (r.conflicts > 0) items.push({ step: `${r.conflicts} VOLSER conflict(s) with another partition: not recovered`, source: '§11.7.1', status: 'warning' });
  items.push({ step: 'Insert logical volumes to use as scratch before writing new data', source: '§11.7.1', status: 'todo' });
  items.push({ step: 'Restore the tape management system (TMS) CDS', source: '§11.7.3 step 1', status: 'todo' });
  items.push({ step: 'Restore the DFSMS data catalogs, including the tape configuration database (TCDB)', source: '§11.7.3 step 2', status: 'todo' });
  items.push({ step: `Define the I/O gen using the Library ID of the recovery library ${sa.name}`, source: '§11.7.3 step 3', status: 'todo' });
  items.push({ step: 'Update the library definitions in the SCDS with the recovery Library IDs (composite and distributed)', source: '§11.7.3 step 4', status: 'todo' });
  items.push({ step: 'Activate the I/O gen and the SCDS', source: '§11.7.3 step 5', status: 'todo' });
  items.push({ step: 'Optionally set the grid and cluster nicknames to the DFSMS library names', source: '§11.7.3', status: 'info' });
  items.push({ step: 'Vary the virtual devices online: the tapes are ready to read', source: '§11.7.2', status: 'todo' });
  return items;
}

/** SHOW RECOVERY <standalone>: the Copy Export Recovery Status window (§11.7.2 step 10). */
export function showRecovery(state: GridState, sa: StandaloneLibrary) {
  const job = sa.job;
  const r = sa.recovery;
  const base = { library: sa.name, empty: isEmpty(sa), testMode: sa.testMode, volumes: sa.volumes.count };
  if (!job) return { ...base, operation: null, status: 'not started', totalSteps: 0, currentStep: 0, currentTask: null, steps: [], summary: null, checklist: [] };
  const fill = (step: RecoveryStep, elapsed: number) => {
    if (step.items === 0) return step.text;
    const done = step.ms > 0 ? Math.min(step.items, Math.floor((step.items * Math.max(0, elapsed)) / step.ms)) : step.items;
    return step.text.replace('XX of YY', `${done} of ${step.items}`);
  };
  const running = job.status === 'in progress';
  const steps = job.steps.map((s, i) => ({
    step: i + 1,
    task: i < job.current || !running ? fill(s, s.ms) : i === job.current ? fill(s, state.now - job.stepStartedAt) : s.text.replace('XX of YY', `0 of ${s.items}`),
    status: !running || i < job.current ? 'done' : i === job.current ? 'running' : 'pending',
  }));
  const end = job.ended ?? state.now;
  return {
    ...base,
    operation: job.kind,
    status: job.status,
    overallStatus: job.status === 'completed' ? 'Completed' : job.status === 'failed' ? 'Failed' : 'In progress',
    totalSteps: job.steps.length,
    currentStep: running ? job.current + 1 : job.steps.length,
    currentTask: steps.at(running ? job.current : -1)?.task ?? '',
    initiated: isoTime(job.initiated),
    runDurationSeconds: (end - job.initiated) / 1000,
    fromPvol: job.fromPvol,
    steps,
    summary:
      job.kind === 'RECOVER' && r
        ? {
            fromPvol: r.fromPvol,
            sourceLibrary: r.sourceLibrary,
            sourceGrid: r.sourceGrid,
            databaseTime: isoTime(r.databaseTime),
            testMode: r.testMode,
            reclamation: r.testMode ? 'disabled' : 'enabled',
            constructCheck: r.testMode ? 'bypassed' : 'active',
            inventory: r.inventory,
            inDatabase: r.inDatabase,
            recovered: r.recovered,
            lost: { incompleteCopy: r.lostIncompleteCopy, stackedVolumeNotLoaded: r.lostMissingStackedVolume, volserConflict: r.conflicts },
            lostVolumes: r.lostSamples,
            conflicts: r.conflictVolsers,
            missingStackedVolumes: r.missingStackedVolumes,
            ignoredStackedVolumes: r.ignoredStackedVolumes,
          }
        : null,
    checklist: job.kind === 'RECOVER' && !running ? checklist(sa) : [],
  };
}

export function recoveryBusy(state: GridState): boolean {
  return state.tape.standalones.some((sa) => sa.job !== null && sa.job.status === 'in progress');
}
