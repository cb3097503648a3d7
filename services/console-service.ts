// The console service: one Session behind every channel of contract/api.ts. Electron IPC and the
// web-mode WebSocket both hand raw (channel, payload) pairs to handle(), which checks the channel,
// the payload size (before parsing), the request schema, runs the handler, and checks the response
// schema too. Events (engine.changed, engine.messages, engine.progress) go to subscribers.

import { drHandlers, memorySettings, type Settings } from './dr-service.js';
import { exportHandlers, type ExportSetDesktop } from './export-service.js';
import { exportSetShelf } from './export-shelf.js';
import {
  channels,
  describeIssue,
  events,
  MAX_PAYLOAD_BYTES,
  type Channel,
  type EventName,
  type EventPayload,
  type LineErrorDto,
  type Request,
  type Response,
  type RunRecordDto,
} from '../contract/api.js';
import { Session, type RunRecord } from '../core/session.js';
import type { AbnormalEnd } from '../core/persistent-session.js';
import { StoreError } from '../core/store/port.js';
import { Refusal } from '../core/world/refusal.js';
import type { Command } from '../core/runbook/commands.js';
import type { FilePort } from '../core/runbook/validate.js';
import type { ConsoleMessage } from '../core/world/console-message.js';
import type { Engine } from '../core/engine/engine.js';
import { queueHistory, queuedVolumes, showCluster, showQueue, showVolume } from '../core/engine/show.js';
import { gridFileToRunbook } from '../core/model/grid-file.js';
import { SAMPLES, CONSOLE_SAMPLE } from '../core/samples/index.js';
import { isoTime, parseDuration, parseIsoTime } from '../core/sim/time.js';
import { ERROR_CODES, fail, ServiceFailure, type Reply } from './errors.js';
import { boundedJsonSize } from './payload-size.js';
import { VolumePager } from '../core/queries/volume-pager.js';
import { backupBefore, backupHandlers, type Backups } from './backup-service.js';
import { fullVolumeHistory } from '../core/queries/volume-history.js';
import { commandImpacts } from './command-impact.js';
import { runRecordDto as toDto } from './run-record-dto.js';
import { dasdHandlers } from './dasd-service.js';
import { gridTopology } from './grid-topology.js';
import { guardSessionWrites, isMutator, mutator, writerQueue } from './mutator.js';
import { LONG_MESSAGE_TOKEN, visibleText } from '../core/runbook/visible-text.js';
import { evidencePorts } from './report-service.js';
import type { GridStore } from '../core/store/port.js';
import { policyHandlers } from './policies-service.js';
import { workloadService } from './workload-service.js';
import { withInventories, yourGridService } from './your-grid-service.js';
import { languageHandlers } from './language-service.js';
import { errorMessage } from '../core/error-text.js';

export type { Reply, ServiceError } from './errors.js';

export type Handlers = { [C in Channel]: (request: Request<C>) => Response<C> | Promise<Response<C>> };
export type EngineEvent = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];
export type EventListener = (event: EngineEvent) => void;

/** Where the SQLite persistence plugs in (the lead's core/store adapter); absent = memory only. */
export interface SessionStore {
  /** The session saved by an earlier run, or null on first start. */
  open(files: FilePort | null, seed: number): Session | null;
  /** The session the service runs from now on: the store sets `session.sink` to journal it. */
  attach(session: Session): void;
  close?(): void;
  /** small documents kept with the grid (a paused wizard run) */
  settings?: Settings;
  /** database backups before destructive commands, restorable over backup.* */
  backups?: Backups;
  /** how the previous run on the database ended when it did not stop cleanly */
  previousRun?(): AbnormalEnd | null;
  /** the SQLite store itself: DR test evidence reports are kept in it and verified against its journal */
  store?: GridStore;
}

/** What only the desktop shell can do: native dialogs. Web mode has none. */
export interface DesktopPort extends ExportSetDesktop {
  /** Shows a Save dialog and writes the text; the chosen path, or null when cancelled. */
  saveFile(kind: Request<'file.save'>['kind'], name: string, text: string, encoding?: 'utf8' | 'base64'): Promise<string | null>;
}

export interface ConsoleServiceOptions {
  seed?: number | undefined;
  /** the built-in grid a new session opens on (core/samples) */
  sample?: string;
  store?: SessionStore | undefined;
  files?: FilePort;
  desktop?: DesktopPort;
  /** a runbook step running longer than this reports progress and yields to I/O */
  progressIntervalMs?: number;
  /**
   * Waits this long at every slice boundary of a long command and reports each one (web mode
   * `--pace <ms>`): a demonstration, or a test, sees the progress bar and can cancel on any machine.
   */
  workPaceMs?: number;
}

export interface ConsoleService {
  readonly handlers: Handlers;
  readonly session: Session;
  /** One request from a transport: never throws, always a Reply. */
  handle(channel: string, payload: unknown): Promise<Reply>;
  subscribe(listener: EventListener): () => void;
  /** Emits an event after checking it against the contract (the desktop shell's menu events). */
  publish(event: EngineEvent): void;
  /** File > Open grid file: a timezero-grid JSON file runs as the topology lines it stands for. */
  openGridFile(name: string, text: string): Promise<Reply<Response<'runbook.step'>>>;
  close(): void;
}

const DEFAULT_PROGRESS_MS = 100;
const HISTORY_LIMIT = 200;
const QUEUED_VOLUMES_LIMIT = 100;
const VALIDATED_RUNBOOKS = 4;

type ProgressPayload = EventPayload<'engine.progress'>;

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

export function createConsoleService(opts: ConsoleServiceOptions = {}): ConsoleService {
  const seed = opts.seed ?? 1;
  // SAVE/LOAD EXPORTSET read and write the export-set shelf, kept with the grid (services/export-shelf.ts).
  // IMPORT INVENTORY lines read the inventories kept with the grid (services/your-grid-service.ts).
  const kept = opts.store?.settings ?? memorySettings();
  const files = withInventories(exportSetShelf(opts.files ?? null, kept), kept);
  const progressMs = opts.progressIntervalMs ?? DEFAULT_PROGRESS_MS;
  const paceMs = opts.workPaceMs ?? 0;
  const listeners = new Set<EventListener>();
  const pager = new VolumePager();
  // Runbook text → its commands, validated against the grid as it was when the run began, so
  // stepping on through a runbook that defines clusters does not trip over its own definitions.
  const validatedRunbooks = new Map<string, { commands: Command[]; errors: LineErrorDto[] }>();
  // Handlers that change the grid are marked mutator(...) where they are registered and run one at a time.
  const writes = writerQueue();

  const restored = opts.store?.open(files, seed) ?? null;
  const session = restored ?? new Session(files, seed);
  opts.store?.attach(session);
  if (!restored) openSample(session, opts.sample ?? CONSOLE_SAMPLE);
  const unguard = guardSessionWrites(session, writes);

  function publish(event: EngineEvent): void {
    const checked = events[event.event].safeParse(event.payload);
    if (!checked.success) throw new Error(`event ${event.event} breaks the contract: ${describeIssue(checked.error)}`);
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // a transport that failed to deliver must not break the engine or the other transports
      }
    }
  }

  function changed(messages: ConsoleMessage[]): void {
    if (messages.length > 0) publish({ event: 'engine.messages', payload: { messages } });
    publish({ event: 'engine.changed', payload: { time: isoTime(session.engine.state.now), journalLength: session.journal.length } });
  }

  function engineAt(at: string | undefined): Engine {
    if (at === undefined) return session.engine;
    const time = parseIsoTime(at);
    if (time === null) fail('BAD_REQUEST', `at: '${at}' is not a time`);
    if (time > session.engine.state.now) fail('FUTURE_TIME', `${at} is after the simulated present ${isoTime(session.engine.state.now)}`);
    // A past view asks for the grid and the queues at the same moment: rebuild it once.
    if (pastCache?.time === time && pastCache.journalLength === session.journal.length && pastCache.present === session.engine) return pastCache.engine;
    pastCache = { time, journalLength: session.journal.length, present: session.engine, engine: session.engineAt(time) };
    return pastCache.engine;
  }
  let pastCache: { time: number; journalLength: number; present: Engine; engine: Engine } | null = null;

  function clusterIndex(engine: Engine, name: string): number {
    const x = engine.state.clusters.findIndex((c) => c.name === name);
    if (x < 0) fail('UNKNOWN_CLUSTER', `cluster: no cluster ${name} (clusters: ${engine.state.clusters.map((c) => c.name).join(', ') || 'none'})`);
    return x;
  }

  function runOne(text: string, source: string): RunRecordDto {
    const validated = session.validate(text);
    if (validated.errors.length > 0 || validated.commands.length !== 1) {
      const e = validated.errors[0];
      fail('INVALID_COMMAND', e ? `${text}: ${e.message}` : `${text}: not one command`);
    }
    return toDto(session.run(validated.commands[0]!, source));
  }

  /** Set by work.cancel while a step runs: the step stops before its next command, or abandons the one working in slices. */
  let cancelRequested = false;
  let stepRunning = false;
  /** Settles when the command working in slices ends: until then the grid is half-applied and nothing may read it. */
  let midCommand: Promise<void> | null = null;

  /**
   * Runs one command in slices: between slices, every progressMs, it reports how far it is and yields
   * to the event loop, where work.cancel can land. Cancelled, the session puts the grid back as it
   * was before the command (Session.abandonRun) and the journal never holds it: null.
   */
  async function runSliced(command: Command, source: string, report: (progress: ProgressPayload) => void, cancellable: boolean): Promise<RunRecord | null> {
    const work = session.runInSlices(command, source);
    let lastYield = Date.now();
    let step = work.next();
    if (step.done) return step.value;
    let settle = () => {};
    midCommand = new Promise<void>((resolve) => (settle = resolve));
    try {
      while (!step.done) {
        if (paceMs > 0 || Date.now() - lastYield >= progressMs) {
          // A part that must run to its end (the checkpoint after the command) says why it has no Cancel;
          // a Cancel asked for meanwhile stops the run at the next whole command instead.
          const { done, total, label, unit, notCancellable } = step.value;
          report({
            label: label ?? commandLabel(command),
            done,
            total,
            cancellable: cancellable && notCancellable === undefined,
            ...(unit === undefined ? {} : { unit }),
            ...(notCancellable === undefined ? {} : { notCancellable }),
          });
          await new Promise((resolve) => (paceMs > 0 ? setTimeout(resolve, paceMs) : setImmediate(resolve)));
          lastYield = Date.now();
          if (cancellable && cancelRequested && notCancellable === undefined) {
            session.abandonRun();
            return null;
          }
        }
        step = work.next();
      }
      return step.value;
    } catch (error) {
      // A command that threw half way (a store that refused it is handled in the session) leaves nothing half-applied either.
      if (!(error instanceof StoreError)) session.abandonRun();
      throw error;
    } finally {
      midCommand = null;
      settle();
    }
  }

  /** Runs commands [from, to), reporting progress and yielding when the step runs long; work.cancel stops it between whole commands or abandons the one working. */
  async function runCommands(commands: Command[], from: number, to: number, source: string, label: string, cancellable = true): Promise<{ records: RunRecordDto[]; cancelled: boolean }> {
    await backupBefore(opts.store?.backups, commands.slice(from, to));
    const records: RunRecordDto[] = [];
    let messages: ConsoleMessage[] = [];
    let lastYield = Date.now();
    let reported = false;
    let cancelled = false;
    const total = to - from;
    cancelRequested = false;
    stepRunning = cancellable;
    try {
      for (let i = from; i < to; i++) {
        // Between two commands: each ran whole and is journaled, so stopping here leaves nothing half-applied.
        if (cancelRequested) {
          cancelled = true;
          break;
        }
        const command = commands[i]!;
        // One long command shows its own progress (volumes, lines), named by its first line.
        const record = await runSliced(
          command,
          source,
          (progress) => {
            publish({ event: 'engine.progress', payload: progress });
            reported = true;
          },
          cancellable,
        );
        if (!record) {
          cancelled = true;
          break;
        }
        records.push(toDto(record));
        messages.push(...record.messages);
        if (i + 1 < to && Date.now() - lastYield >= progressMs) {
          publish({ event: 'engine.progress', payload: { label, done: i + 1 - from, total, cancellable } });
          reported = true;
          changed(messages);
          messages = [];
          await new Promise((resolve) => setImmediate(resolve));
          lastYield = Date.now();
        }
      }
    } finally {
      stepRunning = false;
      cancelRequested = false;
    }
    if (reported) publish({ event: 'engine.progress', payload: { label: cancelled ? `${label} cancelled` : label, done: total, total } });
    if (total > 0) changed(messages);
    return { records, cancelled };
  }

  function validatedRunbook(text: string, from: number): { commands: Command[]; errors: LineErrorDto[] } {
    const cached = validatedRunbooks.get(text);
    if (cached && from > 0) return cached;
    const { commands, errors } = session.validate(text);
    const result = { commands, errors: errors.map(lineError) };
    validatedRunbooks.delete(text);
    validatedRunbooks.set(text, result);
    if (validatedRunbooks.size > VALIDATED_RUNBOOKS) validatedRunbooks.delete(validatedRunbooks.keys().next().value!);
    return result;
  }

  // DR test evidence reports: in the database with one, else in memory; the journal they digest likewise.
  const reports = evidencePorts(session, opts.store?.store);

  // Production load (issue 14): while a workload is active the time bar's Advance runs it.
  const workload = workloadService(session, opts.store?.settings ?? memorySettings(), {
    progress: (done, total) => publish({ event: 'engine.progress', payload: { label: 'workload', done, total } }),
    changed,
  });

  const yourGrid = yourGridService(session, kept, {
    progress: (label, done, total) => publish({ event: 'engine.progress', payload: { label, done, total } }),
    changed: () => changed([]),
    runLine: async (command, source, label) => {
      cancelRequested = false;
      stepRunning = true;
      let reported = false;
      try {
        return await runSliced(
          command,
          source,
          (progress) => {
            // The line's own work is named as the Your Grid step calls it; a checkpoint after it by its own name.
            publish({ event: 'engine.progress', payload: progress.notCancellable === undefined ? { ...progress, label } : progress });
            reported = true;
          },
          true,
        );
      } finally {
        stepRunning = false;
        cancelRequested = false;
        if (reported) publish({ event: 'engine.progress', payload: { label, done: 1, total: 1 } });
      }
    },
    openGridFile: async (name, text) => {
      const reply = await openGridFile(name, text);
      if (!reply.ok) return { ok: false, error: reply.error.message, lines: 0 };
      const { records, errors, total } = reply.result;
      const refused = records.find((r) => !r.ok);
      const error = errors[0] ? `line ${errors[0].line}: ${errors[0].message}` : refused ? `${refused.command}: ${refused.error?.message}` : null;
      return { ok: error === null, error, lines: total };
    },
  });

  const handlers: Handlers = {
    ...backupHandlers(session, opts.store?.backups, () => {
      pager.clear();
      validatedRunbooks.clear();
      // A paused wizard run is kept in the restored settings: the DR handlers start over from them.
      Object.assign(
        handlers,
        drHandlers(
          session,
          opts.store?.settings ?? memorySettings(),
          () => changed([]),
          (state) => publish({ event: 'wizard.changed', payload: state }),
          reports,
        ),
      );
      changed([]);
    }),
    ...drHandlers(
      session,
      opts.store?.settings ?? memorySettings(),
      () => changed([]),
      (state) => publish({ event: 'wizard.changed', payload: state }),
      reports,
    ),
    ...exportHandlers(session, files, opts.desktop),
    ...dasdHandlers(session),
    ...policyHandlers(session),
    ...languageHandlers(session),
    ...workload.handlers,
    // A workload run changes the grid; workload.stop does not, so it lands between a run's slices.
    'workload.start': mutator(workload.handlers['workload.start']),
    'workload.run': mutator(workload.handlers['workload.run']),
    ...yourGrid.handlers,
    // gridfile.open queues itself (openGridFile); an inventory import changes the grid.
    'inventory.import': mutator(yourGrid.handlers['inventory.import']),
    'session.info': () => ({
      grid: session.engine.state.name,
      time: isoTime(session.engine.state.now),
      seed: session.engine.state.seed,
      samples: Object.entries(SAMPLES).map(([name, s]) => ({ name, title: s.title })),
      sample: loadedSample(session.journal),
      persistent: opts.store !== undefined,
      journalLength: session.journal.length,
      previousRun: previousRunDto(opts.store?.previousRun?.() ?? null),
    }),

    'console.execute': mutator(async ({ line }: Request<'console.execute'>) => {
      if (/[\r\n]/.test(line)) fail('BAD_REQUEST', 'line: one console line, without line breaks');
      const validated = session.validate(line);
      if (validated.errors.length > 0) return { records: [], errors: validated.errors.map(lineError) };
      const { records, cancelled } = await runCommands(validated.commands, 0, validated.commands.length, 'console', 'console');
      return { records, errors: [], ...(cancelled ? { cancelled: true } : {}) };
    }),

    'runbook.validate': ({ text }) => {
      const validated = session.validate(text);
      return { errors: validated.errors.map(lineError), commands: validated.commands.length };
    },

    'runbook.step': mutator(async ({ text, from, to }: Request<'runbook.step'>) => {
      const { commands, errors } = validatedRunbook(text, from);
      if (errors.length > 0) return { records: [], errors, total: commands.length };
      const end = Math.min(to, commands.length);
      const run = from < end ? await runCommands(commands, from, end, 'runbook', 'runbook') : { records: [], cancelled: false };
      return { records: run.records, errors: [], total: commands.length, ...(run.cancelled ? { cancelled: true } : {}) };
    }),

    // Not a mutator: it must reach a running step, which holds the writer queue.
    'work.cancel': () => {
      if (!stepRunning) return { cancelled: false };
      cancelRequested = true;
      return { cancelled: true };
    },

    'grid.show': ({ at }) => {
      const engine = engineAt(at);
      return { ...engine.showGrid(), ...gridTopology(engine.state) };
    },

    'cluster.show': ({ cluster }) => showCluster(session.engine.state, clusterIndex(session.engine, cluster)),

    'command.impact': ({ text, from, to }) => {
      // A runbook's commands as runbook.step would run them: validated as when its run began.
      const { commands } = from === undefined && to === undefined ? session.validate(text) : validatedRunbook(text, from ?? 0);
      const judged = commands.slice(from ?? 0, to ?? commands.length);
      return { impacts: commandImpacts(session.engine.state, judged, session.journal.length), persistent: opts.store !== undefined };
    },

    'volumes.page': ({ offset, limit, query, sort }) => pager.page(session.engine.state, session.journal.length, query, offset, limit, sort),

    'volumes.csv': ({ offset, limit, query, sort, journalLength }) => {
      // Chunks of one export must come from one grid: rows would shift under a changed one.
      if (journalLength !== session.journal.length) fail('GRID_CHANGED', `journalLength: the grid changed while exporting (journal ${journalLength} → ${session.journal.length}); export again`);
      return pager.csv(session.engine.state, session.journal.length, query, offset, limit, sort);
    },

    'volume.show': ({ volser, at }) => {
      const engine = engineAt(at);
      const v = engine.state.volumes.find(volser);
      if (v < 0) fail('UNKNOWN_VOLUME', `volser: no volume ${volser}${at ? ` at ${at}` : ''}`);
      const until = (at ? parseIsoTime(at) : null) ?? Infinity;
      const history = fullVolumeHistory(session.journal, engine.state, v, HISTORY_LIMIT, until);
      return { volume: showVolume(engine.state, v), history, historyDropped: engine.state.trail.dropped };
    },

    'queues.show': ({ at }) => {
      // A past moment's queues from the grid as it was then; the backlog series is the present's, whole.
      const present = session.engine.state;
      const state = engineAt(at).state;
      return state.clusters.map((c) => ({
        queue: showQueue(state, c.index),
        history: present.clusters[c.index] ? queueHistory(present, c.index) : [],
        volumes: queuedVolumes(state, c.index, QUEUED_VOLUMES_LIMIT),
      }));
    },

    'time.advance': mutator(async ({ duration }: Request<'time.advance'>) => {
      if (duration !== null && workload.isActive()) {
        return workload.toDto(await workload.advanceWithLoad(parseDuration(duration)!));
      }
      if (duration !== null) {
        const record = runOne(`ADVANCE ${duration}`, 'console');
        changed(record.messages);
        return record;
      }
      // Until idle can take a while on a big grid: say so before the engine is busy.
      const label = 'advance until idle';
      publish({ event: 'engine.progress', payload: { label, done: 0, total: 1 } });
      await new Promise((resolve) => setImmediate(resolve));
      const record = runOne('ADVANCE UNTIL IDLE', 'console');
      publish({ event: 'engine.progress', payload: { label, done: 1, total: 1 } });
      changed(record.messages);
      return record;
    }),

    'journal.list': ({ from, limit }) =>
      session.journal.slice(from, from + limit).map((e, i) => ({
        seq: from + i,
        time: isoTime(e.startedAt),
        endTime: isoTime(e.endedAt),
        text: e.text,
        ok: e.outcome.ok,
      })),

    'file.save': async ({ kind, name, text, encoding }) => {
      if (!opts.desktop) fail('UNSUPPORTED', 'saving to a file needs the desktop app: the web console downloads instead');
      return { path: await opts.desktop.saveFile(kind, name, text, encoding) };
    },
  };

  async function dispatch(channel: string, payload: unknown): Promise<Reply> {
    if (!isChannel(channel)) return error(ERROR_CODES.UNKNOWN_CHANNEL, `unknown channel '${String(channel).slice(0, 64)}'`);
    // Size first: a huge payload is refused before zod walks it.
    if (boundedJsonSize(payload, MAX_PAYLOAD_BYTES) > MAX_PAYLOAD_BYTES) {
      return error(ERROR_CODES.PAYLOAD_TOO_LARGE, `${channel}: payload larger than ${MAX_PAYLOAD_BYTES / 2 ** 20} MB`);
    }
    const schema = channels[channel];
    const request = schema.request.safeParse(payload);
    if (!request.success) return error(ERROR_CODES.BAD_REQUEST, `${channel}: ${describeIssue(request.error)}`);
    let result: unknown;
    try {
      result = await (handlers[channel] as (request: unknown) => unknown)(request.data);
    } catch (thrown) {
      if (thrown instanceof ServiceFailure) return error(thrown.code, thrown.message);
      // The grid said no (an unknown family, a list volume that holds no list): its code, as a command's.
      if (thrown instanceof Refusal) return error(thrown.code, thrown.message);
      if (thrown instanceof StoreError) {
        // The database refused the write: the command was undone, the commands before it stand.
        changed([]);
        return error(thrown.code, thrown.message);
      }
      return error(ERROR_CODES.INTERNAL, `${channel}: ${errorMessage(thrown)}`);
    }
    const response = schema.response.safeParse(result);
    if (!response.success) return error(ERROR_CODES.BAD_RESPONSE, `${channel} response: ${describeIssue(response.error)}`);
    return { ok: true, result: response.data };
  }

  function handle(channel: string, payload: unknown): Promise<Reply> {
    // A command working in slices has the grid half-applied: everything but its Cancel waits for it.
    if (midCommand && channel !== 'work.cancel') return midCommand.then(() => handle(channel, payload));
    // The mark is looked up when the request comes: a handler map replaced later (a restore) counts too.
    if (!isChannel(channel) || !isMutator(handlers[channel])) return dispatch(channel, payload);
    return writes.run(() => dispatch(channel, payload));
  }

  async function openGridFile(name: string, text: string): Promise<Reply<Response<'runbook.step'>>> {
    const run = async (): Promise<Reply<Response<'runbook.step'>>> => {
      const converted = gridFileToRunbook(text);
      if (typeof converted !== 'string') return error('BAD_GRID_FILE', `${name}: ${converted.path}: ${converted.message}`);
      const { commands, errors } = session.validate(converted);
      if (errors.length > 0) return { ok: true, result: { records: [], errors: errors.map(lineError), total: commands.length } };
      // A grid file half loaded is half a grid: its lines run to the end, not cancellable.
      const { records } = await runCommands(commands, 0, commands.length, name, `open ${name}`, false);
      return { ok: true, result: { records, errors: [], total: commands.length } };
    };
    return writes.run(run);
  }

  return {
    handlers,
    session,
    handle,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish,
    openGridFile,
    close() {
      unguard();
      listeners.clear();
      pager.clear();
      opts.store?.close?.();
    },
  };
}

/** The sample behind the grid: the last journaled GRID, SAMPLE or LOAD, when it was a SAMPLE that ran. */
function loadedSample(journal: readonly { text: string; outcome: { ok: boolean } }[]): string | null {
  for (let i = journal.length - 1; i >= 0; i--) {
    const entry = journal[i]!;
    if (!entry.outcome.ok) continue;
    const m = /^(GRID|SAMPLE|LOAD)\s+(\S+)/i.exec(entry.text);
    if (!m) continue;
    return m[1]!.toUpperCase() === 'SAMPLE' && m[2]! in SAMPLES ? m[2]! : null;
  }
  return null;
}

function openSample(session: Session, name: string): void {
  const validated = session.validate(`SAMPLE ${name}`);
  if (validated.errors.length > 0) throw new Error(`sample ${name}: ${validated.errors[0]!.message}`);
  for (const command of validated.commands) {
    const record = session.run(command, 'console');
    if (!record.ok) throw new Error(`sample ${name}: ${record.error?.message}`);
  }
}

function previousRunDto(end: AbnormalEnd | null): Response<'session.info'>['previousRun'] {
  if (!end) return null;
  const { lastCommand, restarts, ...rest } = end;
  return { ...rest, lastCommand: lastCommand ? { seq: lastCommand.seq, text: lastCommand.text, time: isoTime(lastCommand.endedAt) } : null, restarts: restarts.map(toDto) };
}

function error(code: string, message: string): { ok: false; error: { code: string; message: string } } {
  // A message may echo the request (a channel name, a runbook line): shown escaped and cut.
  return { ok: false, error: { code, message: visibleText(message, LONG_MESSAGE_TOKEN) } };
}

/** A command's first line, cut to what a header has room for. */
function commandLabel(command: Command): string {
  const line = command.text.split('\n')[0] ?? command.text;
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

function lineError(e: { line: number; col: number; message: string }): LineErrorDto {
  return { line: e.line, col: e.col, message: e.message };
}
